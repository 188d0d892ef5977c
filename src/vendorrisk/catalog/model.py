"""The requirement catalogue as typed, immutable data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from vendorrisk.catalog.conditions import Expr
from vendorrisk.classification import (
    Audience,
    Confidentiality,
    Kind,
    Severity,
    TerminalModel,
    Tier,
    TwoLevel,
)

AnswerType = Literal["compliance", "boolean", "choice", "multi", "text", "date", "number", "url"]
ANSWER_TYPES: tuple[AnswerType, ...] = (
    "compliance",
    "boolean",
    "choice",
    "multi",
    "text",
    "date",
    "number",
    "url",
)
Disclosure = Literal["public", "withhold"]
ComplianceValue = Literal["met", "partial", "not_met", "na"]
COMPLIANCE_VALUES: tuple[ComplianceValue, ...] = ("met", "partial", "not_met", "na")


@dataclass(frozen=True, slots=True)
class Text:
    """A text in both languages."""

    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    label: Text


@dataclass(frozen=True, slots=True)
class AnswerSpec:
    type: AnswerType
    options: tuple[Option, ...] = ()
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None

    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)


@dataclass(frozen=True, slots=True)
class Criteria:
    met: Text
    partial: Text
    not_met: Text


@dataclass(frozen=True, slots=True)
class EvidenceSpec:
    required: bool = False
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    section: str
    title: Text
    question: Text
    guidance: Text
    severity: Severity
    kinds: frozenset[Kind]
    audience: Audience
    answer: AnswerSpec
    criteria: Criteria | None = None
    tiers: frozenset[Tier] | None = None
    terminal_models: frozenset[TerminalModel] | None = None
    min_confidentiality: Confidentiality | None = None
    max_confidentiality: Confidentiality | None = None
    min_integrity: TwoLevel | None = None
    min_availability: TwoLevel | None = None
    personal_data: bool = False
    mynumber_data: bool = False
    evidence: EvidenceSpec = field(default_factory=EvidenceSpec)
    condition_text: str | None = None
    condition: Expr | None = None
    gate: bool = False
    refs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source_edition: str | None = None
    trust: str | None = None
    # A rule that binds only contracts made on or after ``binding_from``; an earlier contract
    # is held to ``severity_before`` (docs/catalog-format.md, "Effective dates").
    binding_from: dt.date | None = None
    severity_before: Severity | None = None
    # "withhold": security-control details, left out of disclosure-safe output (§10).
    disclosure: Disclosure = "public"

    @property
    def scored(self) -> bool:
        return self.answer.type == "compliance"


ClausePart = Literal["contract", "specification", "personal", "mynumber", "selection"]
CLAUSE_PARTS: tuple[ClausePart, ...] = (
    "contract",
    "specification",
    "personal",
    "mynumber",
    "selection",
)
Evaluation = Literal["required", "scored"]


@dataclass(frozen=True, slots=True)
class Clause:
    """A text for the procurement documents, chosen by the same profile as the questions
    (docs/catalog-format.md, "Clauses"). ``text`` holds placeholders for the parties."""

    id: str
    part: ClausePart
    title: Text
    text: Text
    section: str
    kinds: frozenset[Kind]
    requirements: tuple[str, ...] = ()
    applies_with: tuple[str, ...] = ()
    tiers: frozenset[Tier] | None = None
    min_confidentiality: Confidentiality | None = None
    max_confidentiality: Confidentiality | None = None
    min_integrity: TwoLevel | None = None
    min_availability: TwoLevel | None = None
    personal_data: bool = False
    mynumber_data: bool = False
    evaluation: Evaluation | None = None
    refs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Text


@dataclass(frozen=True, slots=True)
class Schedule:
    """How often vendors are reassessed, by risk level (policy §7)."""

    interval_months: Mapping[str, int] = field(
        default_factory=lambda: {"low": 12, "medium": 12, "high": 6, "critical": 3}
    )
    fiscal_year: bool = True
    due_soon_days: int = 60


@dataclass(frozen=True, slots=True)
class ReviewPolicy:
    """How the city runs reviews (docs/scoring.md, rule W6)."""

    # Separation of duties: the person who approves must not be the one who submitted.
    separate_approver: bool = False


@dataclass(frozen=True, slots=True)
class Catalogue:
    id: str
    version: str
    effective: dt.date
    title: Text
    sections: tuple[Section, ...] = field(repr=False)
    requirements: tuple[Requirement, ...] = field(repr=False)
    description: Text | None = field(default=None, repr=False)
    organisation: Text | None = field(default=None, repr=False)
    schedule: Schedule = field(default_factory=Schedule, repr=False)
    review_policy: ReviewPolicy = field(default_factory=ReviewPolicy, repr=False)
    clauses: tuple[Clause, ...] = field(default=(), repr=False)
    digest: str = ""  # content hash of the source file: part of validation cache keys
    by_id: Mapping[str, Requirement] = field(default_factory=dict, compare=False, repr=False)
    order: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)
