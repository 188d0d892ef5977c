"""textconv and git-setup, against a real temporary git repository."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.gitflow.conftest import FUMIKURA, GitRunner
from vendorrisk.core.catalog import Catalogue
from vendorrisk.render.textconv import render_textconv
from vendorrisk.store.assessment_check import check_assessment_bytes
from vendorrisk.store.gitfiles import textconv_command


def test_textconv_puts_each_answer_under_its_question_with_the_id_on_every_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(capsys, "textconv", FUMIKURA)
    assert code == 0
    lines = out.splitlines()
    head = lines.index(next(line for line in lines if line.startswith("A-01a [6.9]")))
    assert lines[head + 1].startswith("A-01a   answer: met (verified by city staff")
    assert any(line.startswith("A-01a   evidence ") for line in lines)


def test_textconv_is_stable(catalogue: Catalogue) -> None:
    checked = check_assessment_bytes(FUMIKURA.read_bytes(), catalogue)
    assert checked.assessment is not None
    first = render_textconv(checked.assessment, catalogue)
    assert first == render_textconv(checked.assessment, catalogue)


def test_textconv_passes_through_what_is_not_an_assessment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_bytes(b"<<<<<<< HEAD\n[tool]\n")
    code, out, _ = run_cli(capsys, "textconv", other)
    note, *rest = out.splitlines(keepends=True)
    assert code == 0 and note.startswith("# vendorrisk textconv: not readable as an assessment")
    assert "".join(rest) == "<<<<<<< HEAD\n[tool]\n"


def test_git_setup_writes_the_attribute_and_config_once(
    capsys: pytest.CaptureFixture[str], git_repo: tuple[Path, GitRunner]
) -> None:
    repo, git = git_repo
    (repo / ".gitattributes").write_text("*.svg -text", encoding="utf-8")
    code, out, _ = run_cli(capsys, "git-setup", "--repo", repo)
    assert code == 0
    assert "added '*.toml diff=vendorrisk'" in out
    assert "set git config diff.vendorrisk.textconv" in out
    assert (repo / ".gitattributes").read_text("utf-8") == "*.svg -text\n*.toml diff=vendorrisk\n"
    assert git("config", "--get", "diff.vendorrisk.textconv").strip() == textconv_command()
    code, out, _ = run_cli(capsys, "git-setup", "--repo", repo)
    assert code == 0
    assert "already has" in out and "is already" in out
    assert (repo / ".gitattributes").read_text("utf-8").count("diff=vendorrisk") == 1


def test_git_setup_outside_a_repository_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, git_repo: tuple[Path, GitRunner]
) -> None:
    code, _, err = run_cli(capsys, "git-setup", "--repo", tmp_path)
    assert code == 2 and "not inside a git repository" in err


def test_git_diff_shows_the_question_beside_the_changed_answer(
    capsys: pytest.CaptureFixture[str], git_repo: tuple[Path, GitRunner]
) -> None:
    repo, git = git_repo
    assert run_cli(capsys, "git-setup", "--repo", repo)[0] == 0
    # The installed console script may not be on this test's PATH: point git at this Python.
    git("config", "diff.vendorrisk.textconv", f"{sys.executable} -m vendorrisk --lang en textconv")
    target = repo / "a.toml"
    target.write_bytes(FUMIKURA.read_bytes())
    git("add", ".")
    git("commit", "-q", "-m", "first")
    target.write_text(
        FUMIKURA.read_text("utf-8").replace(
            '[answers.A-01a]\nvalue = "met"', '[answers.A-01a]\nvalue = "partial"', 1
        ),
        encoding="utf-8",
    )
    out = git("diff")
    assert "-A-01a   answer: met" in out
    assert "+A-01a   answer: partly met" in out
    assert " A-01a [6.9] Are the security criteria" in out
