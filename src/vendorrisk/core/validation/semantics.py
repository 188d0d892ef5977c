"""What a schema cannot check: answers against the catalogue, check digits, history, the
classification against the data held, and answers that contradict each other."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from vendorrisk.core import corporate_number
from vendorrisk.core.answer_types import answer_kind
from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.model import Catalogue, Requirement
from vendorrisk.core.codes import Code
from vendorrisk.core.history_codes import MAX_EVENT_DEPTH, PARAMETERS, misfit
from vendorrisk.core.model import Answer, Assessment
from vendorrisk.core.problems import Problem, ProblemCode, problem
from vendorrisk.core.validation.consistency import inconsistencies
from vendorrisk.core.validation.crosschecks import (
    answer_contradiction,
    classification_problems,
    missing_notes,
)
from vendorrisk.core.validation.register import register_problems, structure_problems
from vendorrisk.core.validation.schema_check import schema_problems
from vendorrisk.store.tomlfile import jsonable


def _answer_problems(requirement: Requirement, answer: Answer, key: str) -> list[Problem]:
    spec = requirement.answer
    return answer_kind(spec).problems(spec, answer, key, requirement.id)


def _history_problems(assessment: Assessment) -> list[Problem]:
    problems: list[Problem] = []
    history = assessment.history
    for i, entry in enumerate(history):
        for j, event in enumerate(entry.events):
            wrong = misfit(event)
            if wrong == "depth":
                problems.append(
                    problem(
                        ProblemCode.HISTORY_EVENT_DEPTH,
                        key=f"history[{i}].events[{j}]",
                        limit=MAX_EVENT_DEPTH,
                    )
                )
            elif isinstance(wrong, Code):
                expected = ", ".join(sorted(PARAMETERS.get(wrong, ()))) or "—"
                problems.append(
                    problem(
                        ProblemCode.HISTORY_EVENT,
                        key=f"history[{i}].events[{j}]",
                        event=str(wrong),
                        expected=expected,
                    )
                )
    for i, (before, after) in enumerate(zip(history, history[1:], strict=False), start=1):
        if after.revision <= before.revision:
            problems.append(
                problem(
                    ProblemCode.HISTORY_ORDER,
                    key=f"history[{i}].revision",
                    revision=after.revision,
                    previous=before.revision,
                )
            )
        if after.at < before.at:
            problems.append(
                problem(ProblemCode.HISTORY_TIME, key=f"history[{i}].at", revision=after.revision)
            )
    if history and history[-1].revision != assessment.revision:
        problems.append(
            problem(
                ProblemCode.REVISION_MISMATCH,
                key="revision",
                revision=assessment.revision,
                last=history[-1].revision,
            )
        )
    return problems


_DECISION_OF = {
    "approved": "approve",
    "approved_with_conditions": "approve_with_conditions",
    "rejected": "reject",
}


def _review_problems(assessment: Assessment) -> list[Problem]:
    """A hand edit must not be able to fake a decision the workflow would have recorded."""
    review = assessment.review
    expected = _DECISION_OF.get(review.status)
    problems: list[Problem] = []
    if expected is None:
        if review.decision is not None:
            problems.append(
                problem(
                    ProblemCode.REVIEW_DECISION_EARLY, key="review.decision", status=review.status
                )
            )
        return problems
    if review.decision != expected:
        problems.append(
            problem(
                ProblemCode.REVIEW_DECISION_MISMATCH,
                key="review.decision",
                status=review.status,
                expected=expected,
            )
        )
    missing = [
        name
        for name, value in (("reviewer", review.reviewer), ("decided_at", review.decided_at))
        if value is None
    ]
    if review.status != "rejected" and review.next_review is None:
        missing.append("next_review")
    if review.status == "approved_with_conditions" and not review.conditions:
        missing.append("conditions")
    problems.extend(
        problem(
            ProblemCode.REVIEW_INCOMPLETE, key=f"review.{name}", status=review.status, field=name
        )
        for name in missing
    )
    return problems


def semantic_problems(
    assessment: Assessment,
    catalogue: Catalogue,
    applicable: Mapping[str, Requirement] | None = None,
) -> list[Problem]:
    """``applicable``: ``applies(catalogue, assessment)`` when the caller has it already."""
    problems: list[Problem] = []
    number = assessment.vendor.corporate_number
    if number is not None and not corporate_number.is_valid(number):
        problems.append(
            problem(ProblemCode.CORPORATE_NUMBER, key="vendor.corporate_number", number=number)
        )
    problems.extend(_history_problems(assessment))
    problems.extend(_review_problems(assessment))
    problems.extend(classification_problems(assessment.service))
    problems.extend(structure_problems(assessment.subcontractors))
    if assessment.catalog_id != catalogue.id:
        # Answers to another organisation's catalogue cannot be checked against this one.
        problems.append(
            problem(
                ProblemCode.CATALOG_MISMATCH,
                key="catalog.id",
                found=assessment.catalog_id,
                expected=catalogue.id,
            )
        )
        return problems
    if assessment.catalog_version != catalogue.version:
        problems.append(
            problem(
                ProblemCode.CATALOG_VERSION,
                key="catalog.version",
                severity="warning",
                found=assessment.catalog_version,
                expected=catalogue.version,
            )
        )
    if applicable is None:
        applicable = applies(catalogue, assessment)
    for rid, answer in assessment.answers.items():
        key = f"answers.{rid}"
        requirement = catalogue.by_id.get(rid)
        if requirement is None:
            problems.append(problem(ProblemCode.UNKNOWN_REQUIREMENT, key=key, id=rid))
            continue
        problems.extend(_answer_problems(requirement, answer, f"{key}.value"))
        if rid not in applicable:
            contradiction = answer_contradiction(requirement, answer, assessment)
            problems.append(
                contradiction
                or problem(ProblemCode.NOT_APPLICABLE, key=key, severity="warning", id=rid)
            )
        elif (
            requirement.evidence.required
            and answer.value in ("met", "partial")
            and not answer.evidence
        ):
            problems.append(
                problem(ProblemCode.EVIDENCE_MISSING, key=key, severity="warning", id=rid)
            )
    problems.extend(missing_notes(assessment, applicable))
    problems.extend(inconsistencies(assessment, catalogue, applicable))
    problems.extend(register_problems(assessment, applicable))
    for index, record in enumerate(assessment.url_checks):
        for found in schema_problems("urlcheck-result", jsonable(record)):
            inner = (
                f".{found.key}" if found.key and not found.key.startswith("[") else found.key or ""
            )
            problems.append(replace(found, key=f"url_checks[{index}]{inner}"))
    for index, grant in enumerate(assessment.exceptions):
        if grant.requirement not in catalogue.by_id:
            problems.append(
                problem(
                    ProblemCode.EXCEPTION_UNKNOWN,
                    key=f"exceptions[{index}].requirement",
                    id=grant.requirement,
                )
            )
    return problems
