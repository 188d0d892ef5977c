"""Which URLs the checker accepts, in the one spelling it then uses everywhere.

Run on every URL before a request, including each redirect target: only http and https, no
user name or password in the URL, a host that is present, numeric host spellings rewritten
to the dotted address they mean (so the SSRF check sees what the socket would see).
"""

from __future__ import annotations

import functools
import re
import urllib.parse
from dataclasses import dataclass, field

from vendorrisk.urlcheck.addresses import IPAddress, parse_address, parse_ipv4_number
from vendorrisk.urlcheck.errors import CheckError, FetchFailure, Refusal
from vendorrisk.urlcheck.lean_httpx import httpx

ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class Target:
    text: str  # the URL as httpx spells it canonically: what records show and hops compare
    scheme: str
    host: str  # lower case; an IP literal in canonical form when the host is an address
    port: int
    address: IPAddress | None  # set when the host is an IP literal (no DNS lookup)
    raw_host: str  # the host in ASCII (IDNA), as TLS names it
    netloc: bytes  # the Host header: the host, and the port unless it is the default
    raw_path: bytes  # the request target: path and query
    _url: httpx.URL | None = field(default=None, compare=False, repr=False)

    @property
    def url(self) -> httpx.URL:
        """As an httpx URL (made when first asked: most checks never need one)."""
        if self._url is None:
            object.__setattr__(self, "_url", httpx.URL(self.text))
            assert self._url is not None
        return self._url

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
    return _parse_plain(text) or _parse_any(text)


# A URL already written as httpx would write it, with nothing for this module to rewrite:
# lower-case http(s), a lower-case host name whose last label starts with a letter (so no
# number-like host) or a dotted-quad address, a port that is not the scheme's default, a path
# and query of characters httpx leaves as they are, no user, no fragment. Most URLs in a list
# look like this; they are read here in a few microseconds instead of through httpx's parser
# (tens of microseconds, a tenth of the checker's CPU on a large batch). Anything else takes
# the general path. tests/urlcheck/test_targets.py holds the two paths to the same answers.
_PATH_CHARS = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"#<>?`{}')
_QUERY_CHARS = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"#<>')
_PLAIN_URL = re.compile(
    r"(https?)://"
    r"((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*|[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})"
    r"(?::([1-9][0-9]{0,4}))?"
    rf"((?:/[{re.escape(_PATH_CHARS)}]*)?)"
    rf"(\?[{re.escape(_QUERY_CHARS)}]*)?"
)
_MAX_URL = 65536  # httpx's limit


def _parse_plain(text: str) -> Target | None:
    match = _PLAIN_URL.fullmatch(text)
    if match is None or len(text) > _MAX_URL:
        return None
    scheme, host, port_text, path, query = match.groups()
    if "xn--" in host:
        return None  # an IDNA label: httpx decodes (and may reject) it
    if "/." in path and any(part in (".", "..") for part in path.split("/")):
        return None  # dot segments: httpx removes them
    port = int(port_text) if port_text else DEFAULT_PORTS[scheme]
    if port > 65535 or (port_text and port == DEFAULT_PORTS[scheme]):
        return None  # httpx drops an explicit default port
    try:
        address = parse_address(host)
    except ValueError:
        return None
    if address is not None and str(address) != host:
        return None
    netloc = f"{host}:{port}" if port_text else host
    raw_path = (path or "/") + (query or "")
    return Target(
        text=text,
        scheme=scheme,
        host=host,
        port=port,
        address=address,
        raw_host=host,
        netloc=netloc.encode("ascii"),
        raw_path=raw_path.encode("ascii"),
    )


def _parse_any(text: str) -> Target:
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
        raw_host = url.raw_host.decode("ascii")
    except (httpx.InvalidURL, ValueError):
        raise _invalid(text) from None
    return Target(
        text=str(url),
        scheme=url.scheme,
        host=host,
        port=port,
        address=address,
        raw_host=raw_host,
        netloc=url.netloc,
        raw_path=url.raw_path,
        _url=url,
    )


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
