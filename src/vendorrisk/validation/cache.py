"""Validation results remembered by content hash, so an unchanged file is not re-checked.

The key is the hash of the file's bytes; the whole cache is void when anything else that
decides the result changes (tool version, catalogue, schema), so a hit is always exactly
what a fresh check would say. Problems are kept as codes and parameters: the words are
chosen when they are shown, so one cache serves every language.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from vendorrisk.problems import Problem
from vendorrisk.wording import phrase_from_json

_MAX_ENTRIES = 50_000


def default_cache_dir() -> Path:
    explicit = os.environ.get("VENDORRISK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vendorrisk"


def _to_json(problems: tuple[Problem, ...]) -> list[list[Any]]:
    return [[p.code, p.said.to_json(), p.line, p.column, p.key, p.severity] for p in problems]


def _from_json(rows: list[list[Any]]) -> tuple[Problem, ...]:
    return tuple(
        Problem(code=c, said=phrase_from_json(m), line=ln, column=col, key=k, severity=s)
        for c, m, ln, col, k, s in rows
    )


class ValidationCache:
    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self._entries: dict[str, list[list[Any]]] = {}
        self._seen: set[str] = set()
        self._dirty = False
        try:
            stored = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return  # no cache yet, or a damaged one: start afresh
        if isinstance(stored, dict) and stored.get("salt") == salt:
            entries = stored.get("entries")
            if isinstance(entries, dict):
                self._entries = entries

    def get(self, digest: str) -> tuple[Problem, ...] | None:
        rows = self._entries.get(digest)
        if rows is None:
            return None
        self._seen.add(digest)
        try:
            return _from_json(rows)
        except (TypeError, ValueError, KeyError):
            return None

    def put(self, digest: str, problems: tuple[Problem, ...]) -> None:
        self._entries[digest] = _to_json(problems)
        self._seen.add(digest)
        self._dirty = True

    def save(self) -> None:
        """Write the cache atomically; failing to cache is never an error for the user."""
        if not self._dirty:
            return
        entries = self._entries
        if len(entries) > _MAX_ENTRIES:
            entries = {k: v for k, v in entries.items() if k in self._seen}
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".validate.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump({"salt": self.salt, "entries": entries}, handle, ensure_ascii=False)
                os.replace(tmp, self.path)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
