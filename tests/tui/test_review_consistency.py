"""The review screen puts validate's consistency warnings in front of the reviewer (issue 9
§1): the same fact answered two ways is listed near the top, before any move is made. Its
toasts name review statuses in words (issue 12, "Labels")."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Label

from tests.tui.conftest import make_app, settle
from tests.tui.test_review_screen import SIZES, open_review, tab_to
from vendorrisk.tui.wrapped import WrappedText

JUKI = "2026-contractor-juki-zeimu-hoshu.toml"


def contradict(folder: Path) -> None:
    """A-13a: subcontractors below the first tier not known, while A-24c (consent under
    番号法10条 for every subcontractor) stays met."""
    path = folder / JUKI
    text = path.read_text("utf-8")
    known = '[answers.A-13a]\nvalue = "met"\n'
    assert known in text
    path.write_text(text.replace(known, '[answers.A-13a]\nvalue = "not_met"\n'), "utf-8")


@pytest.mark.parametrize("size", SIZES)
async def test_review_screen_lists_answers_that_contradict_each_other(
    examples: Path, size: tuple[int, int]
) -> None:
    contradict(examples)
    app = make_app(examples, "ja")
    async with app.run_test(size=size) as pilot:
        screen = await open_review(app, pilot, JUKI)
        heading = screen.query_one("#consistency-heading", Label)
        warnings = screen.query_one("#review-consistency", WrappedText)
        assert heading.display and warnings.display
        text = warnings.text
        assert text.startswith("⚠ A-24c が 適合") and "A-13a が 不適合" in text
        # Near the top: on the first screenful, where the reviewer starts reading.
        assert warnings.region.y < size[1] - 2, warnings.region


async def test_review_screen_shows_no_warning_heading_when_the_answers_agree(
    examples: Path,
) -> None:
    app = make_app(examples, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot, JUKI)
        assert not screen.query_one("#consistency-heading", Label).display
        assert not screen.query_one("#review-consistency", WrappedText).display


@pytest.mark.parametrize(
    ("lang", "toast"), [("ja", "状態を「審査中」にしました。"), ("en", "Status is now in review.")]
)
async def test_the_toast_after_a_move_names_the_status_in_words(
    examples: Path, lang: str, toast: str
) -> None:
    app = make_app(examples, lang)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(app, pilot, JUKI)  # submitted: the next move is into review
        await tab_to(app, pilot, "move-in_review")
        await pilot.press("enter")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
    assert toast in messages
    assert not [m for m in messages if "in_review" in m or "submitted" in m]
