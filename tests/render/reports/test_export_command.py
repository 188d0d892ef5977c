"""``vendorrisk export``: CSV a Japanese Excel opens, JSON for scripts, formula injection
neutralised, invalid files left out and named."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.render.reports.conftest import TODAY, check_golden
from vendorrisk.cli import main
from vendorrisk.render.reports.export import neutralise


def export(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run_cli(capsys, "export", "--today", TODAY, *args)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_csv_export_matches_its_golden_file(
    capsys: pytest.CaptureFixture[str], workdir: Path, lang: str
) -> None:
    code, out, err = run_cli(capsys, "--lang", lang, "export", "--today", TODAY)
    assert (code, err) == (0, "")
    check_golden(f"export.{lang}.csv", out)


def test_json_export_matches_its_golden_file(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    code, out, err = export(capsys, "--format", "json")
    assert (code, err) == (0, "")
    check_golden("export.json", out)
    rows = json.loads(out)["rows"]
    assert [r["suggested_decision"] for r in rows] == [
        "incomplete",
        "reject",
        "approve_with_conditions",
        "approve_with_conditions",
        "approve",
    ]


def test_csv_has_a_bom_and_reads_back_one_row_per_assessment(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    code, out, _ = run_cli(capsys, "--lang", "ja", "export", "--today", TODAY)
    assert code == 0 and out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"), newline="")))
    assert len(rows) == 5
    social = rows[-1]
    assert social["事業者"] == "つながるネット株式会社"
    assert (social["判定"], social["リスク"], social["次回見直し日"]) == (
        "承認",
        "低",
        "2027-11-01",
    )
    assert (social["機密性"], social["完全性"], social["可用性"]) == ("1", "1", "2")
    assert rows[0]["承認阻害件数"] == "26" and rows[0]["点数"] == "32.3"


def test_encoding_option_writes_without_bom_or_in_shift_jis(
    capsysbinary: pytest.CaptureFixture[bytes], workdir: Path
) -> None:
    assert main(["--lang", "ja", "export", "--today", TODAY, "--encoding", "utf-8"]) == 0
    plain = capsysbinary.readouterr().out
    assert not plain.startswith(b"\xef\xbb\xbf") and "文書管理".encode() in plain
    assert main(["--lang", "ja", "export", "--today", TODAY, "--encoding", "cp932"]) == 0
    assert capsysbinary.readouterr().out.decode("cp932") == plain.decode("utf-8")


def test_unknown_or_unsuitable_encoding_exits_2(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    code, out, err = export(capsys, "--encoding", "klingon")
    assert code == 2 and out == "" and "klingon" in err
    code, out, err = export(capsys, "--encoding", "ascii")
    assert code == 2 and out == "" and "ascii" in err


def test_formula_injection_is_neutralised_in_csv(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    path = workdir / "assessments" / "2026-cloud-anketo-draft.toml"
    text = path.read_text("utf-8")
    text = text.replace(
        'name = "株式会社フォームワークス"', 'name = "=HYPERLINK(\\"http://x\\",\\"y\\")"'
    )
    text = text.replace('name = "オンラインアンケート集計サービス"', 'name = "@SUM(A1:A9)"')
    path.write_text(text, "utf-8")
    code, out, err = export(capsys)
    assert code == 0, err
    row = next(csv.reader(io.StringIO(out.removeprefix("\ufeff").splitlines()[1])))
    assert row[1] == '\'=HYPERLINK("http://x","y")'
    assert row[2] == "'@SUM(A1:A9)"
    # JSON is data for programs, not a spreadsheet: it keeps the text as it is.
    _, out, _ = export(capsys, "--format", "json")
    assert json.loads(out)["rows"][0]["vendor"].startswith("=HYPERLINK")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+81 6", "'+81 6"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("株式会社=", "株式会社="),
        ("", ""),
        ("2027-11-01", "2027-11-01"),
    ],
)
def test_cells_a_spreadsheet_would_evaluate_get_a_leading_apostrophe(
    cell: str, expected: str
) -> None:
    assert neutralise(cell) == expected


def test_invalid_files_are_named_left_out_and_exit_1(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    (workdir / "assessments" / "zz-broken.toml").write_text(
        'schema_version = 1\n[vendor]\nname = "x"\n', "utf-8"
    )
    code, out, err = export(capsys, "--format", "json")
    assert code == 1
    assert len(json.loads(out)["rows"]) == 5
    assert "zz-broken.toml" in err and "1 invalid file(s) left out" in err


def test_missing_folder_exits_2(capsys: pytest.CaptureFixture[str], workdir: Path) -> None:
    code, out, err = export(capsys, "--dir", "nowhere")
    assert code == 2 and out == "" and "nowhere" in err


def test_export_to_a_file(capsys: pytest.CaptureFixture[str], workdir: Path) -> None:
    code, out, _ = export(capsys, "-o", "list.csv")
    assert (code, out) == (0, "")
    assert (workdir / "list.csv").read_bytes().startswith(b"\xef\xbb\xbf")
