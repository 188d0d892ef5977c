"""A new user's whole path, for each kind: create with the wizard, answer every question
that applies (including ones a condition brings in), see autosave on disk, submit, review
and approve -- asserting on the files written and on the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.said import history_of
from tests.tui.conftest import make_app, settle
from vendorrisk.core.catalog import load_catalog
from vendorrisk.store import storage
from vendorrisk.tui.screens.list_screen import AssessmentListScreen
from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen
from vendorrisk.tui.screens.review import ReviewScreen
from vendorrisk.tui.screens.wizard import NewAssessmentScreen

TYPED = {"text": "C22-0001-1", "date": "2028-03-31", "number": "3", "url": "https://example.jp/"}


async def type_into(pilot: Any, selector: str, text: str) -> None:
    """Click the field and type the text key by key, as a person would."""
    await pilot.click(selector)
    await pilot.press(*text)
    await pilot.pause()
    assert pilot.app.screen.query_one(selector, Input).value == text


async def answer_everything(app: Any, pilot: Any) -> list[str]:
    """Answer each question as it comes, with the keyboard; returns the ids answered."""
    screen = app.screen
    assert isinstance(screen, QuestionnaireScreen)
    answered: list[str] = []
    typed_evidence = False
    for _ in range(400):  # far more than any kind has; a loop that never ends fails instead
        rid = screen.current
        assert rid is not None
        if rid in screen.session.assessment.answers:
            if screen.session.next_unanswered(rid) is None:
                return answered
            await pilot.press("ctrl+g")
            continue
        requirement = screen.session.catalogue.by_id[rid]
        kind = requirement.answer.type
        if kind in ("compliance", "boolean", "choice"):
            await pilot.press("1")  # met / yes / the first option
            if kind == "compliance" and requirement.evidence.required:
                # "met" put the cursor in the evidence field: the first time type the
                # reference; then, as a clerk does, bring it back (up) and accept it.
                if typed_evidence:
                    await pilot.press("up", "enter")
                else:
                    await pilot.press(*"Contract", "enter")
                    typed_evidence = True
        elif kind == "multi":
            await pilot.press("home", "space", "down", "space")  # the first two options
        else:
            await pilot.press(*TYPED[kind], "enter")
        await pilot.pause()
        assert rid in screen.session.assessment.answers, rid
        if kind == "compliance" and requirement.evidence.required:
            assert screen.session.assessment.answers[rid].evidence, rid
        answered.append(rid)
    raise AssertionError("the questionnaire never ran out of questions")


WIZARD = {
    "cloud": [
        ("#kind-cloud",),
        ("#tier-lgwan", "#terminal-alpha_prime"),
        ("#confidentiality-3B", "#personal", "#availability"),
    ],
    "contractor": [
        ("#kind-contractor",),
        ("#tier-mynumber",),
        ("#confidentiality-3B", "#personal", "#mynumber", "#integrity"),
    ],
    "social": [("#kind-social",), ("#tier-internet",), ("#confidentiality-1",)],
}
# Questions that only a condition on an earlier answer brings in, for each kind.
CONDITIONAL = {
    "cloud": {"P-04", "B-05a", "B-29"},
    "contractor": {"A-12a", "A-13a", "A-20a", "A-21a"},
    "social": {"C-11a"},
}


# Each walk-through answers a whole questionnaire by keys (the cloud one about 35 s on the
# 2-core machine): all three are slow; the screens' own pilot tests stay in the fast part.
@pytest.mark.slow
@pytest.mark.parametrize("kind", ["cloud", "contractor", "social"])
async def test_a_new_user_creates_answers_submits_and_gets_approved(
    tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "assessments"
    app = make_app(folder, "en")
    catalogue = load_catalog()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, AssessmentListScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NewAssessmentScreen)
        kind_step, tier_step, class_step = WIZARD[kind]
        for selector in kind_step:
            await pilot.click(selector)
        await pilot.click("#wizard-next")
        await type_into(pilot, "#vendor-name", "株式会社テスト情報サービス")
        await type_into(pilot, "#corporate-number", "7000012050002")
        await type_into(pilot, "#url-security", "https://example.jp/security")
        await pilot.click("#wizard-next")
        await type_into(pilot, "#service-name", f"Test {kind} service")
        await pilot.click("#wizard-next")
        for selector in tier_step:
            await pilot.click(selector)
        await pilot.click("#wizard-next")
        for selector in class_step:
            await pilot.click(selector)
        await pilot.click("#wizard-next")  # create
        await settle(app, pilot)
        assert isinstance(app.screen, QuestionnaireScreen)
        (path,) = folder.glob("*.toml")
        assert storage.load(path, catalogue).assessment.answers == {}

        answered = await answer_everything(app, pilot)
        ids = set(answered)
        # Split items count by their first part (B-29 is one question; A-12a is a split one).
        assert CONDITIONAL[kind] <= ids | {i[:-1] for i in ids}

        await pilot.press("ctrl+s")
        await pilot.pause()
        on_disk = storage.load(path, catalogue).assessment
        assert set(on_disk.answers) == ids  # autosaved through the storage layer
        assert on_disk.revision == 2 and on_disk.history[-1].by == "tester"

        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        for move in ("submitted", "in_review", "approved"):
            # The moves sit below the findings: scroll to them as a user would.
            app.screen.query_one(f"#move-{move}").scroll_visible(animate=False)
            await pilot.pause()
            await pilot.click(f"#move-{move}")
            await pilot.pause()
        final = storage.load(path, catalogue).assessment
        assert final.review.status == "approved", [n.message for n in app._notifications]
        assert final.review.reviewer == "tester" and final.review.next_review is not None
        assert [history_of(h) for h in final.history[-3:]] == [
            "draft → submitted",
            "submitted → in_review",
            "in_review → approved",
        ]
        summary = str(app.screen.query_one("#review-summary").render())
        assert "approved" in summary
