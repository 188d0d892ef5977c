"""import-answers treats vendor text as data (issue 10): each refused row is named with its
reason, the rest of the file is still imported, and a dry run agrees with the real run."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.cli.helpers import run_cli
from tests.features.exchange.conftest import vendor, write_assessment
from vendorrisk.core.catalog import Catalogue
from vendorrisk.store import storage

ESC = "\x1b"


def vendor_toml(folder: Path, questions: list[dict[str, Any]], name: str = "vendor.toml") -> Path:
    document = {
        "format": "vendorrisk-questionnaire",
        "format_version": 1,
        "catalog": {"id": "import-test", "version": "1.0.0"},
        "kind": "contractor",
        # A row that is always fine: the file is never refused whole by these cases.
        "questions": [{"id": "R-03", "value": "met"}, *questions],
    }
    path = folder / name
    path.write_text(tomli_w.dumps(document), "utf-8")
    return path


def run_import(
    capsys: pytest.CaptureFixture[str], catalog: Path, source: Path, target: Path, *extra: str
) -> tuple[int, str, str]:
    return run_cli(capsys, "import-answers", source, "--into", target, "--catalog", catalog, *extra)


LONG = 20_000 - 10  # under the cell limit; too long once the provenance line is added

# id: (the row as the vendor wrote it, the reason expected on its refusal line)
REFUSED_ROWS: dict[str, tuple[dict[str, Any], str]] = {
    "esc-in-note": (
        {"id": "T-01", "value": "x", "note": f"ok{ESC}]52;c;aGk=\x07"},
        "the note contains the control or bidi character U+001B",
    ),
    "bel-in-choice-value": (
        {"id": "C-01", "value": "yes\x07"},
        "the value contains the control or bidi character U+0007",
    ),
    "tab-in-one-line-value": (
        {"id": "C-01", "value": "yes\tno"},
        "the value contains the control or bidi character U+0009 (line breaks and tabs",
    ),
    "c1-csi-in-reason": (
        {"id": "R-01", "value": "na", "reason": "理由\x9b2J"},
        "the reason contains the control or bidi character U+009B",
    ),
    "bidi-override-in-evidence": (
        {"id": "R-02", "value": "met", "evidence": ["x\u202egpj.exe"]},
        "the evidence contains the control or bidi character U+202E",
    ),
    "bidi-isolate-in-note": (
        {"id": "T-01", "value": "x", "note": "a\u2066b\u2069"},
        "the note contains the control or bidi character U+2066",
    ),
    "newline-in-evidence": (
        {"id": "R-02", "value": "met", "evidence": ["契約書\nB-09d answer: met"]},
        "the evidence contains the control or bidi character U+000A",
    ),
    "lone-cr-in-note": (
        {"id": "T-01", "value": "x", "note": "a\rb"},
        "the note contains the control or bidi character U+000D",
    ),
    "nan-number": ({"id": "N-01", "value": math.nan}, "'nan' is not a usable number"),
    "inf-number": ({"id": "N-01", "value": math.inf}, "'inf' is not a usable number"),
    "inf-number-as-text": ({"id": "N-01", "value": "-inf"}, "'-inf' is not a usable number"),
    "huge-number-as-text": ({"id": "N-01", "value": "1e999"}, "'1e999' is not a usable number"),
    "evidence-table": (
        {"id": "R-02", "value": "met", "evidence": {"ref": "契約書"}},
        "evidence must be a list of document names (texts), not a table",
    ),
    "evidence-item-table": (
        {"id": "R-02", "value": "met", "evidence": ["契約書", {"ref": "x"}]},
        "each evidence entry must be a document name (text), not a table",
    ),
    "multi-value-table": (
        {"id": "M-01", "value": {"yes": True}},
        "wrong kind of value (the question asks for multi)",
    ),
    "multi-value-list-of-tables": (
        {"id": "M-01", "value": [{"id": "yes"}]},
        "wrong kind of value (the question asks for multi)",
    ),
    "note-table": (
        {"id": "R-02", "value": "met", "note": {"text": "x"}},
        "the note must be text, not a table",
    ),
    "reason-number": (
        {"id": "R-02", "value": "na", "reason": 3},
        "the reason must be text, not a int",
    ),
    "note-plus-provenance-too-long": (
        {"id": "R-02", "value": "met", "note": "x" * LONG},
        f"the note is too long ({LONG} characters): with the line that records where it "
        "came from, it must be at most",
    ),
    "evidence-too-long": (
        {"id": "R-02", "value": "met", "evidence": ["x" * 2_001]},
        "an evidence entry is too long (2001 characters; the limit is 2000)",
    ),
}


@pytest.mark.parametrize("case", REFUSED_ROWS, ids=list(REFUSED_ROWS))
def test_a_hostile_cell_refuses_its_row_with_the_row_and_reason_named(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    small_path: Path,
    small: Catalogue,
    case: str,
) -> None:
    row, reason = REFUSED_ROWS[case]
    target = write_assessment(tmp_path, small, {"P-01": vendor(True)})
    source = vendor_toml(tmp_path, [row])
    dry = run_import(capsys, small_path, source, target, "--dry-run")
    code, out, err = run_import(capsys, small_path, source, target)
    assert code == 1
    refusal = next(line for line in out.splitlines() if line.startswith("refused:"))
    assert refusal.startswith(f"refused: {row['id']} (questions[1]): ")
    assert reason in refusal
    assert ESC not in out + err and "\x9b" not in out and "\u202e" not in out
    assert "imported: R-03" in out  # the rest of the file is still imported
    assert dry[:2] == (code, out)
    saved = storage.load(target, small).assessment
    assert row["id"] not in saved.answers and saved.answers["R-03"].value == "met"


ACCEPTED_ROWS: dict[str, tuple[dict[str, Any], str]] = {
    "newline-and-tab-in-note": (
        {"id": "R-02", "value": "met", "note": "一行目\n\t二行目"},
        "一行目\n\t二行目\n",
    ),
    "crlf-in-text-answer": ({"id": "T-01", "value": "a\r\nb"}, ""),
}


@pytest.mark.parametrize("case", ACCEPTED_ROWS, ids=list(ACCEPTED_ROWS))
def test_line_breaks_and_tabs_are_kept_in_multi_line_texts(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    small_path: Path,
    small: Catalogue,
    case: str,
) -> None:
    row, note_start = ACCEPTED_ROWS[case]
    target = write_assessment(tmp_path, small, {"P-01": vendor(True)})
    source = vendor_toml(tmp_path, [row])
    code, out, err = run_import(capsys, small_path, source, target)
    assert code == 0, out + err
    answer = storage.load(target, small).assessment.answers[row["id"]]
    assert "\r" not in str(answer.value)
    assert (answer.note or "").startswith(note_start + "vendor-stated")
    # The stored text is LF only, so a second import changes nothing.
    before = target.read_bytes()
    run_import(capsys, small_path, source, target)
    assert target.read_bytes() == before


def test_a_note_just_fitting_with_the_provenance_is_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, small_path: Path, small: Catalogue
) -> None:
    target = write_assessment(tmp_path, small, {"P-01": vendor(True)})
    probe = vendor_toml(tmp_path, [{"id": "R-02", "value": "met", "note": "x" * LONG}])
    _, out, _ = run_import(capsys, small_path, probe, target, "--dry-run")
    room = int(out.split("it must be at most ")[1].split(" ")[0])
    source = vendor_toml(tmp_path, [{"id": "R-02", "value": "met", "note": "x" * room}])
    code, out, err = run_import(capsys, small_path, source, target)
    assert code == 0, out + err
    assert len(storage.load(target, small).assessment.answers["R-02"].note or "") == 20_000


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("a\x1bb", "it contains the control or bidi character U+001B"),
        ("a\u202eb", "it contains the control or bidi character U+202E"),
        ("a\nb", "it contains the control or bidi character U+000A"),
        ("   ", "it is blank"),
        ("x" * 501, "it is too long (501 characters; the limit is 500)"),
    ],
    ids=["esc", "bidi", "newline", "blank", "too-long"],
)
def test_a_by_name_that_cannot_be_recorded_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    small_path: Path,
    small: Catalogue,
    name: str,
    reason: str,
) -> None:
    target = write_assessment(tmp_path, small, {})
    before = target.read_bytes()
    source = vendor_toml(tmp_path, [])
    for extra in ((), ("--dry-run",)):
        code, out, err = run_import(capsys, small_path, source, target, "--by", name, *extra)
        assert code == 2
        assert f"the --by name cannot be recorded as who answered: {reason}" in err
        assert "\x1b" not in err and "\u202e" not in err
    assert target.read_bytes() == before


def test_a_file_name_with_control_characters_is_refused_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, small_path: Path, small: Catalogue
) -> None:
    target = write_assessment(tmp_path, small, {})
    source = vendor_toml(tmp_path, [], name="v\x1b[2Kendor.toml")
    code, _, err = run_import(capsys, small_path, source, target)
    assert code == 1
    assert "the file name contains the control or bidi character U+001B" in err
    assert "\x1b" not in err
