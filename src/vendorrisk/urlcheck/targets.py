"""Which URLs the checker accepts, in the one spelling it then uses everywhere.

Run on every URL before a request, including each redirect target: only http and https, no
user name or password in the URL, a host that is present, numeric host spellings rewritten
to the dotted address they mean (so the SSRF check sees what the socket would see).
"""

from __future__ import annotations

import functools
import urllib.parse
from dataclasses import dataclass

import httpx

from vendorrisk.urlcheck.addresses import IPAddress, parse_address, parse_ipv4_number
from vendorrisk.urlcheck.errors import CheckError, FetchFailure, Refusal

ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class Target:
    url: httpx.URL
    scheme: str
    host: str  # lower case; an IP literal in canonical form when the host is an address
    port: int
    address: IPAddress | None  # set when the host is an IP literal (no DNS lookup)

    @property
    def authority(self) -> str:
        """``host:port``, the unit of politeness: one server as HTTP names it (Host header)."""
        return f"{self.host}:{self.port}"

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)

    def origin_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.port == DEFAULT_PORTS[self.scheme]:
            return f"{self.scheme}://{host}"
        return f"{self.scheme}://{host}:{self.port}"


def parse_target(raw: str | httpx.URL) -> Target:
    """Raises Refusal (refused-scheme, refused-userinfo) or FetchFailure (invalid-url)."""
    # Each URL is parsed several times per check (fetch, transport, origin lookups);
    # httpx's parser dominates the CPU profile of a large batch, hence the cache.
    return _parse_cached(str(raw))


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str) -> Target:
    try:
        url = httpx.URL(normalise_numeric_host(text.strip()))
    except (httpx.InvalidURL, ValueError, TypeError):
        raise _invalid(text) from None
    if url.scheme not in ALLOWED_SCHEMES:
        raise Refusal("refused-scheme", url=text)
    if url.userinfo:
        raise Refusal("refused-userinfo", url=text)
    host = url.host.lower().rstrip(".") if url.host else ""
    if not host:
        raise _invalid(text)
    try:
        address = parse_address(host)
    except ValueError:
        raise _invalid(text) from None
    if address is not None:
        host = str(address)
    try:
        if host != url.host or url.fragment:
            url = url.copy_with(host=host, fragment=None)
        port = url.port or DEFAULT_PORTS[url.scheme]
    except (httpx.InvalidURL, ValueError):
        raise _invalid(text) from None
    return Target(url=url, scheme=url.scheme, host=host, port=port, address=address)


def join_location(base: httpx.URL, location: str) -> httpx.URL:
    """The absolute URL a Location header points to; FetchFailure for a malformed one."""
    try:
        return base.join(normalise_numeric_host(location.strip()))
    except (httpx.InvalidURL, ValueError, TypeError):
        raise FetchFailure(CheckError("invalid-redirect", url=location)) from None


def normalise_numeric_host(text: str) -> str:
    """Rewrite ``http://0177.0.0.1/`` as ``http://127.0.0.1/`` before httpx parses it.

    httpx rejects octal and some hex spellings outright, which would turn a refusal into a
    parse error; browsers and ``inet_aton`` read them as addresses, so we do too.
    """
    try:
        parts = urllib.parse.urlsplit(text)
        host = parts.hostname
    except ValueError:
        return text
    if not host or ":" in host:
        return text
    try:
        address = parse_ipv4_number(host)
    except ValueError:
        return text  # left for the parser to reject
    if address is None or str(address) == host:
        return text
    userinfo, at, hostport = parts.netloc.rpartition("@")
    port = f":{hostport.rpartition(':')[2]}" if ":" in hostport else ""
    netloc = f"{userinfo}{at}{address}{port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def _invalid(text: str) -> FetchFailure:
    return FetchFailure(CheckError("invalid-url", url=text))
