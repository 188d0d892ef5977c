"""score, review and due through main([...]), on real files."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli, run_json, social_with_a_must_not_applicable
from tests.conftest import REPO
from tests.said import history_of
from vendorrisk.core.catalog import Catalogue
from vendorrisk.store import storage

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
    # The gates as the vendor stated them, before the city has checked them.
    loaded = storage.load(path, catalogue)
    stated = loaded.assessment
    for gate in ("B-T1a", "B-T1b", "B-T1c"):
        stated = stated.with_answer(gate, replace(stated.answers[gate], source="vendor"))
    storage.save(loaded, stated, catalogue, by="受託者", summary="gates as stated")
    assert (
        run_cli(capsys, "review", path, "--to", "in_review", "--reviewer", "情報政策課 鈴木")[0]
        == 0
    )
    approve = ("review", path, "--to", "approved_with_conditions", "--reviewer", "情報政策課 鈴木")
    # Rule W2: the gates rest on the city's own verification; the refusal names them.
    code, _, err = run_cli(capsys, *approve, "--condition", "c")
    assert code == 1 and "B-T1a, B-T1b, B-T1c" in err and "verified by city staff" in err
    gates = ("--verify", "B-T1a", "B-T1b", "B-T1c")
    assert run_cli(capsys, "review", path, *gates, "--reviewer", "情報政策課 田中")[0] == 0
    code, _, err = run_cli(capsys, *approve)
    assert code == 1 and "condition" in err
    code, _, _ = run_cli(
        capsys,
        *approve,
        "--condition",
        "自己点検票を 2026-12-28 までに提出すること",
        "--comment",
        "条件付きで承認",
    )
    assert code == 0
    assessment = storage.load(path, catalogue).assessment
    assert assessment.review.status == "approved_with_conditions"
    assert assessment.review.conditions == ("自己点検票を 2026-12-28 までに提出すること",)
    assert assessment.review.next_review is not None and assessment.review.basis is not None
    assert assessment.answers["B-T1a"].source == "city"
    assert [(h.by, history_of(h)) for h in assessment.history[-3:]] == [
        ("情報政策課 鈴木", "submitted → in_review"),
        ("情報政策課 田中", "verified by the city: B-T1a, B-T1b, B-T1c"),
        ("情報政策課 鈴木", "in_review → approved_with_conditions: 条件付きで承認"),
    ]  # rule W3: the person named, never the login name
    assert run_cli(capsys, "validate", path)[0] == 0


def test_review_needs_the_person_named_not_the_login(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "a.toml"
    shutil.copy(EXAMPLES / "2026-contractor-juki-zeimu-hoshu.toml", path)
    before = path.read_bytes()
    code, _, err = run_cli(capsys, "review", path, "--to", "in_review")
    assert code == 2 and "--reviewer" in err and path.read_bytes() == before


def test_rule_W7_not_applicable_on_a_must_is_confirmed_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue
) -> None:
    path = social_with_a_must_not_applicable(tmp_path)
    for to in ("draft", "submitted", "in_review"):
        assert run_cli(capsys, "review", path, "--to", to, "--reviewer", "小林")[0] == 0
    code, _, err = run_cli(capsys, "review", path, "--to", "approved", "--reviewer", "鈴木")
    assert code == 1 and "not confirmed by the reviewer (C-02b)" in err
    code, _, err = run_cli(
        capsys, "review", path, "--to", "approved", "--reviewer", "鈴木", "--confirm-na", "all"
    )
    assert code == 0, err
    review = storage.load(path, catalogue).assessment.review
    assert (review.status, review.reviewer, review.confirmed_na) == ("approved", "鈴木", ("C-02b",))
    assert review.submitted_by == "小林"


def test_review_records_and_revokes_an_exception_from_a_script(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / "a.toml"
    shutil.copy(EXAMPLES / "2026-cloud-chatbot-rejected.toml", path)
    grant = (
        "--exception",
        "B-07a",
        "--control",
        "国内リージョンへ移行するまで個人情報を入力しない",
    )
    code, _, err = run_cli(
        capsys,
        "review",
        path,
        *grant,
        "--approver",
        "CISO 山田",
        "--until",
        "2099-03-31",
        "--reviewer",
        "鈴木",
    )
    assert code == 0, err
    saved = storage.load(path, catalogue).assessment
    (exception,) = saved.exceptions
    assert (exception.requirement, exception.approved_by, str(exception.until)) == (
        "B-07a",
        "CISO 山田",
        "2099-03-31",
    )
    assert (saved.history[-1].by, history_of(saved.history[-1])) == (
        "鈴木",
        "exception for B-07a (until 2099-03-31)",
    )
    code, _, _ = run_cli(
        capsys, "review", path, "--revoke-exception", "B-07a", "--reviewer", "鈴木"
    )
    assert code == 0
    saved = storage.load(path, catalogue).assessment
    assert saved.exceptions == () and history_of(saved.history[-1]) == "exception for B-07a revoked"
    code, _, err = run_cli(capsys, "review", path, "--revoke-exception", "B-07a", "--reviewer", "x")
    assert code == 1 and "no exception is recorded for B-07a" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--exception", "B-07a", "--control", "c", "--approver", "CISO"), "--until"),
        (("--to", "draft", "--approver", "CISO"), "go with --exception"),
        (("--exception", "B-07a", "--revoke-exception", "B-07a"), "one change at a time"),
        (
            ("--exception", "B-07a", "--control", "c", "--approver", "x", "--until", "2099-13-01"),
            "YYYY-MM-DD",
        ),
    ],
)
def test_review_exception_options_are_checked_before_anything_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    path = tmp_path / "a.toml"
    shutil.copy(EXAMPLES / "2026-cloud-chatbot-rejected.toml", path)
    before = path.read_bytes()
    code, _, err = run_cli(capsys, "review", path, *args, "--reviewer", "鈴木")
    assert code == 2 and message in err and "Traceback" not in err
    assert path.read_bytes() == before


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
        (
            ("--exception", "Z-99", "--control", "c", "--approver", "x", "--until", "2099-01-01"),
            1,
            "Z-99",
        ),
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
    person = ("--reviewer", "鈴木") if args and "--reviewer" not in args else ()
    got, _, err = run_cli(capsys, "review", path, *args, *person)
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

    from vendorrisk.core.model import ExceptionGrant
    from vendorrisk.features.summaries import Pending, SummaryCache, load_all, scan

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


# --- an approval that does not stand is never treated as one (rules W2, W8) ----------------

SOCIAL = "2026-social-kosodate-account.toml"


def _hand_edit(folder: Path, old: str, new: str) -> Path:
    path = folder / SOCIAL
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


@pytest.fixture
def approved_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "assessments"
    folder.mkdir()
    shutil.copy(EXAMPLES / SOCIAL, folder / SOCIAL)
    return folder


def test_a_hand_edited_approval_with_an_open_blocker_is_invalid_everywhere(
    capsys: pytest.CaptureFixture[str], approved_folder: Path, catalogue: Catalogue
) -> None:
    # C-04a is a must question: "not_met" is an open blocker no exception covers.
    path = _hand_edit(
        approved_folder, '[answers.C-04a]\nvalue = "met"', '[answers.C-04a]\nvalue = "not_met"'
    )
    code, report = run_json(capsys, "validate", path, "--no-cache")
    assert code == 1
    codes = {p["code"]: p for p in report["files"][0]["problems"]}
    assert {"approval-invalid", "approval-stale"} <= set(codes)
    assert "C-04a" in codes["approval-invalid"]["message"]
    assert codes["approval-invalid"]["line"] is not None  # points at review.status

    code, due = run_json(capsys, "due", "--dir", approved_folder, "--within", "0")
    assert code == 1
    (item,) = due["items"]
    assert item["approval_problems"] == ["open-blockers", "stale"] and item["overdue"] is True
    code, out, _ = run_cli(capsys, "due", "--dir", approved_folder)
    assert "APPROVAL INVALID" in out and "C-04a" in out

    code, out, _ = run_cli(capsys, "report", path, "--format", "json")
    data = __import__("json").loads(out)
    assert data["review"]["approval_stands"] is False
    code, md, _ = run_cli(capsys, "report", path)
    assert "approval invalid" in md and "| approved |" not in md

    code, summary = run_json(capsys, "summary", "--dir", approved_folder)
    assert summary["by_status"]["approved"] == 0 and summary["by_status"]["approval_invalid"] == 1

    code, score = run_json(capsys, "score", path)
    assert score["approval"]["stands"] is False
    code, out, _ = run_cli(capsys, "score", path)
    assert "approval problems" in out

    from vendorrisk.features.summaries import load_all

    (row,) = load_all(approved_folder, catalogue, dt.date(2026, 11, 27))
    assert row.status == "approval_invalid" and row.decision == ""


def test_a_hand_edit_that_keeps_the_approval_legal_is_still_caught_as_stale(
    capsys: pytest.CaptureFixture[str], approved_folder: Path
) -> None:
    path = _hand_edit(approved_folder, "[answers.C-01]\n", '[answers.C-01]\nnote = "追記"\n')
    code, report = run_json(capsys, "validate", path, "--no-cache")
    assert code == 1
    assert [p["code"] for p in report["files"][0]["problems"]] == ["approval-stale"]


def test_an_approval_from_before_bases_is_a_warning_only(
    capsys: pytest.CaptureFixture[str], approved_folder: Path
) -> None:
    path = _hand_edit(approved_folder, "basis = ", "# basis = ")
    # Deleting the line validate points at is no way out of approval-stale (rule W9) ...
    code, report = run_json(capsys, "validate", path, "--no-cache")
    assert code == 1
    (found,) = report["files"][0]["problems"]
    assert found["code"] == "approval-invalid" and "review.basis" in found["message"]
    # ... but an approval decided before approvals recorded their basis is a warning.
    _hand_edit(approved_folder, "decided_at = 2026-12-02", "decided_at = 2026-11-20")
    code, report = run_json(capsys, "validate", path, "--no-cache")
    assert code == 0
    assert [(p["code"], p["severity"]) for p in report["files"][0]["problems"]] == [
        ("approval-unbased", "warning")
    ]


def test_changing_an_answer_of_an_approved_file_puts_it_back_into_review(
    capsys: pytest.CaptureFixture[str], approved_folder: Path, catalogue: Catalogue
) -> None:
    from dataclasses import replace

    path = approved_folder / SOCIAL
    # A comment is not a change of what was approved.
    args = ("review", path, "--on", "C-01", "--comment", "確認済み", "--reviewer", "鈴木")
    assert run_cli(capsys, *args)[0] == 0
    loaded = storage.load(path, catalogue)
    assert loaded.assessment.review.status == "approved"
    answer = loaded.assessment.answers["C-01"]
    changed = loaded.assessment.with_answer("C-01", replace(answer, note="運用を変更"))
    saved = storage.save(loaded, changed, catalogue, by="import", summary="回答を取込み")
    review = saved.assessment.review
    assert (review.status, review.decision, review.basis) == ("in_review", None, None)
    assert review.next_review == loaded.assessment.review.next_review
    entry = saved.assessment.history[-1]
    assert entry.revision == loaded.assessment.revision + 1
    assert history_of(entry) == "回答を取込み; back in review: changed after approved (C-01)"
    assert run_cli(capsys, "validate", path, "--no-cache")[0] == 0


def test_rule_N4_conditions_due_sets_the_next_review_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / "a.toml"
    shutil.copy(EXAMPLES / "2026-contractor-juki-zeimu-hoshu.toml", path)
    assert run_cli(capsys, "review", path, "--to", "in_review", "--reviewer", "鈴木")[0] == 0
    due = dt.date.today() + dt.timedelta(days=40)
    code, _, err = run_cli(
        capsys,
        "review",
        path,
        "--to",
        "approved_with_conditions",
        "--reviewer",
        "鈴木",
        "--condition",
        "D-06・A-28 の是正計画を提出すること",
        "--conditions-due",
        due.isoformat(),
    )
    assert code == 0, err
    assert storage.load(path, catalogue).assessment.review.next_review == due
