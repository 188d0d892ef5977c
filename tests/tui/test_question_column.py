"""The question column while moving from question to question: its text never reflows
when a long question needs a scrollbar, and the scrollbar it decides while laying the
column out (one layout a question) is the one Textual would decide after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, SelectionList

from tests.tui.conftest import make_app
from tests.tui.test_behaviour import DRAFT, open_file
from vendorrisk.tui.questionnaire.answer_panel import AnswerPanel
from vendorrisk.tui.questionnaire.settled import SettledScroll


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_the_column_keeps_its_width_and_its_scrollbar_follows_the_question(
    examples: Path, size: tuple[int, int]
) -> None:
    app = make_app(examples, "ja")
    async with app.run_test(size=size) as pilot:
        screen = await open_file(app, pilot, DRAFT)
        column = screen.query_one("#q-main", SettledScroll)
        width = column.scrollable_content_region.width
        seen = set()
        for _ in range(24):
            await pilot.press("ctrl+n")
            await pilot.pause()
            overflows = column.virtual_size.height > column.scrollable_content_region.height
            seen.add(overflows)
            assert column.show_vertical_scrollbar == overflows, screen.current
            assert column.vertical_scrollbar.display == overflows, screen.current
            if overflows:
                bar = column.vertical_scrollbar
                assert bar.window_virtual_size == column.virtual_size.height
                assert bar.window_size == column.scrollable_content_region.height
            assert column.scrollable_content_region.width == width, screen.current
        if size == (120, 40):
            assert seen == {True, False}  # both long and short questions were shown


# The 8th and 10th applicable questions of these two are typed and several-choice ones.
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("2026-cloud-fumikura-lgwan.toml", Input),
        ("2026-contractor-juki-zeimu-hoshu.toml", SelectionList),
    ],
    ids=["typed", "several"],
)
async def test_each_kind_of_answer_is_shown_and_focused_in_its_own_widget(
    examples: Path, name: str, kind: type
) -> None:
    """Choices, several choices and typed values each have one widget, built with the
    screen and reused: moving between kinds shows and focuses the right one."""
    app = make_app(examples, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_file(app, pilot, name)
        panel = screen.query_one(AnswerPanel)
        seen = []
        for _ in range(11):
            await pilot.press("ctrl+n")
            await pilot.pause()
            shown = [w for w in panel.query(".answer-widget") if w.display]
            assert len(shown) == 1, screen.current
            assert app.focused is shown[0], screen.current
            seen.append(type(shown[0]))
        assert len(panel.query(".answer-widget")) == 3  # none was built on the way
        kinds = [issubclass(shown, kind) for shown in seen]
        assert any(kinds) and not kinds[0] and not kinds[-1]  # there and back again
