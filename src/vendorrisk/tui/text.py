"""Text measured in terminal cells: Japanese characters take two."""

from __future__ import annotations

import re

from rich.cells import cell_len, set_cell_size


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, with an ellipsis when cut."""
    if width <= 0:
        return ""
    # No character is wider than two cells: short texts need no measuring (the list fits
    # thousands of cells at start-up).
    if 2 * len(text) <= width or cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"


def pad(text: str, width: int) -> str:
    """``text`` fitted and padded to exactly ``width`` cells."""
    return set_cell_size(fit(text, width), width)


# Kinsoku shori (禁則処理): these never begin a line, and opening brackets never end one.
NOT_AT_LINE_START = frozenset(
    "、。，．・：；？！）」』】〕〉》〙〗”’ゝゞーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥％,.:;?!)]}"
)
NOT_AT_LINE_END = frozenset("（「『【〔〈《〘〖“‘([{")
# A unit never split across lines: a run of Latin letters (a word), a run of spaces, or one
# character of any other script.
_UNIT = re.compile(r"[!-~\u00a0-\u024f]+|\s+|.", re.DOTALL)
_MOST_CARRIED = 3


def wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` cells: English at spaces, Japanese between characters,
    with kinsoku (no line starts with 。、）」 and none ends with 「（)."""
    width = max(width, 4)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width))
    return lines


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    units: list[str] = []
    for unit in _UNIT.findall(paragraph):
        # A word wider than a line is cut into pieces that fit.
        while cell_len(unit) > width:
            head = set_cell_size(unit, width).rstrip()
            units.append(head)
            unit = unit[len(head) :]
        units.append(unit)
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for unit in units:
        size = cell_len(unit)
        if used + size <= width or not line:
            line.append(unit)
            used += size
            continue
        if unit.isspace():
            lines.append("".join(line).rstrip())
            line, used = [], 0
            continue
        carried = _carried(line, unit)
        kept = line[: len(line) - carried]
        lines.append("".join(kept).rstrip())
        line = [*line[len(kept) :], unit]
        while line[0].isspace():
            line.pop(0)
        used = sum(cell_len(u) for u in line)
    lines.append("".join(line).rstrip())
    return lines


def _carried(line: list[str], next_unit: str) -> int:
    """How many units at the end of ``line`` move down so that the break is allowed."""
    carried = 0
    while carried < min(_MOST_CARRIED, len(line) - 1):
        first = line[len(line) - carried] if carried else next_unit
        last = line[len(line) - carried - 1]
        if first[:1] not in NOT_AT_LINE_START and last[-1:] not in NOT_AT_LINE_END:
            break
        carried += 1
    return carried
