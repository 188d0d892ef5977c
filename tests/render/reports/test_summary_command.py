"""``vendorrisk summary``: the self-inspection roll-up (§7 → §8)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import run_cli
from tests.render.reports.conftest import TODAY, check_golden


def summary_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    code, out, err = run_cli(capsys, "summary", "--today", TODAY, "--format", "json", *args)
    return code, json.loads(out) if out else None, err


def test_summary_matches_its_golden_file(capsys: pytest.CaptureFixture[str], workdir: Path) -> None:
    code, out, err = run_cli(capsys, "--lang", "ja", "summary", "--today", TODAY)
    assert (code, err) == (0, "")
    check_golden("summary.ja.md", out)
    code, out, err = run_cli(capsys, "summary", "--today", TODAY, "--format", "json")
    assert (code, err) == (0, "")
    check_golden("summary.json", out)


def test_requirements_failing_most_come_first_with_their_counts(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    _, data, _ = summary_json(capsys)
    assert data["assessments"] == 5
    failing = [r["failing"] for r in data["requirements"]]
    assert failing == sorted(failing, reverse=True)
    b04 = next(r for r in data["requirements"] if r["requirement"] == "B-04")
    # Applies to the three cloud services: not met by the chatbot, unanswered in the draft.
    assert (b04["applies"], b04["not_met"], b04["unanswered"], b04["failing"]) == (3, 1, 1, 2)
    kinds = {k["kind"]: k for k in data["kinds"]}
    assert kinds["cloud"]["assessments"] == 3 and "B-04" in kinds["cloud"]["top"]
    sections = ["6.2", "6.3", "6.4", "6.9", "7", "8", "9", "10"]
    assert [s["section"] for s in data["sections"]] == sections


def test_policy_review_lists_requirements_failed_by_half_of_those_answering(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    _, data, _ = summary_json(capsys)
    listed = {r["requirement"]: r for r in data["policy_review"]}
    assert listed["B-04"]["answered"] == 2 and listed["B-04"]["answered_failing"] == 1
    assert all(2 * r["answered_failing"] >= r["answered"] > 0 for r in listed.values())
    # Unanswered questions in the draft say nothing about the rule: B-02b is not listed.
    assert "B-02b" not in listed


def test_overdue_reviews_and_exceptions_in_force_and_expiring_are_counted(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    social = workdir / "assessments" / "2026-social-kosodate-account.toml"
    social.write_text(
        social.read_text("utf-8").replace("next_review = 2027-11-01", "next_review = 2026-11-01"),
        "utf-8",
    )
    chatbot = workdir / "assessments" / "2026-cloud-chatbot-rejected.toml"
    text = chatbot.read_text("utf-8")
    for rid, until in (("B-04", "2026-12-15"), ("B-06b", "2027-06-30"), ("B-07a", "2026-11-01")):
        text += (
            f'\n[[exceptions]]\nrequirement = "{rid}"\ncompensating_control = "代替措置"\n'
            f'approved_by = "CISO"\nuntil = {until}\n'
        )
    chatbot.write_text(text, "utf-8")
    code, data, err = summary_json(capsys)
    assert code == 0, err
    assert [d["path"] for d in data["overdue"]] == ["assessments/2026-social-kosodate-account.toml"]
    states = [(e["requirement"], e["active"], e["expiring"]) for e in data["exceptions"]]
    assert states == [("B-07a", False, False), ("B-04", True, True), ("B-06b", True, False)]
    _, out, _ = run_cli(capsys, "--lang", "ja", "summary", "--today", TODAY)
    assert "期限切れ: 1 件" in out
    assert "有効: 2 件（うち 60 日以内に期限: 1 件）、期限切れ: 1 件" in out


def test_invalid_files_are_named_and_left_out_of_the_roll_up(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    (workdir / "assessments" / "bad.toml").write_text("<<<<<<< HEAD\n", "utf-8")
    code, data, err = summary_json(capsys)
    assert code == 1 and data["assessments"] == 5
    assert "bad.toml" in err and "conflict" in err


def test_missing_folder_exits_2(capsys: pytest.CaptureFixture[str], workdir: Path) -> None:
    code, out, err = run_cli(capsys, "summary", "--dir", "nowhere")
    assert code == 2 and out == "" and "nowhere" in err
