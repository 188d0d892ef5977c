"""Fetch one URL: redirects followed by hand, retries, Retry-After, caps and a deadline.

Redirects are followed here rather than by httpx so that every hop goes back through
``parse_target`` and the transport's address guard (a public site may redirect to
``http://169.254.169.254/``), and so that each hop is recorded for the reviewer.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from dataclasses import dataclass, field

from vendorrisk import __version__
from vendorrisk.urlcheck.body import Body, drain, read_capped
from vendorrisk.urlcheck.errors import CheckError, FetchFailure, Refusal
from vendorrisk.urlcheck.http1 import Response
from vendorrisk.urlcheck.lean_httpx import httpx
from vendorrisk.urlcheck.targets import Target, join_location, parse_target
from vendorrisk.urlcheck.tlsinfo import TlsFacts, facts_from_error, facts_from_ssl_object
from vendorrisk.urlcheck.transport import PinnedTransport, Timeouts

USER_AGENT = f"vendorrisk/{__version__} (vendor security facts checker; one request per page)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PAGE_CAP = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FetchLimits:
    max_redirects: int = 5
    connect_timeout: float = 10.0
    read_timeout: float = 10.0
    retries: int = 1  # extra attempts after a connection error
    max_retry_after: float = 30.0  # a longer Retry-After is reported, not waited for
    busy_retries: int = 2  # attempts after a 429 / 503 with an acceptable Retry-After


@dataclass(slots=True)
class Hop:
    url: str
    status: int
    location: str = ""
    ip: str = ""


@dataclass(slots=True)
class Fetched:
    url: str
    hops: list[Hop] = field(default_factory=list)
    final_url: str = ""
    status: int | None = None
    headers: httpx.Headers | None = None
    body: Body | None = None
    ip: str = ""
    tls: TlsFacts | None = None
    error: CheckError | None = None

    @property
    def responded(self) -> bool:
        return self.status is not None or bool(self.hops)


class HostBackoff:
    """A host that answered 429/503 with Retry-After is left alone by every request."""

    def __init__(self) -> None:
        self._not_before: dict[str, float] = {}

    def defer(self, host: str, seconds: float) -> None:
        until = time.monotonic() + seconds
        self._not_before[host] = max(until, self._not_before.get(host, 0.0))

    async def wait(self, host: str) -> None:
        until = self._not_before.get(host)
        if until is not None:
            delay = until - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)


@dataclass(slots=True)
class Fetcher:
    transport: PinnedTransport
    limits: FetchLimits = field(default_factory=FetchLimits)
    backoff: HostBackoff = field(default_factory=HostBackoff)
    user_agent: str = USER_AGENT
    _header_cache: dict[str, list[tuple[bytes, bytes]]] = field(default_factory=dict)

    def _headers(self, accept: str) -> list[tuple[bytes, bytes]]:
        # Built once per Accept value: the same few headers go with every request.
        cached = self._header_cache.get(accept)
        if cached is None:
            cached = [
                (b"User-Agent", self.user_agent.encode("ascii")),
                (b"Accept", accept.encode("ascii")),
                (b"Accept-Encoding", b"gzip, deflate"),
                (b"Accept-Language", b"ja,en;q=0.8"),
            ]
            self._header_cache[accept] = cached
        return cached

    async def preconnect(self, target: Target) -> None:
        """Connect to ``target``'s origin ahead of its first request (errors dropped)."""
        await self.transport.preconnect(target, self._timeouts())

    def _timeouts(self) -> Timeouts:
        # No wait for a pooled connection of its own: that is bounded by the deadline.
        read = self.limits.read_timeout
        return Timeouts(connect=self.limits.connect_timeout, read=read, write=read)

    async def fetch(
        self,
        url: str,
        *,
        cap: int = PAGE_CAP,
        deadline: float = 30.0,
        accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        follow_redirects: bool = True,
    ) -> Fetched:
        """Never raises for network trouble: the outcome is in the returned value."""
        result = Fetched(url=url)
        try:
            async with asyncio.timeout(deadline):
                await self._follow(result, cap, accept, follow_redirects)
        except TimeoutError:
            result.error = CheckError("deadline-exceeded", url=result.final_url or url)
        except Refusal as exc:
            result.error = exc.error
        except FetchFailure as exc:
            result.error = exc.error
        return result

    async def _follow(self, result: Fetched, cap: int, accept: str, follow: bool) -> None:
        current: str | httpx.URL = result.url
        seen: set[str] = set()
        for _ in range(self.limits.max_redirects + 1):
            target = parse_target(current)
            key = target.text
            if key in seen:
                raise FetchFailure(CheckError("redirect-loop", url=key))
            seen.add(key)
            result.final_url = key
            response = await self._send(target, accept, result)
            result.ip = response.ip
            result.tls = _tls_facts(response) if target.scheme == "https" else None
            location = response.headers.get("location")
            if follow and response.status in REDIRECT_STATUSES and location:
                result.hops.append(Hop(key, response.status, location[:2048], result.ip))
                await drain(response)
                current = join_location(target.url, location)
                continue
            result.status = response.status
            result.headers = response.headers
            if not follow:
                await drain(response)
                return
            try:
                result.body = await read_capped(response, cap)
            except httpx.HTTPError as exc:
                raise FetchFailure(_error_for(exc, key)) from None
            return
        raise FetchFailure(CheckError("too-many-redirects", url=str(current)))

    async def _send(self, target: Target, accept: str, result: Fetched) -> Response:
        headers = self._headers(accept)
        timeouts = self._timeouts()
        failures = 0
        busy = 0
        while True:
            await self.backoff.wait(target.authority)
            try:
                response = await self.transport.send(target, headers, timeouts)
            except httpx.HTTPError as exc:
                tls = facts_from_error(exc)
                if tls is not None:
                    result.tls = tls
                    raise FetchFailure(_error_for(exc, target.text)) from None
                if failures < self.limits.retries and _retryable(exc):
                    failures += 1
                    await asyncio.sleep(0.2 * failures)
                    continue
                raise FetchFailure(_error_for(exc, target.text)) from None
            if response.status in (429, 503) and busy < self.limits.busy_retries:
                delay = retry_after_seconds(response.headers.get("retry-after"))
                if delay is not None and delay <= self.limits.max_retry_after:
                    busy += 1
                    self.backoff.defer(target.authority, delay)
                    await drain(response)
                    continue
            return response


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Retry-After as seconds from now (delta-seconds or an HTTP date), None if unusable."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(int(text))
    import email.utils  # rarely needed: not loaded with the checker

    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


def _retryable(exc: httpx.HTTPError) -> bool:
    return isinstance(
        exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.RemoteProtocolError | httpx.ReadError
    )


def _error_for(exc: httpx.HTTPError, url: str) -> CheckError:
    tls = facts_from_error(exc)
    if tls is not None:
        code = "tls-handshake" if tls.error == "handshake" else "tls-invalid"
        return CheckError(code, url=url, detail=tls.detail)
    code = "network-error"
    for kind, name in (
        (httpx.ConnectTimeout, "connect-timeout"),
        (httpx.ReadTimeout, "read-timeout"),
        (httpx.TimeoutException, "timeout"),
        (httpx.ConnectError, "connect-error"),
        (httpx.RemoteProtocolError, "protocol-error"),
        (httpx.ReadError, "read-error"),
    ):
        if isinstance(exc, kind):
            code = name
            break
    return CheckError(code, url=url, detail=str(exc)[:300])


def _tls_facts(response: Response) -> TlsFacts | None:
    if response.ssl_object is None:
        return None
    return facts_from_ssl_object(response.ssl_object, dt.datetime.now(dt.UTC))
