"""Problems found in a file, as values: a batch collects them instead of stopping."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from vendorrisk.messages import t

ProblemSeverity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    code: str  # stable, for scripts; the message is for people and may change
    message: str
    line: int | None = None
    column: int | None = None
    key: str | None = None  # dotted TOML key path, e.g. "answers.A-01.value"
    severity: ProblemSeverity = "error"

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "key": self.key,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }


def problem(
    code: str,
    *,
    line: int | None = None,
    column: int | None = None,
    key: str | None = None,
    severity: ProblemSeverity = "error",
    **params: object,
) -> Problem:
    """A problem whose message is the catalogued text ``problem.<code>``."""
    return Problem(
        code=code,
        message=t(f"problem.{code}", **params),
        line=line,
        column=column,
        key=key,
        severity=severity,
    )


def has_errors(problems: list[Problem] | tuple[Problem, ...]) -> bool:
    return any(p.severity == "error" for p in problems)
