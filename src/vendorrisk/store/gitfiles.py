"""Git, run as a subprocess: file contents at a revision, and the textconv set-up.

Only the ``git`` command line is used (no library): it is what reviewers have installed,
and it honours their configuration (safe.directory, worktrees) exactly as their own git does.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from vendorrisk.core.codes import Code, CodedError, phrase
from vendorrisk.core.problems import ProblemCode
from vendorrisk.store.files import ReadRefused, read_limited

ATTRIBUTE_LINE = "*.toml diff=vendorrisk"
TEXTCONV_KEY = "diff.vendorrisk.textconv"
TEXTCONV_COMMAND = "vendorrisk textconv"
# Temporary files of a save that was killed are named ".NAME.XXXX.tmp" (storage.atomic_write).
TEMP_IGNORE_LINE = ".*.tmp"
_MAX_LINES_FILE = 1024 * 1024
# O_NOFOLLOW makes the open itself refuse a link, so a link swapped in after the check is
# refused too; O_NONBLOCK keeps a FIFO from hanging the open. Windows has neither flag (nor
# FIFOs); the checks alone stand there.
_OPEN_FLAGS = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
# A file at a revision is read through a pipe; an assessment is at most 1 MiB, so this is a
# generous bound that still stops a mistaken path at a huge blob.
_MAX_SHOW_BYTES = 8 * 1024 * 1024


class GitSaid(Code):
    MISSING = "git.missing"
    FAILED = "git.failed"
    NOT_A_REPO = "git.not-a-repo"
    BAD_REVISION = "git.bad-revision"
    TOO_LARGE = "git.too-large"
    TOO_LARGE_FILE = "git.too-large-file"
    SYMLINK_REFUSED = "git.symlink-refused"
    ATTRIBUTES_UNREADABLE = "git.attributes-unreadable"


class GitError(CodedError):
    """Git is missing, the folder is no repository, or the revision is unknown."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    if shutil.which("git") is None:
        raise GitError(phrase(GitSaid.MISSING))
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(phrase(GitSaid.FAILED, reason=str(exc))) from None


