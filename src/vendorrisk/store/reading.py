"""The one reader of files the program did not ship itself, and its refusals.

Apart from ``files`` (listing folders, naming problems) so that a command reading one file
before its real work, as ``check`` reads its URL list, loads no more than this: the problem
codes (a large enum) are imported only when a file is refused.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vendorrisk.core.codes import Phrase
    from vendorrisk.core.problems import Problem

# Non-blocking so that opening a FIFO returns at once instead of waiting for a writer;
# no controlling terminal from a tty path. Neither flag exists on Windows.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class ReadRefused(OSError):
    """A file refused before a byte of it was read: a folder, a FIFO or device, or larger
    than the limit. ``problem`` says which; ``strerror`` is its stable code (for people,
    say ``reason_of(exc)``)."""

    def __init__(self, refusal: Problem) -> None:
        code = {"too-large": errno.EFBIG, "is-directory": errno.EISDIR}.get(refusal.code)
        super().__init__(code or errno.EINVAL, refusal.code)
        self.problem = refusal


def reason_of(exc: OSError) -> Phrase | str:
    """Why a file could not be read or written: the refusal's phrase, or the system's text."""
    if isinstance(exc, ReadRefused):
        return exc.problem.said
    return exc.strerror or str(exc)


def read_limited(path: Path, limit: int, *, head: bool = False, follow_links: bool = True) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes: the one reader of the program
    for every file it did not ship itself (assessments, catalogues, records, its caches).

    The file is opened without blocking and examined with ``fstat`` before any read, so a
    FIFO, device or folder is refused instead of hanging the command or reading for ever,
    and a file larger than ``limit`` is refused by its size. A file that grows between the
    check and the read yields ``limit + 1`` bytes, which the callers' size check reports.

    With ``head`` a larger file is not refused: its first ``limit + 1`` bytes are returned
    (enough to look at its first line, or to know it is too large and say so). Without
    ``follow_links`` a symbolic link is refused by the system (``O_NOFOLLOW``), for files
    the program writes back and that must stay inside their folder.
    """
    flags = _OPEN_FLAGS if follow_links else _OPEN_FLAGS | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _refused("is-directory")
        if not stat.S_ISREG(info.st_mode):
            raise _refused("not-a-file")
        if info.st_size > limit and not head:
            raise _refused("too-large", size=info.st_size, limit=limit)
        chunks: list[bytes] = []
        wanted = limit + 1
        while wanted > 0:
            chunk = os.read(fd, min(wanted, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _refused(code: str, size: int | None = None, limit: int | None = None) -> ReadRefused:
    """The refusal of a file, by the short code of its problem (``problem.<code>``)."""
    from vendorrisk.core.problems import problem  # see the module's note

    if size is None:
        return ReadRefused(problem(code))
    return ReadRefused(problem(code, size=size, limit=limit))
