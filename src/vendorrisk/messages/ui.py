"""Texts the UI helper added to the core: conditions in words, dates, status labels."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # a condition as a sentence (catalog/condition_words.py)
    "condition.quote": ("「{text}」", "“{text}”"),
    "condition.is": ("{name}が{value}", "{name} is {value}"),
    "condition.is-not": ("{name}が{value}以外", "{name} is not {value}"),
    "condition.includes": ("{name}に{value}が含まれる", "{name} includes {value}"),
    "condition.excludes": ("{name}に{value}が含まれない", "{name} does not include {value}"),
    "condition.truthy": ("{name}が当てはまる", "{name} applies"),
    "condition.either": ("または", " or "),
    "condition.and": ("、かつ", ", and "),
    "condition.or": ("、または", ", or "),
    "condition.group": ("（{text}）", "({text})"),
    "condition.not": ("次に当たらない: {text}", "not so: {text}"),
    "condition.yes": ("はい", "yes"),
    "condition.no": ("いいえ", "no"),
    "condition.field.kind": ("評価の種類", "the kind of assessment"),
    "condition.field.tier": ("利用する系", "the network tier"),
    "condition.field.terminal_model": ("端末の構成", "the terminal model"),
    "condition.field.confidentiality": ("機密性", "confidentiality"),
    "condition.field.integrity": ("完全性", "integrity"),
    "condition.field.availability": ("可用性", "availability"),
    "condition.field.personal_data": ("個人情報の取扱い", "handling personal data"),
    "condition.field.mynumber_data": ("特定個人情報の取扱い", "handling My Number data"),
    "condition.kind.contractor": ("業務委託", "contractor"),
    "condition.kind.cloud": ("クラウド", "cloud"),
    "condition.kind.social": ("SNS", "social media"),
    "condition.tier.mynumber": ("マイナンバー利用事務系", "the My Number tier"),
    "condition.tier.lgwan": ("LGWAN接続系", "the LGWAN tier"),
    "condition.tier.internet": ("インターネット接続系", "the internet tier"),
    # review statuses in running text: CLI, due list, toasts (labels.status_label)
    "label.status.draft": ("下書き", "draft"),
    "label.status.submitted": ("提出済み", "submitted"),
    "label.status.in_review": ("審査中", "in review"),
    "label.status.approved": ("承認", "approved"),
    "label.status.approved_with_conditions": ("条件付き承認", "approved with conditions"),
    "label.status.rejected": ("不承認", "rejected"),
}
