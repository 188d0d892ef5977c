"""The list's first start: every file has a row at once ("loading…" where not yet
summarised, in worker processes), and keys pressed meanwhile act on the rows as shown."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from tests.tui.conftest import EXAMPLES, make_app, settle
from vendorrisk.features.summaries import Pending
from vendorrisk.features.summary_pool import PROCESS_THRESHOLD
from vendorrisk.tui.screens.list_screen import AssessmentListScreen
from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen

COPIES = 12


@pytest.fixture
def many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Enough files to be summarised in worker processes, and no summary cached."""
    monkeypatch.setenv("VENDORRISK_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "assessments"
    folder.mkdir()
    for source in sorted(EXAMPLES.glob("*.toml")):
        for i in range(COPIES):
            shutil.copy(source, folder / f"{source.stem}-{i:02d}.toml")
    assert len(list(folder.iterdir())) >= PROCESS_THRESHOLD
    return folder


def highlighted(screen: AssessmentListScreen) -> tuple[str | None, str]:
    """The file of the highlighted row and the first cell the eye sees on it."""
    table = screen.query_one(DataTable)
    return screen.selected_path(), str(table.get_row_at(table.cursor_row)[0])


async def first_screen(app: Any, pilot: Any) -> AssessmentListScreen:
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, AssessmentListScreen)
    # The list is there before its summaries: every file has a row, some still loading.
    assert screen.query_one(DataTable).row_count == len(screen.rows)
    assert any(isinstance(row, Pending) for row in screen.rows)
    return screen


async def test_the_cursor_stays_on_the_file_it_was_moved_to_while_rows_fill(many: Path) -> None:
    app = make_app(many, "ja")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_screen(app, pilot)
        await pilot.press("down", "down", "down")
        path, _ = highlighted(screen)
        await settle(app, pilot)
        assert not any(isinstance(row, Pending) for row in screen.rows)
        # Sorted by vendor now, the row moved; the cursor went with it.
        assert highlighted(screen)[0] == path
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, QuestionnaireScreen)
        assert str(app.screen.session.path) == path


async def test_enter_on_a_loading_row_opens_that_file(many: Path) -> None:
    app = make_app(many, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_screen(app, pilot)
        await pilot.press("down")
        path, seen = highlighted(screen)
        assert path is not None
        # What the eye sees on that row: its file name while loading, or, if its summary
        # arrived in between (worker processes run on), the vendor of that very file.
        vendor = tomllib.loads(Path(path).read_text("utf-8"))["vendor"]["name"]
        assert any(whole.startswith(seen.rstrip("…")) for whole in (Path(path).name, vendor))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, QuestionnaireScreen)
        assert str(app.screen.session.path) == path


async def test_a_filter_chosen_while_rows_fill_shows_every_match_as_it_arrives(
    many: Path,
) -> None:
    app = make_app(many, "ja")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_screen(app, pilot)
        await pilot.press("k")  # kind: contractor
        table = screen.query_one(DataTable)
        # Meanwhile only rows known to match are shown, never a "loading…" one.
        assert all("contractor" in str(key.value) for key in table.rows)
        await settle(app, pilot)
        contractors = sorted(str(p) for p in many.glob("*contractor*"))
        assert sorted(str(key.value) for key in table.rows) == contractors
