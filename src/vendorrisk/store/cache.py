"""Validation results remembered by content hash, so an unchanged file is not re-checked.

The key is the hash of the file's bytes; the whole cache is void when anything else that
decides the result changes (tool version, catalogue, schema), so a hit is always exactly
what a fresh check would say. Problems are kept as codes and parameters: the words are
chosen when they are shown, so one cache serves every language.

``CacheFile`` is what the program's three caches share (this one, the list summaries of
``summaries.SummaryCache`` and the catalogue check markers of ``catalog.loader``): where a
cache file lives, a bounded read, an atomic replacement, and no error for the user ever.
What each cache holds, and how it is keyed and encoded, stays with its owner.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vendorrisk.core.codes import phrase_from_json
from vendorrisk.core.problems import Problem
from vendorrisk.store.files import read_limited

_MAX_ENTRIES = 50_000


def default_cache_dir() -> Path:
    explicit = os.environ.get("VENDORRISK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vendorrisk"


# Far above what the tool writes (the validation cache at _MAX_ENTRIES is some 20 MB): a
# larger file is not one of its caches, and is passed over as if there were none.
MAX_CACHE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class CacheFile:
    """One file of a cache: read through the bounded reader, replaced atomically (a reader
    sees the old cache or the new one, never half of one), and never an error for the user,
    since a cache only ever saves time."""

    path: Path

    @classmethod
    def named(cls, name: str, folder: Path | None = None) -> CacheFile:
        """The file ``name`` in ``folder``, by default the user's cache folder."""
        return cls((folder or default_cache_dir()) / name)

    def exists(self) -> bool:
        return self.path.is_file()

    def read(self) -> bytes | None:
        """The stored bytes, or None when there is no usable file (absent, unreadable, not a
        regular file, larger than ``MAX_CACHE_BYTES``)."""
        try:
            return read_limited(self.path, MAX_CACHE_BYTES)
        except OSError:
            return None

    def write(self, data: bytes) -> bool:
        """Replace the file with ``data``; False when that could not be done."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
            )
        except OSError:
            return False
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, self.path)
        except OSError:
            return False
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        return True


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
            stored = json.loads(CacheFile(path).read() or b"")
        except ValueError:
            return  # no cache yet, or a damaged one: start afresh
        if isinstance(stored, dict) and stored.get("salt") == salt:
            entries = stored.get("entries")
            if isinstance(entries, dict):
                self._entries = entries

    @property
    def empty(self) -> bool:
        """Whether the cache holds no result at all (then no lookup can hit)."""
        return not self._entries

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
        data = json.dumps({"salt": self.salt, "entries": entries}, ensure_ascii=False)
        CacheFile(self.path).write(data.encode("utf-8"))
