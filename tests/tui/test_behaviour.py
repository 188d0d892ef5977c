"""The UI's fault paths and conventions, driven with the pilot: conflicts on disk, failed
autosaves, quitting with unsaved answers, bad files, language, palette, keymap, URL checks."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from tests.said import history_of
from tests.tui.conftest import make_app, settle
from vendorrisk.core.catalog import load_catalog
from vendorrisk.store import storage
from vendorrisk.tui.screens.checks import ChecksScreen
from vendorrisk.tui.screens.error_screen import FileErrorScreen
from vendorrisk.tui.screens.list_screen import AssessmentListScreen
from vendorrisk.tui.screens.modals import ChoiceModal
from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen

DRAFT = "2026-cloud-anketo-draft.toml"


async def open_file(app: Any, pilot: Any, name: str) -> QuestionnaireScreen:
    await settle(app, pilot)
    await pilot.press("slash", *name.split("-")[2], "enter", "enter")
    await settle(app, pilot)
    assert isinstance(app.screen, QuestionnaireScreen), app.screen
    return app.screen


async def test_a_file_changed_on_disk_is_never_overwritten_and_save_as_keeps_the_answers(
    examples: Path,
) -> None:
    app = make_app(examples, "en")
    path = examples / DRAFT
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_file(app, pilot, DRAFT)
        # A colleague's change lands (a git pull) while the questionnaire is open.
        theirs = path.read_bytes().replace(
            "前半の項目に回答（途中）".encode(), "同僚の変更".encode()
        )
        path.write_bytes(theirs)
        first = screen.current
        await pilot.press("2")  # partly met
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceModal)
        assert path.read_bytes() == theirs
        await pilot.click("#choice-save-as")
        await settle(app, pilot)
        assert path.read_bytes() == theirs  # never overwritten
        (copy,) = list(examples.glob("*anketo-draft-*.toml"))
        saved = storage.load(copy, load_catalog()).assessment
        assert saved.answers[first or ""].value == "partial"


async def test_reloading_after_a_conflict_takes_the_file_on_disk(examples: Path) -> None:
    app = make_app(examples, "en")
    path = examples / DRAFT
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_file(app, pilot, DRAFT)
        path.write_bytes(path.read_bytes() + b"\n")
        await pilot.press("3")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.click("#choice-reload")
        await settle(app, pilot)
        assert not screen.session.dirty
        assert screen.session.assessment == storage.load(path, load_catalog()).assessment


async def test_a_failed_autosave_keeps_the_answers_and_asks_before_quitting(
    examples: Path, tmp_path: Path
) -> None:
    app = make_app(examples, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_file(app, pilot, DRAFT)
        rid = screen.current
        # The folder disappears (an unplugged share, a full disk): saving cannot succeed.
        moved = tmp_path / "elsewhere"
        examples.rename(moved)
        await pilot.press("1")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert screen.session.dirty and screen.session.assessment.answers[rid or ""].value == "met"
        status = str(screen.query_one("#q-status", Static).render())
        assert "unsaved" in status
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceModal)  # asked first
        await pilot.click("#choice-stay")
        await settle(app, pilot)
        assert isinstance(app.screen, QuestionnaireScreen) and app.is_running
        # The share comes back: the next save writes what was typed.
        moved.rename(examples)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not screen.session.dirty
        assert (
            storage.load(examples / DRAFT, load_catalog()).assessment.answers[rid or ""].value
            == "met"
        )


async def test_a_malformed_file_opens_as_an_error_panel(examples: Path) -> None:
    (examples / "zz-broken.toml").write_text(
        "<<<<<<< HEAD\nschema_version = 1\n=======\n>>>>>>> x\n", "utf-8"
    )
    app = make_app(examples, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"broken", "enter", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FileErrorScreen)
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert (
            "conflict-markers" in text
            and "zz-broken.toml" in text
            and "vendorrisk validate" in text
        )
        await pilot.press("escape")
        assert isinstance(app.screen, AssessmentListScreen)


async def test_the_list_filters_and_marks_failed_files(examples: Path) -> None:
    (examples / "zz-broken.toml").write_bytes(b"\x00\x01")
    app = make_app(examples, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentListScreen)
        assert screen.query_one("#assessments").row_count == 6
        summary = str(screen.query_one("#list-summary", Static).render())
        assert "1 cannot load" in summary
        await pilot.press("k")  # kind: contractor
        assert screen.query_one("#assessments").row_count == 1
        await pilot.press("k", "s")  # kind: cloud; status: draft
        assert screen.query_one("#assessments").row_count == 1


async def test_switching_language_relabels_the_screens(examples: Path) -> None:
    app = make_app(examples, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.title == "vendorrisk 委託先・クラウド評価"
        header = str(app.screen.query_one("#filter").placeholder)
        assert "絞り込み" in header


async def test_the_command_palette_opens_an_assessment_by_vendor_name(examples: Path) -> None:
    app = make_app(examples, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"chatbot")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, QuestionnaireScreen)
        assert app.screen.session.path.name == "2026-cloud-chatbot-rejected.toml"


async def test_keys_can_be_remapped_by_binding_id(examples: Path) -> None:
    app = make_app(examples, "en", keymap={"list.new": "a"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "NewAssessmentScreen"


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        body = "<p>ISO/IEC 27001 認証取得</p>".encode() if self.path == "/" else b"no"
        self.send_response(200 if self.path == "/" else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


async def test_url_checks_run_in_the_background_and_are_recorded_as_evidence(
    examples: Path, site: str
) -> None:
    from dataclasses import replace

    from vendorrisk.core.model import VendorUrls

    catalogue = load_catalog()
    path = examples / DRAFT
    loaded = storage.load(path, catalogue)
    vendor = replace(loaded.assessment.vendor, urls=VendorUrls(website=site))
    storage.save(loaded, replace(loaded.assessment, vendor=vendor), catalogue, summary="test URL")
    options = {"allow_private": True, "timeout": 5.0, "retries": 0, "http_probe_ports": {}}
    app = make_app(examples, "en", checker_options=options)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_file(app, pilot, DRAFT)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ChecksScreen)
        assert [r["url"] for r in screen.records] == [site]
        # The certification by its name, in full.
        assert "ISO/IEC 27001 (ISMS)" in str(screen.query_one("#checks").get_row_at(0))
        await pilot.press("ctrl+w")
        await settle(app, pilot)
    recorded = storage.load(path, catalogue).assessment
    assert [r["url"] for r in recorded.url_checks] == [site]
    assert recorded.answers == loaded.assessment.answers


async def test_a_refused_url_is_explained_as_the_cli_does_and_never_recorded(
    examples: Path, site: str
) -> None:
    from dataclasses import replace

    from vendorrisk.core.model import VendorUrls

    catalogue = load_catalog()
    path = examples / DRAFT
    loaded = storage.load(path, catalogue)
    vendor = replace(loaded.assessment.vendor, urls=VendorUrls(website=site))
    storage.save(loaded, replace(loaded.assessment, vendor=vendor), catalogue, summary="test URL")
    # Loopback is refused unless allowed, as in the CLI.
    app = make_app(examples, "en", checker_options={"timeout": 5.0, "retries": 0})
    async with app.run_test(size=(80, 24)) as pilot:
        await open_file(app, pilot, DRAFT)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        details = str(app.screen.query_one("#checks-details", Static).render())
        assert "--allow-private" in details and "not recorded as evidence" in details
        await pilot.press("ctrl+w")
        await settle(app, pilot)
    assert storage.load(path, catalogue).assessment.url_checks == ()


async def test_an_exception_recorded_on_the_review_screen_waives_its_blocker(
    examples: Path,
) -> None:
    from textual.widgets import Input

    from vendorrisk.tui.screens.exception_modal import ExceptionModal
    from vendorrisk.tui.screens.review import ReviewScreen

    app = make_app(examples, "en")
    path = examples / "2026-cloud-chatbot-rejected.toml"
    async with app.run_test(size=(120, 40)) as pilot:
        await open_file(app, pilot, "2026-cloud-chatbot-rejected.toml")
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        # Focus a text field first: the key must work there too.
        app.screen.query_one("#comment").focus()
        await pilot.press("ctrl+g")
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, ExceptionModal)
        first_blocker = modal.requirements[0]
        await pilot.click("#ex-save")  # nothing filled in: refused with a message
        assert isinstance(app.screen, ExceptionModal)
        for selector, text in (
            ("#ex-control", "国内リージョン移行まで個人情報を入力しない運用とする"),
            ("#ex-approver", "CISO 山田"),
            ("#ex-until", "2027-03-31"),
        ):
            modal.query_one(selector, Input).insert_text_at_cursor(text)
        await pilot.pause(0.3)  # a button ignores presses while it still shows the last one
        await pilot.click("#ex-save")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        text = str(app.screen.query_one("#review-exceptions").render())
        assert first_blocker in text and "CISO 山田" in text
    saved = storage.load(path, load_catalog()).assessment
    (grant,) = saved.exceptions
    assert grant.requirement == first_blocker and str(grant.until) == "2027-03-31"
    # Its own revision, named in the history.
    assert history_of(saved.history[-1]) == f"exception for {first_blocker} (until 2027-03-31)"
