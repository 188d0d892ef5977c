"""Approvals a careless clerk or a hand edit could fake (docs/scoring.md, rules C1, W2, W6,
W8, W9): each case here was found standing as an approval before it was fixed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.core.scoring.conftest import ALL_MET
from tests.core.scoring.test_workflow import TODAY, approved, ready
from tests.said import entry, raises_said
from vendorrisk.core.approval import approval_basis, approval_problems, approval_stands
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.catalog.model import ReviewPolicy
from vendorrisk.core.model import Assessment, Contact, HistoryEntry, Review, Vendor
from vendorrisk.core.workflow import WorkflowError, transition


def _entry(revision: int, summary: str, day: int = 27) -> HistoryEntry:
    return entry(revision, dt.datetime(2026, 11, day, 10, 0, tzinfo=dt.UTC), "x", summary)


def _with_history(a: Assessment, *summaries: str) -> Assessment:
    history = tuple(_entry(i, s) for i, s in enumerate(summaries, start=1))
    return replace(a, revision=len(history), history=history)


def _codes(a: Assessment, catalogue: Catalogue) -> list[str]:
    return [p.code for p in approval_problems(a, catalogue, TODAY)]


# --- W9: an approval without a basis is an old one only when it is old --------------------


def _unbased(a: Assessment, decided: dt.date) -> Assessment:
    return replace(a, review=replace(a.review, basis=None, decided_at=decided))


def test_rule_W9_removing_the_basis_of_a_recent_approval_is_no_way_out(small: Catalogue) -> None:
    """validate points at review.basis when an approval is stale; deleting that line must
    not turn the error into a warning."""
    a = _with_history(approved(small), "作成", "in_review → approved")
    removed = _unbased(a, dt.date(2026, 12, 2))
    assert _codes(removed, small) == ["basis-missing"]
    assert not approval_stands(approval_problems(removed, small, TODAY))
    # One decided before approvals recorded a basis is still the warning of rule W9.
    old = _unbased(a, dt.date(2026, 11, 20))
    assert _codes(old, small) == ["unbased"]
    assert approval_stands(approval_problems(old, small, TODAY))


@pytest.mark.parametrize(
    "history",
    [
        ("作成", "draft → submitted", "submitted → in_review"),
        ("作成", "in_review → approved", "approved → draft", "draft → submitted"),
        ("作成", "in_review → rejected: 不可"),
        ("作成", "in_review → approved_with_conditions: 条件"),
    ],
    ids=["W9-never-approved", "W9-sent-back", "W9-rejected", "W9-other-approval"],
)
def test_rule_W9_a_status_the_history_never_recorded_does_not_stand(
    small: Catalogue, history: tuple[str, ...]
) -> None:
    """A clerk setting status = "approved" (with a decision, date and next review) in a file
    the workflow never approved: no basis, an old date, and a history that says otherwise."""
    a = _with_history(_unbased(approved(small), dt.date(2026, 11, 20)), *history)
    assert "unrecorded" in _codes(a, small)
    assert not approval_stands(approval_problems(a, small, TODAY))


def test_rule_W9_the_history_records_the_move_also_after_other_saves(small: Catalogue) -> None:
    a = _with_history(
        approved(small),
        "作成",
        "exception for M-01 (until 2027-03-31); in_review → approved: 問題なし",
        "comment on M-01",
        "verified by the city: G-01",
    )
    assert _codes(a, small) == []
    # A comment quoting a move is not a move: only the first one in an entry counts.
    quoted = _with_history(approved(small), "作成", "in_review → approved: 前回 approved → draft")
    assert _codes(quoted, small) == []


# --- W8: the basis covers the decision record and who the vendor is -------------------------


@pytest.mark.parametrize(
    "edit",
    [
        {"next_review": dt.date(2030, 3, 31)},
        {"reviewer": "別の人"},
        {"decided_at": dt.date(2026, 11, 1)},
        {"submitted_by": "誰か"},
        {"confirmed_na": ("M-02",)},
    ],
    ids=[
        "W8-next-review",
        "W8-reviewer",
        "W8-decided-at",
        "W8-submitter",
        "W8-confirmed-na",
    ],
)
def test_rule_W8_a_hand_edit_of_the_decision_record_is_stale(
    small: Catalogue, edit: dict[str, object]
) -> None:
    a = approved(small)
    edited = replace(a, review=replace(a.review, **edit))  # type: ignore[arg-type]
    assert _codes(edited, small) == ["stale"]


def test_rule_W8_an_approval_copied_to_another_vendor_is_stale(small: Catalogue) -> None:
    a = approved(small)
    other = replace(a, vendor=Vendor(name="別の株式会社", corporate_number="1234567890123"))
    assert _codes(other, small) == ["stale"]
    # Contacts are not what was approved.
    contact = Contact(name="山田", email="yamada@example.jp")
    assert approval_basis(a) == approval_basis(
        replace(a, vendor=replace(a.vendor, contact=contact))
    )


def test_rule_W8_a_digest_of_the_answers_alone_does_not_stand(small: Catalogue) -> None:
    """The basis covers the vendor and the decision record too: a digest of the answers,
    exceptions and service only (as a forger might compute it) is stale."""
    from vendorrisk.core.approval import _content_parts, _digest

    a = approved(small)
    partial = replace(a, review=replace(a.review, basis=_digest(_content_parts(a))))
    assert _codes(partial, small) == ["stale"]


# --- C1 and W2: a plain approval while findings need conditions ----------------------------


def test_rule_C1_plain_approval_is_refused_while_findings_need_conditions(
    small: Catalogue,
) -> None:
    a = ready(small, {**ALL_MET, "S-01": "not_met"})
    with raises_said(WorkflowError, match="S-01"):
        transition(a, small, "approved", reviewer="鈴木", today=TODAY)
    done, _ = transition(
        a,
        small,
        "approved_with_conditions",
        reviewer="鈴木",
        conditions=("S-01: 2027年3月までに対応",),
        today=TODAY,
    )
    assert done.review.status == "approved_with_conditions"


def test_rule_C1_a_recorded_plain_approval_with_open_conditions_does_not_stand(
    small: Catalogue,
) -> None:
    """A hand edit from approved_with_conditions to approved (basis recomputed or not):
    the findings that needed conditions are still open."""
    a = ready(small, {**ALL_MET, "S-01": "partial"})
    review = Review(
        status="approved",
        reviewer="鈴木",
        decision="approve",
        decided_at=TODAY,
        next_review=dt.date(2027, 3, 31),
    )
    forged = replace(a, review=review)
    forged = replace(forged, review=replace(review, basis=approval_basis(forged)))
    assert _codes(forged, small) == ["conditions-needed"]


# --- W6: the same person under another spelling --------------------------------------------


@pytest.mark.parametrize(
    ("submitted", "approving"),
    [
        ("調達課 佐藤", "調達課　佐藤"),  # full-width space
        ("調達課 佐藤", "調達課  佐藤 "),
        ("調達課 佐藤", "調達課佐藤"),
        ("ＳＡＴＯ Taro", "sato taro"),  # full-width letters, case
        ("Sato\tTaro", "Sato Taro"),
    ],
    ids=["W6-fullwidth-space", "W6-spaces", "W6-no-space", "W6-fullwidth-letters", "W6-tab"],
)
def test_rule_W6_names_are_compared_after_normalising(
    small: Catalogue, submitted: str, approving: str
) -> None:
    strict = replace(small, review_policy=ReviewPolicy(separate_approver=True))
    a = ready(strict)
    a = replace(a, review=replace(a.review, submitted_by=submitted))
    with raises_said(WorkflowError, match="separation of duties"):
        transition(a, strict, "approved", reviewer=approving, today=TODAY)


def test_rule_W6_a_submitter_edited_by_hand_does_not_hide_who_submitted(
    small: Catalogue,
) -> None:
    """review.submitted_by is typed into the file before any approval covers it; the
    history's entry of the submission names who really submitted."""
    strict = replace(small, review_policy=ReviewPolicy(separate_approver=True))
    a = ready(strict)
    a = _with_history(a, "作成", "draft → submitted", "submitted → in_review")
    history = (replace(a.history[0], by="作成者"), replace(a.history[1], by="調達課 佐藤"))
    a = replace(a, history=(*history, a.history[2]))
    a = replace(a, review=replace(a.review, submitted_by="別の人"))
    with raises_said(WorkflowError, match="separation of duties"):
        transition(a, strict, "approved", reviewer="調達課　佐藤", today=TODAY)
