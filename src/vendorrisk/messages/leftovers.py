"""Texts for the finishing touches of issues 9 and 12: legal citations in reports,
consistency warnings in review and ``score``, wizard save refusals."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the statutes a finding rests on, as a line under its explanation in a report
    "report.law": ("根拠法令: {law}", "Legal basis: {law}"),
    # consistency warnings (validation.consistency) where a reviewer reads the result
    "score.consistency": (
        "整合性の警告（同じ事実への回答が食い違っています。どちらかが誤りです）:",
        "Consistency warnings (the same fact is answered two ways; one answer is wrong):",
    ),
    "score.consistency-item": ("⚠ {message}", "⚠ {message}"),
    # the wizard's refused save: what is wrong, and in which step
    "tui.wizard.refused": (
        "この内容では作成できません。次の点を直してください（ctrl+b で前の手順へ）:",
        "The assessment cannot be created as it stands. Fix these (ctrl+b goes back a step):",
    ),
    "tui.wizard.refused-item": ("・{step}: {message}", "- {step}: {message}"),
    "tui.wizard.refused-toast": (
        "作成できません: 誤りが {count} 件あります（画面の一覧を参照）。",
        "Not created: {count} problem(s), listed on the screen.",
    ),
    "tui.review.consistency": (
        "整合性の警告（どちらかの回答が誤っています）",
        "Consistency warnings (one of the answers is wrong)",
    ),
}
