"""The clause preview and the designated-manager kind, with real keys at 80x24."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.tui.conftest import make_app, settle
from vendorrisk.core.catalog import load_catalog
from vendorrisk.store import storage
from vendorrisk.tui.screens.clauses import ClausesScreen
from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen
from vendorrisk.tui.screens.wizard import NewAssessmentScreen


def preview(screen: ClausesScreen) -> str:
    return str(screen.query_one("#clauses-text", Static).render())


async def test_ctrl_l_opens_the_clauses_the_assessment_calls_for(examples: Path) -> None:
    app = make_app(examples, "ja")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"juki", "enter", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, QuestionnaireScreen)
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ClausesScreen)
        text = preview(screen)
        # A My Number contractor: contract articles and both sets of special terms.
        assert "契約書 情報セキュリティ条項" in text
        assert "第1条（総則）" in text
        assert "特定個人情報取扱特記事項" in text
        assert "「受託者」とは株式会社北河内システムサービス" in text
        await pilot.press("p")
        assert "「乙」とは株式会社北河内システムサービス" in preview(screen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, QuestionnaireScreen)


async def test_a_designated_manager_is_chosen_by_keys_and_gets_an_agreement(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "assessments"
    app = make_app(folder, "ja")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NewAssessmentScreen)
        await pilot.press("down", "down", "down", "enter")  # the fourth kind
        await pilot.press("ctrl+n", *"公益財団法人テスト文化振興会")
        await pilot.press("ctrl+n", *"市民会館の管理")
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await settle(app, pilot)
        (path,) = folder.glob("*.toml")
        assert isinstance(app.screen, QuestionnaireScreen)
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ClausesScreen)
        text = preview(screen)
        assert "協定書 情報セキュリティ条項" in text
        assert "「指定管理者」とは公益財団法人テスト文化振興会" in text
    assessment = storage.load(path, load_catalog()).assessment
    assert assessment.service.kind == "designated_manager"
    assert path.name.startswith("2026-designated_manager-")
