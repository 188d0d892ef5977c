"""The questionnaire's section list breaks Japanese titles as the guidance does: no line
starts with a closing mark or ends with an opening one (kinsoku), at 80x24 and 100x30."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import OptionList

from tests.tui.conftest import make_app, settle
from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen

NO_START = tuple("。、）」』・ー")
NO_END = tuple("（「『")


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_section_titles_wrap_with_kinsoku(examples: Path, size: tuple[int, int]) -> None:
    app = make_app(examples, "ja")
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"juki", "enter", "enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, QuestionnaireScreen)
        sections = screen.query_one("#sections", OptionList)
        width = sections.scrollable_content_region.width
        lines = [
            line
            for index in range(sections.option_count)
            for line in str(sections.get_option_at_index(index).prompt).split("\n")
        ]
        assert any("（三層の対策）" in line for line in lines)  # kept whole, not "（" + "三層"
        for line in lines:
            assert not line.startswith(NO_START) and not line.endswith(NO_END), line
            assert cell_len(line) <= width, line
