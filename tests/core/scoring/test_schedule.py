"""Rules N1–N3 of docs/scoring.md: when a vendor is due for reassessment."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.core.scoring.conftest import ALL_MET, make
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.catalog.model import Schedule
from vendorrisk.core.model import Answer, Evidence, ExceptionGrant
from vendorrisk.core.schedule import add_months, fiscal_year, interval_due, next_review

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


@pytest.mark.parametrize(
    ("decision", "conditions_due", "due", "kind"),
    [
        ("approve", None, dt.date(2028, 3, 31), "interval"),
        ("approve", dt.date(2027, 1, 31), dt.date(2028, 3, 31), "interval"),
        ("approve_with_conditions", None, dt.date(2027, 6, 2), "conditional_limit"),
        ("approve_with_conditions", dt.date(2027, 1, 31), dt.date(2027, 1, 31), "conditions"),
        (
            "approve_with_conditions",
            dt.date(2027, 12, 31),
            dt.date(2027, 6, 2),
            "conditional_limit",
        ),
        # A due date before the decision is no date to review on: the six months stand.
        (
            "approve_with_conditions",
            dt.date(2026, 11, 30),
            dt.date(2027, 6, 2),
            "conditional_limit",
        ),
    ],
    ids=[
        "N4-clean-approval-keeps-N1",
        "N4-clean-approval-ignores-condition-dates",
        "N4-six-months-at-most",
        "N4-when-the-conditions-fall-due",
        "N4-six-months-before-a-later-condition",
        "N4-a-past-condition-date-is-ignored",
    ],
)
def test_rule_N4_an_approval_with_conditions_is_reviewed_earlier(
    small: Catalogue, decision: str, conditions_due: dt.date | None, due: dt.date, kind: str
) -> None:
    decided = dt.date(2026, 12, 2)
    got, reasons = next_review(
        make(small, ALL_MET),
        "low",
        FY,
        decided,
        decision=decision,  # type: ignore[arg-type]
        conditions_due=conditions_due,
    )
    assert (got, reasons[0].kind) == (due, kind)


def test_rule_N4_expiries_still_come_first_when_earlier(small: Catalogue) -> None:
    assessment = replace(
        make(small, ALL_MET),
        exceptions=(ExceptionGrant("M-02", "代替策", "CISO", until=dt.date(2027, 2, 28)),),
    )
    due, reasons = next_review(
        assessment, "medium", FY, dt.date(2026, 12, 2), decision="approve_with_conditions"
    )
    assert due == dt.date(2027, 2, 28)
    assert [r.kind for r in reasons] == ["exception", "conditional_limit", "interval"]


def test_rule_N1_is_the_fiscal_year_reading_of_yearly_reassessment() -> None:
    # D-02 asks for a reassessment at least every year (毎年度): a clean approval in fiscal
    # 2026 is due by the end of fiscal 2027, never later.
    for decided in (dt.date(2026, 4, 1), dt.date(2026, 12, 2), dt.date(2027, 3, 31)):
        assert interval_due(decided, "low", FY) == dt.date(2028, 3, 31)
