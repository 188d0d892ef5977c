"""The socket side of the URL checker's connections: a plain asyncio Protocol.

A read that finds data already buffered returns at once, a timeout costs one timer handle
and no cancellation, and everything buffered is handed over in one piece (HTTP parsing
copies it anyway). Errors are httpx's exception types, the vocabulary the fetcher maps to
check errors; a TLS failure keeps the ``ssl`` error as its cause, for the TLS facts.
"""

from __future__ import annotations

import asyncio
import os
import ssl
from collections.abc import Callable, Sequence
from typing import Any, cast

from vendorrisk.urlcheck.lean_httpx import httpx

# Past this much unread data the socket stops being read: a fast server cannot fill our
# memory while the body is being decoded or dropped.
_HIGH_WATER = 256 * 1024


def _stream_transport(transport: asyncio.BaseTransport) -> asyncio.Transport:
    # A stream connection's transport has the whole Transport interface on every loop, but
    # uvloop's (TCPTransport, written in C) do not subclass asyncio.Transport: an isinstance
    # check would refuse them, so the type is only stated.
    return cast(asyncio.Transport, transport)


class _Protocol(asyncio.Protocol):
    __slots__ = (
        "buffer",
        "eof",
        "error",
        "waiter",
        "drain_waiter",
        "paused",
        "reading_paused",
        "transport",
    )

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.eof = False
        self.error: Exception | None = None
        self.waiter: asyncio.Future[None] | None = None
        self.drain_waiter: asyncio.Future[None] | None = None
        self.paused = False
        self.reading_paused = False
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = _stream_transport(transport)

    def _wake(self) -> None:
        waiter = self.waiter
        if waiter is not None:
            self.waiter = None
            if not waiter.done():
                waiter.set_result(None)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > _HIGH_WATER and self.transport is not None:
            self.reading_paused = True
            self.transport.pause_reading()
        self._wake()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self.error = exc
        self._wake()
        if self.drain_waiter is not None and not self.drain_waiter.done():
            self.drain_waiter.set_result(None)

    def pause_writing(self) -> None:
        self.paused = True

    def resume_writing(self) -> None:
        self.paused = False
        if self.drain_waiter is not None and not self.drain_waiter.done():
            self.drain_waiter.set_result(None)


def _expire(future: asyncio.Future[None], error: Callable[[], Exception]) -> None:
    if not future.done():
        future.set_exception(error())


def _read_timeout() -> Exception:
    return httpx.ReadTimeout("timed out")


def _write_timeout() -> Exception:
    return httpx.WriteTimeout("timed out")


async def _wait(
    future: asyncio.Future[None], timeout: float | None, error: Callable[[], Exception]
) -> None:
    """Wait for ``future``; after ``timeout`` it fails with ``error()`` (made only then)."""
    if timeout is None:
        await future
        return
    handle = asyncio.get_running_loop().call_later(timeout, _expire, future, error)
    try:
        await future
    finally:
        handle.cancel()


class Stream:
    """One TCP (or TLS) connection: read what arrived, write, close."""

    __slots__ = ("_transport", "_protocol")

    def __init__(self, transport: asyncio.Transport, protocol: _Protocol) -> None:
        self._transport = transport
        self._protocol = protocol

    async def read(self, timeout: float | None) -> bytes:
        """Everything buffered, waiting for some if there is none; b"" at the end."""
        protocol = self._protocol
        if not protocol.buffer and not protocol.eof:
            protocol.waiter = asyncio.get_running_loop().create_future()
            await _wait(protocol.waiter, timeout, _read_timeout)
        if protocol.buffer:
            data = bytes(protocol.buffer)
            protocol.buffer.clear()
            if protocol.reading_paused:
                protocol.reading_paused = False
                self._transport.resume_reading()
            return data
        if protocol.error is not None:
            raise httpx.ReadError(str(protocol.error)) from protocol.error
        return b""

    async def write(self, data: bytes, timeout: float | None) -> None:
        if self._transport.is_closing():
            raise httpx.WriteError("connection closed")
        self._transport.write(data)
        if self._protocol.paused:
            self._protocol.drain_waiter = asyncio.get_running_loop().create_future()
            await _wait(self._protocol.drain_waiter, timeout, _write_timeout)

    def close(self) -> None:
        self._transport.close()

    def closed_by_peer(self) -> bool:
        """On an idle connection: anything to read means the server closed it or sent what
        it should not have, so it must not carry another request."""
        return bool(self._protocol.buffer) or self._protocol.eof

    def peer_address(self) -> str:
        address = self._transport.get_extra_info("peername")
        return str(address[0]) if address else ""

    def ssl_object(self) -> Any:
        return self._transport.get_extra_info("ssl_object")

    async def start_tls(
        self, context: ssl.SSLContext, server_hostname: str, timeout: float | None
    ) -> Stream:
        loop = asyncio.get_running_loop()
        protocol = _Protocol()
        try:
            async with asyncio.timeout(timeout):
                transport = await loop.start_tls(
                    self._transport, protocol, context, server_hostname=server_hostname
                )
        except TimeoutError:
            self._transport.close()
            raise httpx.ConnectTimeout("TLS handshake timed out") from None
        except (OSError, ssl.SSLError, ConnectionError) as exc:
            self._transport.close()
            # Chained, so the TLS facts can still name the certificate problem.
            raise httpx.ConnectError(str(exc)) from exc
        if transport is None:
            raise httpx.ConnectError("TLS handshake failed")
        protocol.transport = transport
        return Stream(transport, protocol)


def _connect_failure(exc: OSError) -> str:
    # The loops word a refused connection differently (asyncio: "Connect call failed
    # ('192.0.2.1', 80)", uvloop: "Connection refused"): the record gives the system's words
    # for the error number, so a result does not depend on which loop ran the batch.
    if exc.errno is None:
        return str(exc)
    return f"[Errno {exc.errno}] {os.strerror(exc.errno)}"


async def open_stream(addresses: Sequence[str], port: int, timeout: float | None) -> Stream:
    """A TCP connection to the first of ``addresses`` that accepts (addresses the guard
    approved: no name is ever resolved here)."""
    loop = asyncio.get_running_loop()
    last: httpx.TransportError | None = None
    for address in addresses:
        try:
            async with asyncio.timeout(timeout):
                transport, protocol = await loop.create_connection(_Protocol, address, port)
        except TimeoutError:
            last = httpx.ConnectTimeout("connect timed out")
            continue
        except OSError as exc:
            error = httpx.ConnectError(_connect_failure(exc))
            error.__cause__ = exc
            last = error
            continue
        return Stream(_stream_transport(transport), protocol)
    assert last is not None  # the guard never approves an empty address list
    raise last
