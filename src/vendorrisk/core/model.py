"""The assessment: one vendor service assessed against one catalogue version.

Immutable values; change one with ``dataclasses.replace`` or the ``with_*`` helpers, then
hand it to the storage layer, which keeps the revision and history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Annotated, Any, ClassVar, Final, Literal

from vendorrisk.core import history_codes
from vendorrisk.core.classification import Confidentiality, Kind, TerminalModel, Tier, TwoLevel
from vendorrisk.core.codes import Phrase
from vendorrisk.core.schemas.shape import (
    OMITTED_AT_DEFAULT,
    REQUIRED,
    Converted,
    FileKey,
    FileShape,
    Rule,
    describe,
)
from vendorrisk.core.schemas.values import (
    END,
    LINE_FORBIDDEN,
    ONE_LINE_PATTERN,
    TEXT_PATTERN,
    CorporateNumber,
    Date,
    DateTime,
    Identifier,
    Line,
    LongText,
    PlainDate,
    Revision,
    Statement,
    Url,
)

# Format 2: history entries and URL-check records hold codes and parameters, not words.
SCHEMA_VERSION = 2

AnswerValue = str | bool | int | float | dt.date | tuple[str, ...]
AnswerSource = Literal["vendor", "city"]
ReviewStatus = Literal[
    "draft", "submitted", "in_review", "approved", "approved_with_conditions", "rejected"
]
REVIEW_STATUSES: tuple[ReviewStatus, ...] = (
    "draft",
    "submitted",
    "in_review",
    "approved",
    "approved_with_conditions",
    "rejected",
)
Decision = Literal["approve", "approve_with_conditions", "reject"]
EVIDENCE_KINDS: Final = (
    "contract_clause",
    "certificate",
    "registration",
    "report",
    "document",
    "screenshot",
    "attestation",
    "url_check",
)
_EMAIL_PART = f"[^@\\s{LINE_FORBIDDEN}]+"
Email = Annotated[
    str,
    Rule({"pattern": f"^{_EMAIL_PART}@{_EMAIL_PART}\\.{_EMAIL_PART}{END}", "maxLength": 254}),
]
Phone = Annotated[str, Rule({"pattern": f"^[0-9+()\\- ]{{6,24}}{END}"})]


@dataclass(frozen=True, slots=True)
class Contact:
    name: Line | None = None
    department: Line | None = None
    email: Email | None = None
    phone: Phone | None = None


@dataclass(frozen=True, slots=True)
class VendorUrls:
    website: Url | None = None
    security: Url | None = None
    privacy: Url | None = None
    trust: Url | None = None
    status: Url | None = None

    def items(self) -> list[tuple[str, str]]:
        """(role, url) for every URL given, in a fixed order."""
        pairs = [
            ("website", self.website),
            ("security", self.security),
            ("privacy", self.privacy),
            ("trust", self.trust),
            ("status", self.status),
        ]
        return [(role, url) for role, url in pairs if url]


@dataclass(frozen=True, slots=True)
class Vendor:
    name: Line
    corporate_number: CorporateNumber | None = None
    contact: Contact = field(default_factory=Contact)
    urls: VendorUrls = field(default_factory=VendorUrls)


@dataclass(frozen=True, slots=True)
class Classification:
    confidentiality: Annotated[Confidentiality, REQUIRED] = "2"
    integrity: Annotated[TwoLevel, REQUIRED] = "1"
    availability: Annotated[TwoLevel, REQUIRED] = "1"


@dataclass(frozen=True, slots=True)
class Service:
    FILE_ORDER: ClassVar[str] = (
        "name kind tier terminal_model personal_data mynumber_data contract_date data_location "
        "description classification"
    )

    name: Line
    kind: Kind
    tier: Tier
    classification: Annotated[Classification, REQUIRED] = field(default_factory=Classification)
    description: LongText | None = None
    terminal_model: TerminalModel | None = None
    data_location: Line | None = None
    personal_data: bool = False
    mynumber_data: bool = False
    contract_date: Annotated[
        Date | None,
        describe(
            "when the contract (or the terms accepted) was made; rules with an effective date "
            "(binding_from) compare it"
        ),
    ] = None


@dataclass(frozen=True, slots=True)
class Evidence:
    FILE_ORDER: ClassVar[str] = "kind ref collected expires note"

    kind: Annotated[str, Rule({"enum": list(EVIDENCE_KINDS)}, whole=True)]
    ref: Annotated[str, Rule({"minLength": 1, "maxLength": 2000, "pattern": ONE_LINE_PATTERN})]
    note: LongText | None = None
    collected: Date | None = None
    expires: Date | None = None


@dataclass(frozen=True, slots=True)
class Comment:
    """A reviewer's remark on one answer."""

    by: Line
    at: Date
    text: Annotated[str, Rule({"minLength": 1, "maxLength": 20000, "pattern": TEXT_PATTERN})]


