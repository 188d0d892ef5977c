"""Recording a vendor's answers in an assessment: as vendor statements with provenance,
never over an answer that city staff verified."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from vendorrisk.catalog.applicability import applies
from vendorrisk.catalog.model import COMPLIANCE_VALUES, Catalogue, Requirement
from vendorrisk.exchange.importing import Row, VendorFile, control_characters, formula_cell
from vendorrisk.messages import LANGS, t
from vendorrisk.model import Answer, AnswerValue, Assessment, Evidence
from vendorrisk.validation.semantics import _answer_problems

_TRUE = {"true", "yes", "y", "1", "はい", "有", "あり"}
_FALSE = {"false", "no", "n", "0", "いいえ", "無", "なし"}


@dataclass(frozen=True, slots=True)
class Refusal:
    id: str
    where: str
    reason: str


@dataclass(slots=True)
class ImportOutcome:
    assessment: Assessment
    imported: list[tuple[str, str]] = field(default_factory=list)  # (id, added|updated)
    unchanged: list[str] = field(default_factory=list)
    blank: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


def _compliance(raw: str) -> str:
    text = raw.strip()
    if text in COMPLIANCE_VALUES:
        return text
    for value in COMPLIANCE_VALUES:
        if any(text == t(f"status.{value}", lang) for lang in LANGS):
            return value
    raise ValueError(
        t("import.bad-value", value=text[:40], expected="met / partial / not_met / na")
    )


def _option(requirement: Requirement, raw: str) -> str:
    # The questionnaire shows "id (label)"; a vendor may keep the label or type the id.
    text = raw.strip().split(" (", 1)[0].strip()
    for option in requirement.answer.options:
        if text == option.id or any(text == option.label.get(lang) for lang in LANGS):
            return option.id
    return text  # left for the catalogue check, which names the valid options


def coerce(requirement: Requirement, raw: Any) -> AnswerValue:
    """The vendor's value as the type the question asks for; ValueError says why not."""
    kind = requirement.answer.type
    if kind == "compliance" and isinstance(raw, str):
        return _compliance(raw)
    if kind == "boolean":
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
            return raw.strip().lower() in _TRUE
    if kind == "choice" and isinstance(raw, str):
        return _option(requirement, raw)
    if kind == "multi":
        parts = raw if isinstance(raw, list) else str(raw).replace(",", ";").split(";")
        return tuple(_option(requirement, str(p)) for p in parts if str(p).strip())
    if kind in ("text", "url") and isinstance(raw, str):
        return raw.strip() if kind == "url" else raw
    if kind == "date":
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw
        if isinstance(raw, str):
            try:
                return dt.date.fromisoformat(raw.strip())
            except ValueError:
                pass
    if kind == "number":
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return raw
        if isinstance(raw, str):
            try:
                number = float(raw.strip())
            except ValueError:
                pass
            else:
                return int(number) if number.is_integer() and "." not in raw else number
    raise ValueError(t("import.wrong-type", type=kind))


def _answer(
    row: Row,
    requirement: Requirement,
    existing: Answer | None,
    provenance: str,
    by: str,
    day: dt.date,
) -> Answer:
    value = coerce(requirement, row.value)
    note = f"{row.note.strip()}\n{provenance}" if row.note and row.note.strip() else provenance
    known = existing.evidence if existing else ()
    added = tuple(
        Evidence(kind="document", ref=ref[:2000], collected=day, note=provenance)
        for ref in row.evidence
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
        raise ValueError(problems[0].message)
    return answer


def record_answers(
    assessment: Assessment,
    catalogue: Catalogue,
    vendor_file: VendorFile,
    *,
    by: str,
    day: dt.date,
) -> ImportOutcome:
    outcome = ImportOutcome(assessment)
    provenance = t("import.provenance", file=vendor_file.name, digest=vendor_file.digest[:12])
    kind = assessment.service.kind
    seen: set[str] = set()
    accepted: dict[str, tuple[Row, Answer]] = {}

    def refuse(row: Row, key: str, **params: object) -> None:
        outcome.refused.append(Refusal(row.id or "?", row.where, t(key, **params)))

    for row in vendor_file.rows:
        requirement = catalogue.by_id.get(row.id)
        existing = assessment.answers.get(row.id)
        if requirement is None:
            refuse(row, "import.unknown-id", id=row.id[:40])
        elif row.id in seen:
            refuse(row, "import.duplicate")
        elif requirement.audience != "vendor" or kind not in requirement.kinds:
            refuse(row, "import.not-asked")
        elif (cell := formula_cell(row, requirement.answer.type == "number")) is not None:
            refuse(row, "import.formula", cell=cell)
        elif control_characters(row):
            refuse(row, "import.control")
        elif row.value == "" or row.value is None:
            outcome.blank.append(row.id)
        elif existing is not None and existing.source == "city":
            refuse(row, "import.city-verified")
        else:
            try:
                answer = _answer(row, requirement, existing, provenance, by, day)
            except ValueError as exc:
                refuse(row, "import.invalid", reason=str(exc))
            else:
                accepted[row.id] = (row, answer)
        seen.add(row.id)
    _drop_not_applicable(assessment, catalogue, accepted, outcome)
    answers = dict(assessment.answers)
    for rid, (_, answer) in accepted.items():
        existing = answers.get(rid)
        if existing is not None and replace(answer, answered_at=existing.answered_at) == existing:
            outcome.unchanged.append(rid)
            continue
        outcome.imported.append((rid, "updated" if existing else "added"))
        answers[rid] = answer
    outcome.assessment = replace(assessment, answers=answers)
    return outcome


def _drop_not_applicable(
    assessment: Assessment,
    catalogue: Catalogue,
    accepted: dict[str, tuple[Row, Answer]],
    outcome: ImportOutcome,
) -> None:
    # Conditions may depend on answers in the same file (a "yes, we re-subcontract" makes
    # the subcontracting questions apply), so check against the merged answers, and again
    # after each refusal until nothing changes.
    while True:
        merged = {**assessment.answers, **{rid: a for rid, (_, a) in accepted.items()}}
        applicable = applies(catalogue, replace(assessment, answers=merged))
        stray = [rid for rid in accepted if rid not in applicable]
        if not stray:
            return
        for rid in stray:
            row, _ = accepted.pop(rid)
            outcome.refused.append(Refusal(rid, row.where, t("import.not-applicable")))
