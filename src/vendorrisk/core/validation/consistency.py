"""Consistency checks: the same fact answered differently in one assessment (issue 9 §1).

Each finding is a warning for the reviewer, never an error: one of the answers is wrong,
and only a person can tell which. ``inconsistencies`` is the one entry point, used by
``validate`` and open to the review screen and the CLI.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Final

from vendorrisk.core.answer_types import AnswerWord
from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.model import Catalogue, Requirement
from vendorrisk.core.model import Assessment
from vendorrisk.core.problems import Problem, ProblemCode, problem

# ISMAP (C) and ISMAP-LIU (L) registration numbers as the cloud service list prints them,
# e.g. C22-0123-1, not preceded by a letter or digit. That test comes after the letter, not
# before it: a pattern that starts with a look-behind is tried at every character, one that
# starts with [CL] only where a C or an L is (eight times faster on the usual answers).
ISMAP_NUMBER: Final = re.compile(r"[CL](?<![A-Za-z0-9][CL])\d{2}-\d{4}-\d{1,2}(?![0-9])")
ISMAP_STATUS: Final = "P-03"
ISMAP_NUMBER_ANSWER: Final = "P-04"


@dataclass(frozen=True, slots=True)
class ExclusiveAnswers:
    """Two answers that cannot both be true: ``first`` in ``first_values`` while ``second``
    is in ``second_values``."""

    code: str
    first: str
    first_values: frozenset[str]
    second: str
    second_values: frozenset[str]


EXCLUSIVE_ANSWERS: Final = (
    # 番号法10条: consent on record for every present subcontractor at every tier cannot be
    # met while the subcontractors below the first tier are not known.
    ExclusiveAnswers(
        "subcontractors-unknown-consent-met",
        "A-24c",
        frozenset({"met"}),
        "A-13a",
        frozenset({"partial", "not_met"}),
    ),
    # "No secondary use, AI training included" cannot be met while the service's generative
    # AI features use the inputs for training (or say nothing of it).
    ExclusiveAnswers(
        "ai-training-vs-no-secondary-use",
        "B-21",
        frozenset({"met"}),
        "B-29",
        frozenset({"not_met"}),
    ),
)


def _texts(assessment: Assessment) -> Iterator[tuple[str, str]]:
    """(key, text) of every answer text where a registration number may be written."""
    for rid, answer in assessment.answers.items():
        base = f"answers.{rid}"
        if isinstance(answer.value, str):
            yield f"{base}.value", answer.value
        for name, text in (("reason", answer.reason), ("note", answer.note)):
            if text:
                yield f"{base}.{name}", text
        for index, evidence in enumerate(answer.evidence):
            yield f"{base}.evidence[{index}].ref", evidence.ref
            if evidence.note:
                yield f"{base}.evidence[{index}].note", evidence.note


def _may_hold_numbers(assessment: Assessment) -> bool:
    # validate runs this on every file: one search over all the text first, so that the
    # usual file without any registration number costs no per-field work.
    parts: list[str] = []
    add = parts.append
    for answer in assessment.answers.values():
        if isinstance(answer.value, str):
            add(answer.value)
        if answer.reason:
            add(answer.reason)
        if answer.note:
            add(answer.note)
        for evidence in answer.evidence:
            add(evidence.ref)
            if evidence.note:
                add(evidence.note)
    # A number never spans a line break, so leaving empty texts out finds the same.
    return ISMAP_NUMBER.search("\n".join(parts)) is not None


def ismap_numbers(assessment: Assessment) -> dict[str, list[str]]:
    """Every ISMAP registration number written in the answers, with the keys it is at."""
    found: dict[str, list[str]] = {}
    if not _may_hold_numbers(assessment):
        return found
    for key, text in _texts(assessment):
        for number in dict.fromkeys(ISMAP_NUMBER.findall(text)):
            found.setdefault(number, []).append(key)
    return found


def _ismap_problems(assessment: Assessment) -> list[Problem]:
    numbers = ismap_numbers(assessment)
    if not numbers:
        return []
    stated = assessment.answers.get(ISMAP_NUMBER_ANSWER)
    key = f"answers.{ISMAP_NUMBER_ANSWER}" if stated else next(iter(numbers.values()))[0]
    problems: list[Problem] = []
    if len(numbers) > 1:
        where = "; ".join(f"{n} ({', '.join(keys)})" for n, keys in numbers.items())
        problems.append(
            problem(
                ProblemCode.ISMAP_NUMBER_CONFLICT,
                key=key,
                severity="warning",
                count=len(numbers),
                numbers=where,
            )
        )
    status = assessment.answers.get(ISMAP_STATUS)
    if status is not None and status.value == "none":
        problems.append(
            problem(
                ProblemCode.ISMAP_NUMBER_UNREGISTERED,
                key=f"answers.{ISMAP_STATUS}",
                severity="warning",
                numbers=", ".join(numbers),
            )
        )
    return problems


def _exclusive_problems(
    assessment: Assessment, applicable: Mapping[str, Requirement]
) -> list[Problem]:
    problems: list[Problem] = []
    for rule in EXCLUSIVE_ANSWERS:
        first = assessment.answers.get(rule.first)
        second = assessment.answers.get(rule.second)
        if first is None or second is None:
            continue
        if rule.first not in applicable or rule.second not in applicable:
            continue
        if first.value in rule.first_values and second.value in rule.second_values:
            problems.append(
                problem(
                    rule.code,
                    key=f"answers.{rule.first}",
                    severity="warning",
                    first=rule.first,
                    first_value=AnswerWord(f"status.{first.value}"),
                    second=rule.second,
                    second_value=AnswerWord(f"status.{second.value}"),
                )
            )
    return problems


def inconsistencies(
    assessment: Assessment,
    catalogue: Catalogue,
    applicable: Mapping[str, Requirement] | None = None,
) -> list[Problem]:
    """Warnings where one assessment states the same fact two ways: several ISMAP
    registration numbers, a number although the service is said to be unregistered, and
    pairs of answers that exclude each other (``EXCLUSIVE_ANSWERS``). Pairs whose questions
    do not both apply, or are not in ``catalogue``, are skipped. ``applicable`` saves
    recomputing what applies when the caller has it."""
    if applicable is None:
        applicable = applies(catalogue, assessment)
    return _ismap_problems(assessment) + _exclusive_problems(assessment, applicable)