# A TOML value of one of several types; which one the catalogue's answer type decides.
_ANSWER_VALUE: Final = Rule(
    {
        "description": "The answer; its type follows the requirement's answer type in the "
        "catalogue",
        "anyOf": [
            {"type": "string", "maxLength": 20000, "pattern": TEXT_PATTERN},
            {"type": "boolean"},
            {"type": "number", "minimum": -1e15, "maximum": 1e15},
            {
                "type": "array",
                "maxItems": 100,
                "items": {"type": "string", "maxLength": 200, "pattern": ONE_LINE_PATTERN},
            },
        ],
    },
    whole=True,
)


@dataclass(frozen=True, slots=True)
class Answer:
    FILE_ORDER: ClassVar[str] = "value reason source answered_by answered_at note evidence comments"

    value: Annotated[AnswerValue, _ANSWER_VALUE]
    reason: LongText | None = None  # why a requirement does not apply (value "na")
    note: LongText | None = None
    source: AnswerSource = "vendor"  # stated by the vendor, or verified by city staff
    answered_by: Line | None = None
    answered_at: Date | None = None
    evidence: tuple[Evidence, ...] = ()
    comments: Annotated[tuple[Comment, ...], describe("Reviewers' remarks on this answer")] = ()


@dataclass(frozen=True, slots=True)
class ExceptionGrant:
    """An approved deviation from a requirement (例外措置), with its compensating control."""

    FILE_ORDER: ClassVar[str] = "requirement approved_by approved_at until compensating_control"

    requirement: Identifier
    compensating_control: Statement
    approved_by: Line
    until: Date
    approved_at: Date | None = None


@dataclass(frozen=True, slots=True)
class Subcontractor:
    """One entry of the 再委託承認 register: who does part of the work, and the city's consent.

    ``level`` 1 is a subcontractor of the vendor itself, 2 a subcontractor of a level-1 one
    (再々委託), and so on; ``parent`` names the entry one level up. For work with My Number
    data the city's own consent is required at every level (番号法10条), so each entry
    carries its own consent, never its parent's.
    """

    FILE_ORDER: ClassVar[str] = (
        "name corporate_number level parent tier mynumber_data work data requested consented "
        "approver note"
    )

    name: Line
    work: Statement
    data: Statement  # the information it handles, in words
    level: Annotated[
        int,
        describe("1: the vendor's subcontractor; 2: 再々委託; …"),
        Rule({"minimum": 1, "maximum": 9}),
        OMITTED_AT_DEFAULT,
    ] = 1
    parent: Annotated[
        Line | None, describe("The name of the entry one level up (required from level 2)")
    ] = None
    corporate_number: CorporateNumber | None = None
    tier: Tier | None = None  # the network tier its work touches (policy §6.3)
    mynumber_data: Annotated[bool, OMITTED_AT_DEFAULT] = False
    requested: PlainDate | None = None  # the vendor's written request reached the city
    consented: PlainDate | None = None  # the city's consent (承認 / 番号法10条の許諾)
    approver: Line | None = None
    note: LongText | None = None

    @property
    def consent_recorded(self) -> bool:
        return self.consented is not None and bool(self.approver)


@dataclass(frozen=True, slots=True)
class Review:
    FILE_ORDER: ClassVar[str] = (
        "status reviewer decision decided_at next_review submitted_by conditions confirmed_na basis"
    )

    status: Annotated[ReviewStatus, REQUIRED] = "draft"
    reviewer: Line | None = None
    decision: Decision | None = None
    decided_at: Date | None = None
    conditions: tuple[LongText, ...] = ()
    next_review: Date | None = None
    submitted_by: Line | None = None  # who submitted: separation of duties (rule W6)
    # "na" answers on a must question or a gate the approving reviewer confirmed (rule W7).
    confirmed_na: Annotated[
        tuple[Identifier, ...],
        describe(
            "Not-applicable answers on a must question or a gate that the approving reviewer "
            "confirmed"
        ),
    ] = ()
    # digest of what was approved (rule W8): approval.approval_basis
    basis: Annotated[
        str | None,
        describe("Digest of the answers, exceptions and service profile that were approved"),
        Rule({"pattern": f"^[0-9a-f]{{32}}{END}"}),
    ] = None


# The schema's limit for one line of text: a history entry's comment, a move's comment.
HISTORY_SUMMARY_CHARS: Final = 500


