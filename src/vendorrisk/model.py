"""The assessment: one vendor service assessed against one catalogue version.

Immutable values; change one with ``dataclasses.replace`` or the ``with_*`` helpers, then
hand it to the storage layer, which keeps the revision and history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final, Literal

from vendorrisk.classification import Confidentiality, Kind, TerminalModel, Tier, TwoLevel
from vendorrisk.codes import Phrase

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


@dataclass(frozen=True, slots=True)
class Contact:
    name: str | None = None
    department: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class VendorUrls:
    website: str | None = None
    security: str | None = None
    privacy: str | None = None
    trust: str | None = None
    status: str | None = None

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
    name: str
    corporate_number: str | None = None
    contact: Contact = field(default_factory=Contact)
    urls: VendorUrls = field(default_factory=VendorUrls)


@dataclass(frozen=True, slots=True)
class Classification:
    confidentiality: Confidentiality = "2"
    integrity: TwoLevel = "1"
    availability: TwoLevel = "1"


@dataclass(frozen=True, slots=True)
class Service:
    name: str
    kind: Kind
    tier: Tier
    classification: Classification = field(default_factory=Classification)
    description: str | None = None
    terminal_model: TerminalModel | None = None
    data_location: str | None = None
    personal_data: bool = False
    mynumber_data: bool = False
    contract_date: dt.date | None = None  # when the contract was made: rules' effective dates


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str
    ref: str
    note: str | None = None
    collected: dt.date | None = None
    expires: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Comment:
    """A reviewer's remark on one answer."""

    by: str
    at: dt.date
    text: str


@dataclass(frozen=True, slots=True)
class Answer:
    value: AnswerValue
    reason: str | None = None  # why a requirement does not apply (value "na")
    note: str | None = None
    source: AnswerSource = "vendor"  # stated by the vendor, or verified by city staff
    answered_by: str | None = None
    answered_at: dt.date | None = None
    evidence: tuple[Evidence, ...] = ()
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True, slots=True)
class ExceptionGrant:
    """An approved deviation from a requirement (例外措置), with its compensating control."""

    requirement: str
    compensating_control: str
    approved_by: str
    until: dt.date
    approved_at: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Subcontractor:
    """One entry of the 再委託承認 register: who does part of the work, and the city's consent.

    ``level`` 1 is a subcontractor of the vendor itself, 2 a subcontractor of a level-1 one
    (再々委託), and so on; ``parent`` names the entry one level up. For work with My Number
    data the city's own consent is required at every level (番号法10条), so each entry
    carries its own consent, never its parent's.
    """

    name: str
    work: str
    data: str  # the information it handles, in words
    level: int = 1
    parent: str | None = None
    corporate_number: str | None = None
    tier: Tier | None = None  # the network tier its work touches (policy §6.3)
    mynumber_data: bool = False
    requested: dt.date | None = None  # the vendor's written request reached the city
    consented: dt.date | None = None  # the city's consent (承認 / 番号法10条の許諾)
    approver: str | None = None
    note: str | None = None

    @property
    def consent_recorded(self) -> bool:
        return self.consented is not None and bool(self.approver)


@dataclass(frozen=True, slots=True)
class Review:
    status: ReviewStatus = "draft"
    reviewer: str | None = None
    decision: Decision | None = None
    decided_at: dt.date | None = None
    conditions: tuple[str, ...] = ()
    next_review: dt.date | None = None
    submitted_by: str | None = None  # who submitted: separation of duties (rule W6)
    # "na" answers on a must question or a gate the approving reviewer confirmed (rule W7).
    confirmed_na: tuple[str, ...] = ()
    basis: str | None = None  # digest of what was approved (rule W8): approval.approval_basis


# The schema's limit for one line of text: a history entry's comment, a move's comment.
HISTORY_SUMMARY_CHARS: Final = 500


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One revision: what the tool did, as phrases (``history_codes``), and what the person
    wrote, as their words; at least one of the two. The faces word the phrases."""

    revision: int
    at: dt.datetime
    by: str
    events: tuple[Phrase, ...] = ()
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    catalog_id: str
    catalog_version: str
    vendor: Vendor
    service: Service
    revision: int = 1
    answers: Mapping[str, Answer] = field(default_factory=dict)
    review: Review = field(default_factory=Review)
    exceptions: tuple[ExceptionGrant, ...] = ()
    # URL-check records are kept as the plain trees the checker's schema describes.
    url_checks: tuple[Mapping[str, Any], ...] = ()
    subcontractors: tuple[Subcontractor, ...] = ()  # the 再委託承認 register
    history: tuple[HistoryEntry, ...] = ()
    schema_version: int = SCHEMA_VERSION

    def with_answer(self, requirement_id: str, answer: Answer | None) -> Assessment:
        """A copy with one answer set (or removed, when ``answer`` is None)."""
        answers = dict(self.answers)
        if answer is None:
            answers.pop(requirement_id, None)
        else:
            answers[requirement_id] = answer
        return replace(self, answers=answers)
