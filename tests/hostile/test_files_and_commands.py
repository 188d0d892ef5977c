"""The hostile corpus through files and commands: the schema refuses controls and bidi
with a message naming the field; what it accepts (Markdown and HTML payloads, odd file
names) reaches every command's output inert; textconv and diff never crash."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from tests.gitflow.conftest import GitRunner
from tests.hostile.corpus import (
    FORGED_LINE,
    LINE_FORGE,
    OSC52_HIDE,
    SCHEMA_VALID,
    SPECIAL_FILES,
    TERMINAL,
    unsafe_characters,
)
from vendorrisk.core.validation.schema_check import schema_problems, surely_valid

EXAMPLE = REPO / "assessments" / "2026-cloud-fumikura-lgwan.toml"
NAME_LINE = 'name = "株式会社淀川ドキュメントサービス"'
NOTE_LINE = 'note = "復旧訓練は年 1 回実施と回答。直近の訓練結果報告書は未提出。"'


def _toml_string(text: str) -> str:
    # JSON's escapes (\uXXXX, \n, \t, \", \\, \b, \f, \r) are all TOML basic-string escapes.
    return json.dumps(text, ensure_ascii=True)


def _example_with(tmp_path: Path, *, name: str | None = None, note: str | None = None) -> Path:
    text = EXAMPLE.read_text("utf-8")
    assert NAME_LINE in text and NOTE_LINE in text
    if name is not None:
        text = text.replace(NAME_LINE, f"name = {_toml_string(name)}", 1)
    if note is not None:
        text = text.replace(NOTE_LINE, f"note = {_toml_string(note)}", 1)
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _inert(*streams: str) -> None:
    for stream in streams:
        # CRLF ends a CSV row; a lone CR would let the next text overwrite the line.
        assert unsafe_characters(stream.replace("\r\n", "\n")) == []
        assert not any(line.startswith(FORGED_LINE) for line in stream.splitlines())


# --- the schema refuses ------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted({**TERMINAL, **LINE_FORGE}))
def test_a_one_line_field_refuses_controls_bidi_and_line_breaks_naming_the_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    payload = {**TERMINAL, **LINE_FORGE}[name]
    code, out, err = run_cli(capsys, "validate", _example_with(tmp_path, name=payload))
    assert code == 1
    assert "[schema-control-character] (vendor.name) vendor.name holds the character U+" in out
    _inert(out, err)


@pytest.mark.parametrize("name", sorted(TERMINAL))
def test_a_multi_line_text_refuses_controls_and_bidi_but_not_line_breaks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    payload = TERMINAL[name]
    code, out, err = run_cli(capsys, "validate", _example_with(tmp_path, note=payload))
    assert code == 1
    assert "[schema-control-character] (answers.B-14b.note)" in out
    assert "line breaks and tabs are allowed here" in out
    _inert(out, err)


@pytest.mark.parametrize("payload", [LINE_FORGE["forged-line"], "a\tb"])
def test_a_multi_line_text_keeps_newlines_and_tabs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, payload: str
) -> None:
    assert run_cli(capsys, "validate", _example_with(tmp_path, note=payload))[0] == 0


@pytest.mark.parametrize(
    ("pointer", "value"),
    [
        (("vendor", "name"), "name\n"),
        (("vendor", "corporate_number"), "1120001234567\n"),
        (("vendor", "urls", "security"), "https://example.jp/\n"),
        (("catalog", "id"), "neyagawa-vendor-standard\n"),
    ],
    ids=["line", "corporate-number", "url", "identifier"],
)
def test_no_pattern_lets_a_trailing_newline_through(pointer: tuple[str, ...], value: str) -> None:
    document = _document()
    target = document
    for key in pointer[:-1]:
        target = target.setdefault(key, {})
    target[pointer[-1]] = value
    assert schema_problems("assessment", document) != []


def _document() -> dict[str, object]:
    import tomllib

    from vendorrisk.store.tomlfile import jsonable

    data: dict[str, object] = jsonable(tomllib.loads(EXAMPLE.read_text("utf-8")))
    return data


_hostile_text = st.text(
    st.one_of(
        st.sampled_from(list("\x00\x07\x1b\t\n\r\x7f\x85\x9b\u061c\u200e\u202e\u2028\u2066 a")),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_hostile_text, note=_hostile_text, ref=_hostile_text, comment=_hostile_text)
def test_the_fast_check_is_never_more_lenient_than_the_schema_on_hostile_text(
    name: str, note: str, ref: str, comment: str
) -> None:
    document = _document()
    vendor = document["vendor"]
    assert isinstance(vendor, dict)
    vendor["name"] = name
    answers = document["answers"]
    assert isinstance(answers, dict)
    answers["B-14b"]["note"] = note
    answers["B-14b"]["evidence"] = [{"kind": "document", "ref": ref}]
    answers["B-14b"]["comments"] = [{"by": "x", "at": "2026-11-02", "text": comment}]
    if surely_valid("assessment", document):
        assert schema_problems("assessment", document) == []


# --- what the schema accepts reaches every command inert ---------------------------------


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    """Example assessments, one renamed with controls and bidi in its name, one holding
    every schema-valid payload, and one invalid file with a hostile name."""
    folder = tmp_path / "assessments"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / f"x\u202egpj{OSC52_HIDE}.toml")
    payload = " ".join(SCHEMA_VALID.values())
    text = EXAMPLE.read_text("utf-8").replace(NAME_LINE, f"name = {_toml_string(payload)}", 1)
    text = text.replace(NOTE_LINE, f"note = {_toml_string(payload)}", 1)
    (folder / "markup.toml").write_text(text, encoding="utf-8")
    (folder / "bad\x1b[2K\x9b1A.toml").write_text("schema_version = 1\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "{dir}"],
        ["validate", "--format", "json", "{dir}"],
        ["due", "--dir", "{dir}", "--within", "10000"],
        ["due", "--dir", "{dir}", "--within", "10000", "--format", "json"],
        ["summary", "--dir", "{dir}"],
        ["summary", "--dir", "{dir}", "--format", "json"],
        ["export", "--dir", "{dir}"],
        ["export", "--dir", "{dir}", "--format", "json"],
        ["score", "{markup}"],
        ["report", "{markup}"],
        ["report", "{markup}", "--format", "html"],
        ["report", "{markup}", "--format", "json"],
        ["textconv", "{markup}"],
        ["textconv", "{bad}"],
        ["diff", "{example}", "{markup}"],
        ["diff", "{example}", "{markup}", "--format", "md"],
        ["diff", "{example}", "{markup}", "--format", "json"],
        ["diff", "{example}", "{bad}"],
        ["export", "--format", "oscal-ar", "{markup}"],
        ["fmt", "--check", "{dir}"],
        ["outdated", "--dir", "{dir}"],
        ["migrate", "--dry-run", "--dir", "{dir}"],
    ],
    ids=lambda c: " ".join(c),
)
def test_every_command_prints_hostile_names_and_text_inert(
    capsys: pytest.CaptureFixture[str], hostile_dir: Path, command: list[str]
) -> None:
    bad = next(p for p in hostile_dir.iterdir() if p.name.startswith("bad"))
    places = {
        "dir": str(hostile_dir),
        "markup": str(hostile_dir / "markup.toml"),
        "example": str(EXAMPLE),
        "bad": str(bad),
    }
    args = [a.format(**places) for a in command]
    code, out, err = run_cli(capsys, "--lang", "en", *args)
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    _inert(out, err)


def test_import_refusal_lines_show_the_vendors_text_inert(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "target.toml"
    shutil.copy(REPO / "assessments" / "2026-cloud-anketo-draft.toml", target)
    vendor = tmp_path / "vendor.csv"
    vendor.write_text(
        f'id,value,note\r\n"A-02{OSC52_HIDE}",met,\r\n"x\u202egpj.exe",met,\r\n'
        f'"A-03\r\n{FORGED_LINE}",met,\r\n',
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "import-answers", vendor, "--into", target)
    assert code in (1, 2)
    _inert(out, err)


# --- textconv and diff never crash --------------------------------------------------------


def test_textconv_shows_an_unparseable_file_raw_and_inert_after_a_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_bytes(b"[vendor\nname = 'x\x1b]52;c;ZXZpbA==\x07'\n\xff\xfe\n")
    code, out, err = run_cli(capsys, "--lang", "en", "textconv", broken)
    assert code == 0 and err == ""
    note, *rest = out.splitlines()
    assert note.startswith("# vendorrisk textconv: not readable as an assessment")
    assert rest[0] == "[vendor"
    assert rest[1] == "name = 'x\\u001b]52;c;ZXZpbA==\\u0007'"
    _inert(out)


def test_textconv_and_diff_rev_show_an_unknown_answer_value(
    capsys: pytest.CaptureFixture[str], git_repo: tuple[Path, GitRunner]
) -> None:
    repo, git = git_repo
    target = repo / "a.toml"
    target.write_bytes(EXAMPLE.read_bytes())
    git("add", ".")
    git("commit", "-q", "-m", "first")
    target.write_text(
        EXAMPLE.read_text("utf-8").replace('value = "met"', 'value = "partially_met"', 1),
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "--lang", "en", "textconv", target)
    assert code == 0 and "answer: partially_met" in out
    code, out, err = run_cli(capsys, "--lang", "en", "diff", "--rev", "HEAD", str(target))
    assert code == 1 and "partially_met" in out and "Traceback" not in err


@pytest.mark.parametrize("name", sorted(SPECIAL_FILES))
def test_textconv_shows_any_file_and_validate_refuses_it_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    path = tmp_path / "special.toml"
    path.write_bytes(SPECIAL_FILES[name])
    code, out, err = run_cli(capsys, "--lang", "en", "textconv", path)
    assert code == 0 and err == ""
    assert out.startswith("# vendorrisk textconv: not readable as an assessment")
    _inert(out)
    code, out, err = run_cli(capsys, "--lang", "en", "validate", path)
    assert code in (1, 2) and "Traceback" not in err
    _inert(out, err)
