"""Issue 9 "Stale approvals" in the UI: changing an answer of an approved assessment with
real keys puts it back into review on save, with the reason in its history, and the list
no longer shows it approved (docs/scoring.md, rule W8). At 80×24."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from tests.said import history_of
from tests.tui.conftest import make_app, settle
from vendorrisk.core.catalog import load_catalog
from vendorrisk.store import storage
from vendorrisk.tui.screens.list_screen import AssessmentListScreen
from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen

SOCIAL = "2026-social-kosodate-account.toml"


async def next_met_question(pilot: Any, screen: QuestionnaireScreen) -> str:
    """ctrl+n until the question shown is a compliance question answered "met" that needs
    no evidence, so that one digit changes its answer and nothing else."""
    for _ in range(200):
        requirement = screen.requirement()
        assert requirement is not None
        answer = screen.session.assessment.answers.get(requirement.id)
        if (
            requirement.answer.type == "compliance"
            and not requirement.evidence.required
            and answer is not None
            and answer.value == "met"
        ):
            return requirement.id
        await pilot.press("ctrl+n")
        await pilot.pause()
    raise AssertionError("no question answered met without evidence")


@pytest.mark.parametrize(
    ("lang", "reason", "in_review", "approved"),
    [
        ("ja", "「承認」の後に変更があったため審査中に戻しました（変更: {id}）", "審査中", "承認"),
        ("en", "back in review: changed after approved ({id})", "in review", "approved"),
    ],
)
async def test_changing_an_answer_of_an_approved_assessment_sends_it_back_to_review(
    examples: Path, lang: str, reason: str, in_review: str, approved: str
) -> None:
    path = examples / SOCIAL
    catalogue = load_catalog()
    assert storage.load(path, catalogue).assessment.review.status == "approved"
    app = make_app(examples, lang)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"kosodate", "enter", "enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, QuestionnaireScreen)
        changed = await next_met_question(pilot, screen)
        await pilot.press("2")  # partly met
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not [n for n in app._notifications if n.severity == "error"]
        await pilot.press("escape")  # back to the list
        await settle(app, pilot)
        assert isinstance(app.screen, AssessmentListScreen)
        table = app.screen.query_one(DataTable)
        status = str(table.get_cell(str(path), "status"))
    saved = storage.load(path, catalogue).assessment
    assert saved.answers[changed].value == "partial"
    assert saved.review.status == "in_review"
    last = saved.history[-1]
    assert last.by == "tester"
    assert reason.format(id=changed) in history_of(last)
    assert status == in_review and status != approved
