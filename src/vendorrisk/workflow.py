"""The review workflow: who may move an assessment to which status, and what that records.

draft → submitted → in_review → approved | approved_with_conditions | rejected, and back to
draft for rework from any later status. Each move is checked against the scoring rules and
returned with a one-line summary for the history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Final

from vendorrisk.catalog.model import Catalogue
from vendorrisk.messages import t
from vendorrisk.model import (
    REVIEW_STATUSES,
    Answer,
    Assessment,
    Comment,
    ExceptionGrant,
    Review,
    ReviewStatus,
)
from vendorrisk.schedule import next_review
from vendorrisk.scoring import score_assessment

STATUSES: Final[tuple[ReviewStatus, ...]] = REVIEW_STATUSES
TRANSITIONS: Final[dict[str, frozenset[str]]] = {
    "draft": frozenset({"submitted"}),
    "submitted": frozenset({"in_review", "draft"}),
    "in_review": frozenset({"approved", "approved_with_conditions", "rejected", "draft"}),
    "approved": frozenset({"draft"}),
    "approved_with_conditions": frozenset({"draft"}),
    "rejected": frozenset({"draft"}),
}
DECISIONS: Final = {
    "approved": "approve",
    "approved_with_conditions": "approve_with_conditions",
    "rejected": "reject",
}


class WorkflowError(Exception):
    """A move the rules do not allow; the message says why in words."""


def check_name(name: str | None, what: str) -> str:
    if name is None or not name.strip():
        raise WorkflowError(t("workflow.name-required", what=what))
    if any(ord(c) < 32 or ord(c) == 127 for c in name) or len(name) > 500:
        raise WorkflowError(t("workflow.name-invalid", what=what))
    return name.strip()


def transition(
    assessment: Assessment,
    catalogue: Catalogue,
    to: str,
    *,
    reviewer: str | None,
    comment: str | None = None,
    conditions: tuple[str, ...] = (),
    next_review_date: dt.date | None = None,
    today: dt.date,
) -> tuple[Assessment, str]:
    """The assessment after moving to ``to``, and the history summary of the move."""
    current = assessment.review.status
    if to not in STATUSES:
        raise WorkflowError(t("workflow.unknown-status", status=to, statuses=", ".join(STATUSES)))
    if to not in TRANSITIONS[current]:
        allowed = ", ".join(sorted(TRANSITIONS[current])) or "-"
        raise WorkflowError(t("workflow.not-allowed", current=current, to=to, allowed=allowed))
    result = score_assessment(assessment, catalogue, today=today)
    review = assessment.review
    if reviewer is not None and reviewer.strip():
        reviewer = check_name(reviewer, t("workflow.reviewer"))
    conditions = tuple(c.strip() for c in conditions if c.strip())
    if to == "submitted" and not result.complete:
        raise WorkflowError(t("workflow.incomplete", count=len(result.unanswered)))
    if to in DECISIONS:
        name = check_name(reviewer, t("workflow.reviewer"))
        if to != "rejected":
            if not result.complete:
                raise WorkflowError(t("workflow.incomplete", count=len(result.unanswered)))
            if result.blockers:
                ids = ", ".join(f.requirement for f in result.blockers)
                raise WorkflowError(t("workflow.open-blockers", ids=ids))
        if to == "approved_with_conditions" and not conditions:
            raise WorkflowError(t("workflow.conditions-required"))
        due = None
        if to != "rejected":
            computed, _ = next_review(assessment, result.risk_level, catalogue.schedule, today)
            if next_review_date is not None and next_review_date > computed:
                raise WorkflowError(
                    t("workflow.next-review-late", given=next_review_date, latest=computed)
                )
            if next_review_date is not None and next_review_date <= today:
                raise WorkflowError(t("workflow.next-review-past", given=next_review_date))
            due = next_review_date or computed
        review = Review(
            status=to,
            reviewer=name,
            decision=DECISIONS[to],  # type: ignore[arg-type]
            decided_at=today,
            conditions=conditions,
            next_review=due,
        )
    elif to == "in_review":
        review = replace(
            review, status="in_review", reviewer=check_name(reviewer, t("workflow.reviewer"))
        )
    else:
        # Back to draft, or submitted: an earlier decision no longer stands, but the date by
        # which the vendor must be reassessed still does.
        review = Review(status=to, reviewer=review.reviewer, next_review=review.next_review)
    summary = f"{current} → {to}"
    if comment:
        summary += f": {' '.join(comment.split())}"
    return replace(assessment, review=review), summary


def grant_exception(
    assessment: Assessment,
    catalogue: Catalogue,
    requirement_id: str,
    *,
    compensating_control: str,
    approved_by: str,
    until: dt.date,
    today: dt.date,
) -> tuple[Assessment, str]:
    """Record an exception (例外措置) and the history summary: rule E1 of docs/scoring.md."""
    if requirement_id not in catalogue.by_id:
        raise WorkflowError(t("problem.exception-unknown", id=requirement_id))
    if not compensating_control.strip():
        raise WorkflowError(t("workflow.exception-control"))
    approver = check_name(approved_by, t("workflow.approver"))
    if until < today:
        raise WorkflowError(t("workflow.exception-past", until=until))
    grant = ExceptionGrant(
        requirement=requirement_id,
        compensating_control=compensating_control.strip(),
        approved_by=approver,
        until=until,
        approved_at=today,
    )
    summary = t("workflow.exception-granted", id=requirement_id, until=until)
    return replace(assessment, exceptions=(*assessment.exceptions, grant)), summary


def add_comment(
    assessment: Assessment, requirement_id: str, *, by: str, text: str, today: dt.date
) -> Assessment:
    """A reviewer's comment on one answer."""
    name = check_name(by, t("workflow.reviewer"))
    if not text.strip():
        raise WorkflowError(t("workflow.comment-empty"))
    answer = assessment.answers.get(requirement_id)
    if answer is None:
        raise WorkflowError(t("workflow.no-answer", id=requirement_id))
    updated: Answer = replace(
        answer, comments=(*answer.comments, Comment(name, today, text.strip()))
    )
    return assessment.with_answer(requirement_id, updated)
