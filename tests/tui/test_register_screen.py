"""The re-subcontracting register screen with real keys at 80x24: opened from the
questionnaire and from the review screen (binding ids questionnaire.register and
review.register), listing the subcontractors and consents; a subcontractor added and its
consent recorded from the UI are saved as revisions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static

from tests.said import history_of
from tests.tui.conftest import make_app, settle
from vendorrisk.core.catalog import load_catalog
from vendorrisk.store import storage
from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen
from vendorrisk.tui.screens.register import RegisterScreen
from vendorrisk.tui.screens.review import ReviewScreen

JUKI = "2026-contractor-juki-zeimu-hoshu.toml"


async def open_questionnaire(app: Any, pilot: Any) -> None:
    await settle(app, pilot)
    await pilot.press("slash", *"juki", "enter", "enter")
    await settle(app, pilot)
    assert isinstance(app.screen, QuestionnaireScreen), app.screen


def cells(screen: RegisterScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def type_into(pilot: Any, app: Any, widget_id: str, text: str) -> None:
    for _ in range(40):
        if app.focused is not None and app.focused.id == widget_id:
            break
        await pilot.press("tab")
    else:
        raise AssertionError(f"tab never reached #{widget_id}")
    for char in text:
        await pilot.press(char)


async def test_the_register_opens_from_the_questionnaire_and_lists_the_consents(
    examples: Path,
) -> None:
    app = make_app(examples, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_questionnaire(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        (row,) = cells(screen)
        assert row[1].startswith("有限会社枚方ソフト") and row[2] == "level 1"
        assert "consented 2025-03-25" in row[4] and "番号法10条" in row[4]
        findings = str(screen.query_one("#register-findings", Static).render())
        assert "agree" in findings
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, QuestionnaireScreen)


@pytest.mark.slow  # two levels, a consent and three screens by keys: about 7 s
async def test_a_second_level_added_from_the_ui_waits_for_consent_then_gets_it(
    examples: Path,
) -> None:
    path = examples / JUKI
    app = make_app(examples, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_questionnaire(app, pilot)
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("f4")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        await type_into(pilot, app, "register-name", "Yodogawa Print")
        await type_into(pilot, app, "register-work", "printing")
        await type_into(pilot, app, "register-data", "tax notices")
        await type_into(pilot, app, "register-parent", "1")
        await type_into(pilot, app, "register-mynumber", "")
        await pilot.press("space")
        await type_into(pilot, app, "register-add-button", "")
        await pilot.press("enter")
        await settle(app, pilot)
        rows = cells(screen)
        assert [r[1].strip() for r in rows][1] == "Yodogawa Print" and rows[1][2] == "level 2"
        findings = str(screen.query_one("#register-findings", Static).render())
        assert "A-24c" in findings and "Yodogawa Print" in findings
        # Consent to the selected row: move the table's cursor to it, type the approver.
        await type_into(pilot, app, "register-table", "")
        await pilot.press("down")
        await type_into(pilot, app, "register-approver", "Head of Residents")
        await type_into(pilot, app, "register-consent-button", "")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "consented 2026-11-27 (Head of Residents)" in cells(screen)[1][4]
        assert "agree" in str(screen.query_one("#register-findings", Static).render())
    saved = storage.load(path, load_catalog()).assessment
    second = saved.subcontractors[1]
    assert (second.level, second.parent, second.mynumber_data) == (
        2,
        saved.subcontractors[0].name,
        True,
    )
    assert second.approver == "Head of Residents"
    assert "番号法10条" in history_of(saved.history[-1])
