"""Texts for the finishing touches of issues 9 and 12: legal citations in reports,
consistency warnings in review and ``score``, wizard save refusals."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the statutes a finding rests on, as a line under its explanation in a report
    "report.law": ("根拠法令: {law}", "Legal basis: {law}"),
}
