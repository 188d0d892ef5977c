"""URL-check records written in an older record format, brought to the current one.

Format 1 kept words beside the codes (an error's and a header's message, the note on
certifications, each security.txt problem's message). Format 2 keeps codes and facts
only. The words of a known code are dropped (the face words the code again); a
security.txt problem's words also held its facts, which format 1 did not record apart, so
they are kept as the problem's ``comment``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

RECORD_VERSION = 2


def _without(value: Any, key: str) -> Any:
    return {k: v for k, v in value.items() if k != key} if isinstance(value, dict) else value


def _problem(problem: Any) -> Any:
    if not isinstance(problem, dict) or "message" not in problem:
        return problem
    out = _without(problem, "message")
    out["comment"] = problem["message"]
    return out


def upgrade_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record in the current format; a record of another version is returned as is (the
    schema check says what is wrong with it)."""
    out = dict(record)
    if out.get("schema_version") != 1:
        return out
    out["schema_version"] = RECORD_VERSION
    if "error" in out:
        out["error"] = _without(out["error"], "message")
    if isinstance(out.get("headers"), list):
        out["headers"] = [_without(h, "message") for h in out["headers"]]
    if "certifications" in out:
        out["certifications"] = _without(out["certifications"], "note")
    sectxt = out.get("security_txt")
    if isinstance(sectxt, dict) and isinstance(sectxt.get("problems"), list):
        out["security_txt"] = {**sectxt, "problems": [_problem(p) for p in sectxt["problems"]]}
    return out
