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
    "tui.review.consistency": (
        "整合性の警告（どちらかの回答が誤っています）",
        "Consistency warnings (one of the answers is wrong)",
    ),
}
