"""One HTTP/1.1 connection (h11 does the parsing) and the response read from it.

The checker only ever sends a bodiless GET and reads one response at a time, so this is all
of HTTP it needs: no pipelining, no upgrades, no request bodies. Errors are httpx's
exception types, as from the socket layer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import h11

from vendorrisk.urlcheck.lean_httpx import httpx
from vendorrisk.urlcheck.netbackend import Stream

# h11's limit on an incomplete response head, as httpcore sets it: larger heads are refused.
_MAX_HEAD = 100 * 1024
_SERVER_GONE = "Server disconnected without sending a response."


class Connection:
    __slots__ = ("stream", "ip", "ssl_object", "_h11", "idle_since")

    def __init__(self, stream: Stream) -> None:
        self.stream = stream
        self.ip = stream.peer_address()
        self.ssl_object: Any = stream.ssl_object()
        self._h11 = h11.Connection(h11.CLIENT, max_incomplete_event_size=_MAX_HEAD)
        self.idle_since = 0.0

    async def request(
        self,
        target: bytes,
        headers: list[tuple[bytes, bytes]],
        read_timeout: float | None,
        write_timeout: float | None,
    ) -> tuple[int, list[tuple[bytes, bytes]]]:
        """Send ``GET target``; the status and raw headers of the final (non-1xx) answer."""
        state = self._h11
        try:
            data = state.send(h11.Request(method=b"GET", target=target, headers=headers)) or b""
            data += state.send(h11.EndOfMessage()) or b""
        except h11.LocalProtocolError as exc:
            raise httpx.LocalProtocolError(str(exc)) from exc
        try:
            await self.stream.write(data, write_timeout)
        except httpx.WriteError:
            # A server may close its side early yet have sent a well-formed answer (an
            # error status): read it, as httpcore does.
            pass
        while True:
            event = await self._next_event(read_timeout)
            if isinstance(event, h11.Response):
                return event.status_code, event.headers.raw_items()
            # An informational (1xx) answer precedes the real one: skip it.

    async def read_chunk(self, timeout: float | None) -> bytes:
        """The next piece of the body, decoded from the transfer framing; b"" at its end."""
        while True:
            event = await self._next_event(timeout)
            if isinstance(event, h11.Data):
                if event.data:
                    return bytes(event.data)
            elif isinstance(event, h11.EndOfMessage | h11.ConnectionClosed) or event is h11.PAUSED:
                return b""

    async def _next_event(self, timeout: float | None) -> Any:
        state = self._h11
        while True:
            try:
                event = state.next_event()
            except h11.RemoteProtocolError as exc:
                raise httpx.RemoteProtocolError(str(exc)) from exc
            if event is not h11.NEED_DATA:
                return event
            data = await self.stream.read(timeout)
            if not data and state.their_state is h11.SEND_RESPONSE:
                raise httpx.RemoteProtocolError(_SERVER_GONE)
            state.receive_data(data)

    def ready_for_next(self) -> bool:
        """Whether the exchange ended cleanly, and if so make way for the next request."""
        state = self._h11
        if state.our_state is h11.DONE and state.their_state is h11.DONE:
            state.start_next_cycle()
            return True
        return False


class Response:
    """Status and headers at once; the body on demand; ``close()`` hands the connection
    back (kept alive only when the whole body was read)."""

    __slots__ = ("status", "headers", "ip", "ssl_object", "_connection", "_release", "_timeout")

    def __init__(
        self,
        status: int,
        headers: httpx.Headers,
        connection: Connection,
        release: Callable[[Connection], None],
        read_timeout: float | None,
    ) -> None:
        self.status = status
        self.headers = headers
        self.ip = connection.ip
        self.ssl_object: Any = connection.ssl_object
        self._connection: Connection | None = connection
        self._release = release
        self._timeout = read_timeout

    async def read_chunk(self) -> bytes:
        if self._connection is None:
            return b""
        return await self._connection.read_chunk(self._timeout)

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            self._release(connection)
