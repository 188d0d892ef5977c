"""Catalogue change records: what changed from one catalogue version to the next (§8).

A record is trusted only after it has been checked against both catalogue versions: an id
it calls new must not have existed, an id it calls removed must be gone, and every id that
appeared or disappeared must be accounted for -- otherwise a migration could silently drop
answers. The checks report every contradiction at once, as problems.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Final

from vendorrisk.core.catalog.model import Catalogue, Identifier, Requirement, Text
from vendorrisk.core.codes import CodedError, phrase
from vendorrisk.core.problems import Problem, problem
from vendorrisk.core.schemas.shape import NOT_IN_FILE, FileKey, FileShape, Rule, describe
from vendorrisk.core.validation.schema_check import schema_problems
from vendorrisk.features.evolution.codes import EvolutionCode
from vendorrisk.store.tomlfile import jsonable, read_toml

MAX_RECORD_BYTES = 1024 * 1024

Version = Annotated[str, Rule({"minLength": 1, "maxLength": 64}, name="version")]
_ID_LIST: Final = Rule(
    {
        "type": "array",
        "maxItems": 2000,
        "uniqueItems": True,
        "items": {"$ref": "#/$defs/identifier"},
    },
    name="idList",
    whole=True,
)
_TWO_OR_MORE: Final = Rule(
    {
        "type": "array",
        "minItems": 2,
        "maxItems": 2000,
        "uniqueItems": True,
        "items": {"$ref": "#/$defs/identifier"},
    },
    name="idListOfTwoOrMore",
    whole=True,
)
IdList = Annotated[tuple[Identifier, ...], _ID_LIST]


def _steps(description: str, one: str, many: str, **keys: str) -> Rule:
    """An array of {from, to/into} tables; the model keeps each as a pair."""
    kinds = {"one": {"$ref": "#/$defs/identifier"}, "many": {"$ref": "#/$defs/idListOfTwoOrMore"}}
    return Rule(
        {
            "description": description,
            "type": "array",
            "maxItems": 2000,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [one, many],
                "properties": {key: kinds[kind] for key, kind in keys.items()},
            },
        },
        whole=True,
        uses=(_TWO_OR_MORE,),
    )


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    path: Annotated[Path, NOT_IN_FILE]
    catalog: Annotated[Identifier, describe("id of the catalogue both versions belong to")]
    from_version: Annotated[Version, FileKey("from")]
    to_version: Annotated[Version, FileKey("to")]
    added: Annotated[IdList, describe("questions new in 'to'")] = ()
    removed: Annotated[IdList, describe("questions of 'from' that 'to' no longer has")] = ()
    reworded: Annotated[
        IdList, describe("same question, new title, question or guidance text")
    ] = ()
    criteria_changed: Annotated[
        IdList, describe("same question, new judgement criteria or answer options")
    ] = ()
    renamed: Annotated[  # (old id, new id)
        tuple[tuple[str, str], ...],
        _steps(
            "renumbered questions: same question, new id; answers are carried over",
            "from",
            "to",
            **{"from": "one", "to": "one"},
        ),
    ] = ()
    split: Annotated[  # (old id, new ids)
        tuple[tuple[str, tuple[str, ...]], ...],
        _steps(
            "one old question became several; answers are pre-filled and marked for confirmation",
            "from",
            "into",
            **{"from": "one", "into": "many"},
        ),
    ] = ()
    merged: Annotated[  # (old ids, new id)
        tuple[tuple[tuple[str, ...], str], ...],
        _steps(
            "several old questions became one; answers are combined and marked for confirmation",
            "from",
            "into",
            **{"from": "many", "into": "one"},
        ),
    ] = ()
    date: dt.date | None = None
    summary: Text | None = None

    def old_ids_accounted(self) -> list[str]:
        """Old ids the record says became something else (or nothing)."""
        return [
            *self.removed,
            *(old for old, _ in self.renamed),
            *(old for old, _ in self.split),
            *(old for olds, _ in self.merged for old in olds),
        ]

    def new_ids_accounted(self) -> list[str]:
        return [
            *self.added,
            *(new for _, new in self.renamed),
            *(new for _, news in self.split for new in news),
            *(new for _, new in self.merged),
        ]


class RecordError(CodedError):
    """A change record that cannot be used; ``problems`` say why."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__(phrase(EvolutionCode.RECORD_UNUSABLE, path=path))
        self.path = path
        self.problems = problems


def _from_document(path: Path, doc: Mapping[str, Any]) -> ChangeRecord:
    return ChangeRecord(
        path=path,
        catalog=doc["catalog"],
        from_version=doc["from"],
        to_version=doc["to"],
        added=tuple(doc.get("added", [])),
        removed=tuple(doc.get("removed", [])),
        reworded=tuple(doc.get("reworded", [])),
        criteria_changed=tuple(doc.get("criteria_changed", [])),
        renamed=tuple((r["from"], r["to"]) for r in doc.get("renamed", [])),
        split=tuple((s["from"], tuple(s["into"])) for s in doc.get("split", [])),
        merged=tuple((tuple(m["from"]), m["into"]) for m in doc.get("merged", [])),
        date=doc.get("date"),
        summary=Text(**doc["summary"]) if "summary" in doc else None,
    )


