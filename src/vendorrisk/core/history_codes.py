"""The codes a file may hold: what each history entry records, as codes and parameters.

A history entry is written by the tool (a move, an import, a migration) and read by people
in their own language, possibly years later: so the file keeps the code of what happened
and its facts (``{code = "history.moved", params = {old = "draft", new = "submitted"}}``),
and the face words it when it is shown. What a person typed stays their text, as a
parameter (a move's comment) or as the entry's ``comment``.

Every code that can appear in a file is listed here, so that reading a file back needs no
other module (the schema lists the same codes: a code the tool does not know is refused).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

from vendorrisk.core.codes import Code, Joined, Phrase, phrase_of


class HistoryCode(Code):
    """What a change recorded in the history did (one entry may record several)."""

    CREATED = "storage.summary-created"
    MOVED = "history.moved"
    MOVED_COMMENT = "history.moved-comment"
    EXCEPTION_GRANTED = "workflow.exception-granted"
    EXCEPTION_REVOKED = "workflow.exception-revoked"
    VERIFIED = "workflow.verified"
    COMMENTED = "review.commented"
    ANSWERS_UPDATED = "session.summary"
    IMPORTED = "import.summary"
    EVIDENCE_RECORDED = "evidence.recorded"
    SUBCONTRACTOR_ADDED = "register.summary-added"
    SUBCONTRACTOR_CONSENT = "register.summary-consent"
    SUBCONTRACTOR_CONSENT_MYNUMBER = "register.summary-consent-mynumber"
    SUBCONTRACTOR_REMOVED = "register.summary-removed"
    REOPENED = "approval.reopened"
    REOPENED_UNKNOWN = "approval.reopened-unknown"
    REOPENED_INVALID = "approval.reopened-invalid"
    MIGRATED = "migrate.summary"
    MIGRATED_RENAMED = "migrate.summary-renamed"
    MIGRATED_CONFIRM = "migrate.summary-confirm"
    MIGRATED_NOT_PREFILLED = "migrate.summary-not-prefilled"
    MIGRATED_REMOVED = "migrate.summary-removed"
    MIGRATED_EXCEPTIONS = "migrate.summary-exceptions"
    FORMAT_UPGRADED = "migrate.summary-format"


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


STORED: Final[tuple[type[Code], ...]] = (HistoryCode, StatusWord, ListCode, ApprovalProblemCode)
_BY_VALUE: Final[dict[str, Code]] = {str(c): c for kind in STORED for c in kind}
MOVES: Final = (HistoryCode.MOVED, HistoryCode.MOVED_COMMENT)

# The parameters each stored code's text shows (a test keeps the two in step): validate
# refuses an event that lacks one, so a hand edit cannot leave a history entry that shows
# its placeholders raw.
PARAMETERS: Final[dict[Code, frozenset[str]]] = {
    code: frozenset(names.split())
    for code, names in (
        (HistoryCode.MOVED, "old new"),
        (HistoryCode.MOVED_COMMENT, "old new comment"),
        (HistoryCode.EXCEPTION_GRANTED, "id until"),
        (HistoryCode.EXCEPTION_REVOKED, "id"),
        (HistoryCode.VERIFIED, "ids"),
        (HistoryCode.COMMENTED, "id"),
        (HistoryCode.ANSWERS_UPDATED, "ids"),
        (HistoryCode.IMPORTED, "count file"),
        (HistoryCode.EVIDENCE_RECORDED, "count"),
        (HistoryCode.SUBCONTRACTOR_ADDED, "name level"),
        (HistoryCode.SUBCONTRACTOR_CONSENT, "name approver date"),
        (HistoryCode.SUBCONTRACTOR_CONSENT_MYNUMBER, "name approver date"),
        (HistoryCode.SUBCONTRACTOR_REMOVED, "name"),
        (HistoryCode.REOPENED, "status ids"),
        (HistoryCode.REOPENED_UNKNOWN, "status"),
        (HistoryCode.REOPENED_INVALID, "status reasons"),
        (HistoryCode.MIGRATED, "old new"),
        (HistoryCode.MIGRATED_RENAMED, "items"),
        (HistoryCode.MIGRATED_CONFIRM, "items"),
        (HistoryCode.MIGRATED_NOT_PREFILLED, "items"),
        (HistoryCode.MIGRATED_REMOVED, "items"),
        (HistoryCode.MIGRATED_EXCEPTIONS, "items"),
        (HistoryCode.FORMAT_UPGRADED, "old new"),
        (ListCode.MORE, "shown count"),
        (ApprovalProblemCode.INCOMPLETE, "ids count"),
        (ApprovalProblemCode.OPEN_BLOCKERS, "ids"),
        (ApprovalProblemCode.UNVERIFIED_GATES, "ids"),
        (ApprovalProblemCode.NA_UNCONFIRMED, "ids"),
        (ApprovalProblemCode.CONDITIONS_NEEDED, "ids"),
        (ApprovalProblemCode.PLAIN_REFUSED, "ids"),
    )
}
# Phrases inside phrases (a reason inside a reopening) go this deep at most.
MAX_EVENT_DEPTH: Final = 4


def misfit(value: object, depth: int = 0) -> Code | str | None:
    """The first stored code in ``value`` (an event or one of its parameters) that lacks a
    parameter its text shows, "depth" when phrases nest too deep; None if all fit."""
    if depth > MAX_EVENT_DEPTH:
        return "depth"
    if isinstance(value, Joined):
        items: tuple[object, ...] = value.items
    elif isinstance(value, Phrase):
        # Parameters its text does not show are harmless (the tool writes a count beside
        # the ids of every approval problem); a missing one would show as "{name}".
        if not PARAMETERS.get(value.code, frozenset()) <= value.params.keys():
            return value.code
        items = tuple(value.params.values())
    elif isinstance(value, Code):
        return value if PARAMETERS.get(value) else None
    else:
        return None
    for item in items:
        found = misfit(item, depth + 1)
        if found is not None:
            return found
    return None


# What a history entry records: the tool's phrases, several joined with "; " (a move and
# the reason the save put the approval back into review), or a person's own words.
Summary = Phrase | Joined | str


def stored_codes() -> tuple[str, ...]:
    """Every code a file may hold, for the schema's list."""
    return tuple(_BY_VALUE)


