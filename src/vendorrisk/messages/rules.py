"""Texts of the decision rules shown by ``vendorrisk score`` and the schedule's reasons
(docs/scoring.md: B3, B4, C1, D1–D5, N4).

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "review.opt_conditions_due": (
        "条件付き承認の条件を満たす期限（規則 N4: 次回見直しはこの日、ただし承認から6か月以内）",
        "when the conditions of an approval with conditions fall due (rule N4: the next review is"
        " then, within six months of the approval)",
    ),
    # --- why the suggestion is what it is (one per DecisionReason code) ----------------
    "score.why": ("判定案の理由: {reasons}", "why: {reasons}"),
    "score.reason.unanswered": (
        "回答されていない設問がある（規則 D1）",
        "some applicable questions are unanswered (rule D1)",
    ),
    "score.reason.nothing_to_judge": (
        "判定の材料になる設問がない（すべて該当なし。規則 D1）",
        "no scored question is left to judge by: all are not applicable (rule D1)",
    ),
    "score.reason.open_blockers": (
        "承認を妨げる指摘が解消されていない（規則 D2）",
        "a blocker is open (rule D2)",
    ),
    "score.reason.critical_risk": ("リスクが重大（規則 D2）", "the risk is critical (rule D2)"),
    "score.reason.unverified_gates": (
        "三層分離の要件に市の職員が確認していない回答がある（規則 B3・D3）",
        "a tier gate rests on the vendor's answer, not yet verified by city staff (rules B3, D3)",
    ),
    "score.reason.conditions_needed": (
        "承認の条件で対処すべき指摘がある（規則 C1・D4）",
        "open findings need conditions of approval (rules C1, D4)",
    ),
    # --- the lists under the summary ---------------------------------------------------
    "score.conditions-needed": (
        "承認の条件で扱う指摘: {ids}",
        "findings the conditions of approval must name: {ids}",
    ),
    "score.unverified-gates": (
        "市の確認待ちの三層分離の要件（規則 B3。確認が済むまで承認できません）:",
        "tier gates awaiting verification by city staff (rule B3; no approval before):",
    ),
    "score.unverified-gate": (
        "{id}: {status}（事業者の回答のみ。市の職員による確認がありません）",
        "{id}: {status} (the vendor's answer only; not verified by city staff)",
    ),
    "score.na-to-confirm": (
        "審査者が個別に確認する「該当なし」（必須の設問・三層分離の要件。規則 B4）:",
        "not applicable on a must question or a tier gate, for the reviewer to confirm (rule B4):",
    ),
    "score.na-item": ("{id}: {reason}", "{id}: {reason}"),
    "score.no-reason": ("（理由の記載なし）", "(no reason given)"),
    "score.law": ("根拠法令: {law}", "law: {law}"),
    "score.condition": ("条件: {reason}", "condition: {reason}"),
    # --- rule C1: why a finding needs a condition (one per ConditionReason code) -------
    "condition.excepted_blocker": (
        "例外措置の代替策と期限を条件とする",
        "waived by an exception: its compensating control and end date",
    ),
    "condition.evidence_missing": ("証跡の提出", "evidence to be submitted"),
    "condition.must_partial": ("必須の設問が一部適合", "a must question only partly met"),
    "condition.should_open": (
        "推奨の設問が未達（一部適合・不適合）",
        "a should question not fully met",
    ),
    # --- rule N4 ---------------------------------------------------------------------
    "due.kind.conditions": ("承認の条件の期限", "conditions of approval fall due"),
    "due.kind.conditional_limit": (
        "条件付き承認から6か月",
        "six months after a conditional approval",
    ),
}
