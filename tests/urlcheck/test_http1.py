"""One HTTP/1.1 exchange (urlcheck/http1.py): the request as written, the response as read.

The response side is driven by a scripted stream, one read per piece, so that where a
response is split between reads is part of each case; a few cases go through real loopback
servers too. h11 is the reference for what a request may carry and how it reads.
"""

from __future__ import annotations

import asyncio
import string
from typing import Any

import h11
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from vendorrisk.urlcheck.http1 import Connection, request_head
from vendorrisk.urlcheck.lean_httpx import httpx

from .servers import Request

HOST = [(b"Host", b"vendor.test")]


class ScriptedStream:
    """Answers each read with the next of ``pieces``; b"" (or running out) is the close."""

    def __init__(self, *pieces: bytes) -> None:
        self.pieces = list(pieces)
        self.written = bytearray()

    async def read(self, timeout: float | None) -> bytes:
        return self.pieces.pop(0) if self.pieces else b""

    async def write(self, data: bytes, timeout: float | None) -> None:
        self.written += data

    def peer_address(self) -> str:
        return "192.0.2.1"

    def ssl_object(self) -> Any:
        return None

    def closed_by_peer(self) -> bool:
        return bool(self.pieces)


async def exchange(connection: Connection) -> tuple[int, list[tuple[bytes, bytes]], bytes, bool]:
    status, headers = await connection.request(b"/", HOST, 1.0, 1.0)
    body = b""
    while chunk := await connection.read_chunk(1.0):
        body += chunk
    return status, headers, body, connection.ready_for_next()


def answer(*pieces: bytes) -> Connection:
    return Connection(ScriptedStream(*pieces))  # type: ignore[arg-type]


OK_HEAD = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n"

