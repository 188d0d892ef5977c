"""An httpx transport that connects only to checked addresses, with one small pool per origin.

Why not ``httpx.AsyncHTTPTransport``: its single httpcore pool lets DNS happen inside the
socket connect (after our check, so a rebinding window) and, with hundreds of queued
requests, spends its time scanning every connection for every request. Here each origin
(scheme, host, port) gets its own ``httpcore.AsyncConnectionPool`` whose network backend
ignores the host name and dials the addresses the guard approved; TLS still uses the host
name for SNI and certificate verification, because httpcore passes the request's host as
``server_hostname``. Pools stay small (the per-host limit), so their bookkeeping is cheap.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from vendorrisk.urlcheck.addresses import IPAddress
from vendorrisk.urlcheck.guard import AddressGuard
from vendorrisk.urlcheck.netbackend import AsyncioBackend
from vendorrisk.urlcheck.targets import parse_target

# httpcore's exceptions, translated to httpx's so callers (and httpx.MockTransport in tests)
# speak one vocabulary. Subclasses first: the first isinstance match wins.
_EXCEPTIONS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextmanager
def _mapped_exceptions() -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        for source, target in _EXCEPTIONS:
            if isinstance(exc, source):
                raise target(str(exc)) from exc
        raise


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """Dials fixed addresses whatever host httpcore asks for (the pool is per origin)."""

    def __init__(self, addresses: Iterable[IPAddress], inner: httpcore.AsyncNetworkBackend) -> None:
        self._addresses = tuple(str(a) for a in addresses)
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        last: Exception | None = None
        for address in self._addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None  # the guard never approves an empty address list
        raise last

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are never used by the URL checker")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _ResponseStream(httpx.AsyncByteStream):
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _mapped_exceptions():
            async for chunk in self._stream:
                yield chunk

    async def aclose(self) -> None:
        if hasattr(self._stream, "aclose"):
            with _mapped_exceptions():
                await self._stream.aclose()


class PinnedTransport(httpx.AsyncBaseTransport):
    """Every request passes the guard first; a refused host raises Refusal, unsent."""

    def __init__(
        self,
        guard: AddressGuard,
        ssl_context: ssl.SSLContext,
        *,
        per_host: int = 2,
        keepalive_expiry: float = 5.0,
    ) -> None:
        self._guard = guard
        self._ssl_context = ssl_context
        self._per_host = max(1, per_host)
        self._keepalive_expiry = keepalive_expiry
        self._inner_backend = AsyncioBackend()
        self._pools: dict[tuple[str, str, int], httpcore.AsyncConnectionPool] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        target = parse_target(request.url)
        addresses = await self._guard.addresses_for(target)
        pool = self._pools.get(target.origin)
        if pool is None:
            pool = httpcore.AsyncConnectionPool(
                ssl_context=self._ssl_context,
                max_connections=self._per_host,
                max_keepalive_connections=self._per_host,
                keepalive_expiry=self._keepalive_expiry,
                http1=True,
                http2=False,
                retries=0,
                network_backend=PinnedBackend(addresses, self._inner_backend),
            )
            self._pools[target.origin] = pool
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _mapped_exceptions():
            response = await pool.handle_async_request(core_request)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        pools = list(self._pools.values())
        self._pools.clear()
        for pool in pools:
            await pool.aclose()
        self._guard.close()
