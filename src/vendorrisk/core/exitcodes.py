"""Exit codes are part of the command-line API: scripts and CI branch on them."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    PROBLEMS = 1  # invalid files, failed checks, files that would be reformatted
    USAGE = 2  # bad arguments or unreadable input
    INTERRUPTED = 130
