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
    "problem.not-a-file": (
        "通常のファイルではありません（FIFO やデバイス）。",
        "not a regular file (a FIFO or a device)",
    ),
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
    "problem.review-decision-early": (
        "状態 {status} では判定（decision）を記録できません。審査の手続きで記録してください。",
        "a decision cannot be recorded while the status is {status}; record it through the review workflow",
    ),
    "problem.review-decision-mismatch": (
        "状態 {status} の判定は {expected} のはずです。",
        "status {status} requires the decision {expected}",
    ),
    "problem.review-incomplete": (
        "状態 {status} には {field} が必要です（vendorrisk review で記録されます）。",
        "status {status} needs {field} (vendorrisk review records it)",
    ),
    "problem.evidence-missing": (
        "{id} は証跡が必要な項目ですが、証跡がありません。",
        "{id} needs evidence, and none is recorded",
    ),
    "problem.exception-unknown": (
        "例外措置の対象 {id} は対策基準にありません。",
        "exception for {id}, which is not in the catalogue",
    ),
    # --- scoring ------------------------------------------------------------------------
    "finding.unanswered": (
        "{title}: 未回答です（未達として扱います）。",
        "{title}: not answered (counted as not met)",
    ),
    "finding.evidence-missing": (
        "{title}: 適合と回答されていますが、必要な証跡がないため一部適合として扱います。",
        "{title}: answered met, but the evidence it needs is missing, so it counts as partly met",
    ),
    "finding.criterion": ("{title}: {criterion}", "{title}: {criterion}"),
    # --- review workflow ----------------------------------------------------------------
    "workflow.reviewer": ("審査者", "reviewer"),
    "workflow.name-required": (
        "{what}の名前を指定してください（--reviewer）。",
        "the {what}'s name is required (--reviewer)",
    ),
    "workflow.name-invalid": (
        "{what}の名前に制御文字が含まれているか、長すぎます。",
        "the {what}'s name contains control characters or is too long",
    ),
    "workflow.unknown-status": (
        "状態 {status} はありません（使える状態: {statuses}）。",
        "unknown status {status} (statuses: {statuses})",
    ),
    "workflow.not-allowed": (
        "「{current}」から「{to}」には移せません（移せる状態: {allowed}）。",
        "cannot move from {current} to {to} (allowed: {allowed})",
    ),
    "workflow.incomplete": (
        "未回答の項目が {count} 件あります。すべて回答してから進めてください。",
        "{count} applicable question(s) are unanswered; answer them first",
    ),
    "workflow.open-blockers": (
        "承認を妨げる未達項目があります（{ids}）。是正するか、代替措置を伴う例外措置を記録してください。",
        "open blockers prevent approval ({ids}): fix them or record an exception with a compensating control",
    ),
    "workflow.conditions-required": (
        "条件付き承認には条件を 1 つ以上指定してください（--condition）。",
        "approval with conditions needs at least one condition (--condition)",
    ),
    "workflow.next-review-late": (
        "次回見直し日 {given} は、規定による期限 {latest} より後です。",
        "next review {given} is later than the schedule allows ({latest})",
    ),
    "workflow.next-review-past": (
        "次回見直し日 {given} は今日より後の日付にしてください。",
        "the next review date {given} must be after today",
    ),
    "workflow.approver": ("承認者", "approver"),
    "workflow.exception-control": (
        "例外措置には代替措置（compensating control）を書いてください。",
        "an exception needs its compensating control",
    ),
    "workflow.exception-past": (
        "例外措置の期限 {until} が過ぎています。",
        "the exception's end date {until} has passed",
    ),
    "workflow.exception-granted": (
        "{id} に例外措置（{until} まで）",
        "exception for {id} (until {until})",
    ),
    "workflow.comment-empty": ("コメントが空です。", "the comment is empty"),
    "workflow.no-answer": (
        "{id} には回答がないため、コメントを付けられません。",
        "{id} has no answer to comment on",
    ),
    # --- URL-check evidence --------------------------------------------------------------
    "evidence.recorded": (
        "URL チェック結果を {count} 件記録",
        "recorded {count} URL check result(s)",
    ),
    "import-checks.help": (
        "別の端末で作った URL チェック結果（JSON Lines）を評価に記録する",
        "record URL-check results (JSON Lines) made on another machine in the assessments",
    ),
    "import-checks.opt_file": ("結果ファイル（JSON Lines）", "results file (JSON Lines)"),
    "import-checks.bad-json": (
        "{path}:{line}: JSON として読めません: {reason}",
        "{path}:{line}: not JSON: {reason}",
    ),
    "import-checks.bad-record": (
        "{path}:{line}: 結果の形式が違うため取り込みません: {reason}",
        "{path}:{line}: not a valid result, skipped: {reason}",
    ),
    "import-checks.too-large": (
        "{path} が大きすぎます（上限 {limit} バイト）。",
        "{path} is too large (limit {limit} bytes)",
    ),
    "import-checks.done": (
        "{records} 件の結果のうち {recorded} 件を {files} ファイルに記録、{refused} 件を取り込みませんでした。",
        "{recorded} of {records} result(s) recorded in {files} file(s); {refused} refused",
    ),
    "check.opt_assessments": (
        "このフォルダの評価に載っている事業者 URL もチェックする",
        "also check every vendor URL of the assessments in DIR",
    ),
    "check.opt_write": (
        "結果を評価に証跡として記録する（--assessments のフォルダ、既定 ./assessments）",
        "record the results in the matching assessments (in --assessments DIR, default ./assessments)",
    ),
    "check.recorded": (
        "{path}: URL チェック結果を {count} 件記録しました",
        "{path}: recorded {count} URL check result(s)",
    ),
    # --- editing sessions -----------------------------------------------------------------
    "session.summary": ("回答を更新: {ids}", "answers updated: {ids}"),
    "session.more": (" ほか {count} 件", " and {count} more"),
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
    "cli.bad-jobs": (
        "--jobs は 1 から 64 までの数です（{value}）。",
        "--jobs must be 1 to 64 (got {value})",
    ),
    "cli.output-failed": ("出力を書き込めません: {reason}", "cannot write the output: {reason}"),
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
    "cli.invalid-hint": (
        "{path} は正しい評価ファイルではありません（vendorrisk validate で詳細を確認してください）。",
        "{path} is not a valid assessment (run vendorrisk validate for details)",
    ),
    "cli.bad-date": (
        "日付 {value} は YYYY-MM-DD 形式で指定してください。",
        "date {value} must be YYYY-MM-DD",
    ),
    "score.help": (
        "評価を採点し、リスクと判定案を表示する",
        "score an assessment: risk, findings, suggested decision",
    ),
    "score.summary": (
        "リスク: {risk}　点数: {score}　影響度: {impact}　判定案: {decision}",
        "risk: {risk}   score: {score}   impact: {impact}   suggested decision: {decision}",
    ),
    "score.unanswered": ("未回答: {count} 件", "unanswered: {count}"),
    "risk.low": ("低", "low"),
    "risk.medium": ("中", "medium"),
    "risk.high": ("高", "high"),
    "risk.critical": ("重大", "critical"),
    "impact.low": ("低", "low"),
    "impact.moderate": ("中", "moderate"),
    "impact.high": ("高", "high"),
    "impact.very_high": ("極めて高い", "very high"),
    "decision.approve": ("承認", "approve"),
    "decision.approve_with_conditions": ("条件付き承認", "approve with conditions"),
    "decision.reject": ("不承認", "reject"),
    "decision.incomplete": ("未完了（判定できません）", "incomplete (cannot decide yet)"),
    "status.met": ("適合", "met"),
    "status.partial": ("一部適合", "partly met"),
    "status.not_met": ("不適合", "not met"),
    "status.na": ("該当なし", "not applicable"),
    "status.unanswered": ("未回答", "unanswered"),
    "review.help": (
        "審査の状態を進める、または回答にコメントする",
        "move an assessment through review, or comment on an answer",
    ),
    "review.opt_to": ("移す先の状態（{statuses}）", "status to move to ({statuses})"),
    "review.opt_reviewer": ("審査者名（既定: ログイン名）", "reviewer (default: the login name)"),
    "review.opt_comment": (
        "コメント（履歴に記録、--on と併用で回答へのコメント）",
        "comment (recorded in the history; with --on, on that answer)",
    ),
    "review.opt_on": ("コメントを付ける項目 ID", "requirement id whose answer the comment is on"),
    "review.opt_condition": ("承認の条件（複数指定可）", "a condition of approval (repeatable)"),
    "review.opt_next_review": (
        "次回見直し日（規定の期限より前のみ）",
        "next review date (no later than the schedule allows)",
    ),
    "review.nothing-to-do": ("--to または --on を指定してください。", "give --to or --on"),
    "review.commented": ("{id} にコメント", "comment on {id}"),
    "review.done": (
        "{path}: 状態 {status}（版 {revision}）",
        "{path}: status {status} (revision {revision})",
    ),
    "due.help": ("再評価の期限切れ・期限間近を一覧する", "list reassessments overdue or due soon"),
    "due.opt_within": (
        "この日数以内に期限が来るものも表示（既定: 対策基準の設定）",
        "also list what falls due within DAYS (default: the catalogue's setting)",
    ),
    "due.bad-within": (
        "--within には 0 から {limit} までの日数を指定してください。",
        "--within must be a number of days from 0 to {limit}",
    ),
    "due.overdue": ("期限切れ", "OVERDUE"),
    "due.soon": ("期限間近", "due soon"),
    "due.none": (
        "{days} 日以内に期限が来る評価はありません。",
        "nothing is due within {days} days",
    ),
    "due.kind.interval": ("定期見直し", "scheduled review"),
    "due.kind.exception": ("例外措置の期限", "exception ends"),
    "due.kind.evidence": ("証跡の有効期限", "evidence expires"),
    "due.kind.contract_end": ("契約終了", "contract ends"),
    "due.kind.tls_certificate": ("TLS 証明書の期限", "TLS certificate expires"),
    "catalog.help": ("適用される対策基準の項目を表示する", "list the requirements that apply"),
    "catalog.opt_kind": ("評価の種類で絞り込む", "only requirements for this kind"),
    "catalog.opt_tier": ("系で絞り込む", "only requirements for this tier"),
}