def load_record(path: Path) -> ChangeRecord:
    """Read and schema-check one record; raises RecordError."""
    result = read_toml(path, MAX_RECORD_BYTES)
    if result.data is None:
        raise RecordError(path, list(result.problems))
    found = schema_problems("catalog-changes", jsonable(result.data))
    if found:
        raise RecordError(path, found)
    record = _from_document(path, result.data)
    if record.from_version == record.to_version:
        raise RecordError(path, [problem("record-same-version", version=record.to_version)])
    return record


def _texts(r: Requirement) -> tuple[object, ...]:
    return (r.title, r.question, r.guidance)


def _criteria(r: Requirement) -> tuple[object, ...]:
    return (r.criteria, r.answer)


def _twice(ids: Iterable[str]) -> list[str]:
    return sorted(rid for rid, n in Counter(ids).items() if n > 1)


def contradictions(record: ChangeRecord, old: Catalogue, new: Catalogue) -> list[Problem]:
    """Every way the record disagrees with the two catalogues it claims to connect."""
    out: list[Problem] = []

    # Every contradiction is an error with only message parameters; no line or key to name.
    make: Callable[..., Problem] = problem

    def say(code: str, **params: str) -> None:
        out.append(make(code, **params))

    for catalogue, version in ((old, record.from_version), (new, record.to_version)):
        if catalogue.id != record.catalog or catalogue.version != version:
            say(
                "record-catalog",
                expected=f"{record.catalog} {version}",
                found=f"{catalogue.id} {catalogue.version}",
            )
    if out:
        return out
    before, after = old.by_id, new.by_id
    for rid in record.added:
        if rid in before:
            say("record-added-existed", id=rid, version=old.version)
        if rid not in after:
            say("record-missing-new", id=rid, version=new.version)
    for rid in record.removed:
        if rid not in before:
            say("record-missing-old", id=rid, version=old.version)
        if rid in after:
            say("record-removed-present", id=rid, version=new.version)
    for rid in (*record.reworded, *record.criteria_changed):
        if rid not in before or rid not in after:
            say("record-changed-missing", id=rid)
    for old_id, new_id in record.renamed:
        if old_id not in before:
            say("record-missing-old", id=old_id, version=old.version)
        if new_id not in after:
            say("record-missing-new", id=new_id, version=new.version)
        if old_id in after:
            say("record-removed-present", id=old_id, version=new.version)
        if new_id in before:
            say("record-added-existed", id=new_id, version=old.version)
    for old_id, parts in record.split:
        if old_id not in before:
            say("record-missing-old", id=old_id, version=old.version)
        for rid in parts:
            if rid not in after:
                say("record-missing-new", id=rid, version=new.version)
            elif rid in before and rid != old_id:
                say("record-added-existed", id=rid, version=old.version)
        if old_id in after and old_id not in parts:
            say("record-removed-present", id=old_id, version=new.version)
    for olds, new_id in record.merged:
        for rid in olds:
            if rid not in before:
                say("record-missing-old", id=rid, version=old.version)
            elif rid in after and rid != new_id:
                say("record-removed-present", id=rid, version=new.version)
        if new_id not in after:
            say("record-missing-new", id=new_id, version=new.version)
        elif new_id in before and new_id not in olds:
            say("record-added-existed", id=new_id, version=old.version)
    # An old id kept as one part of a split (or as the target of a merge) is accounted for
    # on both sides; every other id may be named once per side.
    kept = {old_id for old_id, parts in record.split if old_id in parts} | {
        new_id for olds, new_id in record.merged if new_id in olds
    }
    for rid in _twice(record.old_ids_accounted()):
        say("record-twice", id=rid)
    for rid in _twice(x for x in record.new_ids_accounted() if x not in kept):
        say("record-twice", id=rid)
    for rid in sorted(set(before) - set(after) - set(record.old_ids_accounted())):
        say("record-unaccounted-old", id=rid, old=old.version, new=new.version)
    for rid in sorted(set(after) - set(before) - set(record.new_ids_accounted())):
        say("record-unaccounted-new", id=rid, old=old.version, new=new.version)
    # The texts themselves: a change the record does not mention would not reach the
    # reviewers through `outdated`, and a change it claims that did not happen misleads them.
    touched = set(record.old_ids_accounted()) | set(record.new_ids_accounted())
    for rid in sorted(set(before) & set(after) - touched, key=lambda r: new.order[r]):
        reworded = _texts(before[rid]) != _texts(after[rid])
        if reworded != (rid in record.reworded):
            say("record-reworded-unlisted" if reworded else "record-reworded-same", id=rid)
        changed = _criteria(before[rid]) != _criteria(after[rid])
        if changed != (rid in record.criteria_changed):
            say("record-criteria-unlisted" if changed else "record-criteria-same", id=rid)
    return out


CHANGE_RECORD_FILE: Final = FileShape(
    name="catalog-changes",
    root=ChangeRecord,
    title="vendorrisk catalogue change record",
    description="What changed in a requirement catalogue from one version to the next "
    "(policy §8 review), so that assessments answered against the old version can be listed "
    "and migrated. One TOML file per version step. TOML dates appear here as RFC 3339 "
    "strings.",
    defs={"text": Text},
    leading={"format_version": {"const": 1}},
)
