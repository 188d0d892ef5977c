"""One line per assessment for the list screen, fast for hundreds of files.

Each row needs a full parse and a score, about a millisecond or two per file; rows are
remembered by content hash, so an unchanged folder lists from the cache. The cache is void
when the tool, catalogue, language or day changes (exceptions expire by the day).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from vendorrisk import __version__
from vendorrisk.catalog.model import Catalogue
from vendorrisk.messages import language
from vendorrisk.problems import has_errors
from vendorrisk.scoring import score_assessment
from vendorrisk.validation.assessment_check import check_assessment_bytes
from vendorrisk.validation.batch import FileReport, find_files
from vendorrisk.validation.cache import default_cache_dir


@dataclass(frozen=True, slots=True)
class Summary:
    path: str
    vendor: str = ""
    service: str = ""
    kind: str = ""
    tier: str = ""
    status: str = ""
    decision: str = ""
    suggested: str = ""
    risk: str = ""
    score: float = 0.0
    next_review: str = ""  # ISO date or ""
    answered: int = 0
    applicable: int = 0
    error: str = ""  # the first problem when the file cannot be loaded
    error_line: int = 0
    error_code: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.error)

    def overdue(self, today: dt.date) -> bool:
        return bool(self.next_review) and dt.date.fromisoformat(self.next_review) < today


def summarize(path: Path, raw: bytes, catalogue: Catalogue, today: dt.date) -> Summary:
    checked = check_assessment_bytes(raw, catalogue)
    if checked.assessment is None or has_errors(checked.problems):
        first = next(p for p in checked.problems if p.severity == "error")
        return Summary(
            path=str(path), error=first.message, error_line=first.line or 0, error_code=first.code
        )
    a = checked.assessment
    result = score_assessment(a, catalogue, today=today)
    return Summary(
        path=str(path),
        vendor=a.vendor.name,
        service=a.service.name,
        kind=a.service.kind,
        tier=a.service.tier,
        status=a.review.status,
        decision=a.review.decision or "",
        suggested=result.decision,
        risk=result.risk_level,
        score=result.score,
        next_review=a.review.next_review.isoformat() if a.review.next_review else "",
        answered=result.applicable - len(result.unanswered),
        applicable=result.applicable,
    )


class SummaryCache:
    def __init__(self, catalogue: Catalogue, today: dt.date, folder: Path | None = None) -> None:
        self.path = (folder or default_cache_dir()) / "summaries.json"
        self.salt = f"{__version__}:{catalogue.digest}:{language()}:{today.isoformat()}"
        self.entries: dict[str, dict[str, Any]] = {}
        self.dirty = False
        try:
            stored = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return
        if isinstance(stored, dict) and stored.get("salt") == self.salt:
            entries = stored.get("entries")
            if isinstance(entries, dict):
                self.entries = entries

    def get(self, digest: str, path: Path) -> Summary | None:
        row = self.entries.get(digest)
        if row is None:
            return None
        try:
            return Summary(**{**row, "path": str(path)})
        except TypeError:
            return None

    def put(self, digest: str, summary: Summary) -> None:
        self.entries[digest] = asdict(summary)
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".summaries.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"salt": self.salt, "entries": self.entries}, handle, ensure_ascii=False)
            os.replace(tmp, self.path)
        except OSError:
            return  # a cache that cannot be written only costs time
        self.dirty = False


@dataclass(frozen=True, slots=True)
class Pending:
    """A file whose row is not cached: to be summarised (in the background, in the UI)."""

    path: Path
    raw: bytes
    digest: str


def scan(folder: Path, cache: SummaryCache) -> tuple[list[Summary | Pending], list[FileReport]]:
    """Rows from the cache where possible, Pending for the rest, in file order."""
    rows: list[Summary | Pending] = []
    missing: list[FileReport] = []
    for entry in find_files([folder]):
        if isinstance(entry, FileReport):
            missing.append(entry)
            continue
        try:
            raw = entry.read_bytes()
        except OSError as exc:
            rows.append(
                Summary(path=str(entry), error=str(exc.strerror or exc), error_code="unreadable")
            )
            continue
        digest = hashlib.blake2b(raw, digest_size=20).hexdigest()
        cached = cache.get(digest, entry)
        rows.append(cached if cached is not None else Pending(entry, raw, digest))
    return rows, missing


def fill(
    pending: list[Pending], catalogue: Catalogue, cache: SummaryCache, today: dt.date
) -> Iterator[Summary]:
    for item in pending:
        summary = summarize(item.path, item.raw, catalogue, today)
        cache.put(item.digest, summary)
        yield summary


def load_all(folder: Path, catalogue: Catalogue, today: dt.date) -> list[Summary]:
    """Every row, computing what the cache lacks (for scripts and tests)."""
    cache = SummaryCache(catalogue, today)
    rows, _ = scan(folder, cache)
    pending = [r for r in rows if isinstance(r, Pending)]
    done = {s.path: s for s in fill(pending, catalogue, cache, today)}
    cache.save()
    return [done[str(r.path)] if isinstance(r, Pending) else r for r in rows]
