"""A clerk's keys, as typed: right after each step change, in both terminal sizes people use
(80×24 and 100×30). Only real key presses; the assertions read the screen and the files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from tests.tui.conftest import make_app, settle
from vendorrisk.core.catalog import load_catalog
from vendorrisk.core.catalog.model import Requirement
from vendorrisk.store import storage
from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen
from vendorrisk.tui.screens.wizard import NewAssessmentScreen

SIZES = [(80, 24), (100, 30)]
DRAFT = "2026-cloud-anketo-draft.toml"


async def open_draft(app: Any, pilot: Any) -> QuestionnaireScreen:
    await settle(app, pilot)
    await pilot.press("slash", *"anketo", "enter", "enter")
    await settle(app, pilot)
    assert isinstance(app.screen, QuestionnaireScreen), app.screen
    return app.screen


async def go_to(
    pilot: Any, screen: QuestionnaireScreen, wanted: Callable[[Requirement], bool]
) -> Requirement:
    """Press ctrl+g (next unanswered) until the question shown is one ``wanted``."""
    for _ in range(200):
        requirement = screen.requirement()
        assert requirement is not None
        if wanted(requirement) and requirement.id not in screen.session.assessment.answers:
            return requirement
        await pilot.press("ctrl+g")
        await pilot.pause()
    raise AssertionError("no such unanswered question")


def needs_evidence(r: Requirement) -> bool:
    return r.answer.type == "compliance" and r.evidence.required


def plain(r: Requirement) -> bool:
    return r.answer.type == "compliance" and not r.evidence.required


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "100x30"])
async def test_typing_right_after_each_wizard_step_lands_in_that_step(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    folder = tmp_path / "assessments"
    app = make_app(folder, "ja")
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NewAssessmentScreen)
        await pilot.press("down", "enter")  # kind: the second choice, cloud... as a user would
        await pilot.press("ctrl+n", *"株式会社テスト", "tab", *"7000012050002")
        await pilot.press("ctrl+n", *"文書SaaS")
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await settle(app, pilot)
        (path,) = folder.glob("*.toml")
    assessment = storage.load(path, load_catalog()).assessment
    assert assessment.vendor.name == "株式会社テスト"
    assert assessment.vendor.corporate_number == "7000012050002"
    assert assessment.service.name == "文書SaaS"
    # Readable for a Japanese vendor: the names, without the legal form.
    assert path.name.endswith("-テスト-文書saas.toml"), path.name


async def test_a_key_never_reaches_a_hidden_wizard_field(tmp_path: Path) -> None:
    app = make_app(tmp_path / "a", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "ctrl+n", *"Acme", "ctrl+n", *"Docs", "ctrl+b")
        screen = app.screen
        assert screen.query_one("#vendor-name", Input).value == "Acme"
        assert screen.query_one("#service-name", Input).value == "Docs"
        await pilot.press(*"!")  # back on the vendor step: typing goes to its first field
        assert screen.query_one("#vendor-name", Input).value == "Acme!"
        assert screen.query_one("#service-name", Input).value == "Docs"


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "100x30"])
async def test_met_on_a_question_needing_evidence_puts_the_cursor_in_the_evidence_field(
    examples: Path, size: tuple[int, int]
) -> None:
    app = make_app(examples, "ja")
    async with app.run_test(size=size) as pilot:
        screen = await open_draft(app, pilot)
        first = await go_to(pilot, screen, needs_evidence)
        # Said beside the choices, before anything is chosen.
        assert "証跡" in str(screen.query_one("#answer-needs", Static).render())
        await pilot.press("1")
        assert app.focused is screen.query_one("#evidence-ref", Input)
        await pilot.press(*"Contract 12", "enter")  # the evidence, then on to the next question
        await pilot.pause()
        answer = screen.session.assessment.answers[first.id]
        assert answer.value == "met" and [e.ref for e in answer.evidence] == ["Contract 12"]
        assert screen.current != first.id
        # The next one reuses evidence already given: up brings it back.
        second = await go_to(pilot, screen, needs_evidence)
        await pilot.press("1", "up", "enter")
        await pilot.pause()
        assert [e.ref for e in screen.session.assessment.answers[second.id].evidence][-1] == (
            "Contract 12"
        )


async def test_one_key_answers_a_question_that_needs_nothing_else(examples: Path) -> None:
    app = make_app(examples, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_draft(app, pilot)
        first = await go_to(pilot, screen, plain)
        await pilot.press("2")
        await pilot.pause()
        assert screen.session.assessment.answers[first.id].value == "partial"
        assert screen.current != first.id


async def test_digits_typed_in_the_evidence_field_never_change_the_answer(
    examples: Path,
) -> None:
    app = make_app(examples, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_draft(app, pilot)
        requirement = await go_to(pilot, screen, needs_evidence)
        await pilot.press("1")  # met: the cursor moves to the evidence reference
        await pilot.press(*"3", *"4", *" 2")
        await pilot.pause()
        assert screen.session.assessment.answers[requirement.id].value == "met"
        assert screen.query_one("#evidence-ref", Input).value == "34 2"


async def test_not_applicable_asks_for_its_reason_and_saves_only_with_it(examples: Path) -> None:
    app = make_app(examples, "en")
    path = examples / DRAFT
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_draft(app, pilot)
        requirement = await go_to(pilot, screen, plain)
        await pilot.press("4")
        assert app.focused is screen.query_one("#na-reason", Input)
        assert requirement.id not in screen.session.assessment.answers  # not recorded yet
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not [n for n in app._notifications if n.severity == "error"]
        assert "awaiting a reason" in str(screen.query_one("#q-status", Static).render())
        await pilot.press(*"No personal data", "enter")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    saved = storage.load(path, load_catalog()).assessment.answers[requirement.id]
    assert (saved.value, saved.reason) == ("na", "No personal data")


@pytest.mark.parametrize(
    "typed", ["2029/03/31", "2029-3-31", "R11.3.31", "令和11年3月31日"], ids=str
)
async def test_evidence_expiry_dates_are_read_as_clerks_type_them(
    examples: Path, typed: str
) -> None:
    app = make_app(examples, "ja")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_draft(app, pilot)
        requirement = await go_to(pilot, screen, needs_evidence)
        # met → the reference field; tab → the expiry field; tab → Add.
        await pilot.press("1", *"ISMS", "tab", *typed)
        await pilot.pause()
        assert str(screen.query_one("#evidence-expires-parsed", Static).render()) == "→ 2029-03-31"
        await pilot.press("tab", "enter")
        await pilot.pause()
        (item,) = screen.session.assessment.answers[requirement.id].evidence
        assert str(item.expires) == "2029-03-31"
