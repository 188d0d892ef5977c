"""``vendorrisk diff``: answers beside their questions, exit codes like diff, git revisions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.gitflow.conftest import FUMIKURA, GitRunner


def _edited(tmp_path: Path, name: str, *replacements: tuple[str, str]) -> Path:
    text = FUMIKURA.read_text("utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


A01_MET = '[answers.A-01a]\nvalue = "met"'
A01_NOT_MET = '[answers.A-01a]\nvalue = "not_met"'


def test_identical_files_have_no_differences_and_exit_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(capsys, "diff", FUMIKURA, FUMIKURA)
    assert code == 0
    assert "no differences" in out


def test_a_changed_answer_is_shown_with_its_question_section_and_new_blocker(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    new = _edited(tmp_path, "new.toml", (A01_MET, A01_NOT_MET))
    code, out, _ = run_cli(capsys, "diff", FUMIKURA, new, "--today", "2026-11-27")
    assert code == 1
    assert "~ A-01a [6.9] Are the security criteria" in out
    assert "answer: met → not met" in out
    assert "new blocker: A-01a" in out
    assert "risk level:" in out


def test_json_names_fields_with_stable_codes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    new = _edited(
        tmp_path,
        "new.toml",
        (A01_MET, A01_NOT_MET),
        ('confidentiality = "3B"', 'confidentiality = "3A"'),
        ('status = "in_review"', 'status = "submitted"'),
    )
    code, out, _ = run_cli(
        capsys, "diff", FUMIKURA, new, "--format", "json", "--today", "2026-11-27"
    )
    assert code == 1
    diff = json.loads(out)["diffs"][0]
    fields = {f["field"]: (f["before"], f["after"]) for f in diff["fields"]}
    assert fields["service.classification.confidentiality"] == ("3B", "3A")
    assert fields["review.status"] == ("in_review", "submitted")
    answer = next(a for a in diff["answers"] if a["id"] == "A-01a")
    assert answer["fields"][0] == {"field": "value", "before": "met", "after": "not_met"}
    assert "A-01a" in diff["new_blockers"]


def test_markdown_is_a_table_for_a_pull_request(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    new = _edited(tmp_path, "new.toml", (A01_MET, A01_NOT_MET))
    code, out, _ = run_cli(capsys, "--lang", "ja", "diff", FUMIKURA, new, "--format", "md")
    assert code == 1
    assert out.startswith("### 評価の変更")
    assert "| ~ | A-01a | §6.9 " in out
    assert "回答: 適合 → 不適合" in out


def test_added_evidence_and_expired_exception_are_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    new = _edited(
        tmp_path,
        "new.toml",
        (
            "[answers.A-01b]",
            '[[answers.A-01a.evidence]]\nkind = "certificate"\nref = "ISMS 認証書"\nexpires = 2026-01-31\n\n[answers.A-01b]',
        ),
    )
    new.write_text(
        new.read_text("utf-8").replace(
            "\n[[history]]",
            '\n[[exceptions]]\nrequirement = "A-01a"\napproved_by = "CISO"\nuntil = 2026-03-31\ncompensating_control = "月次報告"\n\n[[history]]',
            1,
        ),
        encoding="utf-8",
    )
    code, out, err = run_cli(
        capsys, "diff", FUMIKURA, new, "--format", "json", "--today", "2026-11-27"
    )
    assert code == 1, err
    diff = json.loads(out)["diffs"][0]
    evidence = next(a for a in diff["answers"] if a["id"] == "A-01a")["evidence"]
    assert evidence == [
        {
            "change": "added",
            "expired": True,
            "kind": "certificate",
            "ref": "ISMS 認証書",
            "expires": "2026-01-31",
        }
    ]
    assert diff["exceptions"][0]["change"] == "added" and diff["exceptions"][0]["expired"] is True


def test_files_of_different_vendors_are_named_as_such(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = (
        Path(__file__).resolve().parents[2] / "assessments" / "2026-social-kosodate-account.toml"
    )
    code, out, err = run_cli(capsys, "diff", FUMIKURA, other)
    assert code == 1
    assert "different vendors" in out
    assert "different vendors" in err


def test_an_unreadable_file_is_an_error_with_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("<<<<<<< HEAD\nrevision = 1\n=======\nrevision = 2\n>>>>>>> theirs\n")
    code, _, err = run_cli(capsys, "diff", FUMIKURA, broken)
    assert code == 2
    assert "conflict markers" in err
    assert run_cli(capsys, "diff", FUMIKURA)[0] == 2
    assert run_cli(capsys, "diff", FUMIKURA, tmp_path / "missing.toml")[0] == 2


def test_rev_compares_the_working_tree_with_a_commit(
    capsys: pytest.CaptureFixture[str],
    git_repo: tuple[Path, GitRunner],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo, git = git_repo
    folder = repo / "assessments"
    folder.mkdir()
    target = folder / "fumikura.toml"
    target.write_bytes(FUMIKURA.read_bytes())
    git("add", ".")
    git("commit", "-q", "-m", "first")
    monkeypatch.chdir(repo)
    assert run_cli(capsys, "diff", "--rev")[0] == 0
    target.write_text(FUMIKURA.read_text("utf-8").replace(A01_MET, A01_NOT_MET), encoding="utf-8")
    (folder / "new.toml").write_bytes(FUMIKURA.read_bytes())
    code, out, _ = run_cli(capsys, "diff", "--rev", "HEAD", "assessments")
    assert code == 1
    assert "HEAD:assessments/fumikura.toml" in out
    assert "A-01a" in out
    assert "new file" in out and "new.toml" in out
    # The value of a bare --rev that names a file is taken as the path, against HEAD.
    code, out, _ = run_cli(capsys, "diff", "--rev", "assessments/fumikura.toml")
    assert code == 1 and "A-01a" in out


def test_rev_errors_exit_2(
    capsys: pytest.CaptureFixture[str], git_repo: tuple[Path, GitRunner], tmp_path: Path
) -> None:
    repo, git = git_repo
    target = repo / "a.toml"
    target.write_bytes(FUMIKURA.read_bytes())
    git("add", ".")
    git("commit", "-q", "-m", "first")
    code, _, err = run_cli(capsys, "diff", "--rev", "no-such-rev", target)
    assert code == 2 and "unknown git revision" in err
    outside = tmp_path / "outside"
    outside.mkdir()
    lonely = outside / "a.toml"
    lonely.write_bytes(FUMIKURA.read_bytes())
    code, _, err = run_cli(capsys, "diff", "--rev", "HEAD", lonely)
    assert code == 2 and "not inside a git repository" in err
