"""The scheduler's limits and fairness, with plain coroutines (no network)."""

from __future__ import annotations

import asyncio
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from vendorrisk.urlcheck.runner import _hosts_in_turn
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


@given(st.lists(st.sampled_from(["http://a/", "https://B:8443/x", "http://c?q", "junk", "//d/"])))
def test_the_feed_takes_hosts_in_turn_and_keeps_each_hosts_order(urls: list[str]):
    order = _hosts_in_turn([f"{u}#{i}" for i, u in enumerate(urls)])
    assert sorted(order) == list(range(len(urls)))
    # A host's URLs keep their order; no host comes twice before every host came once.
    for host in set(urls):
        mine = [i for i in order if urls[i] == host]
        assert mine == sorted(mine)
    first_round = order[: len(set(urls))]
    assert len({urls[i] for i in first_round}) == len(first_round)


def test_a_list_grouped_by_vendor_is_fed_one_url_per_vendor_first():
    urls = [f"http://vendor{v}.example/page/{p}" for v in range(3) for p in range(2)]
    assert [urls[i] for i in _hosts_in_turn(urls)] == [
        "http://vendor0.example/page/0",
        "http://vendor1.example/page/0",
        "http://vendor2.example/page/0",
        "http://vendor0.example/page/1",
        "http://vendor1.example/page/1",
        "http://vendor2.example/page/1",
    ]
