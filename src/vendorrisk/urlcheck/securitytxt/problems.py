"""One problem found in a security.txt file: a severity, a stable code, a line, a message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from vendorrisk.messages import t

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Problem:
    severity: Severity
    code: str
    line: int | None
    message: str

    def to_json(self) -> dict[str, Any]:
        # No null anywhere: a file-level problem simply has no "line".
        out: dict[str, Any] = {"severity": self.severity, "code": self.code}
        if self.line is not None:
            out["line"] = self.line
        out["message"] = self.message
        return out


def problem(severity: Severity, code: str, *, line: int | None = None, **params: object) -> Problem:
    return Problem(severity, code, line, t(f"sectxt.{code}", **params))
