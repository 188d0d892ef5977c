"""Check a batch of URLs: the entry point the CLI and the terminal UI share.

Per URL: fetch the page (redirects, TLS, headers, certification mentions); per origin, once:
its security.txt; per https host on the default port, once: whether plain HTTP redirects to
HTTPS. Requests go through one scheduler (global and per-host limits) and one transport
(address guard, a small pinned pool per origin). Results come back as records.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import re
import ssl
import time
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any

from vendorrisk.urlcheck.addresses import AddressPolicy
from vendorrisk.urlcheck.errors import CheckError, FetchFailure, Refusal
from vendorrisk.urlcheck.fetch import USER_AGENT, Fetched, Fetcher, FetchLimits
from vendorrisk.urlcheck.guard import AddressGuard, Resolver
from vendorrisk.urlcheck.lean_httpx import httpx, load_httpx
from vendorrisk.urlcheck.scheduler import HostScheduler
from vendorrisk.urlcheck.spare import SpareTime
from vendorrisk.urlcheck.targets import Target, parse_target
from vendorrisk.urlcheck.transport import PinnedTransport

if TYPE_CHECKING:
    from vendorrisk.urlcheck.record import HttpProbe
    from vendorrisk.urlcheck.sectxt_fetch import SecurityTxtResult

# The page checks, the record and security.txt are imported only after the first requests
# have left (iter_checks): the answers take longer to come than these take to load, so the
# command's start need not wait for them.

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_FEED_BATCH = 64  # URLs queued between two turns of the event loop
# How long the first requests are given to leave before the rest of the start goes on.
_FIRST_WAVE_WAIT = 0.02
_ROUGH_AUTHORITY = re.compile(r"//([^/?#]*)")


@dataclass(frozen=True, slots=True)
class CheckOptions:
    concurrency: int = 32
    per_host: int = 2
    timeout: float = 30.0  # the most one URL may take: every hop, retry and wait included
    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()  # CIDRs opened explicitly (config allow-list)
    ca_bundle: str | None = None  # trust these CAs instead of the default store
    retries: int = 1
    max_retry_after: float = 30.0
    security_txt: bool = True
    # https port -> the plain-HTTP port probed for "is HTTPS enforced" (tests map theirs).
    http_probe_ports: Mapping[int, int] = field(default_factory=lambda: {443: 80})
    resolver: Resolver | None = None  # tests substitute a fake DNS
    user_agent: str = USER_AGENT

    def policy(self) -> AddressPolicy:
        return AddressPolicy.from_strings(self.allow_private, self.allowed_networks)

    def ssl_context(self) -> ssl.SSLContext:
        if self.ca_bundle:
            return ssl.create_default_context(cafile=self.ca_bundle)
        return httpx.create_ssl_context(trust_env=False)

    def limits(self) -> FetchLimits:
        op = min(10.0, self.timeout)
        return FetchLimits(
            connect_timeout=op,
            read_timeout=op,
            retries=self.retries,
            max_retry_after=min(self.max_retry_after, self.timeout),
        )


class Checker:
    """One run: shared connections, caches and limits. Use as an async context manager."""

    def __init__(self, options: CheckOptions | None = None) -> None:
        self.options = options or CheckOptions()
        guard = AddressGuard(self.options.policy(), self.options.resolver)
        self._transport = PinnedTransport(
            guard, self.options.ssl_context, per_host=self.options.per_host
        )
        self._fetcher = Fetcher(
            self._transport, self.options.limits(), user_agent=self.options.user_agent
        )
        self._scheduler = HostScheduler(self.options.concurrency, self.options.per_host)
        self._spare = SpareTime()
        self._preconnects: set[asyncio.Task[None]] = set()
        self._security_txt: dict[str, asyncio.Future[SecurityTxtResult]] = {}
        self._probes: dict[tuple[str, int], asyncio.Future[HttpProbe]] = {}

    async def first_requests_sent(self, count: int) -> None:
        """Wait until ``count`` requests have left, or a short while (checks refused before
        any request, a host's own limit or a slow name lookup keep some from leaving)."""
        sent = self._transport.requests_sent(count)
        try:
            await asyncio.wait_for(asyncio.shield(sent), _FIRST_WAVE_WAIT)
        except TimeoutError:
            sent.cancel()

    def preconnect(self, urls: Iterable[str]) -> None:
        """Connect to the sites of ``urls`` that have no connection yet, in the background."""
        origins: set[tuple[str, str, int]] = set()
        for url in urls:
            try:
                target = parse_target(url)
            except (Refusal, FetchFailure):
                continue  # its check reports it
            if target.origin not in origins:
                origins.add(target.origin)
                task = asyncio.ensure_future(self._fetcher.preconnect(target))
                self._preconnects.add(task)
                task.add_done_callback(self._preconnects.discard)

    @property
    def fetcher(self) -> Fetcher:
        return self._fetcher

    async def __aenter__(self) -> Checker:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        preconnects = list(self._preconnects)
        for task in preconnects:
            task.cancel()
        await asyncio.gather(*preconnects, return_exceptions=True)
        await self._spare.aclose()
        await self._scheduler.aclose()
        futures: list[asyncio.Future[Any]] = [*self._security_txt.values(), *self._probes.values()]
        for future in futures:
            future.cancel()
        await self._transport.aclose()

    async def check(self, url: str) -> dict[str, Any]:
        started = time.monotonic()
        checked_at = dt.datetime.now(dt.UTC)
        try:
            target = parse_target(url)
        except (Refusal, FetchFailure) as exc:
            return _error_record(url, checked_at, exc.error)
        page = await self._scheduler.submit(target.authority, lambda: self._fetch_page(target))
        # What this record waits for is asked first (those requests take their turn in the
        # scheduler); the page is analysed in spare time (spare.py): CPU no request waits for.
        waits: list[asyncio.Future[Any]] = []
        sectxt = self._security_txt_for(page) if self.options.security_txt else None
        if sectxt is not None:
            waits.append(sectxt)
        probe = self._probe_for(target, page)
        if probe is not None:
            waits.append(probe)
        # After its first page an origin's security.txt is known: nothing to wait for.
        pending = [future for future in waits if not future.done()]
        if pending:
            await asyncio.wait(pending)
        return await self._spare.run(
            lambda: _page_record(
                url,
                checked_at,
                started,
                page,
                sectxt.result() if sectxt is not None else None,
                probe.result() if probe is not None else None,
            )
        )

    async def _fetch_page(self, target: Target) -> Fetched:
        return await self._fetcher.fetch(target.text, deadline=self.options.timeout)

    def _security_txt_for(self, page: Fetched) -> asyncio.Future[SecurityTxtResult] | None:
        from vendorrisk.urlcheck.sectxt_fetch import fetch_security_txt

        if not page.responded or not page.final_url:
            return None  # the host did not answer: asking it again would only wait again
        try:
            origin = parse_target(page.final_url)
        except (Refusal, FetchFailure):
            return None
        key = origin.origin_url()
        future = self._security_txt.get(key)
        if future is None:
            future = self._scheduler.submit(
                origin.authority,
                lambda: fetch_security_txt(self._fetcher, key, deadline=self.options.timeout),
                urgent=True,
            )
            self._security_txt[key] = future
        return future

    def _probe_for(self, target: Target, page: Fetched) -> asyncio.Future[HttpProbe] | None:
        http_port = self.options.http_probe_ports.get(target.port)
        if target.scheme != "https" or http_port is None or not page.responded:
            return None
        key = (target.host, http_port)
        future = self._probes.get(key)
        if future is None:
            host = f"[{target.host}]" if ":" in target.host else target.host
            url = f"http://{host}/" if http_port == 80 else f"http://{host}:{http_port}/"
            authority = f"{target.host}:{http_port}"
            future = self._scheduler.submit(authority, lambda: self._probe(url), urgent=True)
            self._probes[key] = future
        return future

    async def _probe(self, url: str) -> HttpProbe:
        from vendorrisk.urlcheck.record import HttpProbe

        fetched = await self._fetcher.fetch(
            url, deadline=min(10.0, self.options.timeout), follow_redirects=False
        )
        if fetched.error is not None:
            refused_port = fetched.error.code in ("connect-error", "connect-timeout")
            return HttpProbe(url, "no-http-service" if refused_port else "unknown")
        location = fetched.headers.get("location", "") if fetched.headers else ""
        status = fetched.status
        if status is not None and 300 <= status < 400 and location:
            try:
                secure = parse_target(httpx.URL(url).join(location)).scheme == "https"
            except (Refusal, FetchFailure, httpx.InvalidURL):
                secure = False
            outcome = "redirects-to-https" if secure else "unknown"
            return HttpProbe(url, outcome, status, location[:2048])
        return HttpProbe(url, "serves-http", status)


def _page_record(
    url: str,
    checked_at: dt.datetime,
    started: float,
    page: Fetched,
    security_txt: SecurityTxtResult | None,
    probe: HttpProbe | None,
) -> dict[str, Any]:
    from vendorrisk.urlcheck.certifications import find_mentions, page_text
    from vendorrisk.urlcheck.headers import check_headers
    from vendorrisk.urlcheck.record import Parts, build_record

    parts = Parts(url=url, checked_at=checked_at, page=page)
    if page.headers is not None:
        https = page.final_url.startswith("https://")
        parts.headers = check_headers(page.headers, https=https)
    if page.body is not None and page.headers is not None:
        content_type = page.headers.get("content-type", "")
        if not content_type or content_type.split(";")[0].strip().lower() in _TEXT_TYPES:
            parts.mentions = find_mentions(page_text(page.body.data, content_type))
    parts.security_txt = security_txt
    parts.probe = probe
    parts.elapsed_ms = int((time.monotonic() - started) * 1000)
    return build_record(parts)


def _error_record(url: str, checked_at: dt.datetime, error: CheckError) -> dict[str, Any]:
    from vendorrisk.urlcheck.record import Parts, build_record

    return build_record(Parts(url=url, checked_at=checked_at, error=error))


async def iter_checks(
    urls: Iterable[str], options: CheckOptions | None = None
) -> AsyncIterator[tuple[int, dict[str, Any]]]:
    """(input index, record) for each URL, in the order the checks finish."""
    async with Checker(options) as checker:
        url_list = list(urls)

        async def one(index: int, url: str) -> tuple[int, dict[str, Any]]:
            try:
                return index, await checker.check(url)
            except Exception as exc:
                # A bug in one check must not lose the rest of the batch; it is reported.
                error = CheckError("internal-error", url=url, detail=repr(exc))
                return index, _error_record(url, dt.datetime.now(dt.UTC), error)

        done: asyncio.Queue[tuple[int, dict[str, Any]]] = asyncio.Queue()
        tasks: list[asyncio.Task[None]] = []

        async def report(index: int, url: str) -> None:
            done.put_nowait(await one(index, url))

        def feed(indexes: Sequence[int]) -> None:
            tasks.extend(asyncio.ensure_future(report(i, url_list[i])) for i in indexes)

        try:
            order = _hosts_in_turn(url_list)
            wave = checker.options.concurrency
            # The first wave leaves before anything else is done: each of its requests
            # starts its URL's whole chain of requests, which the run's end waits for.
            feed(order[:wave])
            await checker.first_requests_sent(min(wave, len(order)))
            # The URLs next in line take the slots the first answers free: queue them, and
            # connect to their sites now, while the run only waits.
            feed(order[wave : 2 * wave])
            checker.preconnect(url_list[index] for index in order[wave : 2 * wave])
            # Load what the answers need while they travel.
            import vendorrisk.urlcheck.record  # noqa: F401

            load_httpx()
            rest = order[2 * wave :]
            for start in range(0, len(rest), _FEED_BATCH):
                await asyncio.sleep(0)  # answers that came meanwhile go first
                feed(rest[start : start + _FEED_BATCH])

            for _ in url_list:
                yield await done.get()
        finally:
            # Only an interrupted run has any left: on a finished one this costs nothing.
            pending = [task for task in tasks if not task.done()]
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)


