"""Checking one assessment file's bytes, from encoding to meaning, as a list of Problems."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from vendorrisk.catalog.applicability import applies
from vendorrisk.catalog.model import Catalogue, Requirement
from vendorrisk.codec import from_document
from vendorrisk.model import Assessment
from vendorrisk.problems import Problem, has_errors
from vendorrisk.tomlfile import MAX_ASSESSMENT_BYTES, check_bytes, jsonable, parse_text
from vendorrisk.validation.schema_check import schema_problems
from vendorrisk.validation.semantics import semantic_problems
from vendorrisk.validation.toml_lines import key_lines, line_for


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


def check_assessment_bytes(raw: bytes, catalogue: Catalogue, *, lines: bool = True) -> Checked:
    """``lines=False`` leaves problems found after parsing without their line: finding a
    key's line means indexing the whole text, and a caller that shows no warning (the
    list's summaries) would pay it for nearly every file."""
    text, problems = check_bytes(raw, MAX_ASSESSMENT_BYTES)
    if text is None:
        return Checked(None, tuple(problems))
    data, syntax = parse_text(text)
    if data is None:
        assert syntax is not None
        return Checked(None, (*problems, syntax))
    found = schema_problems("assessment", jsonable(data))
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
