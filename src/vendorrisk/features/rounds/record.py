"""A round's record on disk: ``rounds/<year>.toml`` at the repository root.

Read like an assessment (never raising at the user: every way the file can be wrong is a
Problem with its line), checked against ``round.schema.json``, written canonically and
atomically through the store's ``atomic_write``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, Final

from vendorrisk.core.model import AnswerValue
from vendorrisk.core.problems import Problem, ProblemCode, problem
from vendorrisk.core.schemas.shape import FileShape, Rule, describe
from vendorrisk.core.schemas.values import END, Identifier, Line
from vendorrisk.core.validation.schema_check import schema_problems
from vendorrisk.core.validation.toml_lines import key_lines, line_for
from vendorrisk.store import toml_writer
from vendorrisk.store.files import read_limited, reason_of
from vendorrisk.store.repository import SCHEMAS_FOLDER, relative_link, repository_root
from vendorrisk.store.storage import atomic_write, digest_of
from vendorrisk.store.tomlfile import MAX_ASSESSMENT_BYTES, check_bytes, jsonable, parse_text

ROUNDS_FOLDER = "rounds"
SCHEMA_VERSION = 1
# A round of a few hundred vendors with their answers stays far below this.
MAX_ROUND_BYTES = 8 * MAX_ASSESSMENT_BYTES


RepositoryPath = Annotated[
    str,
    Rule(
        {
            "description": "A relative '/'-separated path inside the repository",
            "minLength": 1,
            "maxLength": 1000,
            # not absolute, no drive letter, no '..' step, no control character or backslash
            "pattern": "^(?!/)(?![A-Za-z]:)(?!.*(^|/)\\.\\.(/|$))"
            f"[^\\u0000-\\u001f\\u007f-\\u009f\\\\]+{END}",
        },
        name="path",
    ),
]
_SENT_VALUE: Final = Rule(
    {
        "anyOf": [
            {"type": "string", "maxLength": 20000},
            {"type": "boolean"},
            {"type": "number"},
            {"type": "array", "items": {"type": "string", "maxLength": 500}},
        ]
    },
    whole=True,
)


@dataclass(frozen=True, slots=True)
class Sent:
    """One questionnaire sent: to whom, which questions, and the answers as they stood."""

    assessment: Annotated[
        RepositoryPath, describe("The assessment file, relative to the repository root")
    ]
    vendor: Line
    service: Line
    file: Annotated[
        RepositoryPath, describe("The questionnaire sent, relative to the repository root")
    ]
    sent: dt.date
    revision: Annotated[
        int, describe("The assessment's revision when it was sent"), Rule({"minimum": 1})
    ]
    questions: Annotated[tuple[Identifier, ...], describe("The ids of the questions sent")]
    answers: Annotated[
        Mapping[Identifier, Annotated[AnswerValue, _SENT_VALUE]],
        describe(
            "The answers to those questions when they were sent: what the status compares with"
        ),
    ] = field(default_factory=dict)
    sent_by: Line | None = None


@dataclass(frozen=True, slots=True)
class Round:
    fiscal_year: Annotated[
        int,
        describe("The 年度, by the year it starts (April)"),
        Rule({"minimum": 2000, "maximum": 2999}),
    ]
    due: Annotated[dt.date, describe("The date the answers are due back")]
    sent: tuple[Sent, ...] = ()


ROUND_FILE: Final = FileShape(
    name="round",
    root=Round,
    title="vendorrisk yearly self-inspection round",
    description="One fiscal year's 自己点検票 round (rounds/<year>.toml): which questionnaires "
    "were sent to which approved vendors, when, and the answers as they stood then. TOML "
    "dates appear here as RFC 3339 strings.",
    leading={"schema_version": {"const": SCHEMA_VERSION}},
)


class RoundFileError(Exception):
    """A round record that cannot be used; ``problems`` say where and why."""

    def __init__(self, path: Path, problems: tuple[Problem, ...]) -> None:
        super().__init__(str(path))
        self.path = path
        self.problems = problems


def repository_of(folder: Path) -> Path:
    """The repository the assessments in ``folder`` belong to; without a marker or git, the
    folder above them (the layout ``vendorrisk init`` makes)."""
    return repository_root(folder) or Path(folder).resolve().parent


def round_path(root: Path, fiscal_year: int) -> Path:
    return root / ROUNDS_FOLDER / f"{fiscal_year}.toml"


def _answer_value(value: Any) -> AnswerValue:
    return tuple(value) if isinstance(value, list) else value


def _date(value: Any, key: str, found: list[Problem]) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    found.append(problem(ProblemCode.DATE_QUOTED, key=key, value=str(value)[:40]))
    return dt.date.min


def from_document(doc: Mapping[str, Any]) -> tuple[Round, list[Problem]]:
    found: list[Problem] = []
    sent = tuple(
        Sent(
            assessment=entry["assessment"],
            vendor=entry["vendor"],
            service=entry["service"],
            file=entry["file"],
            sent=_date(entry["sent"], f"sent[{i}].sent", found),
            revision=entry["revision"],
            questions=tuple(entry["questions"]),
            answers={k: _answer_value(v) for k, v in entry.get("answers", {}).items()},
            sent_by=entry.get("sent_by"),
        )
        for i, entry in enumerate(doc.get("sent", []))
    )
    due = _date(doc["due"], "due", found)
    return Round(fiscal_year=doc["fiscal_year"], due=due, sent=sent), found


def to_document(record: Round) -> dict[str, Any]:
    def entry(s: Sent) -> dict[str, Any]:
        out: dict[str, Any] = {
            "assessment": s.assessment,
            "vendor": s.vendor,
            "service": s.service,
            "file": s.file,
            "sent": s.sent,
            "revision": s.revision,
        }
        if s.sent_by:
            out["sent_by"] = s.sent_by
        out["questions"] = list(s.questions)
        if s.answers:
            out["answers"] = {
                k: list(v) if isinstance(v, tuple) else v for k, v in s.answers.items()
            }
        return out

    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "fiscal_year": record.fiscal_year,
        "due": record.due,
    }
    if record.sent:
        doc["sent"] = [entry(s) for s in sorted(record.sent, key=lambda s: s.assessment)]
    return doc


def load(path: Path) -> tuple[Round, str] | None:
    """The round recorded at ``path`` and the digest of its bytes; None when there is none."""
    try:
        raw = read_limited(path, MAX_ROUND_BYTES)
    except FileNotFoundError:
        return None
    except OSError as exc:
        reason = reason_of(exc)
        raise RoundFileError(path, (problem(ProblemCode.UNREADABLE, reason=reason),)) from None
    text, found = check_bytes(raw, MAX_ROUND_BYTES)
    if text is None:
        raise RoundFileError(path, tuple(found))
    data, syntax = parse_text(text)
    if data is None:
        raise RoundFileError(path, (*found, *([syntax] if syntax else [])))
    errors = schema_problems("round", jsonable(data))
    if not errors:
        record, errors = from_document(data)
    if errors:
        index = key_lines(text)
        located = tuple(
            p if p.line is not None or p.key is None else replace(p, line=line_for(index, p.key))
            for p in errors
        )
        raise RoundFileError(path, located)
    return record, digest_of(raw)


def render(record: Round, path: Path) -> bytes:
    root = repository_root(path.parent)
    preamble = ""
    if root is not None and (root / SCHEMAS_FOLDER / "round.schema.json").is_file():
        schema = root / SCHEMAS_FOLDER / "round.schema.json"
        preamble = f"#:schema {relative_link(schema, path.parent)}\n"
    return toml_writer.dumps(to_document(record), preamble=preamble).encode("utf-8")


def save(record: Round, path: Path, digest: str | None) -> None:
    """Write the record atomically; refused when the file changed since it was read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, render(record, path), expected_digest=digest, create=digest is None)
