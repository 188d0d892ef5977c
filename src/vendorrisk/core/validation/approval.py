"""``validate``'s view of a recorded approval: rules W2, W7–W9 of docs/scoring.md as Problems.

Kept out of loading on purpose: a file whose approval no longer stands must still open, so
that someone can send it back to review; only ``validate`` (and what shows the status)
reports it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from vendorrisk.core.approval import APPROVED_STATUSES, approval_problems
from vendorrisk.core.catalog.model import Catalogue, Requirement
from vendorrisk.core.codes import Joined
from vendorrisk.core.model import Assessment
from vendorrisk.core.problems import Problem, ProblemCode, problem
from vendorrisk.core.rule_codes import problem_phrase, status_word
from vendorrisk.core.scoring import score_assessment
from vendorrisk.core.validation.toml_lines import key_lines, line_for


def approval_check(
    assessment: Assessment,
    catalogue: Catalogue,
    today: dt.date,
    text: str | None = None,
    applicable: Mapping[str, Requirement] | None = None,
) -> list[Problem]:
    """Problems of the recorded approval; with the file's ``text``, each has its line.
    ``applicable``: the requirements that apply, when the caller has worked them out."""
    if assessment.catalog_id != catalogue.id:
        return []  # answers to another catalogue cannot be judged (catalog-mismatch says so)
    result = None
    if applicable is not None and assessment.review.status in APPROVED_STATUSES:
        result = score_assessment(assessment, catalogue, today=today, applicable=applicable)
    found = approval_problems(assessment, catalogue, today, result)
    status = status_word(assessment.review.status)  # in words: the message is for people
    out: list[Problem] = []
    legality = [problem_phrase(p) for p in found if p.code not in ("stale", "unbased")]
    if legality:
        out.append(
            problem(
                ProblemCode.APPROVAL_INVALID,
                key="review.status",
                status=status,
                reasons=Joined(tuple(legality)),
            )
        )
    if any(p.code == "stale" for p in found):
        out.append(problem(ProblemCode.APPROVAL_STALE, key="review.basis", status=status))
    if any(p.code == "unbased" for p in found):
        out.append(
            problem(
                ProblemCode.APPROVAL_UNBASED, key="review.status", severity="warning", status=status
            )
        )
    if text is None or not out:
        return out
    index = key_lines(text)
    return [replace(p, line=line_for(index, p.key)) for p in out]
