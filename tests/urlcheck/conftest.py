"""Fixtures of the URL checker's tests: loopback servers, the test CA, checker options."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any

import pytest
import trustme

from vendorrisk.urlcheck.eventloop import ENVIRONMENT_VARIABLE
from vendorrisk.urlcheck.runner import CheckOptions, check_urls

from .servers import Certs, Handler, Server, assert_storable


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
    """Every async test here runs on both loops the checker may get (eventloop.py): its
    sockets, TLS and timers behave alike on both, or a test says where they differ."""
    factories: dict[str, Callable[[], asyncio.AbstractEventLoop]] = {
        "asyncio": asyncio.new_event_loop
    }
    try:
        import uvloop
    except ImportError:
        return factories
    factories["uvloop"] = uvloop.new_event_loop
    return factories


@pytest.fixture(params=["uvloop", "asyncio"])
def command_loop(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """For tests of the commands, which run their own loop: once as chosen by default
    (uvloop where installed), once with the standard loop forced."""
    if request.param == "asyncio":
        monkeypatch.setenv(ENVIRONMENT_VARIABLE, "asyncio")
    else:
        pytest.importorskip("uvloop")
        monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)
    return str(request.param)


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    ca = trustme.CA()
    bundle = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    return Certs(ca, bundle)


@pytest.fixture
async def serve(certs: Certs) -> AsyncIterator[Callable[..., Awaitable[Server]]]:
    """``await serve(routes, tls=False, names=..., not_after=..., host=...)`` -> a started Server."""
    servers: list[Server] = []

    async def start(
        routes: dict[str, Handler],
        *,
        tls: bool = False,
        names: tuple[str, ...] = ("127.0.0.1", "localhost", "vendor.test"),
        not_after: dt.datetime | None = None,
        host: str = "127.0.0.1",
    ) -> Server:
        context = certs.server_context(*names, not_after=not_after) if tls else None
        server = await Server(routes, ssl_context=context, host=host).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        await server.close()


@pytest.fixture
def options(certs: Certs) -> Callable[..., CheckOptions]:
    """Options for loopback tests: private addresses allowed, short timeouts, the test CA."""

    def make(**overrides: Any) -> CheckOptions:
        base: dict[str, Any] = {
            "allow_private": True,
            "timeout": 5.0,
            "ca_bundle": str(certs.bundle),
            "retries": 0,
            "http_probe_ports": {},
        }
        base.update(overrides)
        return CheckOptions(**base)

    return make


@pytest.fixture
def run(options: Callable[..., CheckOptions]) -> Callable[..., Awaitable[list[dict[str, Any]]]]:
    """``await run(urls, **option_overrides)``: records, each already checked storable."""

    async def go(urls: list[str], **overrides: Any) -> list[dict[str, Any]]:
        records = await check_urls(urls, options(**overrides))
        for record in records:
            assert_storable(record)
        return records

    return go
