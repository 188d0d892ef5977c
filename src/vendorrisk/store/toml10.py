"""TOML 1.0, not 1.1: what a document that has already parsed uses of TOML 1.1.

The fast parser (rtoml) and tomli 2.4 or later read TOML 1.1, which adds four things to
1.0: the ``\\e`` and ``\\xHH`` escapes, newlines, comments and a trailing comma inside
inline tables, and times without seconds. Python's tomllib (3.11 to 3.14), taplo and
check-jsonschema read TOML 1.0 and refuse them. The tool writes TOML 1.0, so it reads only
TOML 1.0: a file that parses as 1.1 and uses none of the four is exactly a 1.0 file.

Only texts that parsed are scanned, so the scan needs to tell strings, comments and
structure apart, not to check the grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ":MM" not followed by ":SS": the end of a time without seconds, but also of a UTC offset or
# of the seconds themselves, told apart by what comes before (see _maybe_short_time).
_COLON_MINUTES = re.compile(r":\d\d(?!:)")

_TOKEN = re.compile(
    r'''(?P<mlbasic>"""(?:[^"\\]+|\\.|"(?!""))*"""(?:""|")?)
      | (?P<mlliteral>\'\'\'(?:[^']+|'(?!''))*\'\'\'(?:''|')?)
      | (?P<basic>"(?:[^"\\\n]+|\\.)*")
      | (?P<literal>'[^'\n]*')
      | (?P<comment>\#[^\n]*)
      | (?P<open>[{\[])
      | (?P<close>[}\]])
      | (?P<comma>,)
      | (?P<newline>\n)
      | (?P<other>[^"'\#{}\[\],\n]+)''',
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_SHORT_TIME = re.compile(r"(?<![\d:+.-])\d\d:\d\d(?!:)")


@dataclass(frozen=True, slots=True)
class Toml11:
    """The first TOML 1.1 construct in a text: where, and which (a message key suffix)."""

    offset: int
    construct: str  # "escape" | "inline-newline" | "inline-comma" | "time-seconds"


def _escape_in(body: str) -> int | None:
    for match in _ESCAPE.finditer(body):
        if match.group(1) in "ex":
            return match.start()
    return None


def _maybe_short_time(text: str) -> bool:
    for match in _COLON_MINUTES.finditer(text):
        before = text[max(0, match.start() - 3) : match.start()]
        if not (before[:1] in (":", "+", "-") and before[1:].isdigit()):
            return True
    return False


def first_toml11(text: str) -> Toml11 | None:
    """The first TOML 1.1-only construct in ``text`` (a document that parsed), or None."""
    # Anything that could be one of the four, anywhere (inside strings too): a text without
    # any needs no scan, which is the usual case for an assessment.
    if "\\e" not in text and "\\x" not in text and "{" not in text and not _maybe_short_time(text):
        return None
    stack: list[str] = []
    comma_at: int | None = None  # a comma just written in an inline table, not yet followed
    for token in _TOKEN.finditer(text):
        kind, value, start = token.lastgroup, token.group(), token.start()
        inline = bool(stack) and stack[-1] == "{"
        if kind == "other" and value.isspace():
            continue  # between tokens: neither ends a comma's reach nor holds a value
        if kind in ("basic", "mlbasic") and "\\" in value:
            found = _escape_in(value)
            if found is not None:
                return Toml11(start + found, "escape")
        elif kind == "open":
            stack.append(value)
        elif kind == "close":
            if value == "}" and comma_at is not None:
                return Toml11(comma_at, "inline-comma")
            if stack:
                stack.pop()
        elif kind in ("newline", "comment") and inline:
            return Toml11(start, "inline-newline")
        elif kind == "other":
            short = _SHORT_TIME.search(value)
            if short is not None:
                return Toml11(start + short.start(), "time-seconds")
        comma_at = start if kind == "comma" and inline else None
    return None
