"""From a file on disk to its migration plan: read, upgrade the file format, check it against
the catalogue version it is pinned to, apply the change records, and check the result
against the target version -- all without writing, so that a batch can refuse as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.codes import CodedError, Joined, Phrase, phrase
from vendorrisk.core.history_codes import HistoryCode
from vendorrisk.core.model import SCHEMA_VERSION, Assessment
from vendorrisk.core.problems import Problem, problem
from vendorrisk.features.evolution.codes import EvolutionCode, at_path, reason_of
from vendorrisk.features.evolution.history import CatalogueHistory, HistoryError
from vendorrisk.features.evolution.migrate import MigrationResult, NoteWords, migrate_assessment
from vendorrisk.features.evolution.record import ChangeRecord
from vendorrisk.store import storage, toml_writer
from vendorrisk.store.assessments import Store, read_assessment
from vendorrisk.store.files import ReadRefused, name_problem
from vendorrisk.store.tomlfile import MAX_ASSESSMENT_BYTES, check_bytes, parse_text
from vendorrisk.store.upgrades.schema_versions import SchemaVersionError, upgrade_document

ItemKind = Literal["added", "reworded", "criteria_changed", "split", "merged", "renamed"]


class PlanError(CodedError):
    def __init__(self, said: Phrase, problems: list[tuple[Path, Problem]] | None = None) -> None:
        super().__init__(said)
        self.problems = problems or []


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A question that is new or changed for one assessment."""

    id: str
    change: ItemKind
    source: str | None = None  # the old id(s) it came from


@dataclass(frozen=True, slots=True)
class Plan:
    path: Path
    base: storage.Loaded  # what was read, as the storage layer will compare it
    schema_version: int  # the file format it was written in
    result: MigrationResult
    records: tuple[ChangeRecord, ...]
    target: Catalogue

    @property
    def needed(self) -> bool:
        return self.result.changed or self.schema_version != SCHEMA_VERSION

    def summary(self) -> Joined:
        """The history summary of this migration: the catalogue move, the format upgrade."""
        parts = self.result.summary().items if self.result.changed else ()
        if self.schema_version != SCHEMA_VERSION:
            upgraded = phrase(
                HistoryCode.FORMAT_UPGRADED, old=self.schema_version, new=SCHEMA_VERSION
            )
            parts = (*parts, upgraded)
        return Joined(parts)


def _fail(path: Path, problems: list[Problem]) -> PlanError:
    return PlanError(phrase(storage.StorageCode.INVALID, path=path), [(path, p) for p in problems])


def plan_file(
    path: Path, history: CatalogueHistory, target: Catalogue, note_words: NoteWords
) -> Plan:
    """Everything a migration of ``path`` to ``target`` would do; raises PlanError.

    ``note_words`` puts the marks a migration leaves in moved answers' notes into words.
    """
    too_long = name_problem(path)
    if too_long is not None:
        raise _fail(path, [too_long])
    try:
        raw = read_assessment(path)
    except ReadRefused as exc:
        raise _fail(path, [exc.problem]) from None
    except OSError as exc:
        unreadable = phrase(storage.StorageCode.UNREADABLE, path=path, reason=reason_of(exc))
        raise PlanError(unreadable) from None
    text, problems = check_bytes(raw, MAX_ASSESSMENT_BYTES)
    if text is None:
        raise _fail(path, problems)
    doc, syntax = parse_text(text)
    if doc is None:
        raise _fail(path, [syntax] if syntax else [])
    try:
        upgraded, original = upgrade_document(doc)
    except SchemaVersionError as exc:
        raise PlanError(at_path(path, exc)) from None
    if original != SCHEMA_VERSION:
        raw_current = toml_writer.dumps(upgraded).encode("utf-8")
    else:
        raw_current = raw
    pin = upgraded.get("catalog")
    if not isinstance(pin, dict) or pin.get("id") != target.id:
        found = pin.get("id") if isinstance(pin, dict) else None
        raise _fail(path, [problem("catalog-mismatch", found=found, expected=target.id)])
    version = str(pin.get("version"))
    try:
        pinned = history.catalogue(version)
        records = history.chain(version, target.version)
    except HistoryError as exc:
        raise PlanError(at_path(path, exc), exc.problems) from None
    checked = Store(target).check(raw_current, pinned)
    if not checked.valid or checked.assessment is None:
        raise _fail(path, [p for p in checked.problems if p.severity == "error"])
    assessment = checked.assessment
    catalogues = {r.to_version: history.catalogue(r.to_version) for r in records}
    result = migrate_assessment(assessment, records, catalogues, note_words)
    result.assessment = replace(result.assessment, schema_version=SCHEMA_VERSION)
    # The base carries the format version it was read in, so that a format-only upgrade is
    # still a change the storage layer records as a revision.
    base = storage.Loaded(
        path, replace(assessment, schema_version=original), storage.digest_of(raw)
    )
    _check_result(path, result.assessment, target)
    return Plan(path, base, original, result, tuple(records), target)


def _check_result(path: Path, assessment: Assessment, target: Catalogue) -> None:
    # The storage layer refuses to write an invalid file; find out now, before any write.
    store = Store(target)
    checked = store.check(store.render(assessment, path))
    if not checked.valid:
        errors = [p for p in checked.problems if p.severity == "error"]
        invalid = phrase(EvolutionCode.RESULT_INVALID, path=path)
        raise PlanError(invalid, [(path, p) for p in errors])


def review_items(plan: Plan) -> list[ReviewItem]:
    """The questions new or changed for this assessment between its version and the
    target: those it answered, and those that apply to it now."""
    migrated = plan.result.assessment
    applicable = applies(plan.target, migrated)

    def relevant(rid: str) -> bool:
        return rid in migrated.answers or rid in applicable

    items: dict[tuple[str, str], ReviewItem] = {}

    def add(item: ReviewItem) -> None:
        items.setdefault((item.id, item.change), item)

    for record in plan.records:
        for rid in record.added:
            if rid in applicable:
                add(ReviewItem(rid, "added"))
        for old, new in record.renamed:
            if relevant(new):
                add(ReviewItem(new, "renamed", old))
        for old, parts in record.split:
            for part in parts:
                if relevant(part):
                    add(ReviewItem(part, "split", old))
        for olds, new in record.merged:
            if relevant(new):
                add(ReviewItem(new, "merged", ",".join(olds)))
        for rid in record.reworded:
            if relevant(rid):
                add(ReviewItem(rid, "reworded"))
        for rid in record.criteria_changed:
            if relevant(rid):
                add(ReviewItem(rid, "criteria_changed"))
    order = plan.target.order
    return sorted(items.values(), key=lambda i: (order.get(i.id, len(order)), i.change))