def _stderr(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else ""


def toplevel(folder: Path) -> Path:
    result = _git(["rev-parse", "--show-toplevel"], folder)
    if result.returncode != 0:
        raise GitError(phrase(GitSaid.NOT_A_REPO, path=folder))
    return Path(result.stdout.decode("utf-8").strip())


def verify_revision(rev: str, folder: Path) -> None:
    # "--end-of-options" keeps a revision that starts with "-" from being read as an option.
    spec = f"{rev}^{{commit}}"
    result = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", spec], folder)
    if result.returncode != 0:
        raise GitError(phrase(GitSaid.BAD_REVISION, rev=rev))


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
        raise GitError(phrase(GitSaid.TOO_LARGE, path=path, rev=rev))
    return result.stdout


def shell_quoted(text: str) -> str:
    """``text`` as one word for the POSIX shell git runs textconv commands with (Git for
    Windows ships one too): single quotes, each ``'`` written as ``'\\''``."""
    return "'" + text.replace("'", "'\\''") + "'"


def textconv_command(executable: str | None = None) -> str:
    """The command git should run: this interpreter by its absolute path, so that a shell
    without the virtual environment on PATH, or a GUI git client, still finds vendorrisk.
    The interpreter path is kept as given (not resolved): a virtual environment's
    ``python`` is a link whose own location selects the environment's packages."""
    exe = sys.executable if executable is None else executable
    if not exe:
        return TEXTCONV_COMMAND  # an embedded interpreter with no path of its own
    return f"{shell_quoted(os.path.abspath(exe))} -m vendorrisk textconv"


@dataclass(frozen=True, slots=True)
class SetupStep:
    what: Literal["attributes", "ignore", "textconv"]
    done: bool  # False: it was already so
    detail: str
    previous: str | None = None  # the textconv command this step replaced


def _refuse_link(path: Path) -> None:
    if path.is_symlink():
        raise GitError(phrase(GitSaid.SYMLINK_REFUSED, path=path))


def _read_small(path: Path) -> str:
    """A small text file of the repository, or "" when it does not exist yet."""
    _refuse_link(path)
    try:
        raw = read_limited(path, _MAX_LINES_FILE, head=True, follow_links=False)
    except FileNotFoundError:
        return ""
    except ReadRefused:
        reason = ProblemCode.NOT_A_FILE
        raise GitError(phrase(GitSaid.ATTRIBUTES_UNREADABLE, path=path, reason=reason)) from None
    except OSError as exc:
        raise GitError(
            phrase(GitSaid.ATTRIBUTES_UNREADABLE, path=path, reason=exc.strerror)
        ) from None
    if len(raw) > _MAX_LINES_FILE:
        raise GitError(
            phrase(GitSaid.ATTRIBUTES_UNREADABLE, path=path, reason=GitSaid.TOO_LARGE_FILE)
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GitError(phrase(GitSaid.ATTRIBUTES_UNREADABLE, path=path, reason=str(exc))) from None


def ensure_lines(path: Path, lines: tuple[str, ...]) -> bool:
    """Append each of ``lines`` that ``path`` (``.gitattributes``, ``.gitignore``) lacks;
    True if anything was added. Never writes through a symbolic link: the file could lie
    outside the repository."""
    existing = _read_small(path)
    present = {line.strip() for line in existing.splitlines()}
    missing = [line for line in lines if line not in present]
    if not missing:
        return False
    prefix = "" if not existing or existing.endswith("\n") else "\n"
    text = prefix + "".join(f"{line}\n" for line in missing)
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _OPEN_FLAGS
    try:
        fd = os.open(path, flags, 0o644)
        with os.fdopen(fd, "wb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise GitError(
                    phrase(GitSaid.ATTRIBUTES_UNREADABLE, path=path, reason=ProblemCode.NOT_A_FILE)
                )
            handle.write(text.encode("utf-8"))
    except OSError as exc:
        if path.is_symlink():
            raise GitError(phrase(GitSaid.SYMLINK_REFUSED, path=path)) from None
        raise GitError(
            phrase(GitSaid.ATTRIBUTES_UNREADABLE, path=path, reason=exc.strerror)
        ) from None
    return True


def _attributes_step(root: Path) -> SetupStep:
    attributes = root / ".gitattributes"
    return SetupStep("attributes", ensure_lines(attributes, (ATTRIBUTE_LINE,)), str(attributes))


def _ignore_step(root: Path) -> SetupStep:
    ignore = root / ".gitignore"
    return SetupStep("ignore", ensure_lines(ignore, (TEMP_IGNORE_LINE,)), str(ignore))


def _textconv_step(root: Path, command: str) -> SetupStep:
    current = _git(["config", "--local", "--get", TEXTCONV_KEY], root)
    previous = None
    if current.returncode == 0:
        previous = current.stdout.decode("utf-8", "replace").strip()
    if previous == command:
        return SetupStep("textconv", False, command)
    result = _git(["config", "--local", TEXTCONV_KEY, command], root)
    if result.returncode != 0:
        raise GitError(phrase(GitSaid.FAILED, reason=_stderr(result)))
    return SetupStep("textconv", True, command, previous)


def ensure_repository(folder: Path) -> bool:
    """Make ``folder`` a git repository unless it is inside one; True if one was made."""
    inside = _git(["rev-parse", "--is-inside-work-tree"], folder)
    if inside.returncode == 0 and inside.stdout.strip() == b"true":
        return False
    result = _git(["init", "--quiet"], folder)
    if result.returncode != 0:
        raise GitError(phrase(GitSaid.FAILED, reason=_stderr(result)))
    return True


def textconv_setup(folder: Path, command: str | None = None) -> SetupStep:
    """Only the git config part of :func:`setup` (``init`` writes the files itself)."""
    return _textconv_step(toplevel(folder), command or textconv_command())


def setup(folder: Path, command: str | None = None) -> list[SetupStep]:
    """Make ``git diff`` show assessments through ``vendorrisk textconv``, and keep the
    temporary files of interrupted saves out of commits; idempotent."""
    root = toplevel(folder)
    return [
        _attributes_step(root),
        _ignore_step(root),
        _textconv_step(root, command or textconv_command()),
    ]
