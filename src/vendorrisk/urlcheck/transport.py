"""Connections that go only to checked addresses, kept alive in one small pool per origin.

Every request passes the address guard first (so every redirect hop does). Each origin
(scheme, host, port) gets its own pool, pinned to the addresses the guard approved for its
host: the host name is never resolved a second time (no DNS-rebinding window), yet TLS still
uses it for SNI and certificate verification, and the ``Host`` header names it. A pool holds
at most the per-host limit of connections and reuses them while they stay idle less than the
keep-alive expiry; a connection whose response was not read to its end is closed. An origin
can be connected to before its first request (``preconnect``), through the same guard.

Why not httpx's transport and httpcore's pool: their DNS happens inside the socket connect
(after our check), and their per-request bookkeeping (locks, cancel scopes, tracing, request
and response objects) was most of the checker's CPU on a large batch.
"""

from __future__ import annotations

import asyncio
import functools
import ssl
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from vendorrisk.urlcheck.errors import FetchFailure, Refusal
from vendorrisk.urlcheck.guard import AddressGuard
from vendorrisk.urlcheck.http1 import Connection, Response
from vendorrisk.urlcheck.lean_httpx import httpx
from vendorrisk.urlcheck.netbackend import open_stream
from vendorrisk.urlcheck.targets import Target


@dataclass(frozen=True, slots=True)
class Timeouts:
    connect: float | None
    read: float | None
    write: float | None


class _Pool:
    __slots__ = ("addresses", "idle", "count", "waiters")

    def __init__(self, addresses: tuple[str, ...]) -> None:
        self.addresses = addresses
        self.idle: list[Connection] = []
        self.count = 0  # open connections, idle or busy
        self.waiters: deque[asyncio.Future[None]] = deque()


