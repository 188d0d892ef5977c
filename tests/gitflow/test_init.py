"""``vendorrisk init`` and ``git-setup`` in a repository of the city's own: idempotent,
never overwriting what the user changed, never writing through links, and ``git diff``
working from a shell without the virtual environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from tests.gitflow.conftest import FUMIKURA, GitRunner
from vendorrisk.features.scaffold import PLACEHOLDER_REPO
from vendorrisk.store.gitfiles import TEMP_IGNORE_LINE, shell_quoted, textconv_command

HOOKS = ("--hooks-repo", "https://git.example.jp/city/vendorrisk", "--hooks-rev", "v0.1.0")


def _init(capsys: pytest.CaptureFixture[str], folder: Path, *extra: str) -> str:
    code, out, err = run_cli(capsys, "init", folder, *HOOKS, *extra)
    assert code == 0, err
    return out


def _git_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        {
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.invalid",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.invalid",
        }
    )
    return env


def _git(folder: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, env=env or _git_env()
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def city_repo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A repository made by ``init``, with the example assessments committed."""
    for key, value in _git_env().items():
        monkeypatch.setenv(key, value)
    repo = tmp_path / "city"
    _init(capsys, repo)
    for example in sorted((REPO / "assessments").glob("*.toml")):
        shutil.copy(example, repo / "assessments" / example.name)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "init")
    return repo


def test_init_writes_the_repository_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in _git_env().items():
        monkeypatch.setenv(key, value)
    repo = tmp_path / "city"
    out = _init(capsys, repo)
    for name in (
        "vendorrisk.toml",
        ".pre-commit-config.yaml",
        ".taplo.toml",
        "README.md",
        "ci/vendorrisk.example.yml",
        "schemas/assessment.schema.json",
        "assessments/.gitkeep",
    ):
        assert f"created {name}" in out
    assert (repo / "schemas" / "assessment.schema.json").read_bytes() == (
        REPO / "schemas" / "assessment.schema.json"
    ).read_bytes()
    config = (repo / ".pre-commit-config.yaml").read_text("utf-8")
    assert "repo: https://git.example.jp/city/vendorrisk" in config and "rev: v0.1.0" in config
    assert "id: vendorrisk-validate" in config and "id: vendorrisk-fmt" in config
    assert "寝屋川市" in (repo / "README.md").read_text("utf-8")
    assert "*.toml diff=vendorrisk" in (repo / ".gitattributes").read_text("utf-8")
    assert TEMP_IGNORE_LINE in (repo / ".gitignore").read_text("utf-8").splitlines()
    assert _git(repo, "config", "--get", "diff.vendorrisk.textconv").strip() == textconv_command()


def test_init_again_changes_nothing(capsys: pytest.CaptureFixture[str], city_repo: Path) -> None:
    out = run_cli(capsys, "init", city_repo)[1]  # no options: the recorded hooks are reused
    assert "created" not in out and "updated" not in out and "added" not in out
    assert _git(city_repo, "status", "--porcelain") == ""


def test_init_keeps_files_the_user_changed_and_updates_its_own(
    capsys: pytest.CaptureFixture[str], city_repo: Path
) -> None:
    (city_repo / ".taplo.toml").write_text("# ours\n", "utf-8")
    out = _init(capsys, city_repo, "--hooks-rev", "v0.2.0")
    assert "kept .taplo.toml (changed since init wrote it)" in out
    assert (city_repo / ".taplo.toml").read_text("utf-8") == "# ours\n"
    assert "updated .pre-commit-config.yaml" in out
    assert "rev: v0.2.0" in (city_repo / ".pre-commit-config.yaml").read_text("utf-8")
    out = _init(capsys, city_repo, "--hooks-rev", "v0.2.0")
    assert "kept .taplo.toml" in out and "updated" not in out


