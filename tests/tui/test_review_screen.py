"""The review screen with real keys: why approval is refused, N/A confirmations, and every
move with its own person and comment (docs/scoring.md, rules W2, W3, W5, W7)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Checkbox, Input, Static

from tests.said import history_of
from tests.tui.conftest import TODAY, make_app, settle
from vendorrisk.core.catalog import load_catalog
from vendorrisk.core.workflow import transition
from vendorrisk.store import storage
from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen
from vendorrisk.tui.screens.review import ReviewScreen

SIZES = [(80, 24), (100, 30)]


async def open_review(app: Any, pilot: Any, name: str) -> ReviewScreen:
    await settle(app, pilot)
    await pilot.press("slash", *name.split("-")[2], "enter", "enter")
    await settle(app, pilot)
    assert isinstance(app.screen, QuestionnaireScreen), app.screen
    await pilot.press("ctrl+r")
    await settle(app, pilot)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


async def tab_to(app: Any, pilot: Any, widget_id: str) -> None:
    """Move the focus with the tab key, as a keyboard user would."""
    for _ in range(60):
        if app.focused is not None and app.focused.id == widget_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{widget_id}")


def why(screen: ReviewScreen) -> str:
    return str(screen.query_one("#moves-why", Static).render())


@pytest.mark.parametrize("size", SIZES)
async def test_approval_is_refused_naming_the_gates_not_verified_by_the_city(
    examples: Path, size: tuple[int, int]
) -> None:
    path = examples / "2026-cloud-fumikura-lgwan.toml"
    # The gates as the vendor stated them, before city staff have checked them.
    catalogue = load_catalog()
    loaded = storage.load(path, catalogue)
    stated = loaded.assessment
    for gate in ("B-T2a", "B-T2b"):
        stated = stated.with_answer(gate, replace(stated.answers[gate], source="vendor"))
    storage.save(loaded, stated, catalogue, by="受託者", summary="gates as stated")
    app = make_app(examples, "en")
    before = path.read_bytes()
    async with app.run_test(size=size) as pilot:
        screen = await open_review(app, pilot, path.name)
        text = why(screen)
        assert "gates not yet verified by city staff (B-T2a, B-T2b)" in text
        # Greyed, and the reason is right above; the moves still allowed stay usable.
        for move in ("approved", "approved_with_conditions"):
            assert screen.query_one(f"#move-{move}", Button).disabled
        assert not screen.query_one("#move-rejected", Button).disabled
        await tab_to(app, pilot, "move-rejected")  # the approve buttons are skipped
    assert path.read_bytes() == before


@pytest.mark.parametrize("size", SIZES)
async def test_not_applicable_on_a_must_is_confirmed_before_approval(
    examples: Path, size: tuple[int, int]
) -> None:
    catalogue = load_catalog()
    path = examples / "2026-social-kosodate-account.toml"
    loaded = storage.load(path, catalogue)
    # A must question the clerk marked not applicable, with a reason (rule B4).
    answer = replace(loaded.assessment.answers["C-02b"], value="na", reason="該当する機能がない")
    loaded = storage.save(
        loaded, loaded.assessment.with_answer("C-02b", answer), catalogue, by="小林", summary="na"
    )
    a = loaded.assessment
    for to in ("draft", "submitted", "in_review"):
        a, summary = transition(a, catalogue, to, reviewer="小林", today=TODAY)
        loaded = storage.save(loaded, a, catalogue, by="小林", summary=summary)
        a = loaded.assessment
    app = make_app(examples, "en")
    async with app.run_test(size=size) as pilot:
        screen = await open_review(app, pilot, path.name)
        box = screen.query_one("#na-C-02b", Checkbox)
        assert not box.value and "C-02b" in str(box.label)
        assert "not confirmed by the reviewer (C-02b)" in why(screen)
        assert screen.query_one("#move-approved", Button).disabled
        await tab_to(app, pilot, "na-C-02b")
        await pilot.press("space")
        await pilot.pause()
        assert "Approval is possible." in why(screen)
        await tab_to(app, pilot, "move-approved")
        await pilot.press("enter")
        await settle(app, pilot)
    saved = storage.load(path, catalogue).assessment
    assert saved.review.status == "approved", why(screen)
    assert (saved.review.reviewer, saved.review.confirmed_na) == ("tester", ("C-02b",))
    assert saved.history[-1].by == "tester"


@pytest.mark.parametrize("size", SIZES)
async def test_a_comment_is_recorded_with_its_own_move_only(
    examples: Path, size: tuple[int, int]
) -> None:
    path = examples / "2026-contractor-juki-zeimu-hoshu.toml"
    app = make_app(examples, "en")
    async with app.run_test(size=size) as pilot:
        screen = await open_review(app, pilot, path.name)
        await tab_to(app, pilot, "reviewer")
        await pilot.press("ctrl+u", *"Suzuki")  # clear the prefilled name, type another
        await tab_to(app, pilot, "comment")
        await pilot.press(*"checked")
        await tab_to(app, pilot, "move-in_review")
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.query_one("#comment", Input).value == ""
        await tab_to(app, pilot, "move-draft")
        await pilot.press("enter")
        await settle(app, pilot)
    saved = storage.load(path, load_catalog()).assessment
    assert [(h.by, history_of(h)) for h in saved.history[-2:]] == [
        ("Suzuki", "submitted → in_review: checked"),
        ("Suzuki", "in_review → draft"),
    ]


@pytest.mark.parametrize("size", SIZES)
async def test_rule_C1_only_plain_approval_is_greyed_while_findings_need_conditions(
    examples: Path, size: tuple[int, int]
) -> None:
    path = examples / "2026-contractor-juki-zeimu-hoshu.toml"
    app = make_app(examples, "en")
    async with app.run_test(size=size) as pilot:
        screen = await open_review(app, pilot, path.name)
        await tab_to(app, pilot, "move-in_review")
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.query_one("#move-approved", Button).disabled
        assert not screen.query_one("#move-approved_with_conditions", Button).disabled
        assert "D-06" in why(screen)  # the findings the conditions must name
