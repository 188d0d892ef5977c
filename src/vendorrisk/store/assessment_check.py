"""Checking one assessment file's bytes, from encoding to meaning, as a list of Problems."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.model import Catalogue, Requirement
from vendorrisk.core.codec import from_document
from vendorrisk.core.model import Assessment
from vendorrisk.core.problems import Problem, has_errors
from vendorrisk.core.validation.schema_check import schema_problems
from vendorrisk.core.validation.semantics import semantic_problems
from vendorrisk.core.validation.toml_lines import key_lines, line_for
from vendorrisk.store.tomlfile import (
    MAX_ASSESSMENT_BYTES,
    check_bytes,
    jsonable,
    parse_text,
    parsed_jsonable,
)
from vendorrisk.store.upgrades.schema_versions import SchemaVersionError, upgrade_document


@dataclass(frozen=True, slots=True)
class Checked:
    """The assessment if it could be built, and everything found on the way."""

    assessment: Assessment | None
    problems: tuple[Problem, ...]
    # The requirements that apply to it (``applies``), worked out for the checks and kept
    # so that scoring the same assessment need not work them out again.
    applicable: Mapping[str, Requirement] | None = None

    @property
    def valid(self) -> bool:
        return self.assessment is not None and not has_errors(self.problems)


def with_lines(problems: list[Problem], text: str) -> list[Problem]:
    """Each problem with the line of its key, where it has none yet."""
    if all(p.line is not None or p.key is None for p in problems):
        return problems
    index = key_lines(text)
    return [
        replace(p, line=line_for(index, p.key)) if p.line is None and p.key else p for p in problems
    ]


def _current_format(data: dict[str, Any]) -> dict[str, Any]:
    """A file of an older format, read as the current one (``evolution.schema_versions``):
    old files keep loading; the next save writes the current format. A version that cannot
    be upgraded is left for the schema check to name."""
    try:
        upgraded, _ = upgrade_document(data)
    except SchemaVersionError:
        return data
    return upgraded


def check_assessment_bytes(raw: bytes, catalogue: Catalogue, *, lines: bool = True) -> Checked:
    """``lines=False`` leaves problems found after parsing without their line: finding a
    key's line means indexing the whole text, and a caller that shows no warning (the
    list's summaries) would pay it for nearly every file."""
    text, problems = check_bytes(raw, MAX_ASSESSMENT_BYTES)
    if text is None:
        return Checked(None, tuple(problems))
    parsed, syntax = parse_text(text)
    if parsed is None:
        assert syntax is not None
        return Checked(None, (*problems, syntax))
    data = _current_format(parsed)
    # An upgraded document is the upgrade's making, not the parser's: it takes the walk.
    found = schema_problems(
        "assessment", parsed_jsonable(data) if data is parsed else jsonable(data)
    )
    if found:
        return Checked(None, tuple(problems + with_lines(found, text)))
    assessment, type_problems = from_document(data)
    # Another catalogue's answers are not judged against this one (catalog-mismatch).
    applicable = applies(catalogue, assessment) if assessment.catalog_id == catalogue.id else None
    found = type_problems + semantic_problems(assessment, catalogue, applicable)
    problems += with_lines(found, text) if lines else found
    if has_errors(type_problems):
        return Checked(None, tuple(problems))
    return Checked(assessment, tuple(problems), applicable)
