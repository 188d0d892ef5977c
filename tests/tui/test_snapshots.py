"""Snapshots of each screen at 80×24 and 120×40, in Japanese and English, with a long
Japanese vendor name in the list. Regenerate with --snapshot-update after a deliberate
change, and read snapshot_report.html before accepting one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.tui.conftest import make_app, settle
from vendorrisk.core.catalog import load_catalog
from vendorrisk.messages import Lang
from vendorrisk.store import storage
from vendorrisk.tui.screens.checks import ChecksScreen

SIZES = [(80, 24), (120, 40)]
LANGS: list[Lang] = ["ja", "en"]
LONG_NAME = "一般財団法人寝屋川市行政情報システム共同利用推進機構北河内地域データセンター運営事業部"

CHECK_RECORD: dict[str, Any] = {
    "schema_version": 2,
    "url": "https://www.yodogawa-docs.example.jp/security/",
    "final_url": "https://www.yodogawa-docs.example.jp/security/",
    "ok": True,
    "refused": False,
    "status": 200,
    "redirects": [],
    "https_enforced": True,
    "tls": {"verified": True, "days_left": 212, "not_after": "2027-06-27T00:00:00Z"},
    "headers": [
        {"id": "hsts", "verdict": "pass", "code": "hsts-ok"},
        {"id": "csp", "verdict": "fail", "code": "csp-missing"},
    ],
    "security_txt": {
        "url": "https://www.yodogawa-docs.example.jp/.well-known/security.txt",
        "found": True,
        "valid": True,
        "signed": False,
        "problems": [],
        "fields": {},
    },
    "certifications": {"mentions": [{"id": "ismap", "snippet": "ISMAP 登録", "count": 1}]},
    "failures": [],
    "warnings": ["csp-missing"],
    "checked_at": "2026-11-27T01:00:00Z",
    "elapsed_ms": 120,
    "checker": "vendorrisk/0.1.0",
}


def find(text: str) -> tuple[str, ...]:
    """Keys that filter the list by ``text`` and open the first match, as a user would."""
    return ("slash", *text, "enter", "enter")


# The cloud document service in review (its file name holds "fumikura").
FUMIKURA = find("fumikura")


@pytest.fixture
def folder(examples: Path) -> Path:
    catalogue = load_catalog()
    loaded = storage.load(examples / "2026-contractor-juki-zeimu-hoshu.toml", catalogue)
    vendor = replace(loaded.assessment.vendor, name=LONG_NAME)
    storage.save(loaded, replace(loaded.assessment, vendor=vendor), catalogue, summary="long name")
    return examples


def _run(snap_compare: Any, app: Any, size: tuple[int, int], *keys: str, after: Any = None) -> bool:
    async def run_before(pilot: Any) -> None:
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        if after is not None:
            await after(pilot)
            await settle(app, pilot)

    return bool(snap_compare(app, terminal_size=size, run_before=run_before))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
class TestScreens:
    def test_list(self, snap_compare: Any, folder: Path, lang: Lang, size: tuple[int, int]) -> None:
        assert _run(snap_compare, make_app(folder, lang), size)

    def test_questionnaire(
        self, snap_compare: Any, folder: Path, lang: Lang, size: tuple[int, int]
    ) -> None:
        assert _run(snap_compare, make_app(folder, lang), size, *FUMIKURA)

    def test_review(
        self, snap_compare: Any, folder: Path, lang: Lang, size: tuple[int, int]
    ) -> None:
        assert _run(snap_compare, make_app(folder, lang), size, *FUMIKURA, "ctrl+r")

    def test_wizard_tier_step(
        self, snap_compare: Any, folder: Path, lang: Lang, size: tuple[int, int]
    ) -> None:
        # kind (default), vendor, service: typed right after each step change, as a clerk does
        keys = ("n", "ctrl+n", *"Acme", "ctrl+n", *"Docs", "ctrl+n")
        assert _run(snap_compare, make_app(folder, lang), size, *keys)

    def test_checks(
        self, snap_compare: Any, folder: Path, lang: Lang, size: tuple[int, int]
    ) -> None:
        app = make_app(folder, lang)

        async def show(pilot: Any) -> None:
            session = app.active_session
            assert session is not None
            screen = ChecksScreen(session, autostart=False)
            await app.push_screen(screen)
            await pilot.pause()
            screen.show_records([CHECK_RECORD])

        assert _run(snap_compare, app, size, *FUMIKURA, after=show)

    def test_help(self, snap_compare: Any, folder: Path, lang: Lang, size: tuple[int, int]) -> None:
        assert _run(snap_compare, make_app(folder, lang), size, "f1")

    def test_file_error(
        self, snap_compare: Any, folder: Path, lang: Lang, size: tuple[int, int]
    ) -> None:
        (folder / "broken.toml").write_text('schema_version = 1\nrevision = "two"\n', "utf-8")
        assert _run(snap_compare, make_app(folder, lang), size, *find("broken"))


def test_the_check_record_used_in_snapshots_is_a_valid_record() -> None:
    from vendorrisk.features.url_evidence import record_problems

    assert record_problems(CHECK_RECORD) == []
