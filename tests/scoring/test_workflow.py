"""Rules W1–W5 of docs/scoring.md: the review workflow."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.scoring.conftest import ALL_MET, make
from vendorrisk.catalog import Catalogue
from vendorrisk.model import Assessment, ExceptionGrant, Review
from vendorrisk.workflow import WorkflowError, add_comment, transition

TODAY = dt.date(2026, 11, 27)


def _at(assessment: Assessment, status: str) -> Assessment:
    return replace(assessment, review=Review(status=status))  # type: ignore[arg-type]


def test_the_happy_path_records_decision_reviewer_date_and_next_review(small: Catalogue) -> None:
    a = make(small, ALL_MET)
    a, summary = transition(a, small, "submitted", reviewer="調達課", today=TODAY)
    assert summary == "draft → submitted"
    a, _ = transition(a, small, "in_review", reviewer="鈴木", today=TODAY)
    a, summary = transition(a, small, "approved", reviewer="鈴木", comment="問題なし", today=TODAY)
    assert summary == "in_review → approved: 問題なし"  # rule W5
    assert a.review == Review(
        status="approved",
        reviewer="鈴木",
        decision="approve",
        decided_at=TODAY,
        next_review=dt.date(2028, 3, 31),
    )  # rule W4


@pytest.mark.parametrize(
    ("start", "to"),
    [
        ("draft", "approved"),
        ("draft", "in_review"),
        ("submitted", "approved"),
        ("approved", "rejected"),
        ("rejected", "approved"),
    ],
)
def test_illegal_moves_are_refused_with_the_allowed_ones(
    small: Catalogue, start: str, to: str
) -> None:
    with pytest.raises(WorkflowError, match="allowed"):
        transition(_at(make(small, ALL_MET), start), small, to, reviewer="鈴木", today=TODAY)


def test_an_unknown_status_is_named(small: Catalogue) -> None:
    with pytest.raises(WorkflowError, match="unknown status approvd"):
        transition(make(small, ALL_MET), small, "approvd", reviewer="x", today=TODAY)


def test_rule_W1_an_incomplete_assessment_cannot_be_submitted(small: Catalogue) -> None:
    with pytest.raises(WorkflowError, match="1 applicable question"):
        transition(
            make(small, {k: v for k, v in ALL_MET.items() if k != "S-01"}),
            small,
            "submitted",
            reviewer="x",
            today=TODAY,
        )


def test_rule_W2_approval_with_open_blockers_is_refused_unless_excepted(small: Catalogue) -> None:
    blocked = _at(make(small, {**ALL_MET, "M-01": "not_met"}), "in_review")
    with pytest.raises(WorkflowError, match="M-01"):
        transition(
            blocked, small, "approved_with_conditions", reviewer="x", conditions=("c",), today=TODAY
        )
    grant = ExceptionGrant("M-01", "毎週の手作業確認", "CISO", until=dt.date(2027, 3, 31))
    excepted = replace(blocked, exceptions=(grant,))
    approved, _ = transition(
        excepted, small, "approved_with_conditions", reviewer="x", conditions=("c",), today=TODAY
    )
    # The exception ends before the yearly review: rule N3 brings the next review forward.
    assert approved.review.next_review == dt.date(2027, 3, 31)


def test_rule_W2_conditions_are_required_for_a_conditional_approval(small: Catalogue) -> None:
    with pytest.raises(WorkflowError, match="condition"):
        transition(
            _at(make(small, ALL_MET), "in_review"),
            small,
            "approved_with_conditions",
            reviewer="x",
            today=TODAY,
        )


def test_rejection_is_allowed_with_open_blockers(small: Catalogue) -> None:
    rejected, _ = transition(
        _at(make(small, {**ALL_MET, "G-01": "not_met"}), "in_review"),
        small,
        "rejected",
        reviewer="x",
        today=TODAY,
    )
    assert rejected.review.decision == "reject" and rejected.review.next_review is None


@pytest.mark.parametrize("name", [None, "", "  ", "鈴木\x1b[31m", "a\nb"])
def test_rule_W3_a_decision_needs_a_clean_reviewer_name(small: Catalogue, name: str | None) -> None:
    with pytest.raises(WorkflowError, match="reviewer"):
        transition(
            _at(make(small, ALL_MET), "in_review"), small, "approved", reviewer=name, today=TODAY
        )


def test_rule_W4_a_next_review_later_than_the_schedule_is_refused(small: Catalogue) -> None:
    start = _at(make(small, ALL_MET), "in_review")
    with pytest.raises(WorkflowError, match="later than"):
        transition(
            start,
            small,
            "approved",
            reviewer="x",
            next_review_date=dt.date(2030, 1, 1),
            today=TODAY,
        )
    earlier, _ = transition(
        start, small, "approved", reviewer="x", next_review_date=dt.date(2027, 6, 1), today=TODAY
    )
    assert earlier.review.next_review == dt.date(2027, 6, 1)


def test_back_to_draft_drops_the_decision_but_keeps_the_due_date(small: Catalogue) -> None:
    approved, _ = transition(
        _at(make(small, ALL_MET), "in_review"), small, "approved", reviewer="x", today=TODAY
    )
    draft, _ = transition(approved, small, "draft", reviewer="x", today=TODAY)
    assert draft.review.decision is None and draft.review.next_review == approved.review.next_review


def test_comments_attach_to_one_answer(small: Catalogue) -> None:
    a = add_comment(
        make(small, ALL_MET),
        "M-01",
        by="鈴木",
        text="契約書の条番号を追記してください",
        today=TODAY,
    )
    (comment,) = a.answers["M-01"].comments
    assert (comment.by, comment.at, comment.text) == (
        "鈴木",
        TODAY,
        "契約書の条番号を追記してください",
    )
    with pytest.raises(WorkflowError):
        add_comment(a, "Z-99", by="鈴木", text="x", today=TODAY)
