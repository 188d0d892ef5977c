"""List rows of many uncached files summarised in worker processes.

The list's first start (or the first after the tool or catalogue changed) has every file to
parse and score, a few milliseconds each. Done in a thread of the UI's process, that work
holds the interpreter and the screen stalls; in processes it runs on every core while the
UI's process stays free to draw the list and answer keys. Workers are started fresh
("spawn"): the UI has threads of its own, and a forked copy of a threaded process can hang.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import resource_tracker
from pathlib import Path

from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.features.summaries import Pending, Summary, SummaryCache, summarize

# Below this many files, starting the workers (about a tenth of a second each) costs more
# than summarising in the UI's process.
PROCESS_THRESHOLD = 48
# Files per task: small enough that rows fill in steadily and both cores stay busy to the
# end, large enough that passing tasks around costs little.
CHUNK = 16
# Waiting for a chunk wakes up this often to see whether the work was called off.
POLL_SECONDS = 0.1

_catalogue: Catalogue | None = None
_today: dt.date | None = None


def _start_worker(catalogue: Catalogue, today: dt.date) -> None:
    # No language: summaries hold phrases, worded by the face that shows them.
    global _catalogue, _today
    _catalogue = catalogue
    _today = today


def _summarise_chunk(items: list[tuple[str, bytes]]) -> list[Summary]:
    assert _catalogue is not None and _today is not None
    return [summarize(Path(path), raw, _catalogue, _today) for path, raw in items]


def worker_count() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def use_processes(pending: list[Pending]) -> bool:
    return worker_count() > 1 and len(pending) >= PROCESS_THRESHOLD


def _start_pool(catalogue: Catalogue, today: dt.date) -> ProcessPoolExecutor | None:
    # multiprocessing's helper process is handed the descriptor of sys.stderr, which under
    # Textual is a capture without one: it gets the real stderr while it starts.
    captured = sys.stderr
    try:
        sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
        return ProcessPoolExecutor(
            max_workers=worker_count(),
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(catalogue, today),
        )
    except (OSError, ValueError):
        return None  # no processes to be had here: the caller's thread does the work
    finally:
        sys.stderr = captured


def fill_in_processes(
    pending: list[Pending],
    catalogue: Catalogue,
    cache: SummaryCache,
    today: dt.date,
    *,
    cancelled: Callable[[], bool],
) -> Iterator[list[Summary]]:
    """Summaries chunk by chunk as workers finish them, each put in ``cache``; stops early,
    dropping the work not yet started, once ``cancelled()`` says so."""
    pool = _start_pool(catalogue, today)
    if pool is None:
        for item in pending:
            if cancelled():
                return
            summary = summarize(item.path, item.raw, catalogue, today)
            cache.put(item.key, summary)
            yield [summary]
        return
    try:
        chunks = [pending[i : i + CHUNK] for i in range(0, len(pending), CHUNK)]
        running: dict[Future[list[Summary]], list[Pending]] = {
            pool.submit(_summarise_chunk, [(str(p.path), p.raw) for p in chunk]): chunk
            for chunk in chunks
        }
        while running:
            done, _ = wait(running, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            if cancelled():
                return
            for future in done:
                chunk = running.pop(future)
                try:
                    summaries = future.result()
                except BrokenProcessPool:
                    # A worker died (out of memory, killed): this process does the rest.
                    summaries = [summarize(p.path, p.raw, catalogue, today) for p in chunk]
                for item, summary in zip(chunk, summaries, strict=True):
                    cache.put(item.key, summary)
                yield summaries
    finally:
        # Quitting or reloading must not wait for files nobody will see.
        pool.shutdown(wait=False, cancel_futures=True)
