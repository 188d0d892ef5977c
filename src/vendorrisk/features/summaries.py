"""One line per assessment for the list screen, fast for hundreds of files.

Each row needs a full parse and a score, about a millisecond or two per file; rows are
remembered by each file's size, times and inode, so an unchanged folder lists from the cache
without reading a file. The cache is void when the tool or catalogue changes, and a row is
recomputed after the day one of its exceptions ends. A row keeps why a file cannot be loaded
as a code and parameters, so one cache serves every language.
"""

from __future__ import annotations

import datetime as dt
import marshal
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from vendorrisk import __version__
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.codes import Phrase, phrase_from_json, verbatim
from vendorrisk.core.problems import has_errors
from vendorrisk.store.assessments import Store, read_assessment
from vendorrisk.store.cache import CacheFile
from vendorrisk.store.files import FileReport, digest_hex, find_files, reason_of


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
    due_on: str = ""  # the earliest date anything falls due (schedule.due_reasons), or ""
    answered: int = 0
    applicable: int = 0
    error: Phrase | None = None  # the first problem when the file cannot be loaded
    error_line: int = 0
    error_code: str = ""
    # The last day this row holds: an exception ending changes the score the day after.
    fresh_until: str = "9999-12-31"

    @property
    def failed(self) -> bool:
        return self.error is not None

    def overdue(self, today: dt.date) -> bool:
        return bool(self.due_on) and dt.date.fromisoformat(self.due_on) < today


def summarize(path: Path, raw: bytes, catalogue: Catalogue, today: dt.date) -> Summary:
    # Loaded here, not at the top: a folder listed from the cache needs neither, and the
    # list is the UI's first screen.
    from vendorrisk.core.approval import INVALID_STANDING, standing
    from vendorrisk.core.schedule import due_reasons
    from vendorrisk.core.scoring import score_assessment

    store = Store(catalogue)
    checked = store.check(raw, lines=False)
    if checked.assessment is None or has_errors(checked.problems):
        # Only a failed file's row shows a problem, with its line: found again, with lines.
        checked = store.check(raw)
        first = next(p for p in checked.problems if p.severity == "error")
        return Summary(
            path=str(path), error=first.said, error_line=first.line or 0, error_code=first.code
        )
    a = checked.assessment
    result = score_assessment(a, catalogue, today=today)
    ends = sorted(g.until for g in a.exceptions if g.until >= today)
    status = standing(a, catalogue, today, result)
    if status == INVALID_STANDING:
        due_on = today.isoformat()  # not approved, whatever the file says: it needs review now
    else:
        due = due_reasons(a, dt.date.max)
        due_on = due[0].date.isoformat() if due else ""
    return Summary(
        path=str(path),
        vendor=a.vendor.name,
        service=a.service.name,
        kind=a.service.kind,
        tier=a.service.tier,
        status=status,
        decision="" if status == INVALID_STANDING else a.review.decision or "",
        suggested=result.decision,
        risk=result.risk_level,
        score=result.score,
        next_review=a.review.next_review.isoformat() if a.review.next_review else "",
        due_on=due_on,
        answered=result.applicable - len(result.unanswered),
        applicable=result.applicable,
        fresh_until=ends[0].isoformat() if ends else "9999-12-31",
    )


_FIELDS = tuple(f.name for f in fields(Summary))
_ERROR = _FIELDS.index("error")


def _to_row(summary: Summary) -> tuple[Any, ...]:
    # Plain values only (marshal): the error as its code and parameters.
    row = [getattr(summary, name) for name in _FIELDS]
    row[_ERROR] = summary.error.to_json() if summary.error is not None else None
    return tuple(row)


def _from_row(path: Path, row: tuple[Any, ...]) -> Summary:
    values = list(row)
    values[0] = str(path)
    stored = values[_ERROR]
    values[_ERROR] = phrase_from_json(stored) if stored is not None else None
    return Summary(*values)


def _unreadable(exc: OSError) -> Phrase:
    """What the list says of a file it cannot read: the reason alone, as the system says it."""
    reason = reason_of(exc)
    return reason if isinstance(reason, Phrase) else verbatim(reason)


