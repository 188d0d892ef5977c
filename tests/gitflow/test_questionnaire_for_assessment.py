"""``questionnaire export --assessment PATH``: the blank questionnaire for exactly that
assessment, so that filling every row in and importing it back refuses nothing."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from vendorrisk.core.catalog import Catalogue
from vendorrisk.store import storage

# Answers that make every condition on a vendor question true (P-01, P-03, P-05).
SWITCHES = {"P-01": "true", "P-03": "ismap", "P-05": "true"}


def _value(row: dict[str, str]) -> str:
    if row["id"] in SWITCHES:
        return SWITCHES[row["id"]]
    kind = row["answer_type"]
    if kind in ("choice", "multi"):
        return row["choices"].split(" (", 1)[0]
    return {
        "compliance": "met",
        "boolean": "true",
        "number": "3",
        "date": "2026-11-01",
    }.get(kind, "回答テキスト")


def _filled_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str | Path
) -> tuple[Path, int]:
    blank = tmp_path / "q.csv"
    code, _, err = run_cli(capsys, "questionnaire", "export", *args, "--format", "csv", "-o", blank)
    assert code == 0, err
    text = blank.read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows
    for row in rows:
        row["value"] = _value(row)
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    filled = tmp_path / "q-filled.csv"
    filled.write_text("\ufeff" + out.getvalue(), encoding="utf-8", newline="")
    return filled, len(rows)


def _new(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> Path:
    code, out, err = run_cli(
        capsys, "new", "--vendor", "株式会社テスト", "--service", "テスト", "--dir", folder, *args
    )
    assert code == 0, err
    return Path(out.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "profile",
    [
        ("--kind", "cloud"),  # tier internet by default: the README's old pairing failed here
        ("--kind", "cloud", "--tier", "lgwan", "--confidentiality", "3A", "--integrity", "2"),
        ("--kind", "contractor", "--tier", "mynumber", "--confidentiality", "3B")
        + ("--personal-data", "--mynumber-data"),
        ("--kind", "social"),
    ],
    ids=["cloud-internet", "cloud-lgwan-3A", "contractor-mynumber", "social"],
)
def test_every_row_of_the_assessments_questionnaire_imports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, profile: tuple[str, ...]
) -> None:
    path = _new(capsys, tmp_path, *profile)
    filled, rows = _filled_csv(capsys, tmp_path, "--assessment", path)
    # A first import answers the profile questions, so what applies changes: accepted here.
    code, out, err = run_cli(
        capsys, "import-answers", filled, "--into", path, "--accept-applicability-changes"
    )
    assert code == 0, out + err
    assert f"{rows} imported, 0 unchanged, 0 blank, 0 refused" in err


def test_the_kind_and_tier_pairing_refused_rows_that_the_assessment_export_leaves_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _new(capsys, tmp_path, "--kind", "cloud")  # internet tier
    filled, _ = _filled_csv(capsys, tmp_path, "--kind", "cloud", "--tier", "lgwan")
    code, out, _ = run_cli(capsys, "import-answers", filled, "--into", path, "--dry-run")
    assert code == 1 and "refused" in out


def test_city_verified_and_city_decided_questions_are_left_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / "a.toml"
    shutil.copy(REPO / "assessments" / "2026-contractor-juki-zeimu-hoshu.toml", path)
    code, out, _ = run_cli(
        capsys, "questionnaire", "export", "--assessment", path, "--format", "csv"
    )
    assert code == 0
    ids = {row["id"] for row in csv.DictReader(io.StringIO(out.removeprefix("\ufeff")))}
    assessment = storage.load(path, catalogue).assessment
    verified = {rid for rid, a in assessment.answers.items() if a.source == "city"}
    assert verified and not ids & verified
    assert all(catalogue.by_id[i].audience == "vendor" for i in ids)
    filled, rows = _filled_csv(capsys, tmp_path, "--assessment", path)
    code, out, err = run_cli(capsys, "import-answers", filled, "--into", path, "--dry-run")
    assert code == 0, out + err
    assert ", 0 refused" in err


def test_assessment_and_tier_do_not_go_together(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _new(capsys, tmp_path, "--kind", "cloud")
    code, _, err = run_cli(
        capsys, "questionnaire", "export", "--assessment", path, "--tier", "lgwan"
    )
    assert code == 2 and "--tier" in err
    assert run_cli(capsys, "questionnaire", "export")[0] == 2  # one of --kind, --assessment
