"""Format 2 keeps codes and parameters where format 1 kept words; format-1 files still load.

Format 1 wrote each history entry as one line of words in the saver's language (the
examples mixed English and Japanese). The upgrade reads the tool's own texts back as codes
in either language and keeps anything else, a person's words, as the entry's comment.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from vendorrisk.core.catalog import load_catalog
from vendorrisk.core.codes import Joined, Phrase, phrase
from vendorrisk.core.history_codes import HistoryCode, ListCode, StatusWord, stored_codes
from vendorrisk.core.model import HistoryEntry
from vendorrisk.messages import Lang, say
from vendorrisk.render.history_words import history_text
from vendorrisk.store import storage, toml_writer
from vendorrisk.store.upgrades.format1 import read_summary

AT = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)

SUMMARIES: list[tuple[str, list[Phrase], str | None]] = [
    ("assessment created", [phrase(HistoryCode.CREATED)], None),
    ("評価を作成", [phrase(HistoryCode.CREATED)], None),
    ("draft → submitted", [phrase(HistoryCode.MOVED, old="draft", new="submitted")], None),
    (
        "in_review → approved: 確認済み; 次回は 2027-11",
        [
            phrase(
                HistoryCode.MOVED_COMMENT,
                old="in_review",
                new="approved",
                comment="確認済み; 次回は 2027-11",
            )
        ],
        None,
    ),
    (
        "comment on A-01; in_review → rejected",
        [
            phrase(HistoryCode.COMMENTED, id="A-01"),
            phrase(HistoryCode.MOVED, old="in_review", new="rejected"),
        ],
        None,
    ),
    (
        "回答を取込み; back in review: changed after approved (C-01)",
        [phrase(HistoryCode.REOPENED, status=StatusWord.APPROVED, ids="C-01")],
        "回答を取込み",
    ),
    (
        "「条件付き承認」の後に変更があったため審査中に戻しました（変更: A-01, A-02 ほか 3 件）",
        [
            phrase(
                HistoryCode.REOPENED,
                status=StatusWord.APPROVED_WITH_CONDITIONS,
                ids=phrase(ListCode.MORE, shown="A-01, A-02", count=3),
            )
        ],
        None,
    ),
    (
        "exception for M-01 (until 2027-03-31)",
        [phrase(HistoryCode.EXCEPTION_GRANTED, id="M-01", until=dt.date(2027, 3, 31))],
        None,
    ),
    (
        "評価項目 1.0.0 → 1.1.0 に移行; 要確認 D-02←D-02",
        [
            phrase(HistoryCode.MIGRATED, old="1.0.0", new="1.1.0"),
            phrase(HistoryCode.MIGRATED_CONFIRM, items="D-02←D-02"),
        ],
        None,
    ),
    (
        "再委託先「枚方工房」（1次）を台帳に登録",
        [phrase(HistoryCode.SUBCONTRACTOR_ADDED, name="枚方工房", level=1)],
        None,
    ),
    ("事業者回答を入力", [], "事業者回答を入力"),
    ("draft → submittedx", [], "draft → submittedx"),
]


@pytest.mark.parametrize(
    ("summary", "events", "comment"), SUMMARIES, ids=[s for s, _, _ in SUMMARIES]
)
def test_a_format_1_summary_is_read_back_as_codes_or_kept_as_the_comment(
    summary: str, events: list[Phrase], comment: str | None
) -> None:
    assert read_summary(summary) == (events, comment)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(
    ("summary", "events", "comment"), SUMMARIES, ids=[s for s, _, _ in SUMMARIES]
)
def test_an_upgraded_entry_is_shown_as_format_1_wrote_it_in_its_language(
    summary: str, events: list[Phrase], comment: str | None, lang: Lang
) -> None:
    entry = HistoryEntry(1, AT, "x", tuple(events), comment)
    shown = {history_text(entry, "ja"), history_text(entry, "en")}
    assert summary in shown
    if not events:
        assert history_text(entry, lang) == summary


IDS = st.from_regex(r"[A-Z]-[0-9]{2}[a-z]?", fullmatch=True)


@given(
    code=st.sampled_from([HistoryCode.VERIFIED, HistoryCode.ANSWERS_UPDATED]),
    ids=st.lists(IDS, min_size=1, max_size=14, unique=True),
    lang=st.sampled_from(["ja", "en"]),
)
def test_what_format_2_says_reads_back_as_the_same_codes(
    code: HistoryCode, ids: list[str], lang: Lang
) -> None:
    """Said in either language, then read as format 1 would have stored it: the same phrase
    (so words written by any earlier version come back as the codes they stood for)."""
    from vendorrisk.core.rule_codes import ids as id_list

    said = phrase(code, ids=id_list(ids))
    assert read_summary(say(said, lang)) == ([said], None)


def test_the_schema_lists_exactly_the_codes_a_file_may_hold() -> None:
    for folder in (REPO / "schemas", REPO / "src" / "vendorrisk" / "core" / "schemas"):
        schema = json.loads((folder / "assessment.schema.json").read_text("utf-8"))
        assert schema["$defs"]["storedCode"]["enum"] == list(stored_codes())


def _format_1(path: Path, lang: Lang) -> None:
    """Rewrite a format-2 file as format 1 wrote it, before its upgrade was recorded:
    summaries in ``lang``, words in the URL-check records."""
    catalogue = load_catalog()
    history = storage.load(path, catalogue).assessment.history[:-1]
    doc: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    doc["schema_version"] = 1
    doc["revision"] = history[-1].revision
    doc["history"] = [
        {"revision": h.revision, "at": h.at, "by": h.by, "summary": history_text(h, lang)}
        for h in history
    ]
    doc["url_checks"] = [
        {
            "schema_version": 1,
            "url": "https://example.jp/",
            "ok": False,
            "refused": False,
            "redirects": [],
            "error": {"code": "timeout", "message": "the site did not answer in time"},
            "headers": [{"id": "csp", "verdict": "fail", "code": "csp-missing", "message": "m"}],
            "certifications": {"note": "mentions are evidence to verify", "mentions": []},
            "failures": ["timeout"],
            "warnings": [],
            "checked_at": "2026-11-01T00:00:00Z",
            "elapsed_ms": 12,
            "checker": "vendorrisk/0.1.0",
        }
    ]
    path.write_text(toml_writer.dumps(doc), "utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_format_1_example_loads_keeps_its_approval_and_migrates_to_codes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: Lang
) -> None:
    shutil.copytree(REPO / "assessments", tmp_path / "assessments")
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    path = tmp_path / "assessments" / "2026-cloud-fumikura-lgwan.toml"
    catalogue = load_catalog()
    current = storage.load(path, catalogue).assessment
    assert current.history[-1].events[0].code == HistoryCode.FORMAT_UPGRADED
    _format_1(path, lang)
    old = storage.load(path, catalogue).assessment  # format 1 loads, read as format 2
    assert old.history == current.history[:-1]
    assert old.review == current.review
    (record,) = old.url_checks
    assert record["schema_version"] == 2 and record["error"] == {"code": "timeout"}
    assert record["certifications"] == {"mentions": []}
    assert "message" not in record["headers"][0]
    assert run_cli(capsys, "validate", path, "--no-cache")[0] == 0
    code, out, err = run_cli(capsys, "migrate", "--dry-run", path)
    assert code == 0, err
    # Only the format moves: the line says so, not "1.1.0 → 1.1.0".
    assert "1.1.0 → 1.1.0" not in out and ("1 → 2" in out or "版 1 から版 2" in out), out
    code, out, err = run_cli(capsys, "migrate", path)
    assert code == 0, err
    assert "1.1.0 → 1.1.0" not in out and ("1 → 2" in out or "版 1 から版 2" in out), out
    text = path.read_text("utf-8")
    assert "schema_version = 2" in text and "summary =" not in text
    migrated = storage.load(path, catalogue).assessment
    assert migrated.review.status == current.review.status
    assert migrated.history[:-1] == current.history[:-1]
    assert migrated.history[-1].events == (phrase(HistoryCode.FORMAT_UPGRADED, old=1, new=2),)


def test_a_save_that_reopens_an_approval_records_both_as_codes() -> None:
    moved = phrase(HistoryCode.MOVED, old="in_review", new="approved")
    reason = phrase(HistoryCode.REOPENED_UNKNOWN, status=StatusWord.APPROVED)
    entry = storage._entry(2, AT, "x", Joined((moved, reason)))
    assert entry.events == (moved, reason) and entry.comment is None
    typed = storage._entry(2, AT, "x", Joined(("回答を取込み", reason)))
    assert typed.events == (reason,) and typed.comment == "回答を取込み"
    assert (
        history_text(typed, "en") == "回答を取込み; back in review: what was approved had changed"
    )


def test_each_stored_code_takes_the_parameters_its_text_shows() -> None:
    import string

    from vendorrisk.core.history_codes import PARAMETERS, STORED

    for kind in STORED:
        for code in kind:
            for lang in ("ja", "en"):
                shown = {
                    name for _, name, _, _ in string.Formatter().parse(say(code, lang)) if name
                }
                assert shown == set(PARAMETERS.get(code, frozenset())), (code, lang)
