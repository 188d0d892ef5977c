"""Reading TOML files that people edit by hand, without ever raising at the user.

Every way a file can be unreadable (too large, binary, UTF-16, broken UTF-8, Git conflict
markers, TOML syntax, absurd nesting) becomes a Problem naming the line where known.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# tomli is the parser the standard library ships as tomllib; its compiled wheel parses the
# same TOML about three times faster, and gives the error positions we report. toml-rs and
# rtoml (Rust) parse valid files three to six times faster again: they are the fast path
# (see _parse for which), and any file they reject is parsed again by tomli for the message.
import orjson
import rtoml
import toml_rs
from tomli import TOMLDecodeError
from tomli import loads as _toml_loads

from vendorrisk.core.codes import Code
from vendorrisk.core.problems import Problem, ProblemCode, problem
from vendorrisk.core.validation.toml_lines import string_body_lines
from vendorrisk.store.files import read_limited, read_problem
from vendorrisk.store.toml10 import first_toml11

# Explicit limits (documented in README): far above any real assessment, low enough that
# a stray 60 MB paste cannot exhaust memory or stall a batch.
MAX_ASSESSMENT_BYTES = 1 * 1024 * 1024
MAX_CATALOG_BYTES = 8 * 1024 * 1024

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |\r?$)", re.MULTILINE)
_MARKERS = ("<" * 7, "=" * 7, ">" * 7, "|" * 7)
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


class Toml11Construct(Code):
    """What TOML 1.1 allows and the tool's TOML 1.0 does not (``toml10.first_toml11``)."""

    ESCAPE = "toml10.escape"
    INLINE_NEWLINE = "toml10.inline-newline"
    INLINE_COMMA = "toml10.inline-comma"
    TIME_SECONDS = "toml10.time-seconds"


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The parsed document, or None with the problems that stopped it."""

    raw: bytes
    text: str | None
    data: dict[str, Any] | None
    problems: tuple[Problem, ...]


def _line_of_offset(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def check_bytes(raw: bytes, max_bytes: int) -> tuple[str | None, list[Problem]]:
    """Decode ``raw`` as UTF-8 TOML text, or say in words why it is not."""
    problems: list[Problem] = []
    if len(raw) > max_bytes:
        return None, [problem(ProblemCode.TOO_LARGE, size=len(raw), limit=max_bytes)]
    if not raw.strip():
        return None, [problem(ProblemCode.EMPTY)]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [problem(ProblemCode.UTF16)]
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(problem(ProblemCode.BOM, line=1, severity="warning"))
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul != -1:
        return None, [problem(ProblemCode.BINARY, line=_line_of_offset(raw, nul))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [problem(ProblemCode.NOT_UTF8, line=_line_of_offset(raw, exc.start))]
    return text, problems


def _conflict(text: str, parsed: bool) -> Problem | None:
    """Git conflict markers, named as such; a marker-like line inside a note is just text."""
    # A substring test is a plain scan; the line-anchored pattern costs several times more.
    # One character is found many times faster than seven: "<", ">" and "|" are rare.
    if not any(marker[0] in text and marker in text for marker in _MARKERS):
        return None
    markers = [text.count("\n", 0, m.start()) + 1 for m in _CONFLICT.finditer(text)]
    if markers and parsed:
        inside = string_body_lines(text)
        markers = [n for n in markers if n not in inside]
    if not markers:
        return None
    lines = ", ".join(str(n) for n in markers[:6])
    return problem(ProblemCode.CONFLICT_MARKERS, line=markers[0], lines=lines)


def parse_text(text: str) -> tuple[dict[str, Any] | None, Problem | None]:
    data, syntax = _parse(text)
    conflict = _conflict(text, parsed=data is not None)
    if conflict is not None:
        return None, conflict
    return data, syntax


# toml-rs reads TOML 1.0 itself (no scan for 1.1 needed) in about half rtoml's time, but it
# recurses on the machine stack for nested arrays and inline tables without a limit: some
# 2 KB a level, and 10,000 levels crash the process. Nesting is at most the number of
# openers, so a text with few of them is safe on any thread stack of 1 MB or more (an
# assessment has some 100 to 250); a text with more goes to rtoml, which limits its depth.
_MAX_OPENERS_FOR_TOML_RS = 400


def _parse(text: str) -> tuple[dict[str, Any] | None, Problem | None]:
    if (
        text.count("[") + text.count("{") <= _MAX_OPENERS_FOR_TOML_RS
        and not text.startswith("\ufeff")  # toml-rs skips a BOM, which TOML does not allow
    ):
        try:
            return toml_rs.loads(text, toml_version="1.0.0"), None
        except Exception:  # noqa: BLE001 - re-checked below by tomli, which explains it
            return _parse_refused(text)
    try:
        data: dict[str, Any] = rtoml.loads(text)
    except Exception:  # noqa: BLE001 - any refusal is re-checked by tomli, which explains it
        return _parse_refused(text)
    # rtoml reads TOML 1.1; the tool reads what it writes, TOML 1.0 (see toml10).
    return _only_toml10(text, data)


def _parse_refused(text: str) -> tuple[dict[str, Any] | None, Problem | None]:
    """A text a fast parser refused: tomli says where and why, or reads it as TOML 1.1."""
    parsed = _parse_slowly(text)
    if parsed[0] is None:
        return parsed
    return _only_toml10(text, parsed[0])


def _only_toml10(text: str, data: dict[str, Any]) -> tuple[dict[str, Any] | None, Problem | None]:
    newer = first_toml11(text)
    if newer is not None:
        line = text.count("\n", 0, newer.offset) + 1
        column = newer.offset - (text.rfind("\n", 0, newer.offset) + 1) + 1
        reason = Toml11Construct(f"toml10.{newer.construct}")
        return None, problem(ProblemCode.TOML_SYNTAX, line=line, column=column, reason=reason)
    return data, None


def _parse_slowly(text: str) -> tuple[dict[str, Any] | None, Problem | None]:
    try:
        return _toml_loads(text), None
    except TOMLDecodeError as exc:
        match = _TOML_POSITION.search(str(exc))
        reason = _TOML_POSITION.sub("", str(exc)).strip()
        if match and match.group(1):
            line, column = int(match.group(1)), int(match.group(2))
        else:
            line, column = text.count("\n") + 1, None
        return None, problem(ProblemCode.TOML_SYNTAX, line=line, column=column, reason=reason)
    except RecursionError:
        return None, problem(ProblemCode.TOO_DEEP)


def read_toml(
    path: Path, max_bytes: int, *, passed_before: Callable[[bytes], bool] | None = None
) -> ReadResult:
    """Read and parse one file; never raises for anything the file contains.

    ``passed_before(raw)`` true says these exact bytes were read here before without a
    problem that stops them (the caller keeps their digest): they are only parsed. On the
    catalogue the TOML 1.0 scan and the conflict check cost more than the parse, and their
    verdict cannot change for the same bytes."""
    try:
        raw = read_limited(path, max_bytes)
    except OSError as exc:
        return ReadResult(b"", None, None, (read_problem(exc),))
    text, problems = check_bytes(raw, max_bytes)
    if text is None:
        return ReadResult(raw, None, None, tuple(problems))
    if passed_before is not None and passed_before(raw):
        with contextlib.suppress(Exception):  # it parsed before: a refusal now is re-checked
            return ReadResult(raw, text, rtoml.loads(text), tuple(problems))
    data, syntax = parse_text(text)
    if syntax is not None:
        problems.append(syntax)
    return ReadResult(raw, text, data, tuple(problems))


_TEMPORAL = (dt.date, dt.datetime, dt.time)


_PLAIN = frozenset({str, int, float, bool})


def jsonable(value: Any) -> Any:
    """TOML dates and times as the RFC 3339 strings JSON Schema's formats expect."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    # Most values are plain strings: they are passed over without a call (hot in batches).
    if kind is dict:
        return {k: v if type(v) in _PLAIN else jsonable(v) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _PLAIN else jsonable(v) for v in value]
    if kind in _TEMPORAL or isinstance(value, _TEMPORAL):
        return value.isoformat()
    return value


def _isoformat(value: Any) -> str:
    if isinstance(value, _TEMPORAL):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def parsed_jsonable(document: dict[str, Any]) -> Any:
    """``jsonable(document)`` for a document as the TOML parsers give it, in one round trip
    through orjson (compiled: some 60 % of the walk's time in a batch).

    Dates and times are still written by ``isoformat``: orjson's own writing of them is not
    always the same (3.13 writes 00:00:00.010000 as "00:00:00.10000"). orjson writes NaN and
    infinity as null, which TOML has not: a document whose JSON holds "null" anywhere, or
    that orjson refuses, takes the walk instead, so the result is always the walk's. Only for
    what a parser returned: a tuple would come back a list, where the walk keeps it.
    """
    try:
        encoded = orjson.dumps(document, default=_isoformat, option=orjson.OPT_PASSTHROUGH_DATETIME)
    except orjson.JSONEncodeError:
        return jsonable(document)
    if b"null" in encoded:
        return jsonable(document)
    return orjson.loads(encoded)
