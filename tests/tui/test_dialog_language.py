"""F2 inside a dialog: an open ChoiceModal or exception dialog is relabelled in place, as
every screen is (issue 12, "Language switch")."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input, Label, Static

from tests.tui.conftest import make_app, settle
from tests.tui.test_behaviour import DRAFT, open_file
from tests.tui.test_review_screen import open_review
from vendorrisk.tui.screens.exception_modal import ExceptionModal
from vendorrisk.tui.screens.modals import ChoiceModal
from vendorrisk.tui.screens.review import ReviewScreen


def texts(dialog: ChoiceModal) -> list[str]:
    return [
        str(dialog.query_one("#dialog-title", Label).render()),
        str(dialog.query_one("#dialog-body", Static).render()),
        *(str(b.label) for b in dialog.query(Button)),
    ]


async def test_f2_relabels_the_quit_dialog_and_keeps_it_open(
    examples: Path, tmp_path: Path
) -> None:
    app = make_app(examples, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_file(app, pilot, DRAFT)
        # Saving cannot succeed (the folder is gone), so quitting asks first.
        moved = tmp_path / "elsewhere"
        examples.rename(moved)
        await pilot.press("1", "ctrl+s")
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceModal)
        assert texts(dialog)[0] == "There are unsaved changes"
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.screen is dialog
        assert texts(dialog) == [
            "未保存の変更があります",
            "保存されていない回答があります。終了すると失われます。終了しますか。",
            "終了する",
            "戻る",
        ]
        await pilot.press("f2")
        await settle(app, pilot)
        assert texts(dialog)[2:] == ["Quit", "Stay"]
        await pilot.press("escape")  # stay
        await settle(app, pilot)
        assert not isinstance(app.screen, ChoiceModal) and app.is_running
        moved.rename(examples)


async def test_f2_relabels_the_exception_dialog_and_keeps_what_was_typed(examples: Path) -> None:
    app = make_app(examples, "ja")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(app, pilot, "2026-cloud-chatbot-rejected.toml")
        await pilot.press("ctrl+g")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ExceptionModal)
        await pilot.press("tab", *"staff")  # from the requirement to the control
        assert dialog.query_one("#ex-control", Input).value == "staff"
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.screen is dialog
        assert str(dialog.query_one("#dialog-title", Label).render()) == "Record an exception"
        label = str(dialog.query_one("#ex-control-label", Label).render())
        assert label == "Compensating control (required)"
        assert str(dialog.query_one("#ex-cancel", Button).label) == "Cancel"
        assert dialog.query_one("#ex-control", Input).value == "staff"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