_STORED_CODE = Rule(
    {
        "description": "Every code a file may hold (vendorrisk/core/history_codes.py)",
        "enum": list(history_codes.stored_codes()),
    },
    name="storedCode",
    whole=True,
)
_EVENT_VALUE = Rule(
    {
        "anyOf": [
            {"$ref": "#/$defs/line"},
            {"const": ""},
            {"type": "integer"},
            {
                "description": "A phrase inside a phrase; a code alone is a status or a text "
                "named by its code",
                "$ref": "#/$defs/event",
            },
            {
                "description": "Several values said one after another",
                "type": "object",
                "additionalProperties": False,
                "required": ["joined", "separator"],
                "properties": {
                    "joined": {
                        "type": "array",
                        "maxItems": 20,
                        "items": {"$ref": "#/$defs/eventValue"},
                    },
                    "separator": {"enum": ["; ", ", "]},
                },
            },
        ]
    },
    name="eventValue",
    whole=True,
)
_EVENT = Rule(
    {
        "description": "A code (a message key) and its parameters",
        "type": "object",
        "additionalProperties": False,
        "required": ["code"],
        "properties": {
            "code": {"$ref": "#/$defs/storedCode"},
            "params": {
                "type": "object",
                "maxProperties": 10,
                "propertyNames": {"pattern": "^[a-z][a-z_]{0,31}$"},
                "additionalProperties": {"$ref": "#/$defs/eventValue"},
            },
        },
    },
    name="event",
    whole=True,
    uses=(_STORED_CODE, _EVENT_VALUE),
)
# What the tool did, stored as codes and parameters: worded when shown, in the reader's
# language, never fixed in the language of whoever saved.
Event = Annotated[Phrase, _EVENT, Converted(history_codes.event_from_plain, history_codes.to_plain)]


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One revision: what the tool did, as phrases (``history_codes``), and what the person
    wrote, as their words; at least one of the two. The faces word the phrases."""

    revision: Revision
    at: DateTime
    by: Line
    events: Annotated[
        tuple[Event, ...],
        describe(
            "What the tool did, as codes and parameters (worded when shown, in the reader's "
            "language)"
        ),
        Rule({"minItems": 1, "maxItems": 20}),
        OMITTED_AT_DEFAULT,
    ] = ()
    comment: Annotated[
        Line | None,
        describe(
            "What the person wrote, as they wrote it (and format-1 summaries the upgrade "
            "could not read as codes)"
        ),
    ] = None


# Keyword-only, so that the fields can follow the file's order (the schema's required keys
# and the order missing keys are reported in).
@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment:
    FILE_ORDER: ClassVar[str] = (
        "schema_version revision catalog_id catalog_version vendor service review answers "
        "exceptions url_checks subcontractors history"
    )

    schema_version: Annotated[int, REQUIRED, Rule({"const": SCHEMA_VERSION}, whole=True)] = (
        SCHEMA_VERSION
    )
    catalog_id: Annotated[Identifier, FileKey("catalog.id")]
    catalog_version: Annotated[
        str,
        FileKey("catalog.version"),
        Rule({"minLength": 1, "maxLength": 64, "pattern": ONE_LINE_PATTERN}),
    ]
    revision: Annotated[Revision, REQUIRED] = 1
    vendor: Vendor
    service: Service
    answers: Mapping[Identifier, Answer] = field(default_factory=dict)
    review: Annotated[Review, REQUIRED] = field(default_factory=Review)
    exceptions: tuple[ExceptionGrant, ...] = ()
    # URL-check records are kept as the plain trees the checker's schema describes.
    url_checks: Annotated[
        tuple[Mapping[str, Any], ...],
        describe("URL-check records, each valid against urlcheck-result.schema.json"),
    ] = ()
    subcontractors: Annotated[
        tuple[Subcontractor, ...],
        describe(
            "The 再委託承認 register: every subcontractor at every level, with the city's "
            "consent (for My Number work, 番号法10条)"
        ),
    ] = ()
    history: Annotated[tuple[HistoryEntry, ...], REQUIRED, Rule({"minItems": 1})] = ()

    def with_answer(self, requirement_id: str, answer: Answer | None) -> Assessment:
        """A copy with one answer set (or removed, when ``answer`` is None)."""
        answers = dict(self.answers)
        if answer is None:
            answers.pop(requirement_id, None)
        else:
            answers[requirement_id] = answer
        return replace(self, answers=answers)


ASSESSMENT_FILE: Final = FileShape(
    name="assessment",
    root=Assessment,
    title="vendorrisk assessment",
    description="One assessment of a contractor, cloud service or social media service (one "
    "TOML file under assessments/). TOML dates appear here as RFC 3339 strings.",
    defs={"answer": Answer, "evidence": Evidence},
    rules={HistoryEntry: {"anyOf": [{"required": ["events"]}, {"required": ["comment"]}]}},
)
