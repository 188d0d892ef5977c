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
from functools import cache

from vendorrisk.catalog.applicability import Profile, matches_profile
from vendorrisk.catalog.conditions import PROFILE_NAMES, names_in
from vendorrisk.catalog.model import Requirement
from vendorrisk.classification import confidentiality_rank
from vendorrisk.messages import LANGS, t
from vendorrisk.model import Answer, Assessment, Service
from vendorrisk.problems import Problem, problem

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
            problems.append(problem("mynumber-without-personal-data", key="service.personal_data"))
        if service.tier != "mynumber":
            problems.append(
                problem("mynumber-data-outside-tier", key="service.tier", tier=service.tier)
            )
        if rank < _LEVEL_3B:
            # The stronger finding: a personal-data warning on top would say less.
            problems.append(problem("mynumber-data-below-3b", key=_CLASS_KEY, level=level))
            return problems
    if service.personal_data and rank == _LEVEL_1:
        problems.append(problem("personal-data-public", key=_CLASS_KEY))
    elif service.personal_data and rank == _LEVEL_2:
        problems.append(problem("personal-data-below-3", key=_CLASS_KEY, severity="warning"))
    if service.kind == "social" and rank > _LEVEL_1:
        problems.append(
            problem("social-above-level-1", key=_CLASS_KEY, severity="warning", level=level)
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
        return problem("answer-contradicts-profile", key=key, severity="warning", id=rid, flag=flag)
    if requirement.condition is None:
        return None
    answers = sorted(names_in(requirement.condition) - set(PROFILE_NAMES))
    if not answers:
        return None
    return problem(
        "answer-contradicts-condition",
        key=key,
        severity="warning",
        id=rid,
        condition=requirement.condition_text or "",
        ids=", ".join(answers),
    )


@cache
def _provenance_lines() -> re.Pattern[str]:
    # The line import-answers adds to every note it writes is a record, not an explanation.
    marker = "\x00"
    patterns = [
        re.escape(t("import.provenance", lang, file=marker, digest=marker)).replace(marker, ".*")
        for lang in LANGS
    ]
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def says_something(note: str | None) -> bool:
    """Whether a note holds words of a person, not only the import's provenance line."""
    if not note:
        return False
    lines = (line.strip() for line in note.splitlines())
    return any(line and not _provenance_lines().fullmatch(line) for line in lines)


def missing_notes(assessment: Assessment, applicable: Mapping[str, Requirement]) -> list[Problem]:
    """Partly met and not met answers must say what is missing (issue 9 §1, texts)."""
    return [
        problem(
            "note-missing", key=f"answers.{rid}", severity="warning", id=rid, value=answer.value
        )
        for rid, answer in assessment.answers.items()
        if rid in applicable
        and applicable[rid].scored
        and answer.value in ("partial", "not_met")
        and not says_something(answer.note)
    ]
