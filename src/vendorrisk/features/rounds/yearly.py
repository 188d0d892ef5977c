"""Who the round goes to, and where each vendor stands (docs/rounds in README, rules Y1–Y4).

- Y1 (who): every assessment whose approval stands and that falls due for reassessment by
  the end of the 年度 (31 March), by the same dates as ``vendorrisk due``.
- Y2 (returned): a question counts as returned when its answer was given on or after the
  day the questionnaire was sent (``import-answers`` dates what it imports).
- Y3 (state): all returned → returned; some → partial; none → waiting; and, past the
  round's due date with questions outstanding, overdue.
- Y4 (changed): an answer whose value differs from the one recorded when the questionnaire
  was sent (last year's answer) is a change since last year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from vendorrisk.core.approval import APPROVED_STATUSES, approval_problems, approval_stands
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.model import AnswerValue, Assessment
from vendorrisk.core.schedule import due_reasons
from vendorrisk.features.rounds.record import Round, Sent
from vendorrisk.store.storage import name_slug

ReturnState = Literal["returned", "partial", "waiting", "overdue", "missing"]
RETURN_STATES: Final[tuple[ReturnState, ...]] = (
    "overdue",
    "missing",
    "waiting",
    "partial",
    "returned",
)


def year_end(fiscal_year: int) -> dt.date:
    return dt.date(fiscal_year + 1, 3, 31)


def due_this_year(
    assessment: Assessment, catalogue: Catalogue, fiscal_year: int, today: dt.date
) -> bool:
    """Rule Y1."""
    if assessment.review.status not in APPROVED_STATUSES:
        return False
    if not approval_stands(approval_problems(assessment, catalogue, today)):
        return False  # not approved, whatever the file says: it needs review, not a round
    return bool(due_reasons(assessment, year_end(fiscal_year)))


def questionnaire_name(
    fiscal_year: int, vendor: str, service: str, extension: str, taken: set[str]
) -> str:
    """A readable file name for one vendor's questionnaire, unique among ``taken``."""
    stem = f"{fiscal_year}-{name_slug(vendor, service)}"
    name = f"{stem}.{extension}"
    number = 2
    while name in taken:
        name = f"{stem}-{number}.{extension}"
        number += 1
    return name


def snapshot(assessment: Assessment, questions: Sequence[str]) -> dict[str, AnswerValue]:
    """The answers to ``questions`` as they stand (rule Y4 compares with these later)."""
    return {rid: assessment.answers[rid].value for rid in questions if rid in assessment.answers}


@dataclass(frozen=True, slots=True)
class Change:
    requirement: str
    before: AnswerValue | None
    after: AnswerValue | None


@dataclass(frozen=True, slots=True)
class EntryStatus:
    sent: Sent
    state: ReturnState
    returned: tuple[str, ...] = ()
    outstanding: tuple[str, ...] = ()
    changed: tuple[Change, ...] = ()
    new_this_year: bool = False  # not in last year's round


@dataclass(frozen=True, slots=True)
class RoundStatus:
    fiscal_year: int
    due: dt.date
    today: dt.date
    entries: tuple[EntryStatus, ...]
    # Assessments in last year's round that this year's does not reach.
    dropped: tuple[Sent, ...] = ()

    @property
    def overdue(self) -> tuple[EntryStatus, ...]:
        return tuple(e for e in self.entries if e.state == "overdue")

    def count(self, state: ReturnState) -> int:
        return sum(1 for e in self.entries if e.state == state)


def entry_status(
    sent: Sent, assessment: Assessment | None, due: dt.date, today: dt.date
) -> EntryStatus:
    """Rules Y2–Y4 for one questionnaire; ``assessment`` None when its file is gone or
    cannot be read."""
    if assessment is None:
        return EntryStatus(sent, "missing", outstanding=sent.questions)
    returned: list[str] = []
    outstanding: list[str] = []
    for rid in sent.questions:
        answer = assessment.answers.get(rid)
        if (
            answer is not None
            and answer.answered_at is not None
            and answer.answered_at >= sent.sent
        ):
            returned.append(rid)
        else:
            outstanding.append(rid)
    if not outstanding:
        state: ReturnState = "returned"
    elif today > due:
        state = "overdue"
    else:
        state = "partial" if returned else "waiting"
    changed = []
    for rid in sent.questions:
        before = sent.answers.get(rid)
        answer = assessment.answers.get(rid)
        after = answer.value if answer is not None else None
        if before != after:
            changed.append(Change(rid, before, after))
    return EntryStatus(sent, state, tuple(returned), tuple(outstanding), tuple(changed))


def round_status(
    record: Round,
    assessments: Mapping[str, Assessment | None],
    today: dt.date,
    previous: Round | None = None,
) -> RoundStatus:
    """Where every vendor of the round stands on ``today``; ``assessments`` by the path the
    record names; ``previous`` is last year's round, if there was one."""
    before = {s.assessment for s in previous.sent} if previous else set()
    entries = []
    for sent in record.sent:
        status = entry_status(sent, assessments.get(sent.assessment), record.due, today)
        if previous is not None and sent.assessment not in before:
            status = EntryStatus(
                status.sent,
                status.state,
                status.returned,
                status.outstanding,
                status.changed,
                new_this_year=True,
            )
        entries.append(status)
    now = {s.assessment for s in record.sent}
    dropped = tuple(s for s in previous.sent if s.assessment not in now) if previous else ()
    order = {state: i for i, state in enumerate(RETURN_STATES)}
    entries.sort(key=lambda e: (order[e.state], e.sent.vendor, e.sent.assessment))
    return RoundStatus(record.fiscal_year, record.due, today, tuple(entries), dropped)
