"""Why a check could not complete, as values with stable codes.

A refusal (the checker would not go there) is kept apart from a failure (it tried and the
network or the server did not cooperate): reviewers read them differently, and scripts
branch on ``refused``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CheckError:
    """A stable ``code`` (kebab-case, for scripts) with the URL and address it concerns."""

    code: str
    url: str = ""
    address: str = ""
    detail: str = ""  # technical detail (an OS or TLS message), not translated

    @property
    def refused(self) -> bool:
        return self.code.startswith("refused-")


class Refusal(Exception):
    """Raised before any packet is sent to a place the safety rules forbid."""

    def __init__(self, code: str, *, url: str = "", address: str = "") -> None:
        super().__init__(code)
        self.error = CheckError(code=code, url=url, address=address)


class FetchFailure(Exception):
    """Raised when a request could not be completed; carries the error value."""

    def __init__(self, error: CheckError) -> None:
        super().__init__(error.code)
        self.error = error
