"""Where an assessments repository begins, and what inside it may be pointed at.

The root is the nearest folder, from a file upwards, that holds the marker ``vendorrisk.toml``
(written by ``vendorrisk init``) or a ``.git`` entry (a folder, or a file in a worktree or
submodule). Anything derived from it -- such as the ``#:schema`` line of an assessment -- is
then a function of the repository, the same on every machine and checkout path.

No git process is started: the ``.git`` entry is enough to know the top of a working tree,
and a save should not wait for a subprocess.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path, PurePosixPath
from typing import Final

MARKER: Final = "vendorrisk.toml"
SCHEMAS_FOLDER: Final = "schemas"


def repository_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` holding the marker or ``.git``; None if
    there is none up to the file-system root."""
    start = Path(os.path.abspath(folder))
    for candidate in (start, *start.parents):
        if (candidate / MARKER).is_file() or os.path.lexists(candidate / ".git"):
            return candidate
    return None


def relative_link(target: Path, folder: Path) -> str:
    """``target`` as a '/'-separated path relative to ``folder`` (both inside one root)."""
    return os.path.relpath(target, folder).replace(os.sep, "/")


def stays_inside(link: str, folder: Path, root: Path | None) -> bool:
    """True when the relative ``link``, followed from ``folder``, names a place within
    ``root``: it must not be absolute and must not climb above the root (with no root, only
    the first holds).

    Decided on the path's text alone, so the answer does not depend on what exists on this
    machine (or where symlinks lead).
    """
    if not link or "\\" in link or link.startswith("/") or PurePosixPath(link).is_absolute():
        return False
    if ":" in link.split("/", 1)[0]:
        return False  # a URL or a drive letter, not a relative path
    if root is None:
        return True
    try:
        inside = Path(os.path.abspath(folder)).relative_to(Path(os.path.abspath(root)))
    except ValueError:
        return False
    joined = posixpath.normpath(posixpath.join(inside.as_posix(), link))
    return joined != ".." and not joined.startswith("../")
