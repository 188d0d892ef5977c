"""Spare-time work: results and errors reach their callers, and the event loop gets its
turn between two turns of work."""

from __future__ import annotations

import asyncio

import pytest

from vendorrisk.urlcheck.spare import SpareTime


async def test_results_and_errors_reach_the_callers_in_order():
    spare = SpareTime()
    done: list[str] = []

    def job(name: str) -> str:
        done.append(name)
        if name == "bad":
            raise ValueError(name)
        return name.upper()

    results = await asyncio.gather(
        spare.run(lambda: job("a")),
        spare.run(lambda: job("bad")),
        spare.run(lambda: job("b")),
        return_exceptions=True,
    )
    assert results[0] == "A" and results[2] == "B"
    assert isinstance(results[1], ValueError)
    assert done == ["a", "bad", "b"]


async def test_other_callbacks_run_between_two_turns():
    spare = SpareTime(turn_seconds=0.0)  # one job a turn
    order: list[str] = []
    loop = asyncio.get_running_loop()

    def job(name: str) -> None:
        order.append(name)
        if name == "first":
            loop.call_soon(order.append, "network")

    await asyncio.gather(spare.run(lambda: job("first")), spare.run(lambda: job("second")))
    assert order == ["first", "network", "second"]


async def test_closing_cancels_what_is_queued():
    spare = SpareTime()
    ran: list[int] = []
    queued = [asyncio.ensure_future(spare.run(lambda n=n: ran.append(n))) for n in (1, 2)]
    await asyncio.sleep(0)  # both queued, not yet run
    await spare.aclose()
    for future in queued:
        with pytest.raises(asyncio.CancelledError):
            await future
    assert ran == []
