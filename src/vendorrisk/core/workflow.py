"""The review workflow: who may move an assessment to which status, and what that records.

draft → submitted → in_review → approved | approved_with_conditions | rejected, and back to
draft for rework from any later status. Each move is checked against the scoring rules and
returned with a one-line summary for the history (rules W1–W9 of docs/scoring.md).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace
from typing import Final

from vendorrisk.core.approval import (
    approval_basis,
    first_move,
    legality_problems,
    plain_approval_problem,
)
from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.codes import Code, CodedError, Joined, Phrase, phrase
from vendorrisk.core.history_codes import HistoryCode
from vendorrisk.core.model import (
    HISTORY_SUMMARY_CHARS,
    REVIEW_STATUSES,
    Answer,
    Assessment,
    Comment,
    ExceptionGrant,
    HistoryEntry,
    Review,
    ReviewStatus,
)
from vendorrisk.core.problems import ProblemCode
from vendorrisk.core.rule_codes import ApprovalProblemCode, ids, problem_phrase, status_word
from vendorrisk.core.schedule import next_review
from vendorrisk.core.scoring import ScoreResult, score_assessment

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


class WorkflowCode(Code):
    REVIEWER = "workflow.reviewer"
    APPROVER = "workflow.approver"
    NAME_REQUIRED = "workflow.name-required"
    NAME_INVALID = "workflow.name-invalid"
    UNKNOWN_STATUS = "workflow.unknown-status"
    NOT_ALLOWED = "workflow.not-allowed"
    INCOMPLETE = "workflow.incomplete"
    NOTES_MISSING = "workflow.notes-missing"
    APPROVAL_REFUSED = "workflow.approval-refused"
    NA_NOT_LISTED = "workflow.na-not-listed"
    SUBMITTER_UNKNOWN = "workflow.submitter-unknown"
    SAME_PERSON = "workflow.same-person"
    CONDITIONS_REQUIRED = "workflow.conditions-required"
    NEXT_REVIEW_LATE = "workflow.next-review-late"
    NEXT_REVIEW_PAST = "workflow.next-review-past"
    COMMENT_TOO_LONG = "audit.comment-too-long"
    EXCEPTION_CONTROL = "workflow.exception-control"
    EXCEPTION_PAST = "workflow.exception-past"
    COMMENT_EMPTY = "workflow.comment-empty"
    NO_ANSWER = "workflow.no-answer"
    NO_EXCEPTION = "workflow.no-exception"
    VERIFY_NO_ANSWER = "audit.verify-no-answer"
    VERIFIED_REMARK = "workflow.verified-remark"
    STATUS_WITH_CODE = "workflow.status-with-code"


class WorkflowError(CodedError):
    """A move the rules do not allow; the phrase says why."""


def _refuse(code: WorkflowCode | ProblemCode, /, **params: object) -> WorkflowError:
    return WorkflowError(phrase(code, **params))


def same_person(one: str, other: str) -> bool:
    """Rule W6: two spellings of one name. NFKC folds full-width letters, digits and spaces
    (調達課　佐藤, ＳＡＴＯ); whitespace is dropped, because a space between family and given
    name is optional in Japanese; case is folded for names in Latin letters."""

    def key(name: str) -> str:
        return "".join(unicodedata.normalize("NFKC", name).split()).casefold()

    return key(one) == key(other)


def check_name(name: str | None, what: Code | str) -> str:
    """The name, stripped; ``what`` names the role in the refusal (a code, or the face's words)."""
    if name is None or not name.strip():
        raise _refuse(WorkflowCode.NAME_REQUIRED, what=what)
    if any(ord(c) < 32 or ord(c) == 127 for c in name) or len(name) > 500:
        raise _refuse(WorkflowCode.NAME_INVALID, what=what)
    return name.strip()


def notes_missing(assessment: Assessment, catalogue: Catalogue) -> tuple[str, ...]:
    """Rule W1: applicable answers "partly met" or "not met" that do not say why."""
    applicable = applies(catalogue, assessment)
    return tuple(
        rid
        for rid, answer in assessment.answers.items()
        if rid in applicable
        and answer.value in ("partial", "not_met")
        and not (answer.note and answer.note.strip())
    )


def submitters(review: Review, history: tuple[HistoryEntry, ...]) -> tuple[str, ...]:
    """Who submitted (rule W6): the name recorded at submission and the author of the
    history's last submission. Both count: ``submitted_by`` is typed into the file before
    any approval covers it, and files from before it was recorded have only the history."""
    names = [review.submitted_by] if review.submitted_by else []
    for entry in reversed(history):
        if first_move(entry) == ("draft", "submitted"):
            names.append(entry.by)
            break
    return tuple(names)


def approval_refusals(
    assessment: Assessment,
    catalogue: Catalogue,
    result: ScoreResult,
    *,
    approver: str | None,
    confirm_na: tuple[str, ...],
) -> list[Phrase]:
    """Every reason approving now would be refused (rules W2, W6, W7).

    The review screen shows these before anyone presses a button; ``transition`` refuses
    with the same list.
    """
    reasons = [problem_phrase(p) for p in legality_problems(result, confirm_na)]
    unknown = [i for i in confirm_na if i not in result.na_to_confirm]
    if unknown:
        reasons.append(phrase(WorkflowCode.NA_NOT_LISTED, ids=", ".join(unknown)))
    if catalogue.review_policy.separate_approver and approver:
        submitted = submitters(assessment.review, assessment.history)
        if not submitted:
            reasons.append(phrase(WorkflowCode.SUBMITTER_UNKNOWN))
        elif any(same_person(name, approver) for name in submitted):
            reasons.append(phrase(WorkflowCode.SAME_PERSON, name=approver.strip()))
    return reasons


def transition(
    assessment: Assessment,
    catalogue: Catalogue,
    to: str,
    *,
    reviewer: str | None,
    comment: str | None = None,
    conditions: tuple[str, ...] = (),
    next_review_date: dt.date | None = None,
    conditions_due: dt.date | None = None,
    confirm_na: tuple[str, ...] = (),
    today: dt.date,
) -> tuple[Assessment, Phrase]:
    """The assessment after moving to ``to``, and the history summary of the move.

    ``reviewer`` is the person making the move (rule W3): the history records this name.
    ``confirm_na`` lists the not-applicable answers on must questions or gates the
    approving reviewer has checked (rule W7).
    """
    current = assessment.review.status
    if to not in STATUSES:
        raise _refuse(WorkflowCode.UNKNOWN_STATUS, status=to, statuses=", ".join(STATUSES))
    if to not in TRANSITIONS[current]:
        # In words, each allowed move with the code ``review --to`` takes.
        allowed = Joined(
            tuple(
                phrase(WorkflowCode.STATUS_WITH_CODE, word=status_word(s), code=s)
                for s in sorted(TRANSITIONS[current])
            ),
            ", ",
        )
        raise _refuse(
            WorkflowCode.NOT_ALLOWED,
            current=status_word(current),
            to=status_word(to),
            allowed=allowed if allowed.items else "-",
        )
    name = check_name(reviewer, WorkflowCode.REVIEWER)
    result = score_assessment(assessment, catalogue, today=today)
    review = assessment.review
    conditions = tuple(c.strip() for c in conditions if c.strip())
    confirm_na = tuple(dict.fromkeys(i.strip() for i in confirm_na if i.strip()))
    if to == "submitted":
        if not result.complete:
            raise _refuse(WorkflowCode.INCOMPLETE, count=len(result.unanswered))
        unexplained = notes_missing(assessment, catalogue)
        if unexplained:
            raise _refuse(WorkflowCode.NOTES_MISSING, ids=ids(unexplained))
    if to in DECISIONS:
        if to != "rejected":
            refusals = approval_refusals(
                assessment, catalogue, result, approver=name, confirm_na=confirm_na
            )
            if refusals:
                raise _refuse(WorkflowCode.APPROVAL_REFUSED, reasons=Joined(tuple(refusals)))
        if to == "approved_with_conditions" and not conditions:
            raise _refuse(WorkflowCode.CONDITIONS_REQUIRED)
        plain = plain_approval_problem(result) if to == "approved" else None
        if plain is not None:
            # Rule C1: the reviewer may approve, but with conditions that name these.
            reason = phrase(ApprovalProblemCode.PLAIN_REFUSED, ids=ids(plain.ids))
            raise _refuse(WorkflowCode.APPROVAL_REFUSED, reasons=reason)
        due = None
        if to != "rejected":
            computed, _ = next_review(
                assessment,
                result.risk_level,
                catalogue.schedule,
                today,
                decision=DECISIONS[to],  # type: ignore[arg-type]
                # Rule N4: an approval with conditions is reviewed when they fall due.
                conditions_due=conditions_due if to == "approved_with_conditions" else None,
            )
            if next_review_date is not None and next_review_date > computed:
                raise _refuse(
                    WorkflowCode.NEXT_REVIEW_LATE, given=next_review_date, latest=computed
                )
            if next_review_date is not None and next_review_date <= today:
                raise _refuse(WorkflowCode.NEXT_REVIEW_PAST, given=next_review_date)
            due = next_review_date or computed
        approving = to != "rejected"
        review = Review(
            status=to,
            reviewer=name,
            decision=DECISIONS[to],  # type: ignore[arg-type]
            decided_at=today,
            conditions=conditions,
            next_review=due,
            submitted_by=review.submitted_by,
            confirmed_na=confirm_na if approving else (),
        )
        if approving:
            # The basis covers the decision record too (rule W8), so it is taken last.
            decided = replace(assessment, review=review)
            review = replace(review, basis=approval_basis(decided))
    elif to == "in_review":
        review = replace(review, status="in_review", reviewer=name)
    elif to == "submitted":
        review = Review(status=to, next_review=review.next_review, submitted_by=name)
    else:
        # Back to draft: an earlier decision no longer stands, but the date by which the
        # vendor must be reassessed still does.
        review = Review(status=to, reviewer=review.reviewer, next_review=review.next_review)
    said = " ".join((comment or "").split())
    summary = (
        phrase(HistoryCode.MOVED_COMMENT, old=current, new=to, comment=said)
        if said
        else phrase(HistoryCode.MOVED, old=current, new=to)
    )
    room = HISTORY_SUMMARY_CHARS - len(f"{current} → {to}: ")
    if len(said) > room:
        # Refused here, in words, rather than by the save's schema check of the history.
        raise _refuse(WorkflowCode.COMMENT_TOO_LONG, limit=room)
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
) -> tuple[Assessment, Phrase]:
    """Record an exception (例外措置) and the history summary: rule E1 of docs/scoring.md."""
    if requirement_id not in catalogue.by_id:
        raise _refuse(ProblemCode.EXCEPTION_UNKNOWN, id=requirement_id)
    if not compensating_control.strip():
        raise _refuse(WorkflowCode.EXCEPTION_CONTROL)
    approver = check_name(approved_by, WorkflowCode.APPROVER)
    if until < today:
        raise _refuse(WorkflowCode.EXCEPTION_PAST, until=until)
    grant = ExceptionGrant(
        requirement=requirement_id,
        compensating_control=compensating_control.strip(),
        approved_by=approver,
        until=until,
        approved_at=today,
    )
    summary = phrase(HistoryCode.EXCEPTION_GRANTED, id=requirement_id, until=until)
    return replace(assessment, exceptions=(*assessment.exceptions, grant)), summary


