"""Acceptance tests of ``vendorrisk subcontractors PATH list|add|consent|remove`` (issue 14
§5): the register is written through the storage layer (revision, history, rule W8)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli, run_json
from tests.conftest import REPO
from tests.render.reports.conftest import check_golden
from tests.said import history_of
from vendorrisk.core.catalog import Catalogue
from vendorrisk.store import storage

EXAMPLES = REPO / "assessments"
JUKI = EXAMPLES / "2026-contractor-juki-zeimu-hoshu.toml"
SOCIAL = EXAMPLES / "2026-social-kosodate-account.toml"
FIRST = "有限会社枚方ソフトウェア工房"


@pytest.fixture
def juki(tmp_path: Path) -> Path:
    path = tmp_path / JUKI.name
    shutil.copy(JUKI, path)
    return path


def add_second_level(capsys: pytest.CaptureFixture[str], path: Path, name: str) -> int:
    return run_cli(
        capsys,
        "subcontractors",
        path,
        "add",
        "--name",
        name,
        "--parent",
        FIRST,
        "--work",
        "帳票の印刷",
        "--data",
        "納税通知書の印刷データ（特定個人情報を含む）",
        "--mynumber",
        "--requested",
        "2026-11-01",
        "--by",
        "情報政策課 田中",
    )[0]


def test_the_example_register_lists_in_japanese_as_its_golden_file(
    capsys: pytest.CaptureFixture[str], juki: Path
) -> None:
    code, out, err = run_cli(capsys, "--lang", "ja", "subcontractors", juki, "list")
    assert code == 0 and err == ""
    check_golden("register-list.ja.txt", out)


def test_a_second_level_entry_waits_for_its_own_consent_then_the_list_is_clean(
    capsys: pytest.CaptureFixture[str], juki: Path, catalogue: Catalogue
) -> None:
    before = storage.load(juki, catalogue).assessment.revision
    assert add_second_level(capsys, juki, "株式会社淀川印刷") == 0
    # 番号法10条: the city's consent at every level; until it is recorded, A-24c is not borne out.
    code, report = run_json(capsys, "subcontractors", juki, "list")
    assert code == 1
    assert [(s["name"], s["level"], s["parent"]) for s in report["subcontractors"]] == [
        (FIRST, 1, None),
        ("株式会社淀川印刷", 2, FIRST),
    ]
    assert {p["code"] for p in report["problems"]} == {
        "register-consent-missing-all",
        "register-consent-missing-mynumber",
    }
    code, out, _ = run_cli(
        capsys,
        "subcontractors",
        juki,
        "consent",
        "2",
        "--approver",
        "住民課長",
        "--date",
        "2026-11-10",
        "--by",
        "情報政策課 田中",
    )
    assert code == 0 and "番号法10条" in out and "revision" in out
    assert run_cli(capsys, "subcontractors", juki, "list")[0] == 0
    saved = storage.load(juki, catalogue).assessment
    assert saved.revision == before + 2
    assert saved.history[-1].by == "情報政策課 田中"
    assert saved.subcontractors[1].consented is not None
    assert run_cli(capsys, "validate", juki)[0] == 0


def test_entries_stay_in_tree_order_under_their_parent(
    capsys: pytest.CaptureFixture[str], juki: Path
) -> None:
    assert (
        run_cli(
            capsys,
            "subcontractors",
            juki,
            "add",
            "--name",
            "北摂データ株式会社",
            "--work",
            "データ移行",
            "--data",
            "住民記録",
            "--by",
            "田中",
        )[0]
        == 0
    )
    assert add_second_level(capsys, juki, "株式会社淀川印刷") == 0
    _, report = run_json(capsys, "subcontractors", juki, "list")
    names = [s["name"] for s in report["subcontractors"]]
    assert names == [FIRST, "株式会社淀川印刷", "北摂データ株式会社"]


def test_rule_W8_a_register_change_reopens_an_approval(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / SOCIAL.name
    shutil.copy(SOCIAL, path)
    code, _, err = run_cli(
        capsys,
        "subcontractors",
        path,
        "add",
        "--name",
        "運用代行合同会社",
        "--work",
        "投稿の予約作業",
        "--data",
        "公開前の投稿文",
        "--by",
        "広報課 小林",
    )
    assert code == 0
    assert "went back into review" in err
    saved = storage.load(path, catalogue).assessment
    assert saved.review.status == "in_review"
    assert "subcontractors" in history_of(saved.history[-1])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("consent", "どこにもない社", "--approver", "課長"), "no subcontractor 'どこにもない社'"),
        (
            ("add", "--name", FIRST, "--work", "x", "--data", "y"),
            f"subcontractor '{FIRST}' is already in the register",
        ),
        (
            (
                "add",
                "--name",
                "新社",
                "--work",
                "x",
                "--data",
                "y",
                "--corporate-number",
                "1234567890123",
            ),
            "wrong check digit",
        ),
        (
            ("add", "--name", "新社", "--work", "x", "--data", "y", "--parent", "不明"),
            "no subcontractor '不明'",
        ),
        (
            ("consent", FIRST, "--approver", "課長", "--date", "2025-03-01"),
            "dated before its request",
        ),
        (("remove", FIRST), "has entries below it"),
    ],
    ids=["unknown", "duplicate", "check-digit", "unknown-parent", "before-request", "children"],
)
def test_refused_changes_say_why_and_exit_1(
    capsys: pytest.CaptureFixture[str], juki: Path, args: tuple[str, ...], message: str
) -> None:
    if args[0] == "remove":
        assert add_second_level(capsys, juki, "株式会社淀川印刷") == 0
    before = juki.read_bytes()
    code, _, err = run_cli(capsys, "subcontractors", juki, *args)
    assert code == 1 and message in err and "Traceback" not in err
    assert juki.read_bytes() == before


def test_text_the_file_cannot_hold_is_refused_without_a_traceback(
    capsys: pytest.CaptureFixture[str], juki: Path
) -> None:
    before = juki.read_bytes()
    code, _, err = run_cli(
        capsys,
        "subcontractors",
        juki,
        "add",
        "--name",
        "悪い\u202e名前",
        "--work",
        "x",
        "--data",
        "y",
    )
    assert code == 1 and "did not save" in err and "Traceback" not in err
    assert juki.read_bytes() == before


def test_a_leaf_is_removed_and_the_history_says_so(
    capsys: pytest.CaptureFixture[str], juki: Path, catalogue: Catalogue
) -> None:
    assert add_second_level(capsys, juki, "株式会社淀川印刷") == 0
    assert run_cli(capsys, "subcontractors", juki, "remove", "株式会社淀川印刷")[0] == 0
    saved = storage.load(juki, catalogue).assessment
    assert [s.name for s in saved.subcontractors] == [FIRST]
    assert "taken off the register" in history_of(saved.history[-1])


def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], juki: Path, tmp_path: Path
) -> None:
    assert run_cli(capsys, "subcontractors", juki)[0] == 2
    assert run_cli(capsys, "subcontractors", juki, "add", "--name", "x")[0] == 2
    code, _, err = run_cli(capsys, "subcontractors", tmp_path / "none.toml", "list")
    assert code == 2 and "none.toml" in err
