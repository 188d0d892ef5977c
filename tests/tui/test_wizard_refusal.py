"""The wizard's refused save lists what is wrong (issue 12): a new assessment that would
not pass validation is not written, and every problem is shown on the screen with the step
to fix it in, until the clerk fixes it and creates the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import make_app, settle
from vendorrisk.tui.screens.wizard import NewAssessmentScreen
from vendorrisk.tui.wrapped import WrappedText


@pytest.mark.parametrize(
    ("lang", "heading", "steps"),
    [
        (
            "ja",
            "この内容では作成できません",
            ["・扱う情報の分類（§6.2）: ", "・利用する系（三層の対策）: "],
        ),
        (
            "en",
            "The assessment cannot be created",
            ["- Classification of the data (§6.2): ", "- Network tier (three-tier model): "],
        ),
    ],
)
async def test_a_refused_new_assessment_lists_each_problem_with_its_step(
    tmp_path: Path, lang: str, heading: str, steps: list[str]
) -> None:
    folder = tmp_path / "assessments"
    app = make_app(folder, lang)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "ctrl+n", *"Acme", "ctrl+n", *"Docs", "ctrl+n", "ctrl+n")
        # Classification: My Number data ticked, on the internet tier, at level 2 and
        # without personal data -- three rules broken at once.
        await pilot.press("tab", "tab", "tab", "tab", "space", "ctrl+n")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, NewAssessmentScreen)
        assert not list(folder.glob("*.toml"))
        shown = screen.query_one("#wizard-problems", WrappedText)
        assert shown.display and shown.region.height > 0
        lines = shown.text.splitlines()
        assert lines[0].startswith(heading)
        assert len(lines) == 4  # the heading and the three problems
        for step in steps:
            assert any(line.startswith(step) for line in lines[1:]), lines
        toast = [n.message for n in app._notifications if n.severity == "error"]
        assert toast and "3" in toast[-1]
        # Fixed (My Number data unticked): the next try creates the file.
        await pilot.press("space", "ctrl+n")
        await settle(app, pilot)
    assert len(list(folder.glob("*.toml"))) == 1
