"""Questionnaire export and import-answers: vendor questions only out, untrusted input in."""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path

import pytest
import tomli_w

from tests.cli.helpers import run_cli
from vendorrisk.core.catalog import Catalogue
from vendorrisk.store.storage import digest_of

FUMIKURA = "2026-cloud-fumikura-lgwan.toml"
DRAFT = "2026-cloud-anketo-draft.toml"


def test_export_has_only_vendor_questions_with_guidance_and_criteria(
    capsys: pytest.CaptureFixture[str], catalogue: Catalogue
) -> None:
    code, out, _ = run_cli(capsys, "questionnaire", "export", "--kind", "cloud", "--tier", "lgwan")
    assert code == 0
    data = tomllib.loads(out)
    ids = [q["id"] for q in data["questions"]]
    assert ids and all(catalogue.by_id[i].audience == "vendor" for i in ids)
    assert "A-01a" not in ids  # answered by the city itself (§10)
    a02 = next(q for q in data["questions"] if q["id"] == "A-02")
    assert a02["guidance"] and a02["criteria"]["met"] and a02["value"] == ""


def test_csv_export_neutralises_formulas_and_md_reads_as_a_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(
        capsys, "questionnaire", "export", "--kind", "contractor", "--format", "csv"
    )
    assert code == 0 and out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"), newline="")))
    assert rows[0][0] == "id"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    code, out, _ = run_cli(
        capsys, "questionnaire", "export", "--kind", "social", "--format", "md", "--lang", "ja"
    )
    assert code == 0 and out.startswith("# 寝屋川市 情報セキュリティ質問票")


def _questionnaire(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, answers: dict[str, object]
) -> Path:
    code, out, _ = run_cli(capsys, "questionnaire", "export", "--kind", "cloud")
    assert code == 0
    data = tomllib.loads(out)
    for question in data["questions"]:
        if question["id"] in answers:
            question["value"] = answers[question["id"]]
    data["questions"] += [{"id": i, "value": v} for i, v in answers.items() if i.startswith("ZZ")]
    path = tmp_path / "vendor.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def test_import_records_vendor_answers_with_provenance_and_never_overwrites_city(
    capsys: pytest.CaptureFixture[str], workdir: Path, tmp_path: Path
) -> None:
    target = workdir / DRAFT
    vendor = _questionnaire(
        capsys, tmp_path, {"A-02": "partial", "B-03": 12, "ZZ-99": "met", "P-05": "maybe"}
    )
    code, out, err = run_cli(
        capsys, "import-answers", vendor, "--into", target, "--today", "2026-11-27"
    )
    assert code == 1  # some rows refused
    assert "updated: A-02" in out
    assert "refused: ZZ-99" in out and "no question has the id ZZ-99" in out
    assert "refused: P-05" in out
    text = target.read_text("utf-8")
    block = text.split("[answers.A-02]\n", 1)[1].split("\n\n", 1)[0]
    assert 'value = "partial"' in block and 'source = "vendor"' in block
    assert "vendor-stated: imported from questionnaire vendor.toml" in block
    assert "answered_at = 2026-11-27" in block
    # Importing the same file again changes nothing.
    before = digest_of(target.read_bytes())
    run_cli(capsys, "import-answers", vendor, "--into", target, "--today", "2026-11-28")
    assert digest_of(target.read_bytes()) == before


def test_import_refuses_city_questions_and_city_verified_answers(
    capsys: pytest.CaptureFixture[str], workdir: Path, tmp_path: Path
) -> None:
    target = workdir / FUMIKURA
    # A-01a is a city question; P-07 holds an answer verified by city staff.
    vendor = tmp_path / "vendor.csv"
    vendor.write_text("id,value,note\r\nA-01a,met,\r\nA-02,not_met,\r\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "import-answers", vendor, "--into", target)
    assert code == 1
    assert "refused: A-01a" in out and "not a question asked of this vendor" in out
    assert "imported: A-02" in out or "updated: A-02" in out


def test_csv_formula_cells_are_refused_per_row(
    capsys: pytest.CaptureFixture[str], workdir: Path, tmp_path: Path
) -> None:
    target = workdir / DRAFT
    vendor = tmp_path / "vendor.csv"
    vendor.write_text(
        'id,value,note,evidence\r\nA-02,met,"=HYPERLINK(""http://x"")",\r\nA-10a,met,,@SUM(A1)\r\nB-10a,+1,,\r\n',
        encoding="utf-8",
    )
    before = target.read_bytes()
    code, out, _ = run_cli(capsys, "import-answers", vendor, "--into", target)
    assert code == 1
    assert out.count("spreadsheet formula") == 3
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,value\r\n" + "A-02,met\r\n" * 10_000, "too many answers"),
        ("id,value,note\r\nA-02,met," + "x" * 1_000_000 + "\r\n", "is too long"),
        ("id,value\r\n" + "A-02,met\r\n" * 300_000, "file is too large"),
    ],
)
def test_oversized_vendor_files_are_refused_whole(
    capsys: pytest.CaptureFixture[str], workdir: Path, tmp_path: Path, content: str, message: str
) -> None:
    target = workdir / DRAFT
    vendor = tmp_path / "vendor.csv"
    vendor.write_text(content, encoding="utf-8")
    before = target.read_bytes()
    code, _, err = run_cli(capsys, "import-answers", vendor, "--into", target)
    assert code == 1 and message in err
    assert target.read_bytes() == before


def test_a_file_that_is_not_a_questionnaire_is_refused(
    capsys: pytest.CaptureFixture[str], workdir: Path, tmp_path: Path
) -> None:
    vendor = tmp_path / "vendor.toml"
    vendor.write_text('title = "x"\n', encoding="utf-8")
    code, _, err = run_cli(capsys, "import-answers", vendor, "--into", workdir / DRAFT)
    assert code == 1 and "not a vendorrisk questionnaire" in err
    other = tmp_path / "vendor.xlsx"
    other.write_bytes(b"PK")
    assert run_cli(capsys, "import-answers", other, "--into", workdir / DRAFT)[0] == 1


JUKI = "2026-contractor-juki-zeimu-hoshu.toml"


def test_a_vendor_saying_no_re_subcontracting_cannot_remove_the_city_s_findings(
    capsys: pytest.CaptureFixture[str], workdir: Path, tmp_path: Path
) -> None:
    # Issue 9 §3 on the example: P-01 "no" would switch off the re-subcontracting questions,
    # among them A-24c (consent under 番号法10条).
    target = workdir / JUKI
    vendor = tmp_path / "vendor.csv"
    vendor.write_text("id,value\r\nP-01,no\r\n", encoding="utf-8")
    before = target.read_bytes()
    code, out, err = run_cli(capsys, "import-answers", vendor, "--into", target)
    assert code == 1
    assert "stops applying: A-24c" in out
    assert "held back: the answers to P-01 change which questions apply" in err
    assert target.read_bytes() == before

    # Once city staff have verified A-24c, not even the flag lets the vendor switch it off.
    text = target.read_text("utf-8")
    head, block = text.split("[answers.A-24c]\n", 1)
    target.write_text(
        head + "[answers.A-24c]\n" + block.replace('source = "vendor"', 'source = "city"', 1),
        encoding="utf-8",
    )
    before = target.read_bytes()
    code, out, err = run_cli(
        capsys, "import-answers", vendor, "--into", target, "--accept-applicability-changes"
    )
    assert code == 1
    assert "import refused: the answers to P-01 would make A-24c stop applying" in err
    assert target.read_bytes() == before
