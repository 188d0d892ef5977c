"""Texts of the questionnaire exchange with vendors and of the OSCAL export.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- questionnaire export -----------------------------------------------------------
    "questionnaire.help": ("事業者に送る質問票を扱います。", "questionnaires sent to vendors"),
    "questionnaire.export-help": (
        "事業者が記入する空の質問票を出力します（事業者向けの設問だけ。市が回答する設問や内部の記録は含みません）。",
        "write a blank questionnaire for a vendor to fill in (vendor-facing questions only; never the city's own questions or internal notes)",
    ),
    "questionnaire.title": (
        "寝屋川市 情報セキュリティ質問票",
        "Neyagawa City information security questionnaire",
    ),
    "questionnaire.instructions": (
        "各設問の value に回答を記入してください。適合状況は met（適合）・partial（一部適合）・not_met（不適合）・na（該当なし。reason に理由を記入）のいずれかです。根拠となる資料名は evidence に、補足は note に記入してください。回答しない設問は value を空のままにしてください。",
        "Write each answer in value. Compliance answers are met, partial, not_met or na (not applicable: give the reason in reason). Name supporting documents in evidence and add remarks in note. Leave value empty for a question you do not answer.",
    ),
    "questionnaire.md-meta": (
        "評価項目: {catalog} {version}／種類: {kind}／利用する系: {tier}",
        "Catalogue: {catalog} {version} / kind: {kind} / tier: {tier}",
    ),
    "questionnaire.md-choices": ("選択肢", "choices"),
    "questionnaire.md-evidence": ("根拠資料の提出が必要です", "supporting evidence is required"),
    "questionnaire.md-condition": ("次の場合のみ回答", "answer only when"),
    "questionnaire.md-answer": ("回答", "Answer"),
    "questionnaire.count": (
        "{count} 問の質問票を出力しました。",
        "questionnaire with {count} questions written",
    ),
    # --- import-answers -----------------------------------------------------------------
    "import.help": (
        "事業者が記入した質問票（TOML または CSV）を、信頼できない入力として検査したうえで、事業者申告の回答として評価に取り込みます。市職員が確認済みの回答は上書きしません。",
        "import a vendor's filled-in questionnaire (TOML or CSV), checked as untrusted input, as vendor-stated answers with provenance; answers verified by city staff are never overwritten",
    ),
    "import.opt_by": (
        "回答者として記録する名前（既定: 事業者の担当者名）",
        "name recorded as who answered (default: the vendor's contact)",
    ),
    "import.refused-file": ("{path} は取り込めません: {reason}", "{path} refused: {reason}"),
    "import.file-too-large": (
        "ファイルが大きすぎます（上限 {limit} バイト）",
        "file is too large (limit {limit} bytes)",
    ),
    "import.too-many": (
        "回答が多すぎます（{count} 件、上限 {limit} 件）",
        "too many answers ({count}; the limit is {limit})",
    ),
    "import.cell-too-long": (
        "{where} のセルが長すぎます（{size} 文字、上限 {limit} 文字）",
        "a cell at {where} is too long ({size} characters; the limit is {limit})",
    ),
    "import.bad-evidence": (
        "{where} の evidence が不正です（文字列の一覧、{limit} 件まで）",
        "evidence at {where} must be a list of at most {limit} texts",
    ),
    "import.no-questions": ("questions の一覧がありません", "there is no questions list"),
    "import.bad-entry": ("{where} に id がありません", "{where} has no id"),
    "import.csv-columns": (
        "CSV の見出し行に id と value の列がありません",
        "the CSV header has no id and value columns",
    ),
    "import.csv-broken": ("CSV として読めません: {reason}", "not readable as CSV: {reason}"),
    "import.line": ("{line} 行目", "line {line}"),
    "import.not-utf8": ("UTF-8 のテキストではありません", "not UTF-8 text"),
    "import.unknown-format": (
        "拡張子 {suffix} の形式は扱えません（.toml か .csv）",
        "cannot read {suffix} files (use .toml or .csv)",
    ),
    "import.toml-broken": (
        "TOML として読めません（{line} 行目）: {reason}",
        "not readable as TOML (line {line}): {reason}",
    ),
    "import.not-questionnaire": (
        'vendorrisk の質問票ではありません（format = "{expected}" がありません）',
        'not a vendorrisk questionnaire (format = "{expected}" is missing)',
    ),
    "import.other-catalogue": (
        "別の評価項目 {found} の質問票です（この評価は {expected}）",
        "it is a questionnaire of catalogue {found}, not {expected}",
    ),
    "import.other-kind": (
        "種類 {found} の質問票です（この評価は {expected}）",
        "it is a questionnaire for kind {found}, not {expected}",
    ),
    "import.unknown-id": ("設問 ID {id} は評価項目にありません", "no question has the id {id}"),
    "import.duplicate": ("同じ設問への2つ目の回答です", "second answer to the same question"),
    "import.not-asked": (
        "事業者に尋ねる設問ではありません（市が回答する設問、または別の種類の設問）",
        "not a question asked of this vendor (answered by the city, or for another kind)",
    ),
    "import.formula": (
        "表計算ソフトの数式として実行されうる値です（{cell}…）。先頭の =, +, -, @ を外してください",
        "the cell would run as a spreadsheet formula ({cell}…); remove the leading =, +, - or @",
    ),
    "import.city-verified": (
        "市職員が確認済みの回答があるため上書きしません",
        "city staff verified the current answer; not overwritten",
    ),
    "import.invalid": ("回答が不正です: {reason}", "invalid answer: {reason}"),
    "import.bad-value": (
        "「{value}」は回答として使えません（{expected}）",
        "'{value}' is not a valid answer ({expected})",
    ),
    "import.wrong-type": (
        "回答の形式が違います（{type} の設問です）",
        "wrong kind of value (the question asks for {type})",
    ),
    "import.not-applicable": (
        "この評価には該当しない設問です",
        "the question does not apply to this assessment",
    ),
    "import.provenance": (
        "事業者申告: 質問票 {file}（SHA-256 {digest}）から取込",
        "vendor-stated: imported from questionnaire {file} (SHA-256 {digest})",
    ),
    "import.summary": (
        "質問票 {file} から事業者の回答を {count} 件取込",
        "imported {count} vendor answer(s) from questionnaire {file}",
    ),
    "import.line-added": ("取込: {id}", "imported: {id}"),
    "import.line-updated": ("更新: {id}", "updated: {id}"),
    "import.line-refused": ("拒否: {id}（{where}）{reason}", "refused: {id} ({where}): {reason}"),
    "import.totals": (
        "取込 {imported} 件、変更なし {unchanged} 件、未記入 {blank} 件、拒否 {refused} 件",
        "{imported} imported, {unchanged} unchanged, {blank} blank, {refused} refused",
    ),
    "import.dry-run": ("試行のため書き込んでいません。", "dry run: nothing written"),
    # --- OSCAL --------------------------------------------------------------------------
    "oscal.opt_path": (
        "--format oscal-ar で出力する評価ファイル",
        "the assessment to write with --format oscal-ar",
    ),
    "oscal.path-required": (
        "--format oscal-ar には評価ファイル（PATH）を1つ指定してください。",
        "--format oscal-ar needs one assessment file (PATH)",
    ),
    "oscal.path-only-for-oscal": (
        "評価ファイルの指定は --format oscal-ar のときだけです（一覧の出力には --dir を使います）。",
        "a PATH is only for --format oscal-ar (use --dir for the csv and json tables)",
    ),
    "oscal.invalid": (
        "OSCAL 文書がスキーマに合いません（不具合です。報告してください）: {reason}",
        "the OSCAL document does not match its schema (a bug; please report it): {reason}",
    ),
    "oscal.title": (
        "{vendor}「{service}」のセキュリティ評価結果",
        "Security assessment results: {vendor}, {service}",
    ),
    "oscal.description": (
        "評価項目 {catalog} {version} による評価。リスク {risk}、スコア {score}、推奨判定 {decision}。",
        "Assessed against catalogue {catalog} {version}. Risk {risk}, score {score}, suggested decision {decision}.",
    ),
    "oscal.collected": ("{date} 収集", "collected {date}"),
    "oscal.risk-statement": (
        "要件 {id}（基本方針 {section}）が満たされていません。",
        "requirement {id} (policy section {section}) is not met",
    ),
    "oscal.compensating": ("代替措置（例外措置）", "compensating control (exception)"),
}
