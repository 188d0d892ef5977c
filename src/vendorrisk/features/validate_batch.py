"""Validating many files: one bad file never stops the batch; results come back in order.

Unchanged files are answered from the content-hash cache; the rest are checked on every
core when there are enough of them to pay for starting the workers.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from vendorrisk import __version__
from vendorrisk.core import localtime
from vendorrisk.core.catalog.loader import load_catalog
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.problems import Problem, has_errors
from vendorrisk.core.schemas import load_schema
from vendorrisk.core.validation.approval import approval_check
from vendorrisk.store.assessment_check import with_lines
from vendorrisk.store.assessments import Store, read_assessment
from vendorrisk.store.cache import ValidationCache, default_cache_dir

# Re-exported: callers found files here before they had a module of their own.
from vendorrisk.store.files import FileReport as FileReport
from vendorrisk.store.files import digest_hex, digest_of, read_problem
from vendorrisk.store.files import find_files as find_files

# Below this many files to check, starting worker processes costs more than it saves.
_PARALLEL_THRESHOLD = 48


def _check_raw(raw: bytes, catalogue: Catalogue, today: dt.date) -> tuple[Problem, ...]:
    checked = Store(catalogue).check(raw)
    if checked.assessment is None or has_errors(checked.problems):
        return checked.problems
    found = approval_check(checked.assessment, catalogue, today, applicable=checked.applicable)
    if found:  # rare: only then is the text indexed for the lines
        found = with_lines(found, raw.decode("utf-8", errors="replace"))
    return (*checked.problems, *found)


_worker_catalogue: Catalogue | None = None
_worker_today: dt.date | None = None


def _init_worker(catalog_path: Path | None, today: dt.date) -> None:
    global _worker_catalogue, _worker_today
    _worker_catalogue = load_catalog(catalog_path)
    _worker_today = today


def _check_in_worker(paths: list[Path]) -> list[tuple[str, tuple[Problem, ...]]]:
    assert _worker_catalogue is not None and _worker_today is not None
    return _check_many(paths, _worker_catalogue, _worker_today)


def _check_many(
    paths: list[Path], catalogue: Catalogue, today: dt.date
) -> list[tuple[str, tuple[Problem, ...]]]:
    out: list[tuple[str, tuple[Problem, ...]]] = []
    for path in paths:
        try:
            raw = read_assessment(path)
        except OSError as exc:
            out.append(("", (read_problem(exc),)))
            continue
        out.append((digest_of(raw), _check_raw(raw, catalogue, today)))
    return out


def _chunks(items: list[Path], count: int) -> Iterable[list[Path]]:
    size = max(1, -(-len(items) // count))
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _in_parallel(
    paths: list[Path], catalog_path: Path | None, jobs: int, today: dt.date
) -> list[tuple[str, tuple[Problem, ...]]]:
    # fork reuses the parent's loaded catalogue and imports; only safe without threads.
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_init_worker,
        initargs=(catalog_path, today),
    ) as pool:
        results: list[tuple[str, tuple[Problem, ...]]] = []
        # Small parts: the run ends when the last part does, and a worker slowed by
        # anything else on the machine holds up at most a small part.
        for part in pool.map(_check_in_worker, _chunks(paths, jobs * 16)):
            results.extend(part)
        return results


def cache_salt(catalogue: Catalogue, today: dt.date | None = None) -> str:
    schema = digest_hex(repr(load_schema("assessment")), size=8)
    # The day too: whether an approval stands depends on which exceptions are still in force.
    day = (today or localtime.today()).isoformat()
    return f"{__version__}:{catalogue.digest}:{schema}:codes:{day}"


def validate_paths(
    paths: Sequence[Path],
    catalogue: Catalogue,
    *,
    catalog_path: Path | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
    today: dt.date | None = None,
) -> list[FileReport]:
    """Check every file under ``paths``; reports come back in the order of the files."""
    today = today or localtime.today()
    entries = find_files(paths)
    cache = (
        ValidationCache(default_cache_dir() / "validate.json", cache_salt(catalogue, today))
        if use_cache
        else None
    )
    reports: dict[int, FileReport] = {}
    misses: list[tuple[int, Path]] = []
    for index, entry in enumerate(entries):
        if isinstance(entry, FileReport):
            reports[index] = entry
            continue
        if cache is None or cache.empty:
            # Nothing to look up (the cold run): the file is not read here only to be
            # hashed, since whoever checks it reads it and hashes it anyway.
            misses.append((index, entry))
            continue
        try:
            raw = read_assessment(entry)
        except OSError as exc:
            reports[index] = FileReport(entry, (read_problem(exc),))
            continue
        cached = cache.get(digest_of(raw))
        if cached is not None:
            reports[index] = FileReport(entry, cached)
        else:
            misses.append((index, entry))
    workers = jobs or os.cpu_count() or 1
    miss_paths = [path for _, path in misses]
    if workers > 1 and len(misses) >= _PARALLEL_THRESHOLD:
        results = _in_parallel(miss_paths, catalog_path, workers, today)
    else:
        results = _check_many(miss_paths, catalogue, today)
    for (index, path), (digest, found) in zip(misses, results, strict=True):
        reports[index] = FileReport(path, found)
        if cache is not None and digest:
            cache.put(digest, found)
    if cache is not None:
        cache.save()
    return [reports[i] for i in range(len(entries))]
