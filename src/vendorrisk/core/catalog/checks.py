"""How the catalogue itself is built (policy §9), checked automatically.

Until catalogue 1.1.0 these rules were asked as questions F-01…F-06 of every assessment,
where a defect of the city's own catalogue could block a vendor. They are properties of the
catalogue file, so `validate` and `outdated` check them once per run and report them against
the catalogue, never against an assessment. The loader already refuses a catalogue that
cannot be used at all (schema, duplicate ids, conditions that do not parse); these checks
find what is usable but wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vendorrisk.core.catalog.conditions import names_in
from vendorrisk.core.catalog.model import Catalogue, Requirement, Text
from vendorrisk.core.classification import confidentiality_rank
from vendorrisk.core.problems import Problem, ProblemCode, problem

# Kana, kanji and full-width forms: none of them belongs in an English text.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]+")
# The policy's words for an obligation and a recommendation (GL style, formerly F-05).
_OBLIGATION = "しなければならない"
_RECOMMENDATION = "望ましい"


def english_texts(requirement: Requirement) -> Iterator[tuple[str, Text]]:
    """Every text of a requirement, named by its field, for the language checks."""
    yield "title", requirement.title
    yield "question", requirement.question
    yield "guidance", requirement.guidance
    if requirement.criteria is not None:
        yield "criteria.met", requirement.criteria.met
        yield "criteria.partial", requirement.criteria.partial
        yield "criteria.not_met", requirement.criteria.not_met
    for option in requirement.answer.options:
        yield f"answer.options.{option.id}", option.label


def _criteria(r: Requirement) -> list[Problem]:
    """F-01: every scored item states the rule and tells met, partly met and not met apart."""
    if r.criteria is None:
        return []
    if not r.scored:
        return [
            problem(
                ProblemCode.CATALOG_CRITERIA_UNUSED, severity="warning", id=r.id, type=r.answer.type
            )
        ]
    found: list[Problem] = []
    named = (
        ("met", r.criteria.met),
        ("partial", r.criteria.partial),
        ("not_met", r.criteria.not_met),
    )
    for lang in ("ja", "en"):
        for i, (first, a) in enumerate(named):
            for second, b in named[i + 1 :]:
                if a.get(lang).strip() == b.get(lang).strip():
                    found.append(
                        problem(
                            ProblemCode.CATALOG_CRITERIA_SAME,
                            id=r.id,
                            first=first,
                            second=second,
                            lang=lang,
                        )
                    )
    return found


def _sources(r: Requirement) -> list[Problem]:
    """F-02 and F-03: each scored item cites its sources, with the guideline's edition."""
    if not r.scored:
        return []
    if not any(r.refs.values()):
        return [problem(ProblemCode.CATALOG_NO_REFS, severity="warning", id=r.id)]
    if r.refs.get("guideline") and not r.source_edition:
        return [problem(ProblemCode.CATALOG_NO_EDITION, severity="warning", id=r.id)]
    return []


def _applicability(r: Requirement, catalogue: Catalogue) -> list[Problem]:
    """F-04: the applicability rules can hold for some service."""
    found: list[Problem] = []
    low, high = r.min_confidentiality, r.max_confidentiality
    if (
        low is not None
        and high is not None
        and confidentiality_rank(low) > confidentiality_rank(high)
    ):
        found.append(
            problem(
                ProblemCode.CATALOG_NEVER_APPLIES,
                id=r.id,
                reason=f"min_confidentiality {low} > max_confidentiality {high}",
            )
        )
    if r.condition is not None:
        for name in sorted(names_in(r.condition)):
            other = catalogue.by_id.get(name)
            if other is not None and not (other.kinds & r.kinds):
                found.append(
                    problem(
                        ProblemCode.CATALOG_CONDITION_OTHER_KIND,
                        id=r.id,
                        name=name,
                        kinds=", ".join(sorted(r.kinds)),
                    )
                )
    return found


def _severity(r: Requirement) -> list[Problem]:
    """F-05: obligations and recommendations are kept apart, and gates are obligations the
    city verifies."""
    found: list[Problem] = []
    if r.gate and r.severity != "must":
        found.append(problem(ProblemCode.CATALOG_GATE_NOT_MUST, id=r.id))
    if r.gate and r.audience != "city":
        found.append(problem(ProblemCode.CATALOG_GATE_NOT_CITY, id=r.id))
    wording = r.question.ja + (r.criteria.met.ja if r.criteria else "")
    if r.severity != "must" and _OBLIGATION in wording:
        found.append(
            problem(
                ProblemCode.CATALOG_OBLIGATION_WORDING,
                severity="warning",
                id=r.id,
                level=r.severity,
                word=_OBLIGATION,
            )
        )
    if r.severity == "must" and _RECOMMENDATION in wording:
        found.append(
            problem(
                ProblemCode.CATALOG_OBLIGATION_WORDING,
                severity="warning",
                id=r.id,
                level=r.severity,
                word=_RECOMMENDATION,
            )
        )
    return found


def _evidence(r: Requirement) -> list[Problem]:
    """F-06: each item says what evidence it expects."""
    if r.evidence.required and not r.evidence.kinds:
        return [problem(ProblemCode.CATALOG_EVIDENCE_NO_KINDS, id=r.id)]
    if r.scored and r.severity == "must" and not r.evidence.kinds:
        return [problem(ProblemCode.CATALOG_MUST_NO_EVIDENCE, severity="warning", id=r.id)]
    return []


def _english(r: Requirement) -> list[Problem]:
    found: list[Problem] = []
    for field, text in english_texts(r):
        match = _JAPANESE.search(text.en)
        if match:
            found.append(
                problem(
                    ProblemCode.CATALOG_JAPANESE_IN_ENGLISH,
                    severity="warning",
                    id=r.id,
                    field=field,
                    text=match.group(0),
                )
            )
    return found


def catalogue_checks(catalogue: Catalogue) -> list[Problem]:
    """Every way the catalogue breaks its own rules of construction, in catalogue order.
    Errors make `validate` exit 1; warnings are reported only."""
    found: list[Problem] = []
    for r in catalogue.requirements:
        found.extend(_criteria(r))
        found.extend(_sources(r))
        found.extend(_applicability(r, catalogue))
        found.extend(_severity(r))
        found.extend(_evidence(r))
        found.extend(_english(r))
    return found
