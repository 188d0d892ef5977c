"""Every malformed file gets a clear message naming the file and line; the batch goes on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import run_cli, run_json
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.localtime import JST
from vendorrisk.core.model import Assessment
from vendorrisk.store import storage
from vendorrisk.store.tomlfile import MAX_ASSESSMENT_BYTES

AT = dt.datetime(2026, 11, 27, 10, 0, tzinfo=JST)


@pytest.fixture
def good(tmp_path: Path, catalogue: Catalogue, assessment: Assessment) -> Path:
    path = tmp_path / "good.toml"
    storage.create(path, assessment, catalogue, by="tester", at=AT)
    return path


def _problems(report: dict[str, Any], name: str) -> list[dict[str, Any]]:
    (entry,) = [f for f in report["files"] if Path(f["path"]).name == name]
    return list(entry["problems"])


def _edit(good: Path, old: str, new: str, name: str) -> Path:
    text = good.read_text("utf-8")
    assert old in text, old
    path = good.with_name(name)
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


CASES: list[tuple[str, bytes | None, str, int | None]] = [
    ("empty.toml", b"", "empty", None),
    ("blank.toml", b"  \n\n", "empty", None),
    ("binary.toml", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary", 3),
    ("utf16.toml", "schema_version = 1\n".encode("utf-16"), "utf16", None),
    ("latin1.toml", b'a = 1\nname = "Soci\xe9t\xe9"\n', "not-utf8", 2),
    ("truncated.toml", b'schema_version = 1\n[vendor]\nname = "\xe6\xa0', "not-utf8", 3),
    ("unterminated.toml", b'schema_version = 1\n[vendor]\nname = "abc\n', "toml-syntax", 3),
    ("duplicate.toml", b"schema_version = 1\nrevision = 1\nrevision = 2\n", "toml-syntax", 3),
    ("deep.toml", b"a = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", "too-deep", None),
    ("not-assessment.toml", b'[tool.poetry]\nname = "x"\n', "schema-missing-key", None),
]


@pytest.mark.parametrize(("name", "content", "code", "line"), CASES, ids=[c[0] for c in CASES])
def test_malformed_files_are_named_with_code_and_line(
    capsys: pytest.CaptureFixture[str],
    good: Path,
    name: str,
    content: bytes,
    code: str,
    line: int | None,
) -> None:
    bad = good.with_name(name)
    bad.write_bytes(content)
    before = bad.read_bytes()
    exit_code, report = run_json(capsys, "validate", good, bad)
    assert exit_code == 1
    problems = _problems(report, name)
    assert code in [p["code"] for p in problems], problems
    if line is not None:
        assert [p["line"] for p in problems if p["code"] == code][0] == line
    assert all(p["message"] for p in problems)
    assert _problems(report, "good.toml") == []  # the rest of the batch is still checked
    assert bad.read_bytes() == before  # the file is untouched


def test_conflict_markers_are_recognised_as_such(
    capsys: pytest.CaptureFixture[str], good: Path
) -> None:
    text = good.read_text("utf-8")
    conflicted = text.replace(
        'status = "draft"\n',
        '<<<<<<< HEAD\nstatus = "draft"\n=======\nstatus = "submitted"\n>>>>>>> feature\n',
    )
    path = good.with_name("conflict.toml")
    path.write_text(conflicted, "utf-8")
    code, out, err = run_cli(capsys, "validate", path)
    assert code == 1
    assert "conflict-markers" in out
    assert "conflict" in out.lower()
    assert "Traceback" not in out + err


def test_a_sixty_megabyte_value_is_refused_by_the_size_limit(
    capsys: pytest.CaptureFixture[str], good: Path
) -> None:
    path = good.with_name("huge.toml")
    with path.open("wb") as handle:
        handle.write(b'note = "')
        handle.write(b"x" * (60 * 1024 * 1024))
        handle.write(b'"\n')
    code, report = run_json(capsys, "validate", path)
    assert code == 1
    (problem,) = _problems(report, "huge.toml")
    assert problem["code"] == "too-large"
    assert str(MAX_ASSESSMENT_BYTES) in problem["message"]


@pytest.mark.parametrize(
    ("old", "new", "code", "key"),
    [
        ("schema_version = 2", 'schema_version = "2"', "schema", "schema_version"),
        ('kind = "contractor"', 'kind = "outsourcer"', "schema", "service.kind"),
        (
            'name = "株式会社サンプル情報システム"',
            'name = "株式会社サンプル情報システム"\nnmae = "typo"',
            "schema-unknown-key",
            "vendor.nmae",
        ),
        ("[review]", "[reveiw]", "schema-unknown-key", "reveiw"),
        (
            'corporate_number = "7000012050002"',
            'corporate_number = "8000012050002"',
            "corporate-number",
            "vendor.corporate_number",
        ),
        (
            "answered_at = 2026-11-02",
            'answered_at = "2026-11-02"',
            "date-quoted",
            "answers.P-01.answered_at",
        ),
        ('value = "met"', 'value = "yes"', "answer-type", "answers.A-05.value"),
        ('value = "met"', "value = 3", "answer-type", "answers.A-05.value"),
        ("value = true", 'value = "true"', "answer-type", "answers.P-01.value"),
        ('value = "met"', 'value = "na"', "na-reason", "answers.A-05.value"),
        ("[answers.P-01]", "[answers.Z-99]", "unknown-requirement", "answers.Z-99"),
        ("revision = 1\n", "revision = 2\n", "revision-mismatch", "revision"),
    ],
)
def test_schema_and_meaning_errors_name_the_key_and_line(
    capsys: pytest.CaptureFixture[str], good: Path, old: str, new: str, code: str, key: str | None
) -> None:
    path = _edit(good, old, new, "edited.toml")
    exit_code, report = run_json(capsys, "validate", path)
    assert exit_code == 1
    problems = [p for p in _problems(report, "edited.toml") if p["code"] == code]
    assert problems, _problems(report, "edited.toml")
    if key is not None:
        assert problems[0]["key"] == key
    assert problems[0]["line"] is not None
    lines = path.read_text("utf-8").splitlines()
    if key is not None and "." in key:
        assert (
            key.rsplit(".", 1)[1] in lines[problems[0]["line"] - 1]
            or "[" in lines[problems[0]["line"] - 1]
        )


def test_history_that_goes_backwards_is_an_error(
    capsys: pytest.CaptureFixture[str], good: Path
) -> None:
    text = good.read_text("utf-8")
    text = text.replace("revision = 1\n", "revision = 2\n", 1)
    text += '\n[[history]]\nrevision = 2\nat = 2020-01-01 00:00:00+09:00\nby = "x"\ncomment = "y"\n'
    path = good.with_name("history.toml")
    path.write_text(text, "utf-8")
    _, report = run_json(capsys, "validate", path)
    assert "history-time" in [p["code"] for p in _problems(report, "history.toml")]


def test_an_answer_to_a_question_that_does_not_apply_is_only_a_warning(
    capsys: pytest.CaptureFixture[str], good: Path
) -> None:
    # P-05 (generative AI) is asked of cloud services, not of contractors.
    path = good.with_name("extra.toml")
    path.write_text(good.read_text("utf-8") + "\n[answers.P-05]\nvalue = true\n", "utf-8")
    code, report = run_json(capsys, "validate", path)
    problems = _problems(report, "extra.toml")
    assert [(p["code"], p["severity"]) for p in problems] == [("not-applicable", "warning")]
    assert code == 0


def test_a_missing_path_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run_cli(capsys, "validate", tmp_path / "nope.toml")
    assert code == 2
    assert "nope.toml" in out


def test_a_byte_order_mark_is_a_warning_and_fmt_removes_it(
    capsys: pytest.CaptureFixture[str], good: Path
) -> None:
    path = good.with_name("bom.toml")
    path.write_bytes(b"\xef\xbb\xbf" + good.read_bytes())
    code, report = run_json(capsys, "validate", path)
    assert code == 0
    assert [p["code"] for p in _problems(report, "bom.toml")] == ["bom"]
    assert run_cli(capsys, "fmt", path)[0] == 0
    assert path.read_bytes() == good.read_bytes()


def test_a_url_check_record_that_breaks_its_schema_is_named(
    capsys: pytest.CaptureFixture[str], good: Path
) -> None:
    path = good.with_name("urlcheck.toml")
    path.write_text(
        good.read_text("utf-8") + '\n[[url_checks]]\nurl = "https://example.jp/"\nok = "yes"\n',
        "utf-8",
    )
    code, report = run_json(capsys, "validate", path)
    assert code == 1
    keys = {p["key"] for p in _problems(report, "urlcheck.toml")}
    assert "url_checks[0].ok" in keys or "url_checks[0]" in keys


def test_a_note_with_a_marker_like_line_is_text_not_a_conflict(
    capsys: pytest.CaptureFixture[str], good: Path
) -> None:
    # A Markdown heading underline in a note looks like a Git conflict separator.
    code, _, err = run_cli(
        capsys,
        "review",
        good,
        "--on",
        "A-05",
        "--reviewer",
        "鈴木",
        "--comment",
        "確認\n=======\n第5条",
    )
    assert code == 0, err
    assert run_cli(capsys, "validate", good)[0] == 0
    assert "=======" in good.read_text("utf-8")


def _nested(depth: int) -> str:
    """An event whose ``reasons`` hold an event that holds one... ``depth`` deep."""
    inner = '{ code = "approval.stale" }'
    for _ in range(depth):
        inner = f'{{ code = "approval.reopened-invalid", params = {{ status = "x", reasons = {inner} }} }}'
    return inner


# A hand edit the schema lets through but the event's text could not show (its placeholders
# would appear raw): validate names it.
HISTORY_EVENTS = [
    ("moved-without-statuses", '{ code = "history.moved" }', "history-event"),
    (
        "a-parameter-that-needs-its-own-parameters",
        '{ code = "history.moved", params = { old = { code = "register.summary-added" }, new = "x" } }',
        "history-event",
    ),
    ("phrases-nested-too-deep", _nested(30), "history-event-depth"),
]


@pytest.mark.parametrize(
    ("name", "event", "code"), HISTORY_EVENTS, ids=[c[0] for c in HISTORY_EVENTS]
)
def test_a_history_event_that_does_not_fit_its_code_is_an_error(
    capsys: pytest.CaptureFixture[str], good: Path, name: str, event: str, code: str
) -> None:
    text = good.read_text("utf-8").replace("revision = 1\n", "revision = 2\n", 1)
    text += f'\n[[history]]\nrevision = 2\nat = 2026-11-28 00:00:00+09:00\nby = "x"\nevents = [{event}]\n'
    path = good.with_name(f"{name}.toml")
    path.write_text(text, "utf-8")
    exit_code, report = run_json(capsys, "validate", path)
    assert exit_code == 1
    assert code in [p["code"] for p in _problems(report, path.name)]


def test_events_the_tool_writes_fit_their_codes(
    capsys: pytest.CaptureFixture[str], good: Path
) -> None:
    text = good.read_text("utf-8").replace("revision = 1\n", "revision = 2\n", 1)
    text += (
        '\n[[history]]\nrevision = 2\nat = 2026-11-28 00:00:00+09:00\nby = "x"\nevents = ['
        + _nested(3)
        + ', { code = "history.moved", params = { old = "draft", new = "submitted" } }]\n'
    )
    path = good.with_name("fits.toml")
    path.write_text(text, "utf-8")
    _, report = run_json(capsys, "validate", path)
    assert [p["code"] for p in _problems(report, "fits.toml")] == []