class SummaryCache:
    """Rows by file key, stored with ``marshal``: plain tuples of str and numbers load several
    times faster than JSON, and this file is on the start-up path of the UI."""

    def __init__(
        self,
        catalogue: Catalogue,
        today: dt.date,
        folder: Path | None = None,
        *,
        listing: Path | None = None,
    ) -> None:
        # One cache per listed folder, so that rows of files no longer there can be dropped.
        name = digest_hex(str(listing.resolve() if listing else ""), size=8)
        self.file = CacheFile.named(f"summaries-{name}.marshal", folder)
        self.path = self.file.path
        self.seen: set[str] = set()
        self.salt = f"{__version__}:{catalogue.digest}:{_FIELDS}"
        self.today = today.isoformat()
        self.entries: dict[str, tuple[Any, ...]] = {}
        self.dirty = False
        try:
            stored = marshal.loads(self.file.read() or b"")
        except (ValueError, EOFError, TypeError):
            return  # no cache yet, or one from another Python: start afresh
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == self.salt:
            if isinstance(stored[1], dict):
                self.entries = stored[1]

    def get(self, key: str, path: Path) -> Summary | None:
        row = self.entries.get(key)
        if row is None or len(row) != len(_FIELDS):
            return None
        try:
            summary = _from_row(path, row)
        except (TypeError, ValueError, KeyError):
            return None
        if self.today > summary.fresh_until:
            return None
        self.seen.add(key)
        return summary

    def put(self, key: str, summary: Summary) -> None:
        self.entries[key] = _to_row(summary)
        self.seen.add(key)
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        # Only rows of files seen in this listing: a changed file leaves its old row
        # behind otherwise, and the cache would grow with every edit.
        entries = {k: v for k, v in self.entries.items() if k in self.seen}
        if self.file.write(marshal.dumps((self.salt, entries))):
            self.dirty = False


@dataclass(frozen=True, slots=True)
class Pending:
    """A file whose row is not cached: to be summarised (in the background, in the UI)."""

    path: Path
    raw: bytes
    key: str


def _stat_key(path: Path) -> str | None:
    """Size, modification time, change time and inode: enough to know a file is unchanged
    for a list row.

    Reading and hashing every file would cost more than showing the list. The modification
    time can be put back (cp -p, rsync -t, touch -r, editors that keep it), so an edit of
    the same length could keep a forged approval's old row; the change time cannot be set
    by anyone, and every write or rename moves it. Opening a file always reads it in full.
    """
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{path}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def scan(folder: Path, cache: SummaryCache) -> tuple[list[Summary | Pending], list[FileReport]]:
    """Rows from the cache where possible, Pending for the rest, in file order."""
    rows: list[Summary | Pending] = []
    missing: list[FileReport] = []
    for entry in find_files([folder]):
        if isinstance(entry, FileReport):
            missing.append(entry)
            continue
        key = _stat_key(entry)
        cached = cache.get(key, entry) if key is not None else None
        if cached is not None:
            rows.append(cached)
            continue
        try:
            raw = read_assessment(entry)
        except OSError as exc:
            rows.append(Summary(path=str(entry), error=_unreadable(exc), error_code="unreadable"))
            continue
        rows.append(Pending(entry, raw, key or digest_hex(raw)))
    return rows, missing


def fill(
    pending: list[Pending], catalogue: Catalogue, cache: SummaryCache, today: dt.date
) -> Iterator[Summary]:
    for item in pending:
        summary = summarize(item.path, item.raw, catalogue, today)
        cache.put(item.key, summary)
        yield summary


def load_all(folder: Path, catalogue: Catalogue, today: dt.date) -> list[Summary]:
    """Every row, computing what the cache lacks (for scripts and tests)."""
    cache = SummaryCache(catalogue, today, listing=folder)
    rows, _ = scan(folder, cache)
    pending = [r for r in rows if isinstance(r, Pending)]
    done = {s.path: s for s in fill(pending, catalogue, cache, today)}
    cache.save()
    return [done[str(r.path)] if isinstance(r, Pending) else r for r in rows]