def code_of(value: str) -> Code:
    """The code written as ``value``; KeyError for a code the tool does not know."""
    return _BY_VALUE[value]


def events_of(summary: Summary) -> tuple[tuple[Phrase, ...], str | None]:
    """A summary as the entry keeps it: its phrases, and a person's words as the comment."""
    if isinstance(summary, str):
        words = " ".join(summary.split())
        return (), words or None
    if isinstance(summary, Phrase):
        return (summary,), None
    events = tuple(item for item in summary.items if isinstance(item, Phrase))
    words = "; ".join(" ".join(item.split()) for item in summary.items if isinstance(item, str))
    return events, words or None


def to_plain(value: object) -> Any:
    """A phrase (or one of its parameters) as TOML values: tables, strings, numbers, dates.
    A phrase without parameters is written as its code alone."""
    if isinstance(value, Phrase):
        if not value.params:
            return {"code": str(value.code)}
        return {
            "code": str(value.code),
            "params": {k: to_plain(v) for k, v in value.params.items()},
        }
    if isinstance(value, Code):
        return {"code": str(value)}
    if isinstance(value, Joined):
        return {"joined": [to_plain(v) for v in value.items], "separator": value.separator}
    if isinstance(value, (str, int, dt.date)) and not isinstance(value, bool):
        return value
    return str(value)


def event_from_plain(value: Mapping[str, Any]) -> Phrase:
    """A history entry's event, from a document the schema has accepted."""
    params = value.get("params", {})
    return phrase_of(code_of(value["code"]), {k: from_plain(v) for k, v in params.items()})


def from_plain(value: Any) -> Any:
    """A parameter of an event, the inverse of ``to_plain``: a code alone is a code (a
    status, said in words when shown)."""
    if isinstance(value, Mapping):
        if "joined" in value:
            return Joined(tuple(from_plain(v) for v in value["joined"]), value["separator"])
        if "params" not in value:
            return code_of(value["code"])
        return event_from_plain(value)
    return value
