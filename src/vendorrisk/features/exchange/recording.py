"""Recording a vendor's answers in an assessment: as vendor statements with provenance,
never over an answer that city staff verified, and never switching off questions without
saying so.

A vendor's answer to a profile question ("do you re-subcontract? no") can make other
questions stop applying. When one of those holds an answer city staff verified, the import
is refused whole: vendor input cannot remove the city's findings. Any other change of what
applies is listed, and applied only when the caller accepts it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, Literal

from vendorrisk.core.answer_types import AnswerValueError, Spoken, answer_kind
from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.conditions import names_in
from vendorrisk.core.catalog.model import Catalogue, Requirement
from vendorrisk.core.codes import CodedError, Phrase, phrase
from vendorrisk.core.model import Answer, AnswerValue, Assessment, Evidence
from vendorrisk.core.problems import Problem
from vendorrisk.core.schemas import load_schema
from vendorrisk.core.validation.semantics import _answer_problems
from vendorrisk.features.exchange.importing import (
    BadValue,
    ImportCode,
    Row,
    VendorFile,
    formula_cell,
    shown,
    text_defect,
)
from vendorrisk.store.assessments import Store
from vendorrisk.store.storage import Loaded


@dataclass(frozen=True, slots=True)
class ImportWords:
    """The words an import takes from the face: the provenance note left on each imported
    answer is read by people (so it is written in their words, not as a code), and a vendor
    may have typed a compliance value as its label in either language."""

    say: Callable[[Phrase], str]
    spoken: Spoken  # a code in every language: a vendor may type a label in either


@dataclass(frozen=True, slots=True)
class Refusal:
    id: str
    where: Phrase | str
    reason: Phrase


@dataclass(frozen=True, slots=True)
class ApplicabilityChange:
    """Which questions the imported answers would switch off and on (catalogue order)."""

    stops: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    city_verified: tuple[str, ...] = ()  # of ``stops``: answers city staff verified
    caused_by: tuple[str, ...] = ()  # imported answers that conditions look at

    def __bool__(self) -> bool:
        return bool(self.stops or self.starts)


Blocked = Literal["city-verified", "applicability"]


@dataclass(slots=True)
class ImportOutcome:
    """What an import does: the same for a dry run and the real one."""

    assessment: Assessment  # what would be saved; the original when nothing may be saved
    imported: list[tuple[str, str]] = field(default_factory=list)  # (id, added|updated)
    unchanged: list[str] = field(default_factory=list)
    blank: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    changes: ApplicabilityChange = field(default_factory=ApplicabilityChange)
    blocked: Blocked | None = None

    @property
    def writes(self) -> bool:
        return self.blocked is None and bool(self.imported)


def coerce(requirement: Requirement, raw: Any, spoken: Spoken) -> AnswerValue:
    """The vendor's value as the type the question asks for; BadValue says why not."""
    try:
        return answer_kind(requirement.answer).coerce(requirement.answer, raw, spoken)
    except AnswerValueError as exc:
        raise BadValue(exc.phrase) from None


@cache
def _limit(*path: str, default: int) -> int:
    """A length limit of the assessment schema, so that an import never builds an answer
    the save would refuse (the save's own check stays the last word)."""
    node: Any = load_schema("assessment").get("$defs", {})
    for key in (*path, "maxLength"):
        if not isinstance(node, dict) or key not in node:
            return default
        node = node[key]
    return int(node)


