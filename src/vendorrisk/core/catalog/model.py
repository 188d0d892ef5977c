"""The requirement catalogue as typed, immutable data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Final, Literal

from vendorrisk.core.catalog.conditions import Expr
from vendorrisk.core.classification import (
    Audience,
    Confidentiality,
    Kind,
    Severity,
    TerminalModel,
    Tier,
    TwoLevel,
)
from vendorrisk.core.model import EVIDENCE_KINDS
from vendorrisk.core.schemas.shape import NOT_IN_FILE, REQUIRED, FileKey, FileShape, Rule, describe

# The catalogue's own value rules: its patterns end with ``$`` (its files are written by the
# standard's maintainers, not typed into forms).
Identifier = Annotated[
    str, Rule({"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$"}, name="identifier")
]
SectionId = Annotated[str, Rule({"pattern": "^[0-9]+(\\.[0-9]+)*$"})]
Confidentiality_ = Annotated[
    Confidentiality,
    Rule(
        {"type": "string", "enum": ["1", "2", "3C", "3B", "3A"]}, name="confidentiality", whole=True
    ),
]
TwoLevel_ = Annotated[
    TwoLevel, Rule({"type": "string", "enum": ["1", "2"]}, name="twoLevel", whole=True)
]
_STRING_LIST: Final = Rule(
    {"type": "array", "items": {"type": "string", "minLength": 1}}, name="stringList", whole=True
)
_REF_KEYS: Final = ("guideline", "iso27001", "iso27017", "caiq", "ismap", "law", "other")
Refs = Annotated[
    Mapping[str, tuple[str, ...]],
    Rule(
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {key: {"$ref": "#/$defs/stringList"} for key in _REF_KEYS},
        },
        name="refs",
        whole=True,
        uses=(_STRING_LIST,),
    ),
]
_SOME: Final = Rule({"minItems": 1, "uniqueItems": True})
_UNIQUE: Final = Rule({"uniqueItems": True})

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

    ja: Annotated[str, Rule({"minLength": 1, "maxLength": 4000})]
    en: Annotated[str, Rule({"minLength": 1, "maxLength": 4000})]

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True, slots=True)
class Option:
    id: Identifier
    label: Text


@dataclass(frozen=True, slots=True)
class AnswerSpec:
    type: AnswerType
    options: Annotated[tuple[Option, ...], Rule({"minItems": 1})] = ()
    max_length: Annotated[int | None, Rule({"minimum": 1})] = None
    minimum: Annotated[float | None, FileKey("min")] = None
    maximum: Annotated[float | None, FileKey("max")] = None

    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)


@dataclass(frozen=True, slots=True)
class Criteria:
    met: Text
    partial: Text
    not_met: Text


@dataclass(frozen=True, slots=True)
class EvidenceSpec:
    required: Annotated[bool, REQUIRED] = False
    kinds: Annotated[tuple[str, ...], _UNIQUE, Rule({"items": {"enum": list(EVIDENCE_KINDS)}})] = ()


@dataclass(frozen=True, slots=True)
class Requirement:
    id: Identifier
    section: SectionId
    title: Text
    question: Text
    guidance: Text
    severity: Severity
    kinds: Annotated[frozenset[Kind], _SOME]
    audience: Audience
    answer: AnswerSpec
    criteria: Criteria | None = None
    tiers: Annotated[frozenset[Tier] | None, _SOME] = None
    terminal_models: Annotated[frozenset[TerminalModel] | None, _SOME] = None
    min_confidentiality: Confidentiality_ | None = None
    max_confidentiality: Confidentiality_ | None = None
    min_integrity: TwoLevel_ | None = None
    min_availability: TwoLevel_ | None = None
    personal_data: bool = False
    mynumber_data: bool = False
    evidence: EvidenceSpec = field(default_factory=EvidenceSpec)
    condition_text: Annotated[
        str | None, FileKey("condition"), Rule({"minLength": 1, "maxLength": 1000})
    ] = None
    condition: Annotated[Expr | None, NOT_IN_FILE] = None
    gate: bool = False
    refs: Refs = field(default_factory=dict)
    source_edition: Annotated[str | None, Rule({"minLength": 1})] = None
    trust: Annotated[str | None, Rule({"enum": ["V", "K", "U"]}, whole=True)] = None
    # A rule that binds only contracts made on or after ``binding_from``; an earlier contract
    # is held to ``severity_before`` (docs/catalog-format.md, "Effective dates").
    binding_from: Annotated[
        dt.date | None,
        describe(
            "TOML date: the rule binds contracts made on or after this day "
            "(service.contract_date); earlier contracts get severity_before. Give both or neither"
        ),
    ] = None
    severity_before: Annotated[
        Literal["should", "may"] | None,
        describe("the lower severity that holds for contracts made before binding_from"),
    ] = None
    # "withhold": security-control details, left out of disclosure-safe output (§10).
    disclosure: Annotated[
        Disclosure,
        describe(
            '"withhold": the answer\'s details are security-control details, left out of '
            "disclosure-safe output (情報公開; report --disclosure). Items the city answers are "
            "always left out"
        ),
    ] = "public"

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

    id: Identifier
    part: Annotated[
        ClausePart,
        describe(
            "contract: articles of the contract (協定書 for a designated manager); "
            "specification: items of the 仕様書; personal: 個人情報取扱特記事項; mynumber: "
            "特定個人情報取扱特記事項; selection: selection criteria and 総合評価 items"
        ),
    ]
    title: Text
    text: Annotated[
        Text,
        describe(
            "One paragraph (項) a line; a line starting with (1), (2)… is an item (号) of the "
            "paragraph above. Placeholders: {city} {City} {party} {Party} {contract}"
        ),
    ]
    section: SectionId
    kinds: Annotated[frozenset[Kind], _SOME]
    requirements: Annotated[
        tuple[Identifier, ...],
        describe("requirement ids this text puts into the documents (cited beside it)"),
        _UNIQUE,
    ] = ()
    applies_with: Annotated[
        tuple[Identifier, ...],
        describe("the clause applies only when one of these requirements applies to the service"),
        _SOME,
    ] = ()
    tiers: Annotated[frozenset[Tier] | None, _SOME] = None
    min_confidentiality: Confidentiality_ | None = None
    max_confidentiality: Confidentiality_ | None = None
    min_integrity: TwoLevel_ | None = None
    min_availability: TwoLevel_ | None = None
    personal_data: bool = False
    mynumber_data: bool = False
    evaluation: Annotated[
        Evaluation | None,
        describe(
            "selection part only: required (a condition to take part) or scored (a 総合評価 item)"
        ),
    ] = None
    refs: Refs = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Section:
    id: SectionId
    title: Text


_RISK_LEVELS: Final = ("low", "medium", "high", "critical")
_INTERVALS: Final = Rule(
    {
        "type": "object",
        "additionalProperties": False,
        "required": list(_RISK_LEVELS),
        "properties": {
            level: {"type": "integer", "minimum": 1, "maximum": 60} for level in _RISK_LEVELS
        },
    },
    whole=True,
)


@dataclass(frozen=True, slots=True)
class Schedule:
    """How often vendors are reassessed, by risk level (policy §7)."""

    interval_months: Annotated[Mapping[str, int], REQUIRED, _INTERVALS] = field(
        default_factory=lambda: {"low": 12, "medium": 12, "high": 6, "critical": 3}
    )
    fiscal_year: Annotated[
        bool,
        describe(
            "Yearly intervals run by fiscal year (April to March): a review in one fiscal year "
            "is due again by the end of the next"
        ),
    ] = True
    due_soon_days: Annotated[int, Rule({"minimum": 0, "maximum": 366})] = 60


@dataclass(frozen=True, slots=True)
class ReviewPolicy:
    """How the city runs reviews (docs/scoring.md, rule W6)."""

    # Separation of duties: the person who approves must not be the one who submitted.
    separate_approver: Annotated[
        bool,
        describe("Separation of duties: the person approving must not be the one who submitted"),
    ] = False


@dataclass(frozen=True, slots=True)
class Catalogue:
    id: Identifier
    version: Annotated[str, Rule({"pattern": "^[0-9]+(\\.[0-9]+){0,2}([-+][0-9A-Za-z.-]+)?$"})]
    effective: dt.date
    title: Text
    sections: Annotated[tuple[Section, ...], Rule({"minItems": 1})] = field(repr=False)
    requirements: Annotated[tuple[Requirement, ...], Rule({"minItems": 1})] = field(repr=False)
    description: Text | None = field(default=None, repr=False)
    organisation: Annotated[
        Text | None,
        describe("the organisation whose standard this is, as the documents name it (寝屋川市)"),
    ] = field(default=None, repr=False)
    schedule: Annotated[
        Schedule,
        describe("Reassessment intervals by risk level (policy §7); see docs/scoring.md"),
    ] = field(default_factory=Schedule, repr=False)
    review_policy: Annotated[
        ReviewPolicy,
        FileKey("review"),
        describe("How reviews are run; see docs/scoring.md, rule W6"),
    ] = field(default_factory=ReviewPolicy, repr=False)
    clauses: Annotated[
        tuple[Clause, ...],
        describe(
            "Texts for the procurement documents (contract or agreement, specification, "
            '特記事項, selection criteria); see docs/catalog-format.md, "Clauses"'
        ),
    ] = field(default=(), repr=False)
    # content hash of the source file: part of validation cache keys
    digest: Annotated[str, NOT_IN_FILE] = ""
    by_id: Annotated[Mapping[str, Requirement], NOT_IN_FILE] = field(
        default_factory=dict, compare=False, repr=False
    )
    order: Annotated[Mapping[str, int], NOT_IN_FILE] = field(
        default_factory=dict, compare=False, repr=False
    )

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


# What a type cannot say: which fields go together.
_NEEDS_OPTIONS: Final = {
    "if": {"properties": {"type": {"enum": ["choice", "multi"]}}},
    "then": {"required": ["options"]},
    "else": {"not": {"required": ["options"]}},
}
_SELECTION_IS_EVALUATED: Final = {
    "if": {"properties": {"part": {"const": "selection"}}},
    "then": {"required": ["evaluation"]},
    "else": {"not": {"required": ["evaluation"]}},
}
_COMPLIANCE_HAS_CRITERIA: Final = {
    "if": {"properties": {"answer": {"properties": {"type": {"const": "compliance"}}}}},
    "then": {"required": ["criteria"]},
    "else": {"not": {"required": ["gate"]}},
}
_RULES: dict[type, dict[str, Any]] = {
    AnswerSpec: _NEEDS_OPTIONS,
    Clause: _SELECTION_IS_EVALUATED,
    Requirement: _COMPLIANCE_HAS_CRITERIA,
}

CATALOG_FILE: Final = FileShape(
    name="catalog",
    root=Catalogue,
    title="vendorrisk requirement catalogue",
    description="The security standard (対策基準) as data: requirements with bilingual "
    "questions, guidance and judgement criteria. See docs/catalog-format.md.",
    defs={
        "text": Text,
        "option": Option,
        "answer": AnswerSpec,
        "criteria": Criteria,
        "clause": Clause,
        "requirement": Requirement,
    },
    rules=_RULES,
)
