"""One HTTP/1.1 connection and the response read from it.

The checker only ever sends a bodiless GET and reads one response at a time, so this is all
of HTTP it needs: no pipelining, no upgrades, no request bodies. The request is written here,
each piece checked first, so that nothing a URL or a header carries can end a line or add
one. The response is parsed by llhttp (Node's parser, through httptools): with h11 the state
machine was about half of the checker's CPU per request. What llhttp leaves to its caller is
done here: the end of a body read to the connection's close, informational answers skipped,
the limit on a response head, and never reusing a connection whose state is in doubt. Errors
are httpx's exception types, as from the socket layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httptools

from vendorrisk.urlcheck.lean_httpx import httpx
from vendorrisk.urlcheck.netbackend import Stream

# The limit on a response head, as httpcore sets h11's: larger heads are refused. Also the
# most chunk framing and trailers accepted without a byte of the body between them.
_MAX_HEAD = 100 * 1024
_SERVER_GONE = "Server disconnected without sending a response."

# What a request may carry (RFC 9112 and 9110): a target of visible ASCII; a header name
# that is a token; a value of visible characters (obs-text too) with spaces or tabs only
# between them. No CR, LF, NUL or other control can get through to split a line.
_TARGET = re.compile(rb"[\x21-\x7e]+")
_NAME = re.compile(rb"[-!#$%&'*+.^_`|~0-9A-Za-z]+")
_VALUE = re.compile(rb"(?:[\x21-\x7e\x80-\xff]+(?:[ \t]+[\x21-\x7e\x80-\xff]+)*)?")

# Where a response is: its final head not yet complete; its body being read; its end seen.
_HEAD, _BODY, _DONE = 0, 1, 2


def request_head(target: bytes, headers: list[tuple[bytes, bytes]]) -> bytes:
    """``GET target HTTP/1.1`` and ``headers`` in their order, as sent; LocalProtocolError
    for a target, header name or value that could change what the server reads."""
    if _TARGET.fullmatch(target) is None:
        raise httpx.LocalProtocolError(f"Illegal target characters: {target!r}")
    parts = [b"GET ", target, b" HTTP/1.1\r\n"]
    for name, value in headers:
        if _NAME.fullmatch(name) is None:
            raise httpx.LocalProtocolError(f"Illegal header name {name!r}")
        if _VALUE.fullmatch(value) is None:
            raise httpx.LocalProtocolError(f"Illegal header value {value!r}")
        parts += (name, b": ", value, b"\r\n")
    parts.append(b"\r\n")
    return b"".join(parts)


class _Refused(Exception):
    """Raised in a parser callback to stop the parse; the reader's ``error`` says why."""


