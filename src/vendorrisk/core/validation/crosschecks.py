"""Cross-checks of an assessment's facts that the schema cannot see (issue 9 §1).

- The classification against the data the service holds: since the guideline's R6.10
  revision personal information belongs in 自治体機密性3, and My Number data is handled in
  the My Number tier at 3B or above (the guideline's own example of 3B is the resident
  records and tax systems).
- An answer that contradicts the profile: a question that only data of a kind makes apply
  is answered while the profile says the service holds no such data, or a question whose
  condition on another answer is false is answered all the same.
- A partly met or not met answer without a note saying what is missing.

Each finding is a Problem with a stable code (docs/validation.md lists them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from vendorrisk.core.catalog.applicability import Profile, matches_profile
from vendorrisk.core.catalog.conditions import PROFILE_NAMES, names_in
from vendorrisk.core.catalog.model import Requirement
from vendorrisk.core.classification import confidentiality_rank
from vendorrisk.core.model import Answer, Assessment, Service
from vendorrisk.core.problems import Problem, ProblemCode, problem

_LEVEL_1 = confidentiality_rank("1")
_LEVEL_2 = confidentiality_rank("2")
_LEVEL_3B = confidentiality_rank("3B")
_CLASS_KEY = "service.classification.confidentiality"


def classification_problems(service: Service) -> list[Problem]:
    """The classification and tier against the personal and My Number data flags."""
    rank = confidentiality_rank(service.classification.confidentiality)
    level = service.classification.confidentiality
    problems: list[Problem] = []
    if service.mynumber_data:
        if not service.personal_data:
            problems.append(
                problem(ProblemCode.MYNUMBER_WITHOUT_PERSONAL_DATA, key="service.personal_data")
            )
        if service.tier != "mynumber":
            problems.append(
                problem(
                    ProblemCode.MYNUMBER_DATA_OUTSIDE_TIER, key="service.tier", tier=service.tier
                )
            )
        if rank < _LEVEL_3B:
            # The stronger finding: a personal-data warning on top would say less.
            problems.append(
                problem(ProblemCode.MYNUMBER_DATA_BELOW_3B, key=_CLASS_KEY, level=level)
            )
            return problems
    if service.personal_data and rank == _LEVEL_1:
        problems.append(problem(ProblemCode.PERSONAL_DATA_PUBLIC, key=_CLASS_KEY))
    elif service.personal_data and rank == _LEVEL_2:
        problems.append(
            problem(ProblemCode.PERSONAL_DATA_BELOW_3, key=_CLASS_KEY, severity="warning")
        )
    if service.kind == "social" and rank > _LEVEL_1:
        problems.append(
            problem(
                ProblemCode.SOCIAL_ABOVE_LEVEL_1, key=_CLASS_KEY, severity="warning", level=level
            )
        )
    return problems


def answer_contradiction(
    requirement: Requirement, answer: Answer, assessment: Assessment
) -> Problem | None:
    """Why an answer to a question that does not apply contradicts the profile or another
    answer, if it does (None: it merely does not apply)."""
    if answer.value == "na":
        return None
    rid = requirement.id
    key = f"answers.{rid}"
    service = assessment.service
    profile = Profile.of(assessment)
    if not matches_profile(requirement, profile):
        with_data = replace(profile, personal_data=True, mynumber_data=True)
        if not matches_profile(requirement, with_data):
            return None
        flag = "mynumber_data" if requirement.mynumber_data and not service.mynumber_data else ""
        flag = flag or "personal_data"
        return problem(
            ProblemCode.ANSWER_CONTRADICTS_PROFILE, key=key, severity="warning", id=rid, flag=flag
        )
    if requirement.condition is None:
        return None
    answers = sorted(names_in(requirement.condition) - set(PROFILE_NAMES))
    if not answers:
        return None
    return problem(
        ProblemCode.ANSWER_CONTRADICTS_CONDITION,
        key=key,
        severity="warning",
        id=rid,
        condition=requirement.condition_text or "",
        ids=", ".join(answers),
    )


# The line import-answers adds to every note it writes is a record, not an explanation. It
# is known by its shape, in any language: it names the questionnaire's SHA-256 in brackets.
_PROVENANCE_LINE = re.compile(r".*[(（]SHA-256 [^()（）]+[)）].*")


def says_something(note: str | None) -> bool:
    """Whether a note holds words of a person, not only the import's provenance line."""
    if not note:
        return False
    if "SHA-256" not in note:
        return not note.isspace()  # no provenance line: any word at all is a person's
    lines = (line.strip() for line in note.splitlines())
    return any(line and not _PROVENANCE_LINE.fullmatch(line) for line in lines)


def missing_notes(assessment: Assessment, applicable: Mapping[str, Requirement]) -> list[Problem]:
    """Partly met and not met answers must say what is missing (issue 9 §1, texts)."""
    return [
        problem(
            ProblemCode.NOTE_MISSING,
            key=f"answers.{rid}",
            severity="warning",
            id=rid,
            value=answer.value,
        )
        for rid, answer in assessment.answers.items()
        if rid in applicable
        and applicable[rid].scored
        and answer.value in ("partial", "not_met")
        and not says_something(answer.note)
    ]