def _hosts_in_turn(urls: Sequence[str]) -> list[int]:
    """Indexes of ``urls``, the first URL of each host, then the second of each, and so on.

    A list is usually grouped by vendor. Fed in that order, the scheduler would have to
    parse (concurrency / per-host) hosts' whole lists before every slot had work; taken in
    turn, the first URLs fed fill the slots and the first requests leave sooner. The host
    is only guessed from the text here: this orders the feed, the scheduler's limits still
    use the parsed URL.
    """
    columns: dict[str, list[int]] = {}
    for index, url in enumerate(urls):
        match = _ROUGH_AUTHORITY.search(url)
        columns.setdefault(match.group(1).lower() if match else "", []).append(index)
    rows = itertools.zip_longest(*columns.values())
    return [index for row in rows for index in row if index is not None]


async def check_urls(
    urls: Iterable[str], options: CheckOptions | None = None
) -> list[dict[str, Any]]:
    """Records in input order."""
    url_list = list(urls)
    results: list[dict[str, Any] | None] = [None] * len(url_list)
    async for index, record in iter_checks(url_list, options):
        results[index] = record
    return [r for r in results if r is not None]


async def check_url(url: str, options: CheckOptions | None = None) -> dict[str, Any]:
    return (await check_urls([url], options))[0]


async def fetch_security_txt_url(
    url: str, options: CheckOptions | None = None
) -> SecurityTxtResult:
    """Validate one security.txt by URL: an origin (``https://host/``) means its well-known
    location with the legacy fallback; any other path is fetched as given."""
    from vendorrisk.urlcheck.sectxt_fetch import (
        LEGACY,
        SecurityTxtResult,
        fetch_one,
        fetch_security_txt,
    )
    from vendorrisk.urlcheck.securitytxt import missing_report

    async with Checker(options) as checker:
        try:
            target = parse_target(url)
        except (Refusal, FetchFailure) as exc:
            return SecurityTxtResult(url, missing_report(None, exc.error.code))
        deadline = checker.options.timeout
        path = target.url.path
        if path in ("", "/"):
            return await fetch_security_txt(checker.fetcher, target.origin_url(), deadline=deadline)
        return await fetch_one(checker.fetcher, target.text, deadline, legacy=path == LEGACY)
