"""The event loop a URL-check batch runs on: uvloop where it is installed, else asyncio's.

uvloop spends less time per request in the loop itself and connects in C; the checker needs
nothing from it that asyncio lacks, so a platform without it (Windows, PyPy) runs the same
code on the standard loop. ``VENDORRISK_EVENT_LOOP=asyncio`` forces the standard loop, to
tell a loop's quirk from the checker's own bug (and so the tests can run both).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

_T = TypeVar("_T")

ENVIRONMENT_VARIABLE = "VENDORRISK_EVENT_LOOP"


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's loop maker, or None for asyncio's default loop."""
    if os.environ.get(ENVIRONMENT_VARIABLE) == "asyncio":
        return None
    # Imported here, not at the top: only a batch that is about to run pays for it.
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def run(main: Coroutine[Any, Any, _T]) -> _T:
    """Run ``main`` to completion on a new loop, as ``asyncio.run`` does."""
    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(main)
