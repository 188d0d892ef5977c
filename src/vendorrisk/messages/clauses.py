"""Texts of the clauses command, the clause documents, the clause preview in the UI, and the
designated-manager kind (指定管理者).

Each entry is (日本語, English). Placeholders use str.format names; the document words keep
{city} {party} {contract} {n} {title} {list} {organisation} {vendor} {document} for the
document builder, which fills them itself (they are never passed to ``t``).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the fourth kind ---------------------------------------------------------------
    "report.kind.designated_manager": ("指定管理者", "designated manager"),
    "tui.kind.designated_manager": ("指定管理者", "designated manager"),
    "tui.kind-short.designated_manager": ("指定管理", "des. mgr"),
    "condition.kind.designated_manager": ("指定管理者", "designated manager"),
    # --- the catalogue's clauses ------------------------------------------------------------
    "problem.catalog-clause-requirement": (
        "条項 {id} が参照する評価項目 {name} がありません。",
        "clause {id} names requirement {name}, which is not in the catalogue",
    ),
    "problem.catalog-clause-placeholder": (
        "条項 {id} の文中の {{{name}}} は使えない差込み項目です（使えるもの: {{city}} {{City}} {{party}} {{Party}} {{contract}}）。",
        "clause {id}: {{{name}}} is not a placeholder a clause may use ({{city}} {{City}} {{party}} {{Party}} {{contract}})",
    ),
    # --- command -------------------------------------------------------------------------
    "clauses.help": (
        "仕様書・契約書（協定書）の情報セキュリティ条項、個人情報取扱特記事項、選定基準の案を作成する（Markdown・HTML・Word）",
        "draft the security clauses of the specification and contract (or agreement), the special terms on personal information, and the selection criteria (Markdown, HTML, Word)",
    ),
    "clauses.opt_path": (
        "評価ファイル。省略する場合は --kind・--tier・--confidentiality で対象を指定する",
        "the assessment file; without one, give --kind, --tier and --confidentiality",
    ),
    "clauses.opt_format": (
        "出力形式（md: Markdown、html: HTML、docx: Word）",
        "output format (md: Markdown, html: HTML, docx: Word)",
    ),
    "clauses.opt_lang": ("文書の言語（ja・en）", "language of the document (ja, en)"),
    "clauses.opt_parties": (
        "当事者の呼び方（city: 市・受託者、kou-otsu: 甲・乙）",
        "how the parties are named (city: the City and the Contractor; kou-otsu: Party A and Party B)",
    ),
    "clauses.opt_part": (
        "出力する部分（繰り返し指定可。省略時はすべて）",
        "the parts to write (repeatable; default: all)",
    ),
    "clauses.opt_kind": (
        "評価ファイルなしで作る場合の種類",
        "the kind, when there is no assessment file",
    ),
    "clauses.opt_tier": ("三層の領域", "the tier"),
    "clauses.opt_confidentiality": (
        "自治体機密性（3A・3B・3C・2・1）",
        "confidentiality (3A, 3B, 3C, 2, 1)",
    ),
    "clauses.opt_integrity": ("完全性（2・1、省略時 1）", "integrity (2 or 1; default 1)"),
    "clauses.opt_availability": ("可用性（2・1、省略時 1）", "availability (2 or 1; default 1)"),
    "clauses.opt_personal": ("個人情報を取り扱う", "personal information is handled"),
    "clauses.opt_mynumber": ("特定個人情報（マイナンバー）を取り扱う", "My Number data is handled"),
    "clauses.need-subject": (
        "評価ファイル（PATH）か、--kind・--tier・--confidentiality のすべてを指定してください。",
        "give an assessment file (PATH), or all of --kind, --tier and --confidentiality",
    ),
    "clauses.path-and-profile": (
        "評価ファイル（PATH）と --kind 等は同時に指定できません。評価ファイルの分類がそのまま使われます。",
        "give either an assessment file (PATH) or --kind and the rest, not both: the file's own classification is used",
    ),
    "clauses.docx-terminal": (
        "Word 形式は端末に表示できません。-o でファイル名を指定してください。",
        "a Word file cannot be shown on a terminal; name a file with -o",
    ),
    "clauses.none": (
        "この条件に当てはまる条項はありません。",
        "no clauses apply to this service",
    ),
    # --- the parties ---------------------------------------------------------------------
    "clauses.term.city.city": ("市", "the City"),
    "clauses.term.city.city-start": ("市", "The City"),
    "clauses.term.kou-otsu.city": ("甲", "Party A"),
    "clauses.term.kou-otsu.city-start": ("甲", "Party A"),
    "clauses.term.kou-otsu.party": ("乙", "Party B"),
    "clauses.term.kou-otsu.party-start": ("乙", "Party B"),
    "clauses.term.party.contractor": ("受託者", "the Contractor"),
    "clauses.term.party-start.contractor": ("受託者", "The Contractor"),
    "clauses.term.party.cloud": ("事業者", "the Provider"),
    "clauses.term.party-start.cloud": ("事業者", "The Provider"),
    "clauses.term.party.social": ("受託者", "the Contractor"),
    "clauses.term.party-start.social": ("受託者", "The Contractor"),
    "clauses.term.party.designated_manager": ("指定管理者", "the Designated Manager"),
    "clauses.term.party-start.designated_manager": ("指定管理者", "The Designated Manager"),
    "clauses.term.contract": ("契約", "contract"),
    "clauses.term.agreement": ("協定", "agreement"),
    "clauses.organisation": ("本市", "the city"),
    "clauses.vendor-unknown": ("〔相手方の名称〕", "[name of the other party]"),
    # --- document words --------------------------------------------------------------------
    "clauses.doc.title": (
        "情報セキュリティに関する{contract}条項等（案）",
        "Security clauses for the {contract} and related documents (draft)",
    ),
    "clauses.doc.part_contract": (
        "{contract}書 情報セキュリティ条項",
        "Security clauses of the {contract}",
    ),
    "clauses.doc.part_specification": (
        "仕様書 情報セキュリティ要件",
        "Security requirements for the specification",
    ),
    "clauses.doc.part_personal": (
        "別記 個人情報取扱特記事項",
        "Annex: Special Terms on Personal Information",
    ),
    "clauses.doc.part_mynumber": (
        "別記 特定個人情報取扱特記事項",
        "Annex: Special Terms on My Number Information",
    ),
    "clauses.doc.part_selection": (
        "選定基準及び総合評価項目",
        "Selection criteria and scoring items",
    ),
    "clauses.doc.selection_note": (
        "ガイドライン8.1(1)及び総務省通知（総行サ第42号）別紙1のサプライチェーン・リスク対策に基づく。【必須】は参加資格又は契約の条件、【加点】は総合評価落札方式・プロポーザルの評価項目とする。",
        "Based on guideline 8.1(1) and the supply-chain measures of annex 1 to the MIC notice Sogyo-Sa No. 42. [Required] items are conditions for taking part or for the contract; [Scored] items are evaluation items of a best-value tender or proposal.",
    ),
    "clauses.doc.article_heading": ("第{n}条（{title}）", "Article {n} ({title})"),
    "clauses.doc.item_heading": ("{n}　{title}", "{n}. {title}"),
    "clauses.doc.paragraph_number": ("{n}　", "({n}) "),
    "clauses.doc.definitions": (
        "以下において「{city}」とは{organisation}を、「{party}」とは{vendor}をいう。",
        "Below, {city} means {organisation} and {party} means {vendor}.",
    ),
    "clauses.doc.cites": ("（根拠: {list}）", "(Sources: {list})"),
    "clauses.doc.cite_policy": ("基本方針", "policy"),
    "clauses.doc.cite_guideline": ("ガイドライン", "guideline"),
    "clauses.doc.cite_law": ("法令", "law"),
    "clauses.doc.cite_other": ("その他", "other"),
    "clauses.doc.cite_requirements": ("評価項目", "requirements"),
    "clauses.doc.evaluation_required": ("【必須】", "[Required]"),
    "clauses.doc.evaluation_scored": ("【加点】", "[Scored]"),
    "clauses.doc.nothing_applies": (
        "この条件に当てはまる条項はありません（約款による利用のみの場合など）。",
        "No clauses apply (for example, where the service is used on its standard terms only).",
    ),
    "clauses.doc.draft_note": (
        "この文書は評価項目（対策基準）から作成した案です。{contract}の締結前に、所管課・契約担当課で内容を確認してください。「根拠」の行は確認用であり、{contract}書に転記する際は削除してください。",
        "This is a draft made from the catalogue of requirements. Have it checked by the responsible and contracting sections before the {contract} is made. The Sources lines are for checking; delete them when copying the text into the {contract}.",
    ),
    # --- subject lines -------------------------------------------------------------------
    "clauses.subject.vendor": ("相手方", "Other party"),
    "clauses.subject.service": ("業務・サービス", "Work or service"),
    "clauses.subject.kind": ("種類", "Kind"),
    "clauses.subject.tier": ("領域", "Tier"),
    "clauses.subject.classification": ("情報資産の分類", "Classification"),
    "clauses.subject.classification-value": (
        "自治体機密性 {c}、完全性 {i}、可用性 {a}",
        "confidentiality {c}, integrity {i}, availability {a}",
    ),
    "clauses.subject.data": ("取り扱う情報", "Data handled"),
    "clauses.subject.personal": ("個人情報", "personal information"),
    "clauses.subject.mynumber": ("特定個人情報", "My Number data"),
    "clauses.subject.no-personal": ("個人情報なし", "no personal information"),
    "clauses.subject.catalogue": ("評価項目", "Catalogue"),
    # --- UI ------------------------------------------------------------------------------
    "tui.key.clauses": ("条項案", "Clauses"),
    "tui.clauses.title": ("条項案: {vendor}", "Clauses: {vendor}"),
    "tui.clauses.parties": (
        "P: 当事者の呼び方を切り替える（市・受託者 ⇔ 甲・乙）",
        "P: switch how the parties are named (the City and the Contractor ⇔ Party A and Party B)",
    ),
    "tui.key.parties": ("市/甲乙", "Parties"),
    "tui.clauses.count": ("{count} 条項", "{count} clauses"),
}
