"""Finding the assessment files under folders, and naming the ones that cannot be read.

Kept apart from validation so that listing a folder (the UI's first screen) does not load
the validators.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from vendorrisk.messages import t
from vendorrisk.problems import Problem, has_errors, problem


@dataclass(frozen=True, slots=True)
class FileReport:
    path: Path
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return not has_errors(self.problems)


def digest_of(raw: bytes) -> str:
    """The content hash files are known by (lost-update checks, the validation cache)."""
    return hashlib.blake2b(raw, digest_size=20).hexdigest()


def read_limited(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a regular file (one more than allowed shows it is too
    large). A FIFO, device or folder is refused: reading one could block or never end."""
    with path.open("rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(errno.EINVAL, t("problem.not-a-file"))
        return handle.read(limit + 1)


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
    return sorted(found)


def find_files(paths: Sequence[Path]) -> list[FileReport | Path]:
    """Expand folders into their ``*.toml`` files (sorted, hidden folders skipped)."""
    found: list[FileReport | Path] = []
    for path in paths:
        if path.is_dir():
            files = _toml_files(path)
            if not files:
                found.append(FileReport(path, (problem("no-files"),)))
            found.extend(files)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            found.append(FileReport(path, (problem("not-a-file"),)))
        else:
            found.append(FileReport(path, (problem("not-found"),)))
    return found
