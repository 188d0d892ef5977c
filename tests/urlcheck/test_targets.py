"""The two readings of a URL (the quick one for plain URLs, the general one through httpx)
give the same target, field by field: the quick path is only ever a shortcut."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from vendorrisk.urlcheck.errors import FetchFailure, Refusal
from vendorrisk.urlcheck.targets import Target, _parse_any, _parse_plain, parse_target

_FIELDS = ("text", "scheme", "host", "port", "address", "raw_host", "netloc", "raw_path")


def _fields(target: Target) -> tuple[object, ...]:
    return tuple(getattr(target, name) for name in _FIELDS)


# Pieces that are plain, and pieces that are nearly so (what the quick path must leave to
# the general one: upper case, default ports, dot segments, number-like hosts, fragments,
# percent signs, user names, spaces, non-ASCII).
_schemes = st.sampled_from(["http", "https", "HTTP", "ftp", "Https"])
_labels = st.from_regex(
    r"[a-z0-9-]{1,6}|xn--[a-z0-9]{1,4}|[A-Z]{1,3}|0x[0-9a-f]{1,3}|ü", fullmatch=True
)
_hosts = st.one_of(
    st.lists(_labels, min_size=1, max_size=4).map(".".join),
    st.tuples(*[st.integers(0, 300)] * 4).map(lambda t: ".".join(map(str, t))),
    st.sampled_from(
        ["0177.0.0.1", "127.1", "localhost.", "[::1]", "a..b", "user@host", "EXAMPLE.jp"]
    ),
)
_ports = st.one_of(
    st.just(""),
    st.integers(0, 70000).map(lambda p: f":{p}"),
    st.sampled_from([":80", ":443", ":080", ":"]),
)
_path_chars = st.sampled_from(
    list("abcXYZ019-._~!$&'()*+,;=:@/%[]\\^|") + ["..", ".", " ", "?", "#", "`", "{", "é", "%41"]
)
_paths = st.lists(_path_chars, max_size=12).map(lambda cs: "/" + "".join(cs)) | st.just("")
_queries = st.one_of(st.none(), st.lists(_path_chars, max_size=8).map("".join))


@st.composite
def _urls(draw: st.DrawFn) -> str:
    query = draw(_queries)
    tail = "" if query is None else "?" + query
    return f"{draw(_schemes)}://{draw(_hosts)}{draw(_ports)}{draw(_paths)}{tail}"


_printable = st.characters(min_codepoint=0x21, max_codepoint=0x7E)


@st.composite
def _nearly_plain_urls(draw: st.DrawFn) -> str:
    """URLs built to fall mostly in the quick path's language, every printable character
    allowed in the path and query."""
    if draw(st.booleans()):
        host = ".".join(str(draw(st.integers(0, 255))) for _ in range(4))
    else:
        host = ".".join(
            draw(st.lists(st.from_regex(r"[a-z0-9-]{1,5}", fullmatch=True), max_size=3))
            + [draw(st.from_regex(r"[a-z][a-z0-9-]{0,5}", fullmatch=True))]
        )
    port = draw(st.sampled_from(["", ":8080", ":80", ":443", ":65535", ":65536"]))
    path = draw(st.text(_printable, max_size=15).map(lambda p: "/" + p) | st.just(""))
    return f"{draw(st.sampled_from(['http', 'https']))}://{host}{port}{path}"


def _general(text: str) -> Target | Exception:
    try:
        return _parse_any(text)
    except (Refusal, FetchFailure) as exc:
        return exc
    except ValueError as exc:  # httpx's IDNA decoding ("xn--0") escapes the general path
        return exc


@settings(max_examples=600)
@given(_urls() | _nearly_plain_urls())
@example("http://127.0.0.1:33563/page/0")
@example("https://vendor.example.jp/security/?lang=ja&x=%41")
@example("http://example.com")
@example("http://example.com?q")
@example("https://a.example/.well-known/security.txt")
@example("http://a.example/x/../y")
@example("http://a.example:80/")
@example("http://10.0.0.1/")
@example("http://1.2.3.04/")
def test_a_plain_url_reads_the_same_both_ways(text: str) -> None:
    quick = _parse_plain(text)
    general = _general(text)
    if quick is None:
        return
    assert isinstance(general, Target), (text, general)
    assert _fields(quick) == _fields(general)
    # Asked for later, the httpx URL is the one the general path holds.
    assert str(quick.url) == str(general.url) == quick.text
    assert quick.url.raw_path == general.url.raw_path


@pytest.mark.parametrize(
    "text",
    [
        "http://127.0.0.1:33563/page/0",
        "https://vendor.example.jp/a/b.html",
        "https://vendor.example.jp:8443/?q=1",
        "http://example.com",
    ],
)
def test_common_urls_take_the_quick_path(text: str) -> None:
    assert _parse_plain(text) is not None
    assert parse_target(text).text == str(httpx.URL(text))


@pytest.mark.parametrize(
    "text",
    [
        "http://0177.0.0.1/",  # number-like hosts are rewritten by the general path
        "http://2130706433/",
        "http://0x7f.1/",
        "HTTP://example.com/",
        "http://Example.com/",
        "http://example.com:80/",
        "http://user@example.com/",
        "http://example.com/#top",
        "http://example.com/a/./b",
        "http://bücher.example/",
        "http://xn--0/",
        "ftp://example.com/",
        " http://example.com/",
    ],
)
def test_urls_the_general_path_rewrites_or_refuses_are_left_to_it(text: str) -> None:
    assert _parse_plain(text) is None
