"""The scheduler's limits and fairness, with plain coroutines (no network)."""

from __future__ import annotations

import asyncio
from collections import Counter

from vendorrisk.urlcheck.scheduler import HostScheduler


async def test_global_and_per_host_limits_hold_and_hosts_take_turns():
    scheduler = HostScheduler(concurrency=3, per_host=2)
    active: Counter[str] = Counter()
    peaks: Counter[str] = Counter()
    order: list[str] = []
    total_peak = 0

    def job(host: str):
        async def run() -> str:
            nonlocal total_peak
            active[host] += 1
            order.append(host)
            peaks[host] = max(peaks[host], active[host])
            total_peak = max(total_peak, sum(active.values()))
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            active[host] -= 1
            return host

        return run

    futures = [scheduler.submit(h, job(h)) for h in ["a"] * 6 + ["b"] * 2 + ["c"] * 2]
    results = await asyncio.gather(*futures)
    assert results == ["a"] * 6 + ["b"] * 2 + ["c"] * 2
    assert total_peak <= 3
    assert max(peaks.values()) <= 2
    assert "b" in order[:3]  # host a's backlog does not starve b


async def test_urgent_jobs_jump_their_host_queue_and_errors_reach_the_caller():
    scheduler = HostScheduler(concurrency=1, per_host=1)
    seen: list[str] = []

    def job(name: str, fail: bool = False):
        async def run() -> str:
            seen.append(name)
            await asyncio.sleep(0)
            if fail:
                raise ValueError(name)
            return name

        return run

    first = scheduler.submit("h", job("first"))
    later = scheduler.submit("h", job("later"))
    urgent = scheduler.submit("h", job("urgent", fail=True), urgent=True)
    await asyncio.gather(first, later, urgent, return_exceptions=True)
    assert seen == ["first", "urgent", "later"]
    assert isinstance(urgent.exception(), ValueError)
    await scheduler.aclose()