def add_comment(
    assessment: Assessment, requirement_id: str, *, by: str, text: str, today: dt.date
) -> Assessment:
    """A reviewer's comment on one answer."""
    name = check_name(by, WorkflowCode.REVIEWER)
    if not text.strip():
        raise _refuse(WorkflowCode.COMMENT_EMPTY)
    answer = assessment.answers.get(requirement_id)
    if answer is None:
        raise _refuse(WorkflowCode.NO_ANSWER, id=requirement_id)
    updated: Answer = replace(
        answer, comments=(*answer.comments, Comment(name, today, text.strip()))
    )
    return assessment.with_answer(requirement_id, updated)


def revoke_exception(
    assessment: Assessment, requirement_id: str, *, revoked_by: str
) -> tuple[Assessment, Phrase]:
    """Withdraw every exception recorded for one requirement, and the history summary."""
    check_name(revoked_by, WorkflowCode.REVIEWER)
    kept = tuple(g for g in assessment.exceptions if g.requirement != requirement_id)
    if len(kept) == len(assessment.exceptions):
        raise _refuse(WorkflowCode.NO_EXCEPTION, id=requirement_id)
    summary = phrase(HistoryCode.EXCEPTION_REVOKED, id=requirement_id)
    return replace(assessment, exceptions=kept), summary


def verify_answers(
    assessment: Assessment,
    requirement_ids: tuple[str, ...],
    *,
    verified_by: str,
    remark: str,
    today: dt.date,
) -> tuple[Assessment, Phrase]:
    """City staff have checked these answers themselves (source "city"): what gates need.

    ``remark`` is the comment left on each answer, in the words of the person's face
    (``WorkflowCode.VERIFIED_REMARK`` said): a comment is text a person reads, kept as is.
    """
    name = check_name(verified_by, WorkflowCode.REVIEWER)
    missing = [rid for rid in requirement_ids if rid not in assessment.answers]
    if missing:
        raise _refuse(WorkflowCode.VERIFY_NO_ANSWER, ids=", ".join(missing))
    for rid in requirement_ids:
        answer = assessment.answers[rid]
        note = Comment(name, today, remark)
        checked = replace(answer, source="city", comments=(*answer.comments, note))
        assessment = assessment.with_answer(rid, checked)
    return assessment, phrase(HistoryCode.VERIFIED, ids=ids(requirement_ids))
