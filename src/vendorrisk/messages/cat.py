"""Texts of the catalogue's own checks (policy §9: how the catalogue is built) and of rule
effective dates.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "problem.catalog-binding-pair": (
        "{id}: binding_from（適用開始日）と severity_before（それより前の契約での重要度）は、両方を書くか、どちらも書かないかのどちらかです。",
        "{id}: binding_from (when the rule starts to bind) and severity_before (its severity for earlier contracts) go together: give both or neither",
    ),
    "problem.catalog-severity-before": (
        "{id}: severity_before（{before}）は severity（{level}）より低い重要度でなければなりません。",
        "{id}: severity_before ({before}) must be lower than severity ({level})",
    ),
    "problem.catalog-criteria-same": (
        "{id}: 判断基準の「{first}」と「{second}」が同じ文です（{lang}）。それぞれの場合を区別して書いてください。",
        "{id}: the judgement criteria for '{first}' and '{second}' are the same text ({lang}); say what tells the cases apart",
    ),
    "problem.catalog-criteria-unused": (
        "{id}: 判断基準がありますが、回答の種類（{type}）は採点されないため使われません。",
        "{id}: has judgement criteria, but its answer type ({type}) is not scored, so they are never used",
    ),
    "problem.catalog-no-edition": (
        "{id}: 国のガイドラインを出典にしていますが、その版（source_edition）が書かれていません。",
        "{id}: cites the national guideline but does not say which edition (source_edition)",
    ),
    "problem.catalog-no-refs": (
        "{id}: 本市の基本方針の項のほかに、根拠となる出典（refs）がありません。",
        "{id}: cites no source (refs) besides the section of the city's policy",
    ),
    "problem.catalog-never-applies": (
        "{id}: 適用条件が矛盾していて、どのサービスにも適用されません（{reason}）。",
        "{id}: its applicability rules contradict each other, so it applies to no service ({reason})",
    ),
    "problem.catalog-condition-other-kind": (
        "{id}: 条件が参照する {name} は、この項目の対象（{kinds}）には出題されないため、条件が成り立ちません。",
        "{id}: its condition reads {name}, which is never asked of the kinds this item covers ({kinds}), so the condition cannot hold",
    ),
    "problem.catalog-gate-not-must": (
        "{id}: 承認の前提条件（gate）は「しなければならない」（must）でなければなりません。",
        "{id}: a gate (gate = true) must have severity must",
    ),
    "problem.catalog-gate-not-city": (
        "{id}: 承認の前提条件（gate）は本市が確認する項目です。audience を city にしてください。",
        '{id}: a gate (gate = true) is verified by the city; set audience = "city"',
    ),
    "problem.catalog-obligation-wording": (
        "{id}: 重要度は {level} ですが、文に「{word}」とあり、義務と推奨の区別が食い違っています。",
        "{id}: its severity is {level}, but its text says '{word}': obligation and recommendation disagree",
    ),
    "problem.catalog-evidence-no-kinds": (
        "{id}: 証跡を必須としていますが、証跡の種類（evidence.kinds）がありません。",
        "{id}: evidence is required, but no kind of evidence (evidence.kinds) is named",
    ),
    "problem.catalog-must-no-evidence": (
        "{id}: 「しなければならない」項目ですが、求める証跡の種類（evidence.kinds）がありません。",
        "{id}: a must item that names no kind of evidence (evidence.kinds)",
    ),
    "problem.catalog-japanese-in-english": (
        "{id}: 英語の文（{field}）に日本語が含まれています: {text}",
        "{id}: the English text ({field}) contains Japanese: {text}",
    ),
    "catalog.checks-summary": (
        "評価項目 {path}: 作り方の点検で {errors} 件のエラー、{warnings} 件の警告",
        "catalogue {path}: {errors} error(s) and {warnings} warning(s) in how it is built",
    ),
}
