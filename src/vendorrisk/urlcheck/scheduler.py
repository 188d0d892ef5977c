"""Run jobs with a global limit and a per-host limit, round-robin across hosts.

A job starts only when both its host and the whole run have room, so no job ever sits on a
global slot while it waits for its host (the trap of "semaphore, then per-host semaphore").
Hosts take turns, so one vendor with a hundred URLs does not starve the others. Every
operation is O(1): no scan of waiting jobs or of connections.
"""

from __future__ import annotations

import asyncio
import functools
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

T = TypeVar("T")

_Job = tuple[Callable[[], Awaitable[Any]], "asyncio.Future[Any]"]


class HostScheduler:
    def __init__(self, concurrency: int, per_host: int) -> None:
        self._limit = max(1, concurrency)
        self._per_host = max(1, per_host)
        self._queues: dict[str, deque[_Job]] = {}
        self._active: dict[str, int] = {}
        self._ready: deque[str] = deque()
        self._in_ready: set[str] = set()
        self._running = 0
        self._tasks: set[asyncio.Task[Any]] = set()

    def submit(
        self, host: str, job: Callable[[], Awaitable[T]], *, urgent: bool = False
    ) -> asyncio.Future[T]:
        """Queue ``job`` for ``host``; the future resolves with its result.

        ``urgent`` jobs go to the front of their host's queue: results other jobs wait for
        (an origin's security.txt) should not wait behind that host's whole backlog.
        """
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        queue = self._queues.setdefault(host, deque())
        if urgent:
            queue.appendleft((job, future))
        else:
            queue.append((job, future))
        self._mark_ready(host)
        self._pump()
        return future

    def _mark_ready(self, host: str) -> None:
        if (
            host not in self._in_ready
            and self._queues.get(host)
            and self._active.get(host, 0) < self._per_host
        ):
            self._in_ready.add(host)
            self._ready.append(host)

    def _pump(self) -> None:
        while self._running < self._limit and self._ready:
            host = self._ready.popleft()
            self._in_ready.discard(host)
            queue = self._queues[host]
            job, future = queue.popleft()
            if not queue:
                del self._queues[host]
            if future.cancelled():
                self._mark_ready(host)
                continue
            self._active[host] = self._active.get(host, 0) + 1
            self._running += 1
            task = asyncio.ensure_future(job())
            self._tasks.add(task)
            task.add_done_callback(functools.partial(self._done, host, future))
            self._mark_ready(host)

    def _done(self, host: str, future: asyncio.Future[Any], task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        self._running -= 1
        self._active[host] -= 1
        if not self._active[host]:
            del self._active[host]
        # Retrieve the outcome even when nobody waits any more, so asyncio does not warn.
        error = None if task.cancelled() else task.exception()
        if not future.cancelled():
            if task.cancelled():
                future.cancel()
            elif error is not None:
                future.set_exception(error)
            else:
                future.set_result(task.result())
        self._mark_ready(host)
        self._pump()

    async def aclose(self) -> None:
        """Cancel what is queued and running (an interrupted run)."""
        for queue in self._queues.values():
            for _job, future in queue:
                future.cancel()
        self._queues.clear()
        self._ready.clear()
        self._in_ready.clear()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
