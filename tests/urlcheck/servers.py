"""Real servers on loopback for the URL checker's tests.

A small HTTP/1.1 server on asyncio (keep-alive, one handler per path) that can misbehave on
purpose: drip bytes, reset the connection mid-body, answer 429. HTTPS uses certificates
from a trustme CA that the checker trusts only through ``ca_bundle`` (``--ca-bundle``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ssl
import tomllib
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w
import trustme

from vendorrisk.urlcheck.record import validate_record


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]


Handler = Callable[[Request, asyncio.StreamWriter], Awaitable[bool]]


def response(
    status: int = 200,
    body: bytes | str = b"",
    headers: dict[str, str] | None = None,
    *,
    delay: float = 0.0,
    content_type: str = "text/html; charset=utf-8",
) -> Handler:
    """A handler answering with a fixed response (keep-alive)."""
    data = body.encode() if isinstance(body, str) else body

    async def handle(request: Request, writer: asyncio.StreamWriter) -> bool:
        if delay:
            await asyncio.sleep(delay)
        head = [f"HTTP/1.1 {status} X", f"Content-Length: {len(data)}"]
        if content_type:
            head.append(f"Content-Type: {content_type}")
        head += [f"{k}: {v}" for k, v in (headers or {}).items()]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + data)
        await writer.drain()
        return True

    return handle


def redirect(location: str, status: int = 302, headers: dict[str, str] | None = None) -> Handler:
    return response(status, b"", {"Location": location, **(headers or {})})


GOOD_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def valid_security_txt(canonical: str = "", expires_days: int = 180) -> str:
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(days=expires_days)
    lines = [
        "# Security contact",
        "Contact: mailto:security@example.jp",
        "Contact: https://example.jp/security",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: ja, en",
        "Policy: https://example.jp/policy",
    ]
    if canonical:
        lines.append(f"Canonical: {canonical}")
    return "\n".join(lines) + "\n"


class Server:
    def __init__(
        self,
        routes: dict[str, Handler],
        *,
        ssl_context: ssl.SSLContext | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        self.routes = routes
        self.ssl_context = ssl_context
        self.host = host
        self.port = 0
        self.hits: Counter[str] = Counter()
        self.requests: list[Request] = []
        self.active = 0
        self.max_active = 0
        self.connections = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    @property
    def active_connections(self) -> int:
        return len(self._writers)

    @property
    def scheme(self) -> str:
        return "https" if self.ssl_context else "http"

    def url(self, path: str = "/", host: str | None = None) -> str:
        return f"{self.scheme}://{host or self.host}:{self.port}{path}"

    async def start(self) -> Server:
        self._server = await asyncio.start_server(self._serve, self.host, 0, ssl=self.ssl_context)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            for writer in list(self._writers):
                writer.transport.abort()
            await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        self.connections += 1
        try:
            while True:
                line = await reader.readline()
                if not line.strip():
                    break
                method, path, _ = line.decode("latin-1").split(" ", 2)
                headers: dict[str, str] = {}
                while (raw := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    name, _, value = raw.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                request = Request(method, path, headers)
                self.requests.append(request)
                self.hits[path] += 1
                self.active += 1
                self.max_active = max(self.max_active, self.active)
                try:
                    handler = self.routes.get(path.split("?")[0]) or response(404, "not found")
                    keep = await handler(request, writer)
                finally:
                    self.active -= 1
                if not keep:
                    break
        except (ConnectionError, ssl.SSLError, asyncio.IncompleteReadError):
            pass
        finally:
            self._writers.discard(writer)
            writer.transport.abort()


@dataclass
class Certs:
    ca: trustme.CA
    bundle: Path
    contexts: dict[str, ssl.SSLContext] = field(default_factory=dict)

    def server_context(self, *names: str, not_after: dt.datetime | None = None) -> ssl.SSLContext:
        key = f"{names}:{not_after}"
        if key not in self.contexts:
            leaf = self.ca.issue_cert(*names, not_after=not_after)
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            leaf.configure_cert(context)
            self.contexts[key] = context
        return self.contexts[key]


def assert_storable(record: dict[str, Any]) -> None:
    """Valid against the schema, no None anywhere, and unchanged by a TOML round trip."""
    assert validate_record(record) == [], validate_record(record)

    def walk(value: Any) -> None:
        assert value is not None
        assert isinstance(value, str | int | bool | list | dict), type(value)
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(record)
    assert tomllib.loads(tomli_w.dumps({"check": record}))["check"] == record
