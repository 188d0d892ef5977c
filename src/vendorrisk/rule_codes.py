"""Codes the rules share: review statuses, lists of ids and approval problems as phrases.

A status is named by its words at the face (``承認``, ``approved``), never by the rules;
a long list of requirement ids is cut after ten and says how many more, in words the face
chooses. The problems of ``approval`` get their phrase here until approval.py returns
phrases itself.
"""

from __future__ import annotations

from typing import Final

from vendorrisk.approval import ApprovalProblem
from vendorrisk.codes import Code, Phrase, phrase


class StatusWord(Code):
    """A review status in running text (``label.status.*``)."""

    DRAFT = "label.status.draft"
    SUBMITTED = "label.status.submitted"
    IN_REVIEW = "label.status.in_review"
    APPROVED = "label.status.approved"
    APPROVED_WITH_CONDITIONS = "label.status.approved_with_conditions"
    REJECTED = "label.status.rejected"


class ListCode(Code):
    MORE = "rules.ids-more"


class ApprovalProblemCode(Code):
    """Why a recorded or intended approval does not stand (rules W2, W7–W9)."""

    INCOMPLETE = "approval.incomplete"
    OPEN_BLOCKERS = "approval.open-blockers"
    UNVERIFIED_GATES = "approval.unverified-gates"
    NA_UNCONFIRMED = "approval.na-unconfirmed"
    CONDITIONS_NEEDED = "approval.conditions-needed"
    UNRECORDED = "approval.unrecorded"
    BASIS_MISSING = "approval.basis-missing"
    STALE = "approval.stale"
    UNBASED = "approval.unbased"
    PLAIN_REFUSED = "approval.plain-refused"


_STATUS_WORDS: Final = {word.value.removeprefix("label.status."): word for word in StatusWord}
# Lists of ids in messages stop after this many, then say how many more (as approval.id_list).
SHOWN_IDS: Final = 10


def status_word(status: str) -> StatusWord | str:
    """The status as a code the face words; an unknown status stays as it is written."""
    return _STATUS_WORDS.get(status, status)


def ids(found: tuple[str, ...] | list[str]) -> Phrase | str:
    """Requirement ids for running text: the first ten, then how many more."""
    shown = ", ".join(found[:SHOWN_IDS])
    more = len(found) - SHOWN_IDS
    return phrase(ListCode.MORE, shown=shown, count=more) if more > 0 else shown


def problem_phrase(problem: ApprovalProblem) -> Phrase:
    return phrase(
        ApprovalProblemCode(f"approval.{problem.code}"),
        ids=ids(problem.ids),
        count=len(problem.ids),
    )
