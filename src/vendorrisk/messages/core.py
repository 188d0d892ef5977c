"""Texts of the core and the command line: problems found in files, command help, reports.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reading files -------------------------------------------------------------------
    "problem.too-large": (
        "ファイルが大きすぎます（{size} バイト、上限 {limit} バイト）。",
        "file is too large ({size} bytes; the limit is {limit} bytes)",
    ),
    "problem.empty": ("ファイルが空です。", "file is empty"),
    "problem.utf16": (
        "UTF-16 で保存されています。UTF-8 で保存し直してください。",
        "file is UTF-16; save it as UTF-8",
    ),
    "problem.bom": (
        "先頭に BOM（バイト順マーク）があります。BOM なしの UTF-8 で保存してください（fmt で除去できます）。",
        "file starts with a byte order mark; save it as UTF-8 without BOM (fmt removes it)",
    ),
    "problem.binary": (
        "テキストではなくバイナリファイルのようです（NUL 文字があります）。",
        "file looks binary, not text (it contains a NUL byte)",
    ),
    "problem.conflict-markers": (
        "Git のマージ競合マーカーが残っています（{lines} 行目）。競合を解消してから保存してください。",
        "Git merge conflict markers left in the file (lines {lines}); resolve the conflict first",
    ),
    "problem.not-utf8": (
        "UTF-8 として読めない文字があります。UTF-8 で保存し直してください。",
        "text is not valid UTF-8; save it as UTF-8",
    ),
    "problem.toml-syntax": ("TOML の書式が誤っています: {reason}", "TOML syntax error: {reason}"),
    "problem.too-deep": (
        "入れ子が深すぎて読み込めません。",
        "nesting is too deep to read",
    ),
    "problem.is-directory": ("ファイルではなくフォルダです。", "is a folder, not a file"),
    "problem.unreadable": ("読み込めません: {reason}", "cannot read: {reason}"),
    "problem.not-found": ("ファイルが見つかりません。", "no such file or folder"),
    "problem.no-files": (
        "評価ファイル（*.toml）が見つかりません。",
        "no assessment files (*.toml) found",
    ),
    # --- schema -------------------------------------------------------------------------
    "problem.schema": ("値が不正です: {reason}", "invalid value: {reason}"),
    "problem.schema-missing-key": (
        "必須の項目 {reason} がありません。",
        "required key {reason} is missing",
    ),
    "problem.schema-unknown-key": (
        "知らない項目があります: {reason}（綴りを確認してください）",
        "unknown key(s): {reason} (check the spelling)",
    ),
    "problem.date-expected": (
        "日付（例: 2026-04-01）を書くところに日時が書かれています。",
        "a date (e.g. 2026-04-01) is expected here, not a date-time",
    ),
    "problem.date-quoted": (
        "日付が文字列になっています（{value}）。引用符を外して 2026-04-01 のように書いてください。",
        "date written as a string ({value}); write it without quotes, like 2026-04-01",
    ),
    "problem.datetime-offset": (
        "日時に時差（+09:00 など）がありません。",
        "date-time has no UTC offset (such as +09:00)",
    ),
    "problem.datetime-expected": (
        "日時（例: 2026-04-01T10:00:00+09:00）を書いてください。",
        "a date-time (e.g. 2026-04-01T10:00:00+09:00) is expected here",
    ),
    # --- catalogue ----------------------------------------------------------------------
    "problem.catalog-duplicate-id": (
        "項目 ID {id} が重複しています。",
        "requirement id {id} is used twice",
    ),
    "problem.catalog-unknown-section": (
        "{id} の節 {section} が sections にありません。",
        "{id}: section {section} is not listed in sections",
    ),
    "problem.catalog-duplicate-option": (
        "{id} の選択肢 ID が重複しています。",
        "{id}: an option id is used twice",
    ),
    "problem.catalog-bad-condition": (
        "{id} の表示条件が読めません: {reason}",
        "{id}: the condition cannot be parsed: {reason}",
    ),
    "problem.catalog-condition-forward": (
        "{id} の表示条件が、それより前にない項目 {name} を参照しています。",
        "{id}: the condition refers to {name}, which is not an earlier requirement",
    ),
    "catalog.unusable": ("対策基準ファイルを使えません: {path}", "cannot use the catalogue {path}"),
    # --- assessment meaning -------------------------------------------------------------
    "problem.catalog-mismatch": (
        "この評価は対策基準 {found} に対するもので、使用中の {expected} とは異なります。--catalog で指定してください。",
        "this assessment was answered against catalogue {found}, not {expected}; pass it with --catalog",
    ),
    "problem.catalog-version": (
        "対策基準の版が異なります（評価: {found}、現行: {expected}）。",
        "answered against catalogue version {found}; the current version is {expected}",
    ),
    "problem.corporate-number": (
        "法人番号 {number} のチェックデジットが合いません。",
        "corporate number {number} has a wrong check digit",
    ),
    "problem.unknown-requirement": (
        "対策基準にない項目 {id} への回答です。",
        "answer to {id}, which is not in the catalogue",
    ),
    "problem.answer-type": (
        "{id} の回答の形式が違います（{expected} が必要です）。",
        "answer to {id} has the wrong type ({expected} expected)",
    ),
    "problem.answer-option": (
        "{id} の回答 {value} は選択肢にありません（選択肢: {options}）。",
        "answer to {id}: {value} is not one of the options ({options})",
    ),
    "problem.answer-too-long": (
        "{id} の回答が長すぎます（上限 {limit} 文字）。",
        "answer to {id} is too long (limit {limit} characters)",
    ),
    "problem.answer-range": (
        "{id} の回答 {value} が範囲外です。",
        "answer to {id}: {value} is out of range",
    ),
    "problem.answer-url": (
        "{id} の回答は https:// で始まる URL にしてください。",
        "answer to {id} must be an https:// URL",
    ),
    "problem.na-reason": (
        "{id} を「該当なし」とするには reason に理由を書いてください。",
        "{id} is marked not applicable (na) without a reason",
    ),
    "problem.not-applicable": (
        "{id} はこの評価には適用されない項目です（回答は採点されません）。",
        "{id} does not apply to this assessment (its answer is not scored)",
    ),
    "problem.history-order": (
        "履歴の版番号が増えていません（{previous} の次が {revision}）。",
        "history goes backwards: revision {revision} follows {previous}",
    ),
    "problem.history-time": (
        "履歴の日時が前の版より前になっています（版 {revision}）。",
        "history goes back in time at revision {revision}",
    ),
    "problem.revision-mismatch": (
        "revision = {revision} ですが、履歴の最後は版 {last} です。",
        "revision is {revision} but the last history entry is revision {last}",
    ),
    "problem.exception-unknown": (
        "例外措置の対象 {id} は対策基準にありません。",
        "exception for {id}, which is not in the catalogue",
    ),
    # --- storage ------------------------------------------------------------------------
    "storage.changed-on-disk": (
        "{path} は読み込んだ後に他で変更されています。上書きしませんでした。再読み込みするか別名で保存してください。",
        "{path} changed on disk since it was loaded; not overwritten. Reload it or save under another name",
    ),
    "storage.exists": (
        "{path} は既にあります。上書きしません。",
        "{path} already exists; not overwriting it",
    ),
    "storage.invalid": (
        "{path} は正しい評価ファイルではありません。",
        "{path} is not a valid assessment file",
    ),
    "storage.unreadable": ("{path} を読み込めません: {reason}", "cannot read {path}: {reason}"),
    "storage.refused-invalid": (
        "{path} に保存しませんでした: 内容に誤りがあり、保存すると読み込めなくなります。",
        "did not save {path}: the content has errors and could not be loaded again",
    ),
    "storage.write-failed": ("{path} を保存できません: {reason}", "cannot save {path}: {reason}"),
    "storage.summary-created": ("評価を作成", "assessment created"),
    "storage.summary-formatted": ("書式を整形", "reformatted"),
    # --- command line -------------------------------------------------------------------
    "cli.description": (
        "委託事業者・クラウドサービス・ソーシャルメディアサービスの情報セキュリティ評価",
        "Assess contractors, cloud services and social media services against the security policy",
    ),
    "cli.opt_lang": ("表示言語（ja または en）", "language of messages (ja or en)"),
    "cli.usage_error": ("使い方の誤り", "usage error"),
    "cli.interrupted": ("中断しました。", "interrupted"),
    "cli.opt_format": ("出力形式", "output format"),
    "cli.opt_catalog": (
        "対策基準ファイル（省略時は組込みのもの）",
        "catalogue file (default: the built-in one)",
    ),
    "cli.opt_paths": (
        "評価ファイルまたはフォルダ（省略時は ./assessments）",
        "assessment files or folders (default: ./assessments)",
    ),
    "cli.opt_no_cache": ("検証結果のキャッシュを使わない", "do not use the validation cache"),
    "cli.opt_jobs": ("並列処理数（既定: CPU 数）", "parallel workers (default: CPU count)"),
    "validate.help": ("評価ファイルを検証する", "validate assessment files"),
    "validate.ok": ("{path}: 問題ありません", "{path}: ok"),
    "validate.summary": (
        "{files} ファイルを検証、{invalid} ファイルに誤りがあります。",
        "{files} file(s) checked, {invalid} invalid",
    ),
    "severity.error": ("誤り", "error"),
    "severity.warning": ("警告", "warning"),
    "fmt.help": (
        "評価ファイルを正規の書式に整える",
        "rewrite assessment files in the canonical form",
    ),
    "fmt.opt_check": (
        "変更せず、整形が必要なファイルがあれば終了コード 1",
        "change nothing; exit 1 if any file would be reformatted",
    ),
    "fmt.would-change": ("{path}: 整形が必要です", "{path}: would be reformatted"),
    "fmt.changed": ("{path}: 整形しました", "{path}: reformatted"),
    "fmt.unchanged": (
        "{count} ファイルは整形済みです。",
        "{count} file(s) already formatted",
    ),
    "fmt.skipped-invalid": (
        "{path}: 誤りがあるため整形しません（vendorrisk validate で確認してください）",
        "{path}: not formatted because it is invalid (run vendorrisk validate)",
    ),
    "new.help": ("評価の下書きを作成する", "create a draft assessment"),
    "new.opt_kind": ("評価の種類", "kind of assessment"),
    "new.opt_vendor": ("事業者名", "vendor name"),
    "new.opt_service": ("サービス名・業務名", "service or work name"),
    "new.opt_tier": ("利用する系（三層）", "network tier the service is used from"),
    "new.opt_confidentiality": ("機密性の分類", "confidentiality class"),
    "new.opt_integrity": ("完全性の分類", "integrity class"),
    "new.opt_availability": ("可用性の分類", "availability class"),
    "new.opt_corporate_number": ("法人番号（13 桁）", "corporate number (13 digits)"),
    "new.opt_personal": ("個人情報を扱う", "personal information is handled"),
    "new.opt_mynumber": ("特定個人情報（マイナンバー）を扱う", "My Number data is handled"),
    "new.opt_dir": (
        "作成先フォルダ（既定: ./assessments）",
        "folder to create it in (default: ./assessments)",
    ),
    "new.opt_author": ("作成者名（既定: ログイン名）", "author (default: the login name)"),
    "new.bad-name": (
        "事業者名とサービス名は 1 行の文字列で指定してください。",
        "vendor and service names must be non-empty, single-line text",
    ),
    "new.bad-corporate-number": (
        "法人番号 {number} は正しくありません（13 桁、先頭がチェックデジット）。",
        "corporate number {number} is not valid (13 digits, the first a check digit)",
    ),
    "catalog.help": ("適用される対策基準の項目を表示する", "list the requirements that apply"),
    "catalog.opt_kind": ("評価の種類で絞り込む", "only requirements for this kind"),
    "catalog.opt_tier": ("系で絞り込む", "only requirements for this tier"),
}
