"""Deterministic TOML output whose layout does not depend on the length of the values.

tomli-w chooses between inline arrays and ``[[array of tables]]`` by line length, so a
history summary growing by a word could reshape a whole block and make a noisy diff.
Here the structure is fixed by the data's shape -- mappings are always ``[tables]``,
lists of mappings always ``[[arrays of tables]]`` -- and tomli-w formats only the flat
key/value runs inside each table, where its output is stable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import tomli_w

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(part: str) -> str:
    if _BARE_KEY.fullmatch(part):
        return part
    return tomli_w.dumps({part: 0}).split(" = ", 1)[0]


def _is_table_list(value: object) -> bool:
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and len(value) > 0
        and all(isinstance(item, Mapping) for item in value)
    )


def _chunks(
    table: Mapping[str, Any], path: tuple[str, ...], header: str | None, *, array_item: bool = False
) -> Iterator[str]:
    flat = {k: v for k, v in table.items() if not isinstance(v, Mapping) and not _is_table_list(v)}
    # A table holding only sub-tables needs no header of its own (as tomli-w does); an
    # element of an array of tables always does, or it would merge with its neighbour.
    if header is not None and (flat or array_item or not table):
        yield header
    if flat:
        yield tomli_w.dumps(flat, multiline_strings=True)
    for k, v in table.items():
        if isinstance(v, Mapping):
            sub = (*path, k)
            yield from _chunks(v, sub, f"[{'.'.join(_key(p) for p in sub)}]\n")
        elif _is_table_list(v):
            sub = (*path, k)
            for item in v:
                yield from _chunks(
                    item, sub, f"[[{'.'.join(_key(p) for p in sub)}]]\n", array_item=True
                )


def dumps(document: Mapping[str, Any], preamble: str = "") -> str:
    """Render ``document``; ``preamble`` (comment lines) goes first, before a blank line."""
    parts: list[str] = []
    for chunk in _chunks(document, (), None):
        if chunk.startswith("[") and parts:
            parts.append("\n")
        parts.append(chunk)
    body = "".join(parts)
    return f"{preamble}\n{body}" if preamble else body
