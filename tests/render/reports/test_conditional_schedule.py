"""A report of an approval with conditions schedules the review by rule N4 of
docs/scoring.md, and names why in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tests.conftest import REPO
from vendorrisk.core.assessed import assess
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.model import Review
from vendorrisk.render.reports.facts import next_review_facts
from vendorrisk.render.reports.model import build_report
from vendorrisk.store import storage

EXAMPLE = REPO / "assessments" / "2026-cloud-fumikura-lgwan.toml"


def test_rule_N4_a_conditional_approval_is_due_within_six_months(catalogue: Catalogue) -> None:
    decided = dt.date(2026, 12, 2)
    assessment = storage.load(EXAMPLE, catalogue).assessment
    assessment = replace(
        assessment,
        review=Review(
            status="approved_with_conditions",
            reviewer="情報政策課 鈴木",
            decision="approve_with_conditions",
            decided_at=decided,
            conditions=("復元試験の記録を提出すること",),
            next_review=dt.date(2027, 6, 2),
        ),
    )
    report = build_report(
        assess(assessment, catalogue, decided), catalogue, file_name="a.toml", lang="en"
    )
    assert report.next_review.scheduled == dt.date(2027, 6, 2)
    assert report.next_review.reasons[0].kind == "conditional_limit"
    shown = dict(next_review_facts(report))
    assert shown["· six months after a conditional approval"].endswith("— approve with conditions")