class _Reader:
    """The parser's callbacks and what they gathered of the current response."""

    __slots__ = (
        "parser",
        "phase",
        "status",
        "headers",
        "body",
        "keep_alive",
        "surplus",
        "error",
        "chunked_checked",
    )

    def __init__(self) -> None:
        self.parser = httptools.HttpResponseParser(self)
        # Both a length and chunked framing: the chunked framing wins (RFC 9112 6.3, and as
        # h11 read it), and the connection is not reused (_check_framing).
        self.parser.set_dangerous_leniencies(lenient_chunked_length=True)
        self.start()

    def start(self) -> None:
        self.phase = _HEAD
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.body: list[bytes] = []
        self.keep_alive = False
        self.surplus = False  # bytes came after the response
        self.error = ""
        self.chunked_checked = False

    def feed(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except (httptools.HttpParserError, httptools.HttpParserUpgrade) as exc:
            if self.phase == _DONE:
                # What followed the response is not a response: only the connection is lost.
                self.surplus = True
                return
            raise httpx.RemoteProtocolError(self.error or f"malformed response: {exc}") from None

    def end_of_stream(self) -> None:
        """The server closed the connection in the body: its end only if nothing framed it."""
        for name, value in self.headers:
            lowered = name.lower()
            if lowered == b"content-length":
                raise httpx.RemoteProtocolError(
                    "peer closed connection without sending complete message body: "
                    f"expected {value.decode('latin-1')} bytes"
                )
            if lowered == b"transfer-encoding":
                raise httpx.RemoteProtocolError(
                    "peer closed connection without sending complete message body: "
                    "incomplete chunked read"
                )
        self.phase = _DONE
        self.keep_alive = False

    def head_size(self) -> int:
        """About the size of the final head (its status line at the shortest)."""
        return 19 + sum(len(name) + len(value) + 4 for name, value in self.headers)

    def _refuse(self, error: str) -> None:
        self.error = error
        raise _Refused(error)

    def _check_framing(self) -> None:
        # As h11: only chunked is a transfer coding the checker reads (llhttp would read a
        # body in any other coding to the close, undecoded).
        codings = [value for name, value in self.headers if name.lower() == b"transfer-encoding"]
        if not codings:
            return
        if len(codings) > 1 or codings[0].lower() != b"chunked":
            self._refuse("Only Transfer-Encoding: chunked is supported")
        if any(name.lower() == b"content-length" for name, _ in self.headers):
            self.keep_alive = False

    # --- httptools' callbacks ---

    def on_message_begin(self) -> None:
        if self.phase == _DONE:
            self.surplus = True

    def on_header(self, name: bytes, value: bytes) -> None:
        if self.phase == _HEAD:  # trailers, after the body, are dropped
            # llhttp keeps the whitespace after a value; it is not part of it.
            self.headers.append((name, value.rstrip(b" \t")))

    def on_headers_complete(self) -> None:
        if self.phase != _HEAD:
            return
        status = self.parser.get_status_code()
        if status >= 200:
            self.phase = _BODY
            self.status = status
            self.keep_alive = self.parser.should_keep_alive()
            if not self.keep_alive:
                # Connection: close, HTTP/1.0, or a body that ends with the connection.
                self._check_framing()
        elif status < 100:
            self._refuse(f"illegal status code {status}")
        elif status == 101:
            # A switch nobody asked for (the request carries no Upgrade).
            self._refuse("unexpected 101 Switching Protocols")
        else:
            self.headers = []  # informational (100, 103...): the real answer follows

    def on_chunk_header(self) -> None:
        if not self.chunked_checked and self.phase == _BODY:
            self.chunked_checked = True
            self._check_framing()

    def on_body(self, body: bytes) -> None:
        if self.phase == _BODY:
            self.body.append(body)

    def on_message_complete(self) -> None:
        if self.phase == _BODY:
            self.phase = _DONE


class Connection:
    __slots__ = ("stream", "ip", "ssl_object", "_reader", "idle_since")

    def __init__(self, stream: Stream) -> None:
        self.stream = stream
        self.ip = stream.peer_address()
        self.ssl_object: Any = stream.ssl_object()
        self._reader = _Reader()
        self.idle_since = 0.0

    async def request(
        self,
        target: bytes,
        headers: list[tuple[bytes, bytes]],
        read_timeout: float | None,
        write_timeout: float | None,
    ) -> tuple[int, list[tuple[bytes, bytes]]]:
        """Send ``GET target``; the status and raw headers of the final (non-1xx) answer."""
        data = request_head(target, headers)
        try:
            await self.stream.write(data, write_timeout)
        except httpx.WriteError:
            # A server may close its side early yet have sent a well-formed answer (an
            # error status): read it, as httpcore does.
            pass
        reader = self._reader
        received = 0
        while reader.phase == _HEAD:
            data = await self.stream.read(read_timeout)
            if not data:
                raise httpx.RemoteProtocolError(_SERVER_GONE)
            reader.feed(data)
            received += len(data)
            # Counted per read, as h11 did: a head still incomplete past the limit, or
            # (rarely worth the sum) one that came whole in a large read.
            if received > _MAX_HEAD and (reader.phase == _HEAD or reader.head_size() > _MAX_HEAD):
                raise httpx.RemoteProtocolError("response head larger than 100 KiB")
        return reader.status, reader.headers

    async def read_chunk(self, timeout: float | None) -> bytes:
        """The next piece of the body, decoded from the transfer framing; b"" at its end."""
        reader = self._reader
        framing = 0
        while True:
            body = reader.body
            if body:
                reader.body = []
                return body[0] if len(body) == 1 else b"".join(body)
            if reader.phase != _BODY:
                return b""
            data = await self.stream.read(timeout)
            if not data:
                reader.end_of_stream()
                continue
            reader.feed(data)
            if not reader.body and reader.phase == _BODY:
                framing += len(data)
                if framing > _MAX_HEAD:
                    raise httpx.RemoteProtocolError("over 100 KiB of chunk framing without data")

    def ready_for_next(self) -> bool:
        """Whether the exchange ended cleanly, and if so make way for the next request."""
        reader = self._reader
        if reader.phase == _DONE and reader.keep_alive and not reader.surplus and not reader.body:
            reader.start()
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
