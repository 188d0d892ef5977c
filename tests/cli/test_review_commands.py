"""score, review and due through main([...]), on real files."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli, run_json
from tests.conftest import REPO
from vendorrisk import storage
from vendorrisk.catalog import Catalogue

EXAMPLES = REPO / "assessments"


@pytest.mark.parametrize(
    ("name", "decision"),
    [
        ("2026-social-kosodate-account.toml", "approve"),
        ("2026-cloud-fumikura-lgwan.toml", "approve_with_conditions"),
        ("2026-contractor-juki-zeimu-hoshu.toml", "approve_with_conditions"),
        ("2026-cloud-chatbot-rejected.toml", "reject"),
        ("2026-cloud-anketo-draft.toml", "incomplete"),
    ],
)
def test_the_examples_show_every_decision(
    capsys: pytest.CaptureFixture[str], name: str, decision: str
) -> None:
    code, result = run_json(capsys, "score", EXAMPLES / name)
    assert code == 0
    assert result["decision"] == decision
    assert set(result) >= {
        "risk_level",
        "score",
        "impact",
        "decision",
        "complete",
        "findings",
        "blockers",
        "exceptions",
    }
    for finding in result["findings"]:
        assert set(finding) >= {"requirement", "section", "severity", "status", "message"}


def test_an_invalid_assessment_is_not_scored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\n", "utf-8")
    code, out, err = run_cli(capsys, "score", bad)
    assert code == 1 and out == ""
    assert "bad.toml" in err and "schema-missing-key" in err


def test_review_moves_the_file_and_records_history(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / "a.toml"
    shutil.copy(EXAMPLES / "2026-contractor-juki-zeimu-hoshu.toml", path)
    assert (
        run_cli(capsys, "review", path, "--to", "in_review", "--reviewer", "情報政策課 鈴木")[0]
        == 0
    )
    code, _, err = run_cli(
        capsys, "review", path, "--to", "approved_with_conditions", "--reviewer", "情報政策課 鈴木"
    )
    assert code == 1 and "condition" in err
    code, _, _ = run_cli(
        capsys,
        "review",
        path,
        "--to",
        "approved_with_conditions",
        "--reviewer",
        "情報政策課 鈴木",
        "--condition",
        "自己点検票を 2026-12-28 までに提出すること",
        "--comment",
        "条件付きで承認",
    )
    assert code == 0
    assessment = storage.load(path, catalogue).assessment
    assert assessment.review.status == "approved_with_conditions"
    assert assessment.review.conditions == ("自己点検票を 2026-12-28 までに提出すること",)
    assert assessment.review.next_review is not None
    assert [h.summary for h in assessment.history[-2:]] == [
        "submitted → in_review",
        "in_review → approved_with_conditions: 条件付きで承認",
    ]
    assert run_cli(capsys, "validate", path)[0] == 0


def test_review_comments_on_an_answer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / "a.toml"
    shutil.copy(EXAMPLES / "2026-cloud-fumikura-lgwan.toml", path)
    code, _, _ = run_cli(
        capsys,
        "review",
        path,
        "--on",
        "B-14b",
        "--comment",
        "訓練報告書を添付してください",
        "--reviewer",
        "鈴木",
    )
    assert code == 0
    answer = storage.load(path, catalogue).assessment.answers["B-14b"]
    assert answer.comments[-1].text == "訓練報告書を添付してください"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--to", "approvd"), 2, "invalid choice"),
        (("--to", "approved", "--reviewer", "a\x07b"), 1, "control characters"),
        (("--to", "approved", "--next-review", "2026/12/01"), 2, "YYYY-MM-DD"),
        ((), 2, "--to"),
    ],
)
def test_review_bad_input_gets_a_clear_message(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    args: tuple[str, ...],
    code: int,
    message: str,
) -> None:
    path = tmp_path / "a.toml"
    shutil.copy(EXAMPLES / "2026-cloud-fumikura-lgwan.toml", path)
    before = path.read_bytes()
    got, _, err = run_cli(capsys, "review", path, *args)
    assert got == code and message in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_due_lists_overdue_vendors_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue
) -> None:
    folder = tmp_path / "assessments"
    folder.mkdir()
    shutil.copy(EXAMPLES / "2026-social-kosodate-account.toml", folder / "a.toml")
    code, report = run_json(capsys, "due", "--dir", folder, "--within", "30")
    assert code == 0 and report["items"] == []
    loaded = storage.load(folder / "a.toml", catalogue)
    review = loaded.assessment.review
    from dataclasses import replace

    overdue = replace(loaded.assessment, review=replace(review, next_review=dt.date(2020, 1, 1)))
    storage.save(loaded, overdue, catalogue, summary="期限を過去に")
    code, report = run_json(capsys, "due", "--dir", folder)
    assert code == 1
    (item,) = report["items"]
    assert item["overdue"] is True and item["due"] == "2020-01-01"
    assert item["reasons"][0]["kind"] == "interval"


def test_due_on_the_examples_lists_the_approved_ones_due_within_two_years(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, report = run_json(capsys, "due", "--dir", EXAMPLES, "--within", "730")
    assert code == 0
    names = {Path(i["path"]).name for i in report["items"]}
    assert names == {"2026-social-kosodate-account.toml"}


def test_list_summaries_come_from_the_cache_until_an_exception_ends(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    from dataclasses import replace

    from vendorrisk.model import ExceptionGrant
    from vendorrisk.summaries import Pending, SummaryCache, load_all, scan

    folder = tmp_path / "assessments"
    folder.mkdir()
    shutil.copy(EXAMPLES / "2026-contractor-juki-zeimu-hoshu.toml", folder / "a.toml")
    loaded = storage.load(folder / "a.toml", catalogue)
    grant = ExceptionGrant("A-05", "代替策", "CISO", until=dt.date(2027, 1, 31))
    storage.save(loaded, replace(loaded.assessment, exceptions=(grant,)), catalogue, summary="例外")
    (first,) = load_all(folder, catalogue, dt.date(2026, 11, 27))
    assert first.fresh_until == "2027-01-31"
    cached, _ = scan(folder, SummaryCache(catalogue, dt.date(2027, 1, 31), listing=folder))
    assert cached == [first]  # the same row, read without opening the file
    stale, _ = scan(folder, SummaryCache(catalogue, dt.date(2027, 2, 1), listing=folder))
    assert isinstance(stale[0], Pending)  # the exception has ended: score it again