def test_init_keeps_a_file_it_did_not_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    repo = tmp_path / "city"
    repo.mkdir()
    (repo / "README.md").write_text("# 既存のリポジトリ\n", "utf-8")
    (repo / ".gitignore").write_text("*.bak", "utf-8")
    out = _init(capsys, repo, "--no-git")
    assert "kept README.md (not written by init)" in out
    assert (repo / "README.md").read_text("utf-8") == "# 既存のリポジトリ\n"
    assert (repo / ".gitignore").read_text("utf-8") == f"*.bak\n{TEMP_IGNORE_LINE}\n"


def test_init_without_a_known_repository_says_the_hooks_need_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run_cli(capsys, "init", tmp_path / "city", "--no-git")
    assert code == 0
    assert "--hooks-repo" in err
    assert PLACEHOLDER_REPO in (tmp_path / "city" / ".pre-commit-config.yaml").read_text("utf-8")


@pytest.mark.parametrize("name", ["schemas", ".gitattributes", ".taplo.toml"])
def test_init_never_writes_through_a_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    repo = tmp_path / "city"
    repo.mkdir()
    (repo / name).symlink_to(outside / name)
    code, _, err = run_cli(capsys, "init", repo, "--no-git", *HOOKS)
    assert code == 2
    assert "symbolic link" in err
    assert list(outside.iterdir()) == []


# --- git-setup ------------------------------------------------------------------------------


