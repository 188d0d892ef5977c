"""The catalogue versions the two sides of a diff are pinned to, and the questions the
change records between them renumbered: a diff across ``migrate`` compares like with like."""

from __future__ import annotations

from dataclasses import dataclass, field

from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.features.evolution.history import CatalogueHistory, HistoryError


@dataclass(frozen=True, slots=True)
class Pinned:
    old: Catalogue
    new: Catalogue
    renamed: dict[str, str] = field(default_factory=dict)  # old id -> id in the new version
    missing: tuple[str, ...] = ()  # versions the history does not hold (scored with current)


def pinned(history: CatalogueHistory, old_version: str, new_version: str) -> Pinned:
    current = history.current
    old = history.versions.get(old_version)
    new = history.versions.get(new_version)
    missing = tuple(v for v, c in ((old_version, old), (new_version, new)) if c is None)
    renamed: dict[str, str] = {}
    if old_version != new_version:
        try:
            chain = history.chain(old_version, new_version)
        except HistoryError:
            chain = []
        for record in chain:
            step = dict(record.renamed)
            renamed = {o: step.get(n, n) for o, n in renamed.items()}
            for o, n in step.items():
                renamed.setdefault(o, n)
    return Pinned(old or current, new or current, renamed, missing)