def _answer(
    row: Row,
    requirement: Requirement,
    existing: Answer | None,
    provenance: str,
    by: str,
    day: dt.date,
    spoken: Spoken,
) -> Answer:
    value = coerce(requirement, row.value, spoken)
    given = row.note.strip() if row.note and row.note.strip() else ""
    note = f"{given}\n{provenance}" if given else provenance
    note_limit = _limit("longText", default=20_000)
    if len(note) > note_limit:
        room = note_limit - len(provenance) - 1
        raise BadValue(phrase(ImportCode.NOTE_TOO_LONG, size=len(given), limit=room))
    ref_limit = _limit("evidence", "properties", "ref", default=2_000)
    too_long = [ref for ref in row.evidence if len(ref) > ref_limit]
    if too_long:
        raise BadValue(phrase(ImportCode.EVIDENCE_TOO_LONG, size=len(too_long[0]), limit=ref_limit))
    known = existing.evidence if existing else ()
    added = tuple(
        Evidence(kind="document", ref=ref, collected=day, note=provenance)
        for ref in dict.fromkeys(row.evidence)
        if ref not in {e.ref for e in known}
    )
    answer = Answer(
        value=value,
        reason=row.reason.strip() if row.reason and row.reason.strip() else None,
        note=note,
        source="vendor",
        answered_by=by,
        answered_at=day,
        evidence=known + added,
        comments=existing.comments if existing else (),
    )
    problems = _answer_problems(requirement, answer, "value")
    if problems:
        raise BadValue(problems[0].said)
    return answer


Check = Callable[[Assessment], list[Problem]]


def record_answers(
    assessment: Assessment,
    catalogue: Catalogue,
    vendor_file: VendorFile,
    *,
    by: str,
    day: dt.date,
    words: ImportWords,
    accept_applicability_changes: bool = False,
    check: Check | None = None,
) -> ImportOutcome:
    """Everything the import would do, decided without writing: the caller saves
    ``outcome.assessment`` when ``outcome.writes``.

    ``check`` returns the errors the saved file would have (see ``plan_import``); rows it
    blames are refused with its reason, so a dry run refuses exactly what the save would.
    """
    outcome = ImportOutcome(assessment)
    provenance = words.say(
        phrase(ImportCode.PROVENANCE, file=vendor_file.name, digest=vendor_file.digest[:12])
    )
    accepted = _accepted_rows(
        assessment, catalogue, vendor_file, outcome, provenance, by, day, words
    )
    result = _settle(assessment, catalogue, accepted, outcome, check)
    outcome.changes = applicability_change(catalogue, assessment, result)
    if outcome.changes.city_verified:
        outcome.blocked = "city-verified"
    elif outcome.changes and not accept_applicability_changes:
        outcome.blocked = "applicability"
    else:
        outcome.assessment = result
    return outcome


def _accepted_rows(
    assessment: Assessment,
    catalogue: Catalogue,
    vendor_file: VendorFile,
    outcome: ImportOutcome,
    provenance: str,
    by: str,
    day: dt.date,
    words: ImportWords,
) -> dict[str, tuple[Row, Answer]]:
    kind = assessment.service.kind
    seen: set[str] = set()
    accepted: dict[str, tuple[Row, Answer]] = {}

    def refuse(row: Row, code: ImportCode, **params: object) -> None:
        outcome.refused.append(Refusal(shown(row.id) or "?", row.where, phrase(code, **params)))

    for row in vendor_file.rows:
        requirement = catalogue.by_id.get(row.id)
        existing = assessment.answers.get(row.id)
        multiline = requirement is not None and answer_kind(requirement.answer).multiline
        if (defect := text_defect(row, multiline)) is not None:
            outcome.refused.append(Refusal(shown(row.id) or "?", row.where, defect))
        elif requirement is None:
            refuse(row, ImportCode.UNKNOWN_ID, id=shown(row.id[:40]))
        elif row.id in seen:
            refuse(row, ImportCode.DUPLICATE)
        elif requirement.audience != "vendor" or kind not in requirement.kinds:
            refuse(row, ImportCode.NOT_ASKED)
        elif (cell := formula_cell(row, answer_kind(requirement.answer).numeric)) is not None:
            refuse(row, ImportCode.FORMULA, cell=cell)
        elif row.defect is not None:
            outcome.refused.append(Refusal(row.id, row.where, row.defect))
        elif row.value == "" or row.value is None:
            outcome.blank.append(row.id)
        elif existing is not None and existing.source == "city":
            refuse(row, ImportCode.CITY_VERIFIED)
        else:
            try:
                answer = _answer(row, requirement, existing, provenance, by, day, words.spoken)
            except ValueError as exc:
                why = exc.phrase if isinstance(exc, CodedError) else str(exc)
                refuse(row, ImportCode.INVALID, reason=why)
            else:
                accepted[row.id] = (row, answer)
        seen.add(row.id)
    return accepted