def test_the_textconv_command_names_this_interpreter_quoted_for_the_shell() -> None:
    command = textconv_command("/opt/my python/it's/bin/python3")
    assert command == "'/opt/my python/it'\\''s/bin/python3' -m vendorrisk textconv"
    # The shell git uses reads it back as the same words.
    words = subprocess.run(
        ["/bin/sh", "-c", f"printf '%s\\n' {shell_quoted('/opt/my python/it$s')}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert words == "/opt/my python/it$s\n"
    assert textconv_command().startswith(shell_quoted(os.path.abspath(sys.executable)))


def test_git_setup_replaces_a_bare_command_and_is_idempotent(
    capsys: pytest.CaptureFixture[str], git_repo: tuple[Path, GitRunner]
) -> None:
    repo, git = git_repo
    git("config", "diff.vendorrisk.textconv", "vendorrisk textconv")
    code, out, _ = run_cli(capsys, "git-setup", "--repo", repo)
    assert code == 0
    assert "from 'vendorrisk textconv'" in out
    assert f"'{TEMP_IGNORE_LINE}'" in out
    assert git("config", "--get", "diff.vendorrisk.textconv").strip() == textconv_command()
    before = {p.name: p.read_bytes() for p in repo.iterdir() if p.is_file()}
    code, out, _ = run_cli(capsys, "git-setup", "--repo", repo)
    assert code == 0 and "already" in out and "changed" not in out and "added" not in out
    assert {p.name: p.read_bytes() for p in repo.iterdir() if p.is_file()} == before


@pytest.mark.parametrize("name", [".gitattributes", ".gitignore"])
def test_git_setup_refuses_a_file_that_is_a_link(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    git_repo: tuple[Path, GitRunner],
    name: str,
) -> None:
    repo, _ = git_repo
    outside = tmp_path / "elsewhere"
    outside.write_text("keep me\n", "utf-8")
    (repo / name).symlink_to(outside)
    code, _, err = run_cli(capsys, "git-setup", "--repo", repo)
    assert code == 2
    assert "symbolic link" in err and name in err
    assert outside.read_text("utf-8") == "keep me\n"


def test_git_diff_works_from_a_shell_without_the_virtual_environment(
    city_repo: Path,
) -> None:
    target = city_repo / "assessments" / FUMIKURA.name
    target.write_text(
        target.read_text("utf-8").replace(
            '[answers.A-01a]\nvalue = "met"', '[answers.A-01a]\nvalue = "partial"', 1
        ),
        encoding="utf-8",
    )
    env = _git_env()
    for key in ("VIRTUAL_ENV", "PYTHONHOME"):
        env.pop(key, None)
    # Only the system folders: no venv, no console script. The source under test is given
    # by PYTHONPATH so that this checkout's code runs, not an installed copy.
    env.update({"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "src"), "VENDORRISK_LANG": "en"})
    out = _git(city_repo, "diff", env=env)
    assert "-A-01a   answer: met" in out
    assert "+A-01a   answer: partly met" in out


# --- the schema association -----------------------------------------------------------------


def test_fmt_gives_the_same_bytes_in_two_checkouts_at_different_depths(
    capsys: pytest.CaptureFixture[str], city_repo: Path, tmp_path: Path
) -> None:
    assert (
        run_cli(
            capsys,
            "new",
            "--kind",
            "cloud",
            "--vendor",
            "新規",
            "--service",
            "S",
            "--dir",
            city_repo / "assessments",
        )[0]
        == 0
    )
    _git(city_repo, "add", "-A")
    _git(city_repo, "commit", "-q", "-m", "new")
    first, second = tmp_path / "a", tmp_path / "deep" / "er" / "b"
    second.parent.mkdir(parents=True)
    for clone in (first, second):
        _git(tmp_path, "clone", "-q", str(city_repo), str(clone))
        assert run_cli(capsys, "fmt", clone / "assessments")[0] == 0
    names = sorted(p.name for p in (first / "assessments").glob("*.toml"))
    assert len(names) == 6
    for name in names:
        one = (first / "assessments" / name).read_bytes()
        assert one == (second / "assessments" / name).read_bytes()
        assert one == (city_repo / "assessments" / name).read_bytes()
        assert one.startswith(b"#:schema ../schemas/assessment.schema.json\n")


@pytest.mark.skipif(shutil.which("taplo") is None, reason="taplo is not installed")
def test_taplo_validates_the_assessments_with_the_copied_schema(city_repo: Path) -> None:
    def taplo(*files: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["taplo", "check", *[str(f) for f in files]],
            cwd=city_repo,
            capture_output=True,
            text=True,
            env={**os.environ, "RUST_LOG": "warn"},
        )

    examples = sorted((city_repo / "assessments").glob("*.toml"))
    good = taplo(*examples)
    assert good.returncode == 0, good.stderr
    broken = examples[0]
    broken.write_text(
        broken.read_text("utf-8").replace("revision = ", "bogus = 1\nrevision = ", 1), "utf-8"
    )
    bad = taplo(broken)
    assert bad.returncode != 0 and "bogus" in bad.stderr
    # Without the #:schema line, .taplo.toml associates the file with the schema.
    broken.write_text(broken.read_text("utf-8").split("\n", 1)[1], "utf-8")
    assert taplo(broken).returncode != 0


def _snapshot_of_this_project(folder: Path) -> Path:
    """This checkout's working tree as a committed repository (pre-commit installs hooks
    from commits, and untracked files of a checkout would be left out)."""
    project = folder / "vendorrisk"
    project.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(REPO / name, project / name)
    shutil.copytree(REPO / "src", project / "src", ignore=shutil.ignore_patterns("__pycache__"))
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "snapshot")
    return project


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed")
def test_both_hooks_pass_on_a_repository_made_by_init(city_repo: Path, tmp_path: Path) -> None:
    project = _snapshot_of_this_project(tmp_path)
    env = {**_git_env(), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("PYTHONPATH", None)  # the hooks run from their own environment
    result = subprocess.run(
        ["pre-commit", "try-repo", str(project), "--all-files"],
        cwd=city_repo,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "vendorrisk validate" in result.stdout and "vendorrisk fmt --check" in result.stdout
    assert result.stdout.count("Passed") == 2
    # And they fail where they should: a file that is not canonical.
    target = next((city_repo / "assessments").glob("*.toml"))
    target.write_text(target.read_text("utf-8") + "\n\n", "utf-8")
    result = subprocess.run(
        ["pre-commit", "try-repo", str(project), "vendorrisk-fmt", "--all-files"],
        cwd=city_repo,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1 and "Failed" in result.stdout
