"""WCAG AA: every risk, result and warning colour reads at 4.5:1 or more on every background
of its theme (Textual's yellow on the light theme's grey was about 2:1), and so does every
cell of the list as drawn, the cursor row included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES
from textual.widgets import DataTable

from tests.tui.conftest import make_app, settle
from vendorrisk.tui.palette import palette

AA = 4.5
THEMES = ["textual-dark", "textual-light"]


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def backgrounds(theme: str) -> dict[str, Color]:
    variables = BUILTIN_THEMES[theme].to_color_system().generate()
    base = Color.parse(variables["background"])
    # Zebra rows and panels are drawn over the background; "boost" is translucent.
    return {
        name: base + Color.parse(variables[name])
        for name in ("background", "surface", "panel", "boost")
    }


@pytest.mark.parametrize("theme", THEMES)
def test_risk_and_status_colours_meet_wcag_aa_on_every_background(theme: str) -> None:
    colours = palette(theme)
    foregrounds = {
        "risk high": colours.high,
        "risk medium": colours.medium,
        "risk low": colours.low,
        "ok": colours.good,
        "check / warning": colours.warn,
        "refused / overdue": colours.bad,
    }
    for fg_name, fg in foregrounds.items():
        for bg_name, bg in backgrounds(theme).items():
            ratio = contrast(Color.parse(fg), bg)
            assert ratio >= AA, f"{theme}: {fg_name} {fg} on {bg_name} {bg.hex}: {ratio:.2f}"
    # Critical is white on its own red, whatever the theme.
    assert contrast(Color.parse("#FFFFFF"), Color.parse(colours.critical)) >= AA


def test_the_light_theme_medium_of_the_issue_was_below_aa() -> None:
    # Textual's yellow on the light grey: the failure this test guards against.
    grey = backgrounds("textual-light")["surface"]
    assert contrast(Color.parse("yellow"), grey) < AA


def _segment_colours(strip: Any) -> list[tuple[str, Color, Color]]:
    found = []
    for segment in strip:
        style = segment.style
        if not segment.text.strip() or style is None:
            continue
        assert style.color is not None and style.bgcolor is not None, segment
        fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
        found.append((segment.text.strip(), Color(*fg), Color(*bg)))
    return found


def _unreadable(table: DataTable[Any], theme: str, where: str) -> list[str]:
    out = []
    for y in range(table.row_count + 1):  # the header and every row
        for text, fg, bg in _segment_colours(table.render_line(y)):
            ratio = contrast(fg, bg)
            if ratio < AA:
                out.append(f"{theme} {where} line {y} {text!r}: {fg.hex} on {bg.hex} {ratio:.2f}")
    return out


async def test_every_list_row_reads_at_aa_under_the_cursor_focused_or_not(
    examples: Path,
) -> None:
    """What the table really draws, cell by cell: the cursor row (focused and blurred), the
    zebra rows and the risk colours, in both themes (F3 switches)."""
    app = make_app(examples, "ja")
    unreadable: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for theme in THEMES:
            assert app.theme == theme
            table = app.screen.query_one(DataTable)
            for row in range(table.row_count):
                assert table.has_focus and table.cursor_row == row
                unreadable += _unreadable(table, theme, f"cursor on {row}")
                await pilot.press("down")
            await pilot.press("slash")  # to the filter: the cursor row is drawn blurred
            await pilot.pause()
            assert not table.has_focus
            unreadable += _unreadable(table, theme, "blurred")
            await pilot.press("escape", *["up"] * table.row_count, "f3")
            await settle(app, pilot)
    assert unreadable == []