# (id, pieces the server sends, status, body, whether the connection may carry another request)
FRAMING = [
    ("content-length", [OK_HEAD + b"ok"], 200, b"ok", True),
    ("content-length, a byte per read", [bytes([b]) for b in OK_HEAD + b"ok"], 200, b"ok", True),
    (
        "informational answers skipped",
        [
            b"HTTP/1.1 100 Continue\r\n\r\n",
            b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n" + OK_HEAD,
            b"ok",
        ],
        200,
        b"ok",
        True,
    ),
    (
        "chunked with extensions and trailers",
        [
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;name=value\r\nok\r\n",
            b"5;x\r\n, yes\r\n0\r\nX-Trailer: t\r\nY-Trailer: u\r\n\r\n",
        ],
        200,
        b"ok, yes",
        True,
    ),
    (
        "chunked, case of the coding",
        [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"],
        200,
        b"ok",
        True,
    ),
    (
        "read to the close",
        [b"HTTP/1.1 200 OK\r\n\r\nto the ", b"end", b""],
        200,
        b"to the end",
        False,
    ),
    ("HTTP/1.0, read to the close", [b"HTTP/1.0 200 OK\r\n\r\nold"], 200, b"old", False),
    (
        "HTTP/1.0 with a length",
        [b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"],
        200,
        b"ok",
        False,
    ),
    (
        "HTTP/1.0 kept alive",
        [b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok"],
        200,
        b"ok",
        True,
    ),
    (
        "Connection: close",
        [b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"],
        200,
        b"ok",
        False,
    ),
    ("204 has no body", [b"HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n"], 204, b"", True),
    (
        "304 has no body",
        [b"HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n"],
        304,
        b"",
        True,
    ),
    ("no reason phrase", [b"HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n"], 404, b"", True),
    ("garbage after the response", [OK_HEAD + b"okGARBAGE"], 200, b"ok", False),
    (
        "garbage after a closing response",
        [b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nokGARBAGE"],
        200,
        b"ok",
        False,
    ),
    ("a second response after the first", [OK_HEAD + b"ok" + OK_HEAD + b"no"], 200, b"ok", False),
    (
        "a length and chunked framing: chunked wins, never reused",
        [
            b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"2\r\nok\r\n0\r\n\r\n"
        ],
        200,
        b"ok",
        False,
    ),
]


@pytest.mark.parametrize(
    ("pieces", "status", "body", "reusable"),
    [pytest.param(*case[1:], id=case[0]) for case in FRAMING],
)
async def test_framing(pieces: list[bytes], status: int, body: bytes, reusable: bool) -> None:
    got_status, headers, got_body, got_reusable = await exchange(answer(*pieces))
    assert (got_status, got_body, got_reusable) == (status, body, reusable)
    assert _as_h11_keeps_them(headers) == _headers_of(pieces)


def _as_h11_keeps_them(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    # h11 gives a Transfer-Encoding value in lower case; the checker keeps it as sent.
    return [(n, v.lower() if n.lower() == b"transfer-encoding" else v) for n, v in headers]


def _headers_of(pieces: list[bytes]) -> list[tuple[bytes, bytes]]:
    """The final head's header lines, as sent (what h11 gives a client, raw names kept)."""
    client = h11.Connection(h11.CLIENT)
    client.send(h11.Request(method="GET", target="/", headers=HOST))
    client.send(h11.EndOfMessage())
    client.receive_data(b"".join(pieces))
    while True:
        event = client.next_event()
        if isinstance(event, h11.Response):
            return [(name, value) for name, value in event.headers.raw_items()]


async def test_headers_keep_names_order_and_repeats_without_spaces_around_values() -> None:
    connection = answer(
        b"HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nx-lower:  padded \t\r\nSet-Cookie: b=2\r\n"
        b"Content-Length: 0\r\n\r\n"
    )
    status, headers, _, _ = await exchange(connection)
    assert headers == [
        (b"Set-Cookie", b"a=1"),
        (b"x-lower", b"padded"),
        (b"Set-Cookie", b"b=2"),
        (b"Content-Length", b"0"),
    ]
    assert httpx.Headers(headers).get_list("set-cookie") == ["a=1", "b=2"]


async def test_a_kept_alive_connection_carries_the_next_exchange() -> None:
    stream = ScriptedStream(OK_HEAD + b"ok", b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes")
    connection = Connection(stream)  # type: ignore[arg-type]
    assert await exchange(connection) == (200, [(b"Content-Length", b"2")], b"ok", True)
    assert await exchange(connection) == (200, [(b"Content-Length", b"3")], b"yes", True)
    assert stream.written.count(b"GET / HTTP/1.1\r\n") == 2


async def test_a_body_not_read_to_its_end_leaves_the_connection_unusable() -> None:
    connection = answer(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nfive!", b"more!")
    await connection.request(b"/", HOST, 1.0, 1.0)
    assert await connection.read_chunk(1.0) == b"five!"
    assert connection.ready_for_next() is False


GONE = "Server disconnected without sending a response."
BIG_HEAD = b"HTTP/1.1 200 OK\r\n" + b"X-Big: " + b"a" * (100 * 1024) + b"\r\n\r\n"

# (id, pieces, the start of the error's message)
REFUSED = [
    ("closed before answering", [], GONE),
    ("closed in the head", [b"HTTP/1.1 200 OK\r\nContent-"], GONE),
    ("closed after an informational answer", [b"HTTP/1.1 100 Continue\r\n\r\n"], GONE),
    ("not HTTP", [b"hello there\r\n\r\n"], "malformed response"),
    ("bad status line", [b"HTTP/1.1 2x0 OK\r\n\r\n"], "malformed response"),
    ("status below 100", [b"HTTP/1.1 099 Odd\r\n\r\n"], "illegal status code 99"),
    ("LF without CR", [b"HTTP/1.1 200 OK\nContent-Length: 0\n\n"], "malformed response"),
    ("control in a header value", [b"HTTP/1.1 200 OK\r\nX: a\x01b\r\n\r\n"], "malformed response"),
    (
        "folded header line",
        [b"HTTP/1.1 200 OK\r\nX: a\r\n b\r\nContent-Length: 0\r\n\r\n"],
        "malformed response",
    ),
    (
        "two lengths",
        [b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok"],
        "malformed response",
    ),
    (
        "a switch nobody asked for",
        [b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: x\r\n\r\n"],
        "unexpected 101",
    ),
    (
        "a transfer coding other than chunked",
        [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nzz"],
        "Only Transfer-Encoding: chunked",
    ),
    (
        "codings before chunked",
        [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nzz\r\n0\r\n\r\n"],
        "Only Transfer-Encoding: chunked",
    ),
    (
        "a head over 100 KiB, in pieces",
        [BIG_HEAD[i : i + 4096] for i in range(0, len(BIG_HEAD), 4096)],
        "response head larger than 100 KiB",
    ),
    ("a head over 100 KiB, at once", [BIG_HEAD + b"body"], "response head larger than 100 KiB"),
    (
        "closed in a body of known length",
        [b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"],
        "peer closed connection without sending complete message body: expected 10",
    ),
    (
        "closed in a chunked body",
        [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nsho"],
        "peer closed connection without sending complete message body: incomplete chunked",
    ),
    (
        "bad chunk size",
        [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nok\r\n0\r\n\r\n"],
        "malformed response",
    ),
    (
        "endless chunk extension",
        [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;x="] + [b"y" * 8192] * 20,
        "over 100 KiB of chunk framing",
    ),
]


@pytest.mark.parametrize(
    ("pieces", "message"), [pytest.param(*case[1:], id=case[0]) for case in REFUSED]
)
async def test_refused_responses(pieces: list[bytes], message: str) -> None:
    connection = answer(*pieces)
    with pytest.raises(httpx.RemoteProtocolError) as raised:
        await exchange(connection)
    assert str(raised.value).startswith(message)
    assert connection.ready_for_next() is False


async def test_a_head_just_under_the_limit_is_read() -> None:
    head = b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * (99 * 1024) + b"\r\nContent-Length: 2\r\n\r\n"
    pieces = [head[i : i + 4096] for i in range(0, len(head), 4096)] + [b"ok"]
    status, headers, body, reusable = await exchange(answer(*pieces))
    assert (status, body, reusable) == (200, b"ok", True)
    assert len(headers[0][1]) == 99 * 1024


# --- the request -------------------------------------------------------------------------


def test_the_request_is_the_get_line_then_the_headers_in_their_order() -> None:
    headers = [(b"Host", b"vendor.test:8443"), (b"User-Agent", b"vr/1 (+x)"), (b"Accept", b"*/*")]
    assert request_head(b"/a/b?c=d%20e", headers) == (
        b"GET /a/b?c=d%20e HTTP/1.1\r\nHost: vendor.test:8443\r\nUser-Agent: vr/1 (+x)\r\n"
        b"Accept: */*\r\n\r\n"
    )


@pytest.mark.parametrize(
    ("target", "name", "value"),
    [
        pytest.param(b"/a b", b"X", b"v", id="space in the target"),
        pytest.param(b"/a\r\nX: y", b"X", b"v", id="CRLF in the target"),
        pytest.param(b"/a\nb", b"X", b"v", id="LF in the target"),
        pytest.param(b"/a\x00", b"X", b"v", id="NUL in the target"),
        pytest.param(b"/a\x7f", b"X", b"v", id="DEL in the target"),
        pytest.param(b"/\xe3\x81\x82", b"X", b"v", id="raw UTF-8 in the target"),
        pytest.param(b"", b"X", b"v", id="empty target"),
        pytest.param(b"/", b"X Y", b"v", id="space in a name"),
        pytest.param(b"/", b"X:Y", b"v", id="colon in a name"),
        pytest.param(b"/", b"", b"v", id="empty name"),
        pytest.param(b"/", b"X\r\nY", b"v", id="CRLF in a name"),
        pytest.param(b"/", b"X", b"v\r\nEvil: 1", id="CRLF in a value"),
        pytest.param(b"/", b"X", b"v\rw", id="CR in a value"),
        pytest.param(b"/", b"X", b"v\nw", id="LF in a value"),
        pytest.param(b"/", b"X", b"v\x00", id="NUL in a value"),
        pytest.param(b"/", b"X", b"v\x01w", id="control in a value"),
        pytest.param(b"/", b"X", b"v\x7f", id="DEL in a value"),
        pytest.param(b"/", b"X", b" v", id="space before a value"),
        pytest.param(b"/", b"X", b"v\t", id="tab after a value"),
    ],
)
async def test_a_request_that_could_be_read_otherwise_is_refused_before_anything_is_sent(
    target: bytes, name: bytes, value: bytes
) -> None:
    stream = ScriptedStream(OK_HEAD + b"ok")
    connection = Connection(stream)  # type: ignore[arg-type]
    with pytest.raises(httpx.LocalProtocolError):
        await connection.request(target, [*HOST, (name, value)], 1.0, 1.0)
    assert stream.written == b""


_TOKEN = frozenset(b"!#$%&'*+-.^_`|~" + string.ascii_letters.encode() + string.digits.encode())


def _fine_target(target: bytes) -> bool:
    return bool(target) and all(0x21 <= c <= 0x7E for c in target)


def _fine_name(name: bytes) -> bool:
    return bool(name) and all(c in _TOKEN for c in name)


def _fine_value(value: bytes) -> bool:
    no_controls = all(c == 0x09 or (c >= 0x20 and c != 0x7F) for c in value)
    return no_controls and value == value.strip(b" \t")


def _hostile() -> st.SearchStrategy[bytes]:
    # Plausible pieces with a line end, NUL, control or space among them; or any bytes.
    pieces = st.one_of(
        st.text(alphabet=string.ascii_letters + "/:-", max_size=6).map(str.encode),
        st.sampled_from([b"\r", b"\n", b"\r\n", b"\x00", b"\x01", b"\x7f", b"\x80", b" ", b"\t"]),
    )
    return st.one_of(st.lists(pieces, max_size=6).map(b"".join), st.binary(max_size=20))


def _latin1(alphabet: st.SearchStrategy[str], min_size: int = 0) -> st.SearchStrategy[bytes]:
    return st.text(alphabet=alphabet, min_size=min_size, max_size=20).map(
        lambda text: text.encode("latin-1")
    )


VISIBLE = st.characters(min_codepoint=0x21, max_codepoint=0x7E)
TOKEN = st.sampled_from(sorted(chr(c) for c in _TOKEN))
# Visible ASCII, obs-text, spaces and tabs (kept off the ends).
FIELD = st.one_of(
    VISIBLE, st.characters(min_codepoint=0x80, max_codepoint=0xFF), st.sampled_from(" \t")
)
# Each piece acceptable three times in four, so that a good share of requests are written.
TARGETS = st.one_of(*[_latin1(VISIBLE, 1)] * 3, _hostile())
NAMES = st.one_of(*[_latin1(TOKEN, 1)] * 3, _hostile())
VALUES = st.one_of(*[_latin1(FIELD).map(lambda v: v.strip(b" \t"))] * 3, _hostile())


@settings(max_examples=400, deadline=None)
@given(target=TARGETS, name=NAMES, value=VALUES)
@example(target=b"/", name=b"X", value=b"a\r\nEvil: 1")
@example(target=b"/ HTTP/1.1\r\nEvil: 1\r\n\r\nGET /", name=b"X", value=b"v")
@example(target=b"/", name=b"X", value=b"")
@example(target=b"/", name=b"X", value=b"a \t b\x80\xff")
def test_a_request_is_written_as_h11_writes_it_and_reads_back_the_same_or_is_refused(
    target: bytes, name: bytes, value: bytes
) -> None:
    # h11 checks these names' values for framing; the checker never sends them.
    assume(name.lower() not in (b"host", b"content-length", b"transfer-encoding"))
    headers = [*HOST, (b"User-Agent", b"vr"), (name, value)]
    fine = _fine_target(target) and _fine_name(name) and _fine_value(value)
    try:
        written = request_head(target, headers)
    except httpx.LocalProtocolError:
        assert not fine
        return
    assert fine
    # No control byte reaches the wire but the line ends, and one line per header.
    lines = written.split(b"\r\n")
    assert lines[-2:] == [b"", b""] and len(lines) == 1 + len(headers) + 2
    assert not any(c < 0x20 and c != 0x09 or c == 0x7F for line in lines for c in line)
    # h11, the reference: it writes the same bytes as a client and reads them as a server.
    client = h11.Connection(h11.CLIENT)
    assert client.send(h11.Request(method="GET", target=target, headers=headers)) == written
    server = h11.Connection(h11.SERVER)
    server.receive_data(written)
    request = server.next_event()
    assert isinstance(request, h11.Request)
    assert (request.method, request.target) == (b"GET", target)
    assert list(request.headers.raw_items()) == headers
    assert isinstance(server.next_event(), h11.EndOfMessage)


# --- through real loopback servers (both event loops) ------------------------------------


def _raw(data: bytes, *, keep: bool = True) -> Any:
    async def handle(request: Request, writer: asyncio.StreamWriter) -> bool:
        writer.write(data)
        await writer.drain()
        return keep

    return handle


async def test_live_framings_are_read_as_their_pages(serve: Any, run: Any) -> None:
    site = await serve(
        {
            "/early": _raw(
                b"HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nearly"
            ),
            "/chunked": _raw(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                b"3;ext=1\r\nchu\r\n4\r\nnked\r\n0\r\nX-Trailer: t\r\n\r\n"
            ),
            "/old": _raw(
                b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nto the close", keep=False
            ),
            "/garbage": _raw(OK_HEAD + b"okHTTP/1.1 200 OK\r\n\r\n"),
            "/big-head": _raw(BIG_HEAD, keep=False),
        }
    )
    paths = ["/early", "/chunked", "/old", "/garbage", "/big-head"]
    records = await run([site.url(p) for p in paths], per_host=1, concurrency=1, security_txt=False)
    early, chunked, old, garbage, big_head = records
    assert (early["status"], early["content"]["bytes"]) == (200, 5)
    assert (chunked["status"], chunked["content"]["bytes"]) == (200, 7)
    assert (old["status"], old["content"]["bytes"]) == (200, 12)
    assert garbage["status"] == 200
    assert big_head["error"]["code"] == "protocol-error"
    # Kept alive through /early and /chunked; /old closed; /garbage's connection not reused.
    assert site.connections == 3
