"""Git, run as a subprocess: file contents at a revision, and the textconv set-up.

Only the ``git`` command line is used (no library): it is what reviewers have installed,
and it honours their configuration (safe.directory, worktrees) exactly as their own git does.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from vendorrisk.messages import t

ATTRIBUTE_LINE = "*.toml diff=vendorrisk"
TEXTCONV_KEY = "diff.vendorrisk.textconv"
TEXTCONV_COMMAND = "vendorrisk textconv"
# A file at a revision is read through a pipe; an assessment is at most 1 MiB, so this is a
# generous bound that still stops a mistaken path at a huge blob.
_MAX_SHOW_BYTES = 8 * 1024 * 1024


class GitError(Exception):
    """Git is missing, the folder is no repository, or the revision is unknown."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    if shutil.which("git") is None:
        raise GitError(t("git.missing"))
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(t("git.failed", reason=str(exc))) from None


def _stderr(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else ""


def toplevel(folder: Path) -> Path:
    result = _git(["rev-parse", "--show-toplevel"], folder)
    if result.returncode != 0:
        raise GitError(t("git.not-a-repo", path=folder))
    return Path(result.stdout.decode("utf-8").strip())


def verify_revision(rev: str, folder: Path) -> None:
    # "--end-of-options" keeps a revision that starts with "-" from being read as an option.
    spec = f"{rev}^{{commit}}"
    result = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", spec], folder)
    if result.returncode != 0:
        raise GitError(t("git.bad-revision", rev=rev))


def show_at_revision(path: Path, rev: str) -> bytes | None:
    """The bytes of ``path`` as committed at ``rev``; None when the file is not there."""
    folder = path.resolve().parent
    toplevel(folder)
    verify_revision(rev, folder)
    # "REV:./name" is resolved relative to the working directory, which we set to the
    # file's own folder: no need to compute a path relative to the repository root.
    result = _git(["show", f"{rev}:./{path.name}"], folder)
    if result.returncode != 0:
        return None
    if len(result.stdout) > _MAX_SHOW_BYTES:
        raise GitError(t("git.too-large", path=path, rev=rev))
    return result.stdout


@dataclass(frozen=True, slots=True)
class SetupStep:
    what: Literal["attributes", "textconv"]
    done: bool  # False: it was already so
    detail: str


def _attributes_step(root: Path) -> SetupStep:
    attributes = root / ".gitattributes"
    try:
        existing = attributes.read_text("utf-8") if attributes.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise GitError(t("git.attributes-unreadable", path=attributes, reason=str(exc))) from None
    if ATTRIBUTE_LINE in (line.strip() for line in existing.splitlines()):
        return SetupStep("attributes", False, str(attributes))
    prefix = "" if not existing or existing.endswith("\n") else "\n"
    try:
        with attributes.open("a", encoding="utf-8") as handle:
            handle.write(f"{prefix}{ATTRIBUTE_LINE}\n")
    except OSError as exc:
        raise GitError(t("git.attributes-unreadable", path=attributes, reason=str(exc))) from None
    return SetupStep("attributes", True, str(attributes))


def _textconv_step(root: Path) -> SetupStep:
    current = _git(["config", "--local", "--get", TEXTCONV_KEY], root)
    if current.returncode == 0 and current.stdout.decode().strip() == TEXTCONV_COMMAND:
        return SetupStep("textconv", False, TEXTCONV_COMMAND)
    result = _git(["config", "--local", TEXTCONV_KEY, TEXTCONV_COMMAND], root)
    if result.returncode != 0:
        raise GitError(t("git.failed", reason=_stderr(result)))
    return SetupStep("textconv", True, TEXTCONV_COMMAND)


def setup(folder: Path) -> list[SetupStep]:
    """Make ``git diff`` show assessments through ``vendorrisk textconv``; idempotent."""
    root = toplevel(folder)
    return [_attributes_step(root), _textconv_step(root)]
