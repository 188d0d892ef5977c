"""The verdict on a TOML text is tomllib's (TOML 1.0), whatever parser runs for speed."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from vendorrisk.store.tomlfile import parse_text


def _tomllib_reads_toml11() -> bool:
    try:
        tomllib.loads('a = "\\e"')
    except tomllib.TOMLDecodeError:
        return False
    return True


# From Python 3.15 the standard library reads TOML 1.1 too: the reference is then gone.
pytestmark = pytest.mark.skipif(_tomllib_reads_toml11(), reason="tomllib reads TOML 1.1 here")

_KEYS = st.sampled_from(["a", "b-c", "d_1", "1", '"q k"', "'lit'", "x.y", '""', "é", "a b"])
_NUMBERS = st.sampled_from(
    "1 +1 -0 01 1_000 1__0 _1 0x1F 0x_1 0o7 0o8 0b1 1e5 1E+5 1. .5 1.5e-3 inf -inf +nan nan "
    "NaN 9223372036854775807 9223372036854775808 -9223372036854775808 1e1_0 3.0 0.0e0".split()
)
_TEMPORAL = st.sampled_from(
    [
        "07:32",
        "07:32:00",
        "07:32:00.5",
        "24:00:00",
        "07:32:60",
        "1979-05-27",
        "1979-05-27T07:32",
        "1979-05-27t07:32:00",
        "1979-05-27 07:32:00Z",
        "1979-05-27T07:32:00+09:00",
        "1979-05-27T07:32+09:00",
        "1979-05-27T07:32:00-09",
        "2026-02-30",
        "2024-02-29",
        "9999-12-31",
        "0000-01-01",
        "1979-05-27T07:32:00.999999999Z",
        "1979-5-27",
    ]
)
_ESCAPES = st.sampled_from(
    [
        "\\e",
        "\\x07",
        "\\x41",
        "\\xZZ",
        "\\u001B",
        "\\u00e9",
        "\\U0001F600",
        "\\UFFFFFFFF",
        "\\ud800",
        "\\n",
        "\\t",
        "\\b",
        "\\f",
        "\\r",
        "\\\\",
        '\\"',
        "\\a",
        "\\ ",
        "\\",
    ]
)
_CHARS = st.sampled_from(
    ["x", " ", "あ", "\t", "\x07", "\x1b", "\x7f", "\x00", "\u202e", "'", '"', "#", "{", ":"]
)
_BODY = st.lists(st.one_of(_ESCAPES, _CHARS, st.sampled_from(["10:30", "\\\n  ", "\r\n"])))


def _basic(parts: list[str]) -> str:
    return '"' + "".join(parts) + '"'


def _multiline(parts: list[str]) -> str:
    return '"""' + "".join(parts) + '"""'


def _literal(parts: list[str]) -> str:
    return "'" + "".join(parts) + "'"


_STRINGS = st.one_of(
    _BODY.map(_basic),
    _BODY.map(_multiline),
    _BODY.map(_literal),
    _BODY.map(lambda p: "'''" + "".join(p) + "'''"),
)
_SCALARS = st.one_of(_NUMBERS, _TEMPORAL, _STRINGS, st.sampled_from(["true", "false", "True"]))
_SEPARATORS = st.sampled_from([", ", ",", ",\n", " ,\n  ", ", # note\n", ",\t"])


@st.composite
def _containers(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    items = draw(st.lists(children, max_size=3))
    separator = draw(_SEPARATORS)
    trailing = draw(st.sampled_from(["", ",", ", ", ",\n", "\n"]))
    if draw(st.booleans()):
        return "[" + separator.join(items) + trailing + "]"
    keys = draw(st.lists(_KEYS, min_size=len(items), max_size=len(items), unique=True))
    pairs = [f"{k} = {v}" for k, v in zip(keys, items, strict=True)]
    opening = draw(st.sampled_from(["{", "{ ", "{\n"]))
    return opening + separator.join(pairs) + trailing + "}"


_VALUES = st.recursive(_SCALARS, _containers, max_leaves=6)


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["pair", "pair", "pair", "table", "array", "comment"]))
        if kind == "table":
            lines.append(f"[{draw(_KEYS)}]")
        elif kind == "array":
            lines.append(f"[[{draw(_KEYS)}]]")
        elif kind == "comment":
            lines.append("# " + "".join(draw(st.lists(_CHARS, max_size=3))))
        else:
            comment = draw(st.sampled_from(["", " # c", "  #\x07"]))
            lines.append(f"{draw(_KEYS)} = {draw(_VALUES)}{comment}")
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


def _tomllib_accepts(text: str) -> bool:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return True


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
@example('a = "\\e"')
@example('a = "\\x07"')
@example("a = {\n b = 1 }")
@example("a = { b = 1, }")
@example("a = { b = [\n1,\n2,\n] }")
@example("a = 07:32")
@example("a = 1979-05-27 07:32")
@example("a = 1979-05-27T07:32:00+09:00")
@example("a = 'C:\\exe 10:30 {'")
@example('a = """\\\n  \\\\x"""')
def test_the_verdict_on_any_text_is_tomllibs(text: str) -> None:
    data, problem = parse_text(text)
    assert (data is not None) == _tomllib_accepts(text), (text, problem)
    if data is None:
        assert problem is not None and problem.line is not None
    else:  # and what it read is tomllib's, value for value (NaN compared by its text)
        assert repr(data) == repr(tomllib.loads(text)), text


@pytest.mark.parametrize("depth", [1, 200, 400, 401, 5000, 100_000])
@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ("{ b = ", "}"), ("[{ b = ", "}]")])
def test_deep_nesting_never_crashes(opening: str, closing: str, depth: int) -> None:
    # toml-rs, the fastest parser, recurses without a limit (10,000 levels crash the
    # process): texts with more openers than it can safely take go to the other parsers.
    leaf = "1" if closing.startswith("}") else ""
    text = "a = " + opening * depth + leaf + closing * depth
    data, problem = parse_text(text)
    if depth * (opening.count("[") + opening.count("{")) <= 400:  # toml-rs reads it
        assert problem is None and data == {"a": _nested(opening, depth)}
    else:  # rtoml reads it or refuses it as too deep; either way, a verdict
        assert (data is None) != (problem is None)


def test_deep_nesting_in_a_thread_with_a_small_stack_does_not_crash() -> None:
    import threading

    # 400 openers, the most the fast parser takes, in a thread of 1 MB (the smallest
    # default among the platforms Python runs on, where threads do not get 8 MB).
    text = "a = " + "[" * 400 + "]" * 400
    found: list[object] = []
    previous = threading.stack_size(1 << 20)
    try:
        thread = threading.Thread(target=lambda: found.append(parse_text(text)))
        thread.start()
        thread.join()
    finally:
        threading.stack_size(previous)
    assert found and found[0] == ({"a": _nested("[", 400)}, None)


def _nested(opening: str, depth: int) -> object:
    """What ``opening * depth``, the leaf and the closings hold."""
    if opening == "[":
        array: list[object] = []
        for _ in range(depth - 1):
            array = [array]
        return array
    value: object = 1
    for _ in range(depth):
        value = {"b": value} if opening == "{ b = " else [{"b": value}]
    return value
