"""CPU work no request waits for, done in short turns between the network's events.

Answers to a batch come in waves: each slot's next request leaves as soon as its answer is
read (the scheduler sees to that), but every page is then also analysed (headers, text,
certification mentions, the record), several times the cost of reading it. Run in the
order the event loop happens to wake things, the analysis of the answers read so far runs
before the answers that arrived meanwhile are read, so their slots' next requests leave
late, by more on every wave, until a wave takes its whole period to leave and the batch
ends that much later. Queued here instead, the analysis runs in turns of about a
fifth of a millisecond, and between two turns the event loop reads what arrived and sends the next
requests: the slots keep their pace, and the analysis fills the time they spend waiting.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# An answer that arrives during a turn waits for its end: with a page's analysis near 0.1 ms,
# 0.2 ms turns keep that wait short (measured: 1 ms turns cost a 2,200-request batch ~10 ms)
# while each turn still does a page or two.
TURN_SECONDS = 0.0002


class SpareTime:
    def __init__(self, turn_seconds: float = TURN_SECONDS) -> None:
        self._turn = turn_seconds
        self._queue: deque[tuple[Callable[[], Any], asyncio.Future[Any]]] = deque()
        self._worker: asyncio.Task[None] | None = None

    async def run(self, work: Callable[[], T]) -> T:
        """``work()``, once the work queued before it is done; its result or its error."""
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._queue.append((work, future))
        if self._worker is None:
            self._worker = asyncio.ensure_future(self._work())
        return await future

    async def _work(self) -> None:
        queue = self._queue
        try:
            while queue:
                turn_ends = time.perf_counter() + self._turn
                while True:  # at least one job a turn, however short the turn
                    work, future = queue.popleft()
                    if not future.cancelled():
                        try:
                            result = work()
                        except Exception as exc:
                            future.set_exception(exc)
                        else:
                            future.set_result(result)
                    if not queue or time.perf_counter() >= turn_ends:
                        break
                # Let the loop read what arrived and send the next requests.
                await asyncio.sleep(0)
        finally:
            self._worker = None

    async def aclose(self) -> None:
        for _work, future in self._queue:
            future.cancel()
        self._queue.clear()
        worker = self._worker
        if worker is not None:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)
