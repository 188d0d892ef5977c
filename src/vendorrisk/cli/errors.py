"""The error a command raises to stop with a message and an exit code.

Kept apart from ``common`` so that the entry point can catch it without loading what the
commands share (storage, the catalogue).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from vendorrisk.core.problems import Problem


class CommandError(Exception):
    """Stops a command with a message on stderr and an exit code, never a traceback."""

    def __init__(
        self, message: str, code: int, problems: Iterable[tuple[Path, Problem]] = ()
    ) -> None:
        super().__init__(message)
        self.code = code
        self.problems = list(problems)
