"""Rules N1–N3 of docs/scoring.md: when a vendor is due for reassessment."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.scoring.conftest import ALL_MET, make
from vendorrisk.catalog import Catalogue
from vendorrisk.catalog.model import Schedule
from vendorrisk.model import Answer, Evidence, ExceptionGrant
from vendorrisk.schedule import add_months, fiscal_year, interval_due, next_review

FY = Schedule(interval_months={"low": 12, "medium": 12, "high": 6, "critical": 3}, fiscal_year=True)
PLAIN = replace(FY, fiscal_year=False)


@pytest.mark.parametrize(
    ("decided", "risk", "schedule", "due"),
    [
        (dt.date(2026, 11, 12), "low", FY, dt.date(2028, 3, 31)),
        (dt.date(2026, 4, 1), "medium", FY, dt.date(2028, 3, 31)),
        (dt.date(2027, 3, 31), "low", FY, dt.date(2028, 3, 31)),
        (dt.date(2026, 11, 12), "high", FY, dt.date(2027, 5, 12)),
        (dt.date(2026, 11, 30), "critical", FY, dt.date(2027, 2, 28)),
        (dt.date(2026, 11, 12), "low", PLAIN, dt.date(2027, 11, 12)),
        (dt.date(2028, 2, 29), "low", PLAIN, dt.date(2029, 2, 28)),
    ],
)
def test_rule_N1_interval_by_risk_with_fiscal_years(
    decided: dt.date, risk: str, schedule: Schedule, due: dt.date
) -> None:
    assert interval_due(decided, risk, schedule) == due  # type: ignore[arg-type]


def test_fiscal_years_start_in_april() -> None:
    assert fiscal_year(dt.date(2027, 3, 31)) == 2026
    assert fiscal_year(dt.date(2027, 4, 1)) == 2027
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)


def test_rules_N2_N3_anything_expiring_earlier_brings_the_review_forward(small: Catalogue) -> None:
    decided = dt.date(2026, 11, 12)
    certificate = Evidence(kind="certificate", ref="ISMS IS 123", expires=dt.date(2027, 9, 30))
    assessment = make(small, ALL_MET)
    assessment = assessment.with_answer("M-01", Answer(value="met", evidence=(certificate,)))
    assessment = replace(
        assessment,
        exceptions=(ExceptionGrant("M-02", "代替策", "CISO", until=dt.date(2027, 6, 30)),),
        url_checks=({"url": "https://v.example/", "tls": {"not_after": "2027-01-15T00:00:00Z"}},),
    )
    due, reasons = next_review(assessment, "low", FY, decided)
    assert due == dt.date(2027, 1, 15)
    assert [(r.kind, r.date) for r in reasons] == [
        ("tls_certificate", dt.date(2027, 1, 15)),
        ("exception", dt.date(2027, 6, 30)),
        ("evidence", dt.date(2027, 9, 30)),
        ("interval", dt.date(2028, 3, 31)),
    ]


def test_rule_N2_the_contract_end_counts(catalogue: Catalogue) -> None:
    from tests.conftest import sample_assessment

    assessment = sample_assessment(catalogue, P_07=Answer(value=dt.date(2027, 3, 31)))
    due, reasons = next_review(assessment, "low", FY, dt.date(2026, 11, 1))
    assert due == dt.date(2027, 3, 31) and reasons[0].kind == "contract_end"
