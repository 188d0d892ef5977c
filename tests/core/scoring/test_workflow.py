"""Rules W1–W9 of docs/scoring.md: the review workflow and whether an approval stands."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from tests.core.scoring.conftest import ALL_MET, make, write_catalogue
from tests.said import entry, raises_said
from vendorrisk.core.approval import approval_basis, approval_problems, approval_stands
from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.catalog.model import ReviewPolicy
from vendorrisk.core.model import Answer, Assessment, ExceptionGrant, Review
from vendorrisk.core.workflow import (
    WorkflowError,
    add_comment,
    grant_exception,
    revoke_exception,
    transition,
)
from vendorrisk.messages import say

TODAY = dt.date(2026, 11, 27)


def _at(assessment: Assessment, status: str, **review: object) -> Assessment:
    return replace(assessment, review=Review(status=status, **review))  # type: ignore[arg-type]


def verified(assessment: Assessment, *ids: str) -> Assessment:
    """The gate (and any other ids) marked as checked by city staff."""
    answers = dict(assessment.answers)
    for rid in ("G-01", *ids):
        answers[rid] = replace(answers[rid], source="city")
    return replace(assessment, answers=answers)


def ready(catalogue: Catalogue, statuses: dict[str, str] | None = None) -> Assessment:
    return _at(verified(make(catalogue, statuses or ALL_MET)), "in_review")


def approved(catalogue: Catalogue) -> Assessment:
    moved, _ = transition(ready(catalogue), catalogue, "approved", reviewer="鈴木", today=TODAY)
    return moved


def test_the_happy_path_records_person_decision_date_and_basis(small: Catalogue) -> None:
    a = verified(make(small, ALL_MET))
    a, summary = transition(a, small, "submitted", reviewer="調達課 佐藤", today=TODAY)
    assert say(summary) == "draft → submitted" and a.review.submitted_by == "調達課 佐藤"
    a, _ = transition(a, small, "in_review", reviewer="鈴木", today=TODAY)
    a, summary = transition(a, small, "approved", reviewer="鈴木", comment="問題なし", today=TODAY)
    assert say(summary) == "in_review → approved: 問題なし"  # rule W5
    assert a.review == Review(
        status="approved",
        reviewer="鈴木",
        decision="approve",
        decided_at=TODAY,
        next_review=dt.date(2028, 3, 31),
        submitted_by="調達課 佐藤",
        basis=approval_basis(a),
    )  # rules W4, W8
    assert approval_problems(a, small, TODAY) == ()


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
    with raises_said(WorkflowError, match="allowed"):
        transition(_at(make(small, ALL_MET), start), small, to, reviewer="鈴木", today=TODAY)


def test_an_unknown_status_is_named(small: Catalogue) -> None:
    with raises_said(WorkflowError, match="unknown status approvd"):
        transition(make(small, ALL_MET), small, "approvd", reviewer="x", today=TODAY)


def test_rule_W1_an_incomplete_assessment_cannot_be_submitted(small: Catalogue) -> None:
    with raises_said(WorkflowError, match="1 applicable question"):
        transition(
            make(small, {k: v for k, v in ALL_MET.items() if k != "S-01"}),
            small,
            "submitted",
            reviewer="x",
            today=TODAY,
        )


@pytest.mark.parametrize(
    ("statuses", "missing"),
    [
        ({**ALL_MET, "S-01": "partial"}, "S-01"),
        ({**ALL_MET, "Y-01": "not_met"}, "Y-01"),
        ({**ALL_MET, "S-01": "partial", "M-01": "not_met"}, "M-01, S-01"),
    ],
    ids=["W1-partial", "W1-not-met", "W1-both-named"],
)
def test_rule_W1_partly_met_and_not_met_answers_need_a_note(
    small: Catalogue, statuses: dict[str, str], missing: str
) -> None:
    a = make(small, statuses)
    with raises_said(WorkflowError, match=f"note saying why \\({missing}\\)"):
        transition(a, small, "submitted", reviewer="x", today=TODAY)
    explained = replace(
        a,
        answers={
            rid: replace(ans, note="理由") if ans.value in ("partial", "not_met") else ans
            for rid, ans in a.answers.items()
        },
    )
    moved, _ = transition(explained, small, "submitted", reviewer="x", today=TODAY)
    assert moved.review.status == "submitted"


def test_rule_W2_approval_with_open_blockers_is_refused_unless_excepted(small: Catalogue) -> None:
    blocked = ready(small, {**ALL_MET, "M-01": "not_met"})
    with raises_said(WorkflowError, match="M-01"):
        transition(
            blocked, small, "approved_with_conditions", reviewer="x", conditions=("c",), today=TODAY
        )
    grant = ExceptionGrant("M-01", "毎週の手作業確認", "CISO", until=dt.date(2027, 3, 31))
    excepted = replace(blocked, exceptions=(grant,))
    moved, _ = transition(
        excepted, small, "approved_with_conditions", reviewer="x", conditions=("c",), today=TODAY
    )
    # The exception ends before the yearly review: rule N3 brings the next review forward.
    assert moved.review.next_review == dt.date(2027, 3, 31)


def test_rule_W2_conditions_are_required_for_a_conditional_approval(small: Catalogue) -> None:
    with raises_said(WorkflowError, match="condition"):
        transition(ready(small), small, "approved_with_conditions", reviewer="x", today=TODAY)


def test_rule_W2_a_gate_on_the_vendors_word_only_blocks_approval(small: Catalogue) -> None:
    stated = _at(make(small, ALL_MET, vendor_only=("G-01",)), "in_review")
    with raises_said(WorkflowError, match=r"not yet verified by city staff \(G-01\)"):
        transition(stated, small, "approved", reviewer="x", today=TODAY)
    # Rejecting needs no verification.
    assert transition(stated, small, "rejected", reviewer="x", today=TODAY)[0].review.decision


@pytest.mark.parametrize(
    ("confirm", "outcome"),
    [
        ((), "not confirmed by the reviewer (M-02)"),
        (("Y-01",), "Y-01: not a not-applicable answer"),
        (("M-02",), None),
    ],
    ids=["W7-unconfirmed", "W7-unknown-id", "W7-confirmed"],
)
def test_rule_W7_not_applicable_on_a_must_needs_the_reviewers_confirmation(
    small: Catalogue, confirm: tuple[str, ...], outcome: str | None
) -> None:
    a = ready(small, {**ALL_MET, "M-02": "na"})
    if outcome is not None:
        with raises_said(WorkflowError, match=outcome.replace("(", r"\(").replace(")", r"\)")):
            transition(a, small, "approved", reviewer="鈴木", confirm_na=confirm, today=TODAY)
        return
    moved, _ = transition(a, small, "approved", reviewer="鈴木", confirm_na=confirm, today=TODAY)
    assert moved.review.confirmed_na == ("M-02",) and moved.review.reviewer == "鈴木"


@pytest.mark.parametrize(
    ("start", "to"),
    [
        ("draft", "submitted"),
        ("submitted", "in_review"),
        ("submitted", "draft"),
        ("in_review", "approved"),
        ("in_review", "rejected"),
        ("approved", "draft"),
    ],
)
@pytest.mark.parametrize("name", [None, "", "  ", "鈴木\x1b[31m", "a\nb"])
def test_rule_W3_every_move_needs_a_clean_name(
    small: Catalogue, start: str, to: str, name: str | None
) -> None:
    with raises_said(WorkflowError, match="reviewer"):
        transition(
            _at(verified(make(small, ALL_MET)), start), small, to, reviewer=name, today=TODAY
        )


@pytest.mark.parametrize(
    ("separate", "submitted_by", "history_by", "approver", "refusal"),
    [
        (True, "佐藤", None, "佐藤", "佐藤 submitted this"),
        (True, "佐藤", None, "鈴木", None),
        (True, None, "佐藤", "佐藤", "佐藤 submitted this"),  # a file from before submitted_by
        (True, None, None, "鈴木", "who submitted is not recorded"),
        (False, "佐藤", None, "佐藤", None),
    ],
    ids=["W6-same", "W6-other", "W6-from-history", "W6-unknown", "W6-off"],
)
def test_rule_W6_separation_of_duties_when_the_catalogue_asks_for_it(
    small: Catalogue,
    separate: bool,
    submitted_by: str | None,
    history_by: str | None,
    approver: str,
    refusal: str | None,
) -> None:
    catalogue = replace(small, review_policy=ReviewPolicy(separate_approver=separate))
    history = ()
    if history_by is not None:
        at = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
        history = (entry(2, at, history_by, "draft → submitted"),)
    a = replace(ready(small), history=history)
    a = replace(a, review=replace(a.review, submitted_by=submitted_by))
    if refusal is None:
        moved, _ = transition(a, catalogue, "approved", reviewer=approver, today=TODAY)
        assert moved.review.status == "approved"
    else:
        with raises_said(WorkflowError, match=refusal):
            transition(a, catalogue, "approved", reviewer=approver, today=TODAY)


def test_rule_W4_a_next_review_later_than_the_schedule_is_refused(small: Catalogue) -> None:
    start = ready(small)
    with raises_said(WorkflowError, match="later than"):
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


def test_rejection_is_allowed_with_open_blockers(small: Catalogue) -> None:
    rejected, _ = transition(
        _at(make(small, {**ALL_MET, "G-01": "not_met"}), "in_review"),
        small,
        "rejected",
        reviewer="x",
        today=TODAY,
    )
    assert rejected.review.decision == "reject" and rejected.review.next_review is None
    assert rejected.review.basis is None


def test_back_to_draft_drops_the_decision_but_keeps_the_due_date(small: Catalogue) -> None:
    done = approved(small)
    draft, _ = transition(done, small, "draft", reviewer="x", today=TODAY)
    assert draft.review.decision is None and draft.review.next_review == done.review.next_review
    assert draft.review.basis is None and draft.review.confirmed_na == ()


def test_rule_W5_a_comment_belongs_to_its_own_move(small: Catalogue) -> None:
    a, first = transition(
        verified(make(small, ALL_MET)),
        small,
        "submitted",
        reviewer="x",
        comment="提出",
        today=TODAY,
    )
    a, second = transition(a, small, "in_review", reviewer="y", today=TODAY)
    assert say(first) == "draft → submitted: 提出" and say(second) == "submitted → in_review"


# --- whether a recorded approval stands (rules W2, W7–W9) ----------------------------------


def _tampered(small: Catalogue, change: str) -> Assessment:
    a = approved(small)
    answers = dict(a.answers)
    match change:
        case "blocker":
            answers["M-01"] = Answer("not_met", note="x")
        case "gate-by-vendor":
            answers["G-01"] = replace(answers["G-01"], source="vendor")
        case "unanswered":
            del answers["S-01"]
        case "na-unconfirmed":
            answers["M-02"] = Answer("na", reason="使わない")
        case "note":
            answers["S-01"] = replace(answers["S-01"], note="後から追記")
    return replace(a, answers=answers)


@pytest.mark.parametrize(
    ("change", "codes"),
    [
        ("blocker", ("open-blockers", "stale")),
        ("gate-by-vendor", ("unverified-gates", "stale")),
        ("unanswered", ("incomplete", "stale")),
        ("na-unconfirmed", ("na-unconfirmed", "stale")),
        ("note", ("stale",)),
    ],
    ids=["W2-blocker", "W2-gate", "W2-incomplete", "W7-na", "W8-any-change"],
)
def test_a_hand_edited_approval_does_not_stand(
    small: Catalogue, change: str, codes: tuple[str, ...]
) -> None:
    found = approval_problems(_tampered(small, change), small, TODAY)
    assert tuple(p.code for p in found) == codes
    assert not approval_stands(found)


def test_rule_W9_an_approval_from_before_bases_stands_with_a_warning_only(
    small: Catalogue,
) -> None:
    legacy = approved(small)
    legacy = replace(legacy, review=replace(legacy.review, basis=None))
    found = approval_problems(legacy, small, TODAY)
    assert [p.code for p in found] == ["unbased"] and approval_stands(found)
    # ... but its legality is still re-derived: an open blocker makes it invalid.
    broken = replace(legacy, answers={**legacy.answers, "M-01": Answer("not_met")})
    assert not approval_stands(approval_problems(broken, small, TODAY))


def test_rule_E2_an_approval_resting_on_an_ended_exception_no_longer_stands(
    small: Catalogue,
) -> None:
    grant = ExceptionGrant("M-01", "手作業確認", "CISO", until=dt.date(2027, 1, 31))
    a = replace(ready(small, {**ALL_MET, "M-01": "not_met"}), exceptions=(grant,))
    a = replace(a, answers={**a.answers, "M-01": Answer("not_met", note="移行中")})
    done, _ = transition(
        a, small, "approved_with_conditions", reviewer="x", conditions=("c",), today=TODAY
    )
    assert approval_stands(approval_problems(done, small, dt.date(2027, 1, 31)))
    later = approval_problems(done, small, dt.date(2027, 2, 1))
    assert [p.code for p in later] == ["open-blockers"]


def test_exceptions_are_granted_and_revoked_through_the_core(small: Catalogue) -> None:
    a = make(small, {**ALL_MET, "M-01": "not_met"})
    a, summary = grant_exception(
        a,
        small,
        "M-01",
        compensating_control="手作業確認",
        approved_by="CISO",
        until=dt.date(2027, 3, 31),
        today=TODAY,
    )
    assert say(summary) == "exception for M-01 (until 2027-03-31)" and len(a.exceptions) == 1
    a, summary = revoke_exception(a, "M-01", revoked_by="鈴木")
    assert say(summary) == "exception for M-01 revoked" and a.exceptions == ()
    with raises_said(WorkflowError, match="no exception is recorded for M-01"):
        revoke_exception(a, "M-01", revoked_by="鈴木")
    with raises_said(WorkflowError, match="reviewer"):
        revoke_exception(a, "M-01", revoked_by=" ")


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
    with raises_said(WorkflowError):
        add_comment(a, "Z-99", by="鈴木", text="x", today=TODAY)
    # A reviewer's remark is not a change of what was approved.
    done = approved(small)
    remarked = add_comment(done, "M-01", by="鈴木", text="確認済み", today=TODAY)
    assert approval_stands(approval_problems(remarked, small, TODAY))


@pytest.mark.parametrize(("setting", "expected"), [("", False), ("true", True), ("false", False)])
def test_rule_W6_the_setting_lives_in_the_catalogue(
    tmp_path: Path, setting: str, expected: bool
) -> None:
    path = write_catalogue(tmp_path)
    if setting:
        text = path.read_text("utf-8")
        head, rest = text.split("[schedule]", 1)
        path.write_text(f"{head}[review]\nseparate_approver = {setting}\n[schedule]{rest}", "utf-8")
    assert load_catalog(path).review_policy.separate_approver is expected


def test_rule_N4_an_approval_with_conditions_through_the_workflow_is_due_within_six_months(
    small: Catalogue,
) -> None:
    clean, _ = transition(ready(small), small, "approved", reviewer="鈴木", today=TODAY)
    conditional, _ = transition(
        ready(small),
        small,
        "approved_with_conditions",
        reviewer="鈴木",
        conditions=("自己点検票を提出すること",),
        today=TODAY,
    )
    assert clean.review.next_review == dt.date(2028, 3, 31)  # rule N1: 毎年度
    assert conditional.review.next_review == dt.date(2027, 5, 27)  # rule N4: six months


def test_rule_N4_the_review_comes_when_the_conditions_fall_due(small: Catalogue) -> None:
    due = dt.date(2027, 2, 28)
    conditional, _ = transition(
        ready(small),
        small,
        "approved_with_conditions",
        reviewer="鈴木",
        conditions=("自己点検票を提出すること",),
        conditions_due=due,
        today=TODAY,
    )
    assert conditional.review.next_review == due
    # A clean approval ignores the date: it has no conditions to fall due.
    clean, _ = transition(
        ready(small), small, "approved", reviewer="鈴木", conditions_due=due, today=TODAY
    )
    assert clean.review.next_review == dt.date(2028, 3, 31)
