"""Finding the assessment files under folders, and naming the ones that cannot be read.

Kept apart from validation so that listing a folder (the UI's first screen) does not load
the validators.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from vendorrisk.core.digests import digest_hex as digest_hex  # re-exported: files are known by it
from vendorrisk.core.problems import Problem, ProblemCode, has_errors, problem

# Re-exported: the one reader lives apart, light enough for a command's start (reading.py).
from vendorrisk.store.reading import ReadRefused as ReadRefused
from vendorrisk.store.reading import read_limited as read_limited
from vendorrisk.store.reading import reason_of as reason_of


@dataclass(frozen=True, slots=True)
class FileReport:
    path: Path
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return not has_errors(self.problems)


def digest_of(raw: bytes) -> str:
    """The content hash files are known by (lost-update checks, the validation cache)."""
    return digest_hex(raw)


# Reports and exports are the largest files the program writes over an earlier copy; the
# copy is read only to tell whether someone changed it meanwhile.
MAX_OUTPUT_BYTES = 64 * 1024 * 1024

# The longest file name the program can save: a save writes ".NAME.XXXXXXXX.tmp" beside the
# file first, and names are limited to 255 bytes on the file systems in use.
MAX_NAME_BYTES = 255 - len("..XXXXXXXX.tmp")


def name_problem(path: Path) -> Problem | None:
    """Why a file of this name could never be saved, or None."""
    size = len(os.fsencode(path.name))
    if size > MAX_NAME_BYTES:
        return problem(ProblemCode.NAME_TOO_LONG, size=size, limit=MAX_NAME_BYTES)
    return None


def read_problem(exc: OSError) -> Problem:
    """A failed read as the problem a report names: the refusal itself, or the system's
    reason (lists and batches carry on past it)."""
    if isinstance(exc, ReadRefused):
        return exc.problem
    return problem(ProblemCode.UNREADABLE, reason=exc.strerror or str(exc))


def output_problem(path: Path) -> Problem | None:
    """Why ``path`` cannot be replaced by a file the program writes (a report, an export),
    or None. Only a regular file (or no file) can be: writing to a device such as
    ``/dev/zero`` or a FIFO would never end or block, and replacing one is not what anyone
    asked for. Examined with ``stat``, which neither opens nor blocks."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return problem(ProblemCode.UNREADABLE, reason=reason_of(exc))
    if stat.S_ISDIR(info.st_mode):
        return problem(ProblemCode.IS_DIRECTORY)
    if not stat.S_ISREG(info.st_mode):
        return problem(ProblemCode.NOT_A_FILE)
    return None


# What tempfile adds between the prefix and the suffix of a save's temporary file.
_TEMP_TAG = re.compile(r"[a-z0-9_]{8}")

# A save holds its temporary file for milliseconds; one untouched for a minute belongs to a
# save that was killed. Younger ones may be another process's save in progress.
LEFTOVER_AFTER_SECONDS = 60


def _stale(path: Path) -> bool:
    try:
        return path.stat().st_mtime <= time.time() - LEFTOVER_AFTER_SECONDS
    except OSError:
        return False


def leftover_temp_files(path: Path) -> list[Path]:
    """The temporary files a killed save of ``path`` left beside it (``.NAME.XXXXXXXX.tmp``,
    untouched for a minute), sorted; none if the folder cannot be listed."""
    prefix, suffix = f".{path.name}.", ".tmp"
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return sorted(
        path.parent / name
        for name in names
        if name.startswith(prefix)
        and name.endswith(suffix)
        and _TEMP_TAG.fullmatch(name[len(prefix) : -len(suffix)])
        and _stale(path.parent / name)
    )


_LEFTOVER = re.compile(r"\.(.+\.toml)\.[a-z0-9_]{8}\.tmp")


def leftover_reports(paths: Sequence[Path]) -> list[FileReport]:
    """A warning for each temporary file a killed save left among ``paths`` (folders are
    searched like ``find_files`` searches them), naming the file it was saving."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.update(
                    Path(root, n) for n in names if _LEFTOVER.fullmatch(n) and _stale(Path(root, n))
                )
        elif path.is_file():
            found.update(leftover_temp_files(path))
    reports = []
    for leftover in sorted(found):
        match = _LEFTOVER.fullmatch(leftover.name)
        target = match.group(1) if match else leftover.name
        warning = problem(ProblemCode.LEFTOVER_TEMP, severity="warning", target=target)
        reports.append(FileReport(leftover, (warning,)))
    return reports


def _toml_files(folder: Path) -> list[Path]:
    """``*.toml`` under ``folder``, sorted, skipping hidden files and folders (.git)."""
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root, name)
            for name in names
            if name.endswith(".toml") and not name.startswith(".")
        )
    # The order of Path's own comparison (by parts), compared as tuples: without a Python
    # call for each comparison, which made the sort the most of a large folder's listing.
    return sorted(found, key=lambda path: path.parts)


def find_files(paths: Sequence[Path]) -> list[FileReport | Path]:
    """Expand folders into their ``*.toml`` files (sorted, hidden folders skipped)."""
    found: list[FileReport | Path] = []
    for path in paths:
        if path.is_dir():
            files = _toml_files(path)
            if not files:
                found.append(FileReport(path, (problem(ProblemCode.NO_FILES),)))
            found.extend(files)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            found.append(FileReport(path, (problem(ProblemCode.NOT_A_FILE),)))
        else:
            found.append(FileReport(path, (problem(ProblemCode.NOT_FOUND),)))
    return found
