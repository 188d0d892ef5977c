"""Run jobs with a global limit and a per-host limit, round-robin across hosts.

A job starts only when both its host and the whole run have room, so no job ever sits on a
global slot while it waits for its host (the trap of "semaphore, then per-host semaphore").
Hosts take turns, so one vendor with a hundred URLs does not starve the others. Every
operation is O(1): no scan of waiting jobs or of connections.
"""

from __future__ import annotations

import asyncio
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
        while self._running < self._limit:
            taken = self._take()
            if taken is None:
                return
            self._running += 1
            task = asyncio.ensure_future(self._work(*taken))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def _take(self) -> tuple[str, _Job] | None:
        """The next job allowed to start (hosts in turn), already counted as active."""
        while self._ready:
            host = self._ready.popleft()
            self._in_ready.discard(host)
            queue = self._queues[host]
            job = queue.popleft()
            if not queue:
                del self._queues[host]
            if job[1].cancelled():
                self._mark_ready(host)
                continue
            self._active[host] = self._active.get(host, 0) + 1
            self._mark_ready(host)
            return host, job
        return None

    def _finish(self, host: str) -> None:
        self._active[host] -= 1
        if not self._active[host]:
            del self._active[host]
        self._mark_ready(host)

    async def _work(self, host: str, job: _Job) -> None:
        """One slot of the global limit, running jobs one after another.

        When a job ends, the next one starts in the same step of the event loop: its
        request leaves before the loop turns to the other answers that arrived meanwhile,
        instead of one more turn of the loop (a new task) later. The run is latency-bound,
        so that turn is time every slot would lose on every request.
        """
        try:
            while True:
                run, future = job
                try:
                    result = await run()
                except asyncio.CancelledError:
                    future.cancel()
                    raise
                except Exception as exc:
                    if not future.cancelled():
                        future.set_exception(exc)
                else:
                    if not future.cancelled():
                        future.set_result(result)
                self._finish(host)
                taken = self._take()
                if taken is None:
                    return
                host, job = taken
        except BaseException:
            self._finish(host)
            raise
        finally:
            self._running -= 1
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