class PinnedTransport:
    def __init__(
        self,
        guard: AddressGuard,
        ssl_context: Callable[[], ssl.SSLContext],
        *,
        per_host: int = 2,
        keepalive_expiry: float = 5.0,
    ) -> None:
        self._guard = guard
        self._make_ssl_context = ssl_context
        self._ssl_context: ssl.SSLContext | None = None
        self._per_host = max(1, per_host)
        self._keepalive_expiry = keepalive_expiry
        self._pools: dict[tuple[str, str, int], _Pool] = {}
        self._closed = False
        self._requests_sent = 0
        self._sent_waiter: tuple[int, asyncio.Future[None]] | None = None

    def requests_sent(self, count: int) -> asyncio.Future[None]:
        """Done once ``count`` requests in all have been sent on this transport."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self._requests_sent >= count:
            future.set_result(None)
        else:
            self._sent_waiter = (count, future)
        return future

    async def send(
        self, target: Target, headers: list[tuple[bytes, bytes]], timeouts: Timeouts
    ) -> Response:
        """GET ``target`` with ``headers`` (Host is added); Refusal if the guard says no.

        The caller must ``close()`` the response, having read its body or not.
        """
        addresses = await self._guard.addresses_for(target)
        pool = self._pools.get(target.origin)
        if pool is None:
            pool = _Pool(tuple(str(a) for a in addresses))
            self._pools[target.origin] = pool
        connection = await self._acquire(pool, target, timeouts)
        # Counted as sent: the request is written before this task next yields.
        self._requests_sent += 1
        waiter = self._sent_waiter
        if waiter is not None and self._requests_sent >= waiter[0] and not waiter[1].done():
            waiter[1].set_result(None)
        try:
            status, raw = await connection.request(
                target.raw_path, [(b"Host", target.netloc), *headers], timeouts.read, timeouts.write
            )
        except BaseException:
            self._release(pool, connection, reuse=False)
            raise
        release = functools.partial(self._release, pool)
        return Response(status, httpx.Headers(raw), connection, release, timeouts.read)

    async def preconnect(self, target: Target, timeouts: Timeouts) -> None:
        """Open one connection to ``target``'s origin, left idle for its first request.

        For origins nothing has been sent to yet: the handshakes (DNS, TCP, TLS) then happen
        while the run waits for other answers, not when a slot frees. Every refusal and
        network error is dropped here: the request meets it again and records it (a request
        already waiting for this connection gets its error instead).
        """
        if self._closed or target.origin in self._pools:
            return
        try:
            addresses = await self._guard.addresses_for(target)
        except (Refusal, FetchFailure):
            return
        pool = self._pools.get(target.origin)
        if pool is None:
            pool = _Pool(tuple(str(a) for a in addresses))
            self._pools[target.origin] = pool
        if self._closed or pool.count:
            return  # a request got there first: it opens what it needs
        pool.count += 1
        try:
            connection = await self._connect(pool, target, timeouts)
        except (httpx.TransportError, OSError, ssl.SSLError) as exc:
            pool.count -= 1
            self._hand_over(pool, exc)
            return
        except BaseException:
            pool.count -= 1
            self._wake(pool)
            raise
        if self._closed_meanwhile():
            connection.stream.close()
            pool.count -= 1
            return
        connection.idle_since = time.monotonic()
        pool.idle.append(connection)
        self._wake(pool)

    def _closed_meanwhile(self) -> bool:
        # A method, not the attribute: a type checker would keep its value from before an await.
        return self._closed

    async def _acquire(self, pool: _Pool, target: Target, timeouts: Timeouts) -> Connection:
        while True:
            now = time.monotonic()
            while pool.idle:
                # The most recently used first: the least likely to have been dropped.
                connection = pool.idle.pop()
                if (
                    now - connection.idle_since < self._keepalive_expiry
                    and not connection.stream.closed_by_peer()
                ):
                    return connection
                connection.stream.close()
                pool.count -= 1
            if pool.count < self._per_host:
                pool.count += 1
                try:
                    return await self._connect(pool, target, timeouts)
                except BaseException:
                    pool.count -= 1
                    self._wake(pool)
                    raise
            waiter = asyncio.get_running_loop().create_future()
            pool.waiters.append(waiter)
            try:
                await waiter
            except BaseException:
                if waiter.done() and not waiter.cancelled():
                    self._wake(pool)  # woken, then cancelled: pass the turn on
                raise

    async def _connect(self, pool: _Pool, target: Target, timeouts: Timeouts) -> Connection:
        stream = await open_stream(pool.addresses, target.port, timeouts.connect)
        if target.scheme == "https":
            stream = await stream.start_tls(self._tls_context(), target.raw_host, timeouts.connect)
        return Connection(stream)

    def _tls_context(self) -> ssl.SSLContext:
        # Made on the first https connection (loading the CA store takes a while) and
        # shared by all of them.
        if self._ssl_context is None:
            context = self._make_ssl_context()
            context.set_alpn_protocols(["http/1.1"])
            self._ssl_context = context
        return self._ssl_context

    def _release(self, pool: _Pool, connection: Connection, *, reuse: bool = True) -> None:
        if reuse and not self._closed and connection.ready_for_next():
            connection.idle_since = time.monotonic()
            pool.idle.append(connection)
        else:
            connection.stream.close()
            pool.count -= 1
        self._wake(pool)

    @staticmethod
    def _hand_over(pool: _Pool, error: BaseException) -> None:
        # A request that waited for this connection (the host's limit was reached) meets its
        # error as its own attempt: woken to connect again, it would spend a second connect
        # timeout, and past its deadline a timeout would be recorded as deadline-exceeded.
        while pool.waiters:
            waiter = pool.waiters.popleft()
            if not waiter.done():
                waiter.set_exception(error)
                return

    @staticmethod
    def _wake(pool: _Pool) -> None:
        while pool.waiters:
            waiter = pool.waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    async def aclose(self) -> None:
        self._closed = True
        pools = list(self._pools.values())
        self._pools.clear()
        for pool in pools:
            for connection in pool.idle:
                connection.stream.close()
            pool.idle.clear()
        self._guard.close()
