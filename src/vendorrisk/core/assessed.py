"""One assessment as every output reads it: scored once, on one day, with the standing of its
recorded approval and its review schedule judged from that score.

The report, the export table, the roll-up and the OSCAL document are all built from this
value, so none of them scores an assessment again and no two of them can disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from vendorrisk.core.approval import (
    INVALID_STANDING,
    ApprovalProblem,
    approval_problems,
    approval_stands,
)
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.model import Assessment
from vendorrisk.core.schedule import DueDate, next_review
from vendorrisk.core.scoring import ScoreResult, score_assessment
from vendorrisk.core.scoring.evaluate import Status


@dataclass(frozen=True, slots=True)
class Assessed:
    path: str
    assessment: Assessment
    today: dt.date
    result: ScoreResult
    # Why the recorded approval does not stand, if it is one (docs/scoring.md, W2, W7–W9);
    # judged on the whole assessment, so a disclosure copy keeps the verdict of the original.
    approval: tuple[ApprovalProblem, ...]
    # The next review the schedule gives from the decision date (or today), and every date
    # it considered, earliest first.
    scheduled: dt.date
    schedule_reasons: tuple[DueDate, ...]

    @property
    def stands(self) -> bool:
        return approval_stands(self.approval)

    @property
    def standing(self) -> str:
        """The status to show and count: the recorded one, unless it is an approval that
        does not stand (then ``approval_invalid``)."""
        return self.assessment.review.status if self.stands else INVALID_STANDING

    @property
    def statuses(self) -> Mapping[str, Status]:
        return self.result.statuses


def assess(
    assessment: Assessment, catalogue: Catalogue, today: dt.date, *, path: str = ""
) -> Assessed:
    result = score_assessment(assessment, catalogue, today=today)
    review = assessment.review
    scheduled, reasons = next_review(
        assessment,
        result.risk_level,
        catalogue.schedule,
        review.decided_at or today,
        decision=review.decision or "approve",
    )
    return Assessed(
        path=path,
        assessment=assessment,
        today=today,
        result=result,
        approval=approval_problems(assessment, catalogue, today, result),
        scheduled=scheduled,
        schedule_reasons=tuple(reasons),
    )
