"""Vendor text is data: how it is written into each kind of output.

Assessments carry text that vendors wrote. Wherever such text leaves the program it goes
through exactly one of these functions, chosen by the kind of output, so that it can never
act as a terminal control sequence, reorder what is shown around it, forge a line, or turn
into Markdown or HTML markup:

========================  ==========================================================
``terminal_text``         multi-line text for a terminal (``\\n`` and tab kept)
``one_line``              one field on one line of terminal output
``markdown_text``         literal text inside a Markdown line (table cell, list item)
``html_text``             element content or attribute value of well-formed (X)HTML
``csv_cell``              one spreadsheet cell
``json_text``             a JSON document, printable on a terminal as it is
========================  ==========================================================

Characters that are not text are shown, never dropped: a reviewer should see that a
vendor's note held an ``ESC`` (as ``\\u001b``) rather than get a clean-looking note.
The schema refuses most of these characters already (see ``forbidden_character``); the
encoding does not rely on that, because a hand-edited or older file, a URL-check record
written from a server's answer, or a file name reaches the outputs too.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from typing import Any, Final

# Unicode's Bidi_Control characters: each can reorder the text around it, so that
# "x\u202egpj.exe" is shown as "xexe.jpg".
BIDI_CONTROLS: Final = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_CLASS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# C0 controls without tab and newline, DEL, and the C1 controls (U+009B alone is a CSI).
_CONTROLS_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Line and paragraph separators end a line in some terminals and editors; lone surrogates
# cannot be encoded at all; noncharacters are refused by HTML and XML parsers.
_OTHER_CLASS = "\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
_ASTRAL_NONCHARACTERS = "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0x10000, 0x110000, 0x10000)
)

_UNSAFE: Final = re.compile(
    f"[{_CONTROLS_CLASS}{_BIDI_CLASS}{_OTHER_CLASS}{_ASTRAL_NONCHARACTERS}]"
)
_FORBIDDEN_IN_TEXT: Final = re.compile(f"[{_CONTROLS_CLASS}{_BIDI_CLASS}]")
_FORBIDDEN_IN_LINE: Final = re.compile(f"[\t\n\u2028\u2029{_CONTROLS_CLASS}{_BIDI_CLASS}]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _shown(text: str) -> str:
    """Every unsafe character written out as ``\\uXXXX``; CRLF counts as a newline."""
    return _UNSAFE.sub(_visible, text.replace("\r\n", "\n"))


def terminal_text(text: str) -> str:
    """Text for a terminal, line breaks and tabs kept; every control, bidi control,
    line separator and lone surrogate shown as ``\\u001b`` so it does nothing."""
    return _shown(text)


def one_line(text: str) -> str:
    """A field that must stay on its own line of terminal output: line breaks and runs of
    white space become one space (so a note cannot forge the next line), the rest as
    ``terminal_text``."""
    return _shown(" ".join(text.split()))


# Characters that start markup anywhere in a line (emphasis, code, links and images, raw
# HTML and entities, table cells, strikethrough, math). Escaping them all with a backslash
# is always allowed in CommonMark and GitHub Flavored Markdown.
_MARKDOWN_ANYWHERE: Final = re.compile(r"([\\`*_\[\]<>|#!~$&])")
# What starts a block only at the start of a line: bullets, numbered items, a `---` rule.
_MARKDOWN_LINE_START: Final = re.compile(r"^(\d{1,9}(?=[.)](?:\s|$))|(?=[-+](?:[\s-]|$)))")


def _markdown_line(line: str) -> str:
    # Leading blanks are dropped: four of them would start a code block in a list item.
    escaped = _MARKDOWN_ANYWHERE.sub(r"\\\1", line.strip())
    return _MARKDOWN_LINE_START.sub(r"\1\\", escaped, count=1)


def markdown_text(text: str) -> str:
    """Literal text inside one Markdown line (a table cell, a list item, a heading):
    nothing in it renders as markup, line breaks become ``<br>`` (the only break a table
    cell allows), controls are shown as in ``terminal_text``."""
    lines = [_markdown_line(line) for line in _shown(text).split("\n")]
    return "<br>".join(line for line in lines if line)


def html_text(text: str) -> str:
    """Element content or a quoted attribute value: markup characters as entities, and
    every character an XML or HTML parser would refuse shown as ``\\uXXXX``."""
    return html.escape(_shown(text), quote=True)


# A cell starting with one of these is run as a formula by Excel and LibreOffice (CSV
# injection); tab and carriage return are on the list because some importers strip them
# and then see the next character.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """One spreadsheet cell: shown as the text it is, never evaluated as a formula;
    controls shown as in ``terminal_text`` (the csv module quotes any line break, so a
    reader sees one cell, never a forged row)."""
    cell = _shown(text)
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


_JSON_UNSAFE: Final = re.compile(f"[\x7f-\x9f{_BIDI_CLASS}{_OTHER_CLASS}]")


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """``data`` as JSON that reads back the same, with every character that would act on
    a terminal written as a JSON ``\\uXXXX`` escape (json escapes C0 controls itself)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(_visible, text)


def forbidden_character(text: str, *, multiline: bool) -> tuple[int, str] | None:
    """The first character the assessment schema refuses in ``text`` (its index and a
    name such as ``U+001B ESCAPE``), or None. Newline and tab are allowed only where the
    text may have several lines; a one-line field refuses the Unicode line separators too."""
    pattern = _FORBIDDEN_IN_TEXT if multiline else _FORBIDDEN_IN_LINE
    found = pattern.search(text)
    if found is None:
        return None
    char = found.group()
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "control character")
    return found.start(), f"U+{ord(char):04X} {name}".rstrip()


_CONTROL_NAMES: Final = {
    "\x00": "NULL",
    "\x07": "BELL",
    "\x08": "BACKSPACE",
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\r": "CARRIAGE RETURN",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x9b": "CONTROL SEQUENCE INTRODUCER",
    "\x9d": "OPERATING SYSTEM COMMAND",
}
