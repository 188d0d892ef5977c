"""Where in a TOML text each key is written, so that errors found on the parsed data can
name a line. A light scan, not a parser: the text has already parsed, so only headers,
keys and the extent of multi-line values need recognising."""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*)\s*=\s*(.*)$"""
)
_PART = re.compile(r"""\s*([A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')\s*(?:\.|$)""")


def _split_key(dotted: str) -> list[str]:
    parts = []
    for match in _PART.finditer(dotted):
        part = match.group(1)
        if part[0] in "\"'":
            part = part[1:-1]
        parts.append(part)
    return parts


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if part.startswith("["):
            out += part
        else:
            out += f".{part}" if out else part
    return out


def _value_continues(rest: str) -> str | None:
    """The closing token if the value starting at ``rest`` spans more lines."""
    stripped = rest.strip()
    for quote in ('"""', "'''"):
        if stripped.startswith(quote) and stripped.count(quote) == 1:
            return quote
    if stripped.startswith("[") and stripped.count("[") > stripped.count("]"):
        return "]"
    return None


def key_lines(text: str) -> dict[str, int]:
    """Map ``answers.A-01.value`` / ``history[2].at`` style paths to 1-based line numbers."""
    lines: dict[str, int] = {}
    table: list[str] = []
    array_counts: dict[str, int] = {}
    closing: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if closing is not None:
            if closing in line if closing != "]" else line.strip().startswith("]"):
                closing = None
            continue
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            parts = _split_key(header.group(2))
            if header.group(1) == "[[":
                base = _join(parts)
                index = array_counts.get(base, -1) + 1
                array_counts[base] = index
                table = [*parts[:-1], parts[-1], f"[{index}]"]
            else:
                table = parts
            lines.setdefault(_join(table), number)
            continue
        key = _KEY.match(line)
        if key:
            path = _join([*table, *_split_key(key.group(1))])
            lines.setdefault(path, number)
            closing = _value_continues(key.group(2))
    return lines


def line_for(index: dict[str, int], path: str | None) -> int | None:
    """The line of ``path``, or of its nearest written ancestor."""
    while path:
        if path in index:
            return index[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


def string_body_lines(text: str) -> set[int]:
    """Lines (1-based) that lie inside multi-line strings, where any text is just text."""
    inside: set[int] = set()
    closing: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if closing is not None:
            inside.add(number)
            if closing in line:
                closing = None
            continue
        key = _KEY.match(line)
        if key:
            delimiter = _value_continues(key.group(2))
            if delimiter in ('"""', "'''"):
                closing = delimiter
    return inside