def _with(
    assessment: Assessment, accepted: dict[str, tuple[Row, Answer]], outcome: ImportOutcome
) -> Assessment:
    """The assessment with the accepted answers that change something."""
    outcome.imported.clear()
    outcome.unchanged.clear()
    answers = dict(assessment.answers)
    for rid, (_, answer) in accepted.items():
        existing = answers.get(rid)
        if existing is not None and replace(answer, answered_at=existing.answered_at) == existing:
            outcome.unchanged.append(rid)
            continue
        outcome.imported.append((rid, "updated" if existing else "added"))
        answers[rid] = answer
    return replace(assessment, answers=answers)


def _settle(
    assessment: Assessment,
    catalogue: Catalogue,
    accepted: dict[str, tuple[Row, Answer]],
    outcome: ImportOutcome,
    check: Check | None,
) -> Assessment:
    # Conditions may depend on answers in the same file (a "yes, we re-subcontract" makes
    # the subcontracting questions apply), so check against the merged answers, and again
    # after each refusal until nothing changes.
    while True:
        result = _with(assessment, accepted, outcome)
        applicable = applies(catalogue, result)
        stray = {
            rid: phrase(ImportCode.NOT_APPLICABLE) for rid in accepted if rid not in applicable
        }
        if not stray and check is not None and outcome.imported:
            stray = _blamed_rows(check(result), accepted)
        if not stray:
            return result
        for rid, reason in stray.items():
            row, _ = accepted.pop(rid)
            outcome.refused.append(Refusal(rid, row.where, reason))


def _blamed_rows(
    problems: list[Problem], accepted: dict[str, tuple[Row, Answer]]
) -> dict[str, Phrase]:
    # Problems elsewhere in the file (the review state, say) are the save's business: it
    # reports them itself, and no row of the vendor's can be refused for them.
    blamed: dict[str, Phrase] = {}
    for found in problems:
        parts = (found.key or "").split(".")
        if len(parts) > 1 and parts[0] == "answers" and parts[1] in accepted:
            blamed.setdefault(parts[1], phrase(ImportCode.INVALID, reason=found.said))
    return blamed


def applicability_change(
    catalogue: Catalogue, before: Assessment, after: Assessment
) -> ApplicabilityChange:
    """The questions that apply to ``before`` and not to ``after``, and the reverse."""
    was = applies(catalogue, before)
    now = applies(catalogue, after)
    order = {r.id: i for i, r in enumerate(catalogue.requirements)}
    stops = tuple(rid for rid in was if rid not in now)
    starts = tuple(rid for rid in now if rid not in was)
    city = tuple(
        rid
        for rid in stops
        if (answer := before.answers.get(rid)) is not None and answer.source == "city"
    )
    looked_at: set[str] = set()
    for requirement in catalogue.requirements:
        if requirement.condition is not None:
            looked_at |= names_in(requirement.condition)
    caused = sorted(
        (
            rid
            for rid, answer in after.answers.items()
            if rid in looked_at and before.answers.get(rid) != answer
        ),
        key=lambda rid: order.get(rid, len(order)),
    )
    return ApplicabilityChange(stops, starts, city, tuple(caused))


def plan_import(
    loaded: Loaded,
    catalogue: Catalogue,
    vendor_file: VendorFile,
    *,
    by: str,
    day: dt.date,
    words: ImportWords,
    accept_applicability_changes: bool = False,
) -> ImportOutcome:
    """``record_answers`` for a file on disk, with every error the save would raise found
    beforehand: what a dry run reports is what the real run does."""

    store = Store(catalogue)

    def check(candidate: Assessment) -> list[Problem]:
        found = store.check(store.render(candidate, loaded.path)).problems
        return [p for p in found if p.severity == "error"]

    return record_answers(
        loaded.assessment,
        catalogue,
        vendor_file,
        by=by,
        day=day,
        words=words,
        accept_applicability_changes=accept_applicability_changes,
        check=check,
    )
