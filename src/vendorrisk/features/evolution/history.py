"""The versions of a catalogue and the change records between them.

A history folder holds earlier catalogue versions (``*.toml``) and change records
(``*.changes.toml``). The built-in catalogue's history ships in the package
(``vendorrisk/data/history``); a catalogue given with ``--catalog FILE`` has its history in
``history/`` beside the file, or wherever ``--history DIR`` says. The built-in catalogue
itself is always known, so that an organisation's first own version can migrate from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vendorrisk.core.catalog.loader import CatalogError, builtin_catalog_path, load_catalog
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.codes import CodedError, Phrase, phrase
from vendorrisk.core.problems import Problem, problem
from vendorrisk.features.evolution.codes import EvolutionCode
from vendorrisk.features.evolution.record import (
    ChangeRecord,
    RecordError,
    contradictions,
    load_record,
)

RECORD_SUFFIX = ".changes.toml"


class HistoryError(CodedError):
    """The history cannot connect two versions; ``problems`` say why, per file."""

    def __init__(self, said: Phrase, problems: list[tuple[Path, Problem]]) -> None:
        super().__init__(said)
        self.problems = problems


def builtin_history_dir() -> Path:
    return builtin_catalog_path().parent / "history"


def default_history_dir(catalog_path: Path | None) -> Path:
    if catalog_path is None:
        return builtin_history_dir()
    return catalog_path.resolve().parent / "history"


@dataclass(slots=True)
class CatalogueHistory:
    current: Catalogue
    versions: dict[str, Catalogue] = field(default_factory=dict)
    records: dict[str, ChangeRecord] = field(default_factory=dict)  # by "from" version
    broken: list[tuple[Path, Problem]] = field(default_factory=list)

    def chain(self, start: str, end: str) -> list[ChangeRecord]:
        """The records leading from ``start`` to ``end``; raises HistoryError."""
        steps: list[ChangeRecord] = []
        version = start
        seen = {version}
        while version != end:
            record = self.records.get(version)
            if record is None or record.to_version in seen:
                raise HistoryError(
                    phrase(EvolutionCode.NO_CHAIN, start=start, end=end, at=version),
                    self.broken,
                )
            steps.append(record)
            version = record.to_version
            seen.add(version)
        return steps

    def catalogue(self, version: str) -> Catalogue:
        found = self.versions.get(version)
        if found is None:
            raise HistoryError(phrase(EvolutionCode.NO_VERSION, version=version), self.broken)
        return found


def _add_version(history: CatalogueHistory, catalogue: Catalogue, path: Path) -> None:
    if catalogue.id != history.current.id:
        return  # another organisation's catalogue in the same folder is not ours to use
    known = history.versions.get(catalogue.version)
    if known is not None and known.digest != catalogue.digest:
        history.broken.append((path, problem("history-version-twice", version=catalogue.version)))
        return
    history.versions.setdefault(catalogue.version, catalogue)


def load_history(current: Catalogue, folder: Path | None) -> CatalogueHistory:
    """Every catalogue version and every record in ``folder``, each record checked against
    the two catalogues it connects. Unusable files are collected, not raised: they matter
    only if a migration needs them."""
    history = CatalogueHistory(current=current, versions={current.version: current})
    try:
        _add_version(history, load_catalog(None), builtin_catalog_path())
    except CatalogError:
        pass
    files = sorted(folder.glob("*.toml")) if folder is not None and folder.is_dir() else []
    records: list[ChangeRecord] = []
    for path in files:
        try:
            if path.name.endswith(RECORD_SUFFIX):
                records.append(load_record(path))
            else:
                _add_version(history, load_catalog(path), path)
        except RecordError as exc:
            history.broken.extend((path, p) for p in exc.problems)
        except CatalogError as exc:
            history.broken.extend((path, p) for p in exc.problems)
    for record in records:
        if record.catalog != current.id:
            continue
        old = history.versions.get(record.from_version)
        new = history.versions.get(record.to_version)
        if old is None or new is None:
            missing = record.from_version if old is None else record.to_version
            history.broken.append((record.path, problem("record-no-catalogue", version=missing)))
            continue
        found = contradictions(record, old, new)
        if found:
            history.broken.extend((record.path, p) for p in found)
            continue
        if record.from_version in history.records:
            history.broken.append(
                (record.path, problem("record-duplicate", version=record.from_version))
            )
            continue
        history.records[record.from_version] = record
    return history
