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
# Outside inline tables only strings (for their escapes), comments (to be skipped) and bare
# text (for times) matter: newlines, brackets and commas are passed over in long runs.
_OUTSIDE = re.compile(
    r'''(?P<mlbasic>"""(?:[^"\\]+|\\.|"(?!""))*"""(?:""|")?)
      | (?P<mlliteral>\'\'\'(?:[^']+|'(?!''))*\'\'\'(?:''|')?)
      | (?P<basic>"(?:[^"\\\n]+|\\.)*")
      | (?P<literal>'[^'\n]*')
      | (?P<comment>\#[^\n]*)
      | (?P<open>\{)
      | (?P<other>[^"'\#{]+)''',
    re.VERBOSE | re.DOTALL,
)
# The usual inline table, ``{ ja = "…", en = "…" }``: on one line, with no comment and no
# table or array inside. One match passes over it when no escape or time could be in it.
# Possessive: a table that is not of this kind fails at once, without backtracking.
_FLAT_INLINE = re.compile(r"""\{(?:[^"'{}\[\]\n\#]++|"(?:[^"\\\n]++|\\.)*+"|'[^'\n]*+')*+\}""")
_TRAILING_COMMA = re.compile(r",[ \t]*\}\Z")
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
    times = _maybe_short_time(text)
    # One character is found many times faster than two: most texts have no backslash.
    escapes = "\\" in text and ("\\e" in text or "\\x" in text)
    if not escapes and "{" not in text and not times:
        return None
    position = 0
    while True:
        for token in _OUTSIDE.finditer(text, position):
            kind, value = token.lastgroup, token.group()
            if kind == "open":
                flat = None if times or escapes else _FLAT_INLINE.match(text, token.start())
                if flat is not None and not _TRAILING_COMMA.search(flat.group()):
                    position = flat.end()  # one line, nothing nested: nothing of 1.1
                    break
                found, position = _inline_table(text, token.start(), times)
                if found is not None:
                    return found
                break  # go on after the table
            found = _in_token(kind, value, token.start(), times)
            if found is not None:
                return found
        else:
            return None


def _in_token(kind: str | None, value: str, start: int, times: bool) -> Toml11 | None:
    """An escape in a basic string, or a time without seconds in bare text."""
    if kind in ("basic", "mlbasic") and "\\" in value:
        found = _escape_in(value)
        if found is not None:
            return Toml11(start + found, "escape")
    elif kind == "other" and times:
        short = _SHORT_TIME.search(value)
        if short is not None:
            return Toml11(start + short.start(), "time-seconds")
    return None


def _inline_table(text: str, start: int, times: bool) -> tuple[Toml11 | None, int]:
    """Scan the inline table opening at ``start``: the first 1.1 construct in it, and where
    it ends. Only here do newlines, comments and commas mean anything."""
    stack: list[str] = []
    comma_at: int | None = None  # a comma just written in an inline table, not yet followed
    for token in _TOKEN.finditer(text, start):
        kind, value, at = token.lastgroup, token.group(), token.start()
        inline = bool(stack) and stack[-1] == "{"
        if kind == "other" and value.isspace():
            continue  # between tokens: neither ends a comma's reach nor holds a value
        if kind == "open":
            stack.append(value)
        elif kind == "close":
            if value == "}" and comma_at is not None:
                return Toml11(comma_at, "inline-comma"), at
            if stack:
                stack.pop()
            if not stack:
                return None, token.end()
        elif kind in ("newline", "comment") and inline:
            return Toml11(at, "inline-newline"), at
        else:
            found = _in_token(kind, value, at, times)
            if found is not None:
                return found, at
        comma_at = at if kind == "comma" and inline else None
    return None, len(text)
