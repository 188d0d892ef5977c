"""F2 on every screen: everything in the new language (footer, app-wide keys, titles), and
nothing else changes -- the same screen, the same question, what was typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.widgets import Button, Input

from tests.tui.conftest import make_app, settle
from vendorrisk.tui.screens.checks import ChecksScreen
from vendorrisk.tui.screens.error_screen import FileErrorScreen
from vendorrisk.tui.screens.help import HelpScreen
from vendorrisk.tui.screens.list_screen import AssessmentListScreen
from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen
from vendorrisk.tui.screens.review import ReviewScreen
from vendorrisk.tui.screens.wizard import NewAssessmentScreen

OPEN_FUMIKURA = ("slash", *"fumikura", "enter", "enter")
SCREENS: dict[str, tuple[tuple[str, ...], type[Any]]] = {
    "list": ((), AssessmentListScreen),
    "wizard": (("n", "ctrl+n", *"Acme"), NewAssessmentScreen),
    "questionnaire": ((*OPEN_FUMIKURA, "ctrl+n", "ctrl+n"), QuestionnaireScreen),
    "review": ((*OPEN_FUMIKURA, "ctrl+r"), ReviewScreen),
    "checks": ((*OPEN_FUMIKURA, "ctrl+n", "ctrl+o"), ChecksScreen),
    "help": (("f1",), HelpScreen),
    "file error": (("slash", *"broken", "enter", "enter"), FileErrorScreen),
}


def footer_labels(app: Any) -> set[str]:
    return {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}


async def press(app: Any, pilot: Any, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(app, pilot)


@pytest.mark.parametrize("name", list(SCREENS))
async def test_f2_switches_every_screen_and_keeps_the_place(examples: Path, name: str) -> None:
    (examples / "broken.toml").write_text('schema_version = 1\nrevision = "two"\n', "utf-8")
    # No network in tests: the checks screen shows its table without running.
    app = make_app(examples, "en", checker_options={"timeout": 0.01, "retries": 0})
    keys, screen_type = SCREENS[name]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, *keys)
        assert isinstance(app.screen, screen_type)
        questionnaire = next(
            (s for s in app.screen_stack if isinstance(s, QuestionnaireScreen)), None
        )
        question = questionnaire.current if questionnaire else None
        english = footer_labels(app)
        await press(app, pilot, "f2")
        assert isinstance(app.screen, screen_type)
        assert app.title == "vendorrisk 委託先・クラウド評価"
        japanese = footer_labels(app)
        if english:  # (the help shows no footer keys)
            assert japanese and not (japanese & english), japanese
        # App-wide keys too (help, quit) follow the language, also after a second switch.
        assert {"ヘルプ", "終了"} <= {b.description for _, b in app._bindings} | japanese
        if questionnaire is not None:
            assert questionnaire.current == question
        if name == "wizard":
            assert app.screen.query_one("#vendor-name", Input).value == "Acme"
        await press(app, pilot, "f2")
        assert isinstance(app.screen, screen_type)
        assert footer_labels(app) == english
        if name == "list":
            await press(app, pilot, "escape")  # and the list's footer is not blank
            assert footer_labels(app)


@pytest.mark.parametrize("lang", ["ja", "en"])
async def test_buttons_are_never_cut_at_80_columns(examples: Path, lang: str) -> None:
    app = make_app(examples, lang)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for keys in (("n",), ("escape", *OPEN_FUMIKURA, "ctrl+o")):
            await press(app, pilot, *keys)
            buttons = [b for b in app.screen.query(Button) if b.display]
            assert buttons
            for button in buttons:
                label = str(button.label)
                assert cell_len(label) <= button.content_size.width, (label, button.size)


async def test_the_conflict_dialog_shows_whole_button_labels(examples: Path) -> None:
    app = make_app(examples, "ja")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "slash", *"anketo", "enter", "enter")
        path = examples / "2026-cloud-anketo-draft.toml"
        path.write_bytes(path.read_bytes() + b"\n")
        await press(app, pilot, "2", "ctrl+s")
        labels = {str(b.label): b.content_size.width for b in app.screen.query(Button)}
        assert "このまま編集を続ける" in labels
        assert all(cell_len(label) <= width for label, width in labels.items()), labels
        # F2 on the open dialog relabels it in place.
        await press(app, pilot, "f2")
        labels = {str(b.label): b.content_size.width for b in app.screen.query(Button)}
        assert "このまま編集を続ける" not in labels and len(labels) == 3, labels


async def test_help_lists_enter_and_the_palette(examples: Path) -> None:
    app = make_app(examples, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(app, pilot, "f1")
        text = str(app.screen.query_one("#help-keys").render())
        assert "enter" in text and "ctrl+p" in text and "Help" in text


async def test_the_palette_speaks_the_ui_language(examples: Path) -> None:
    app = make_app(examples, "ja")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "終了" in commands and "Quit" not in commands and "Theme" not in commands
        await press(app, pilot, "ctrl+p")
        assert app.screen.query_one(Input).placeholder == "コマンドや評価を検索…"
