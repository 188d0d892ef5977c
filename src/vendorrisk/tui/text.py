"""Text measured in terminal cells: Japanese characters take two."""

from __future__ import annotations

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
