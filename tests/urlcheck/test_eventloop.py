"""Which event loop the commands run a batch on (urlcheck/eventloop.py)."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

from vendorrisk.urlcheck import eventloop


async def _running_loop() -> asyncio.AbstractEventLoop:
    return asyncio.get_running_loop()


def test_uvloop_runs_the_batch_where_it_is_installed(monkeypatch):
    uvloop = pytest.importorskip("uvloop")
    monkeypatch.delenv(eventloop.ENVIRONMENT_VARIABLE, raising=False)
    assert isinstance(eventloop.run(_running_loop()), uvloop.Loop)


@pytest.mark.parametrize(
    ("variable", "uvloop_importable"),
    [("asyncio", True), (None, False)],
    ids=["standard-loop-asked-for", "uvloop-not-installed"],
)
def test_the_standard_loop_runs_it_when_asked_for_or_without_uvloop(
    monkeypatch, variable, uvloop_importable
):
    if variable is None:
        monkeypatch.delenv(eventloop.ENVIRONMENT_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(eventloop.ENVIRONMENT_VARIABLE, variable)
    if not uvloop_importable:
        monkeypatch.setitem(sys.modules, "uvloop", None)  # `import uvloop` now fails
    loop = eventloop.run(_running_loop())
    assert type(loop).__module__.startswith("asyncio")
    assert loop.is_closed()  # and it is closed after the run, as asyncio.run does


def test_a_failure_in_the_batch_reaches_the_caller(monkeypatch):
    async def fail() -> None:
        raise LookupError("from the batch")

    monkeypatch.delenv(eventloop.ENVIRONMENT_VARIABLE, raising=False)
    with pytest.raises(LookupError, match="from the batch"):
        eventloop.run(fail())


def test_importing_the_module_does_not_load_uvloop():
    probe = "import sys, vendorrisk.urlcheck.eventloop; print('uvloop' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


async def test_each_async_test_here_runs_on_the_loop_it_is_named_for(request):
    # The loops come from conftest.pytest_asyncio_loop_factories; a plugin change that
    # dropped one would otherwise go unnoticed.
    pytest.importorskip("uvloop")
    module = type(asyncio.get_running_loop()).__module__
    if request.node.name.endswith("[uvloop]"):
        assert module.startswith("uvloop")
    else:
        assert request.node.name.endswith("[asyncio]") and module.startswith("asyncio")
