"""Problems found in a file, as values: a batch collects them instead of stopping.

A problem names what is wrong with a code and its facts (a ``Phrase``); the words are
chosen where it is shown (the faces' ``say``), so a cached or pickled problem is
said in whatever language is current then.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from vendorrisk.core.codes import Code, Phrase, phrase, verbatim

ProblemSeverity = Literal["error", "warning"]

_PREFIX = "problem."


class ProblemCode(Code):
    """What can be wrong with a file; the stable code scripts see is the part after ``problem.``."""

    AI_TRAINING_VS_NO_SECONDARY_USE = "problem.ai-training-vs-no-secondary-use"
    ANSWER_CONTRADICTS_CONDITION = "problem.answer-contradicts-condition"
    ANSWER_CONTRADICTS_PROFILE = "problem.answer-contradicts-profile"
    ANSWER_NOT_FINITE = "problem.answer-not-finite"
    ANSWER_OPTION = "problem.answer-option"
    ANSWER_RANGE = "problem.answer-range"
    ANSWER_TOO_LONG = "problem.answer-too-long"
    ANSWER_TYPE = "problem.answer-type"
    ANSWER_URL = "problem.answer-url"
    APPROVAL_INVALID = "problem.approval-invalid"
    APPROVAL_STALE = "problem.approval-stale"
    APPROVAL_UNBASED = "problem.approval-unbased"
    BINARY = "problem.binary"
    BOM = "problem.bom"
    CATALOG_BAD_CONDITION = "problem.catalog-bad-condition"
    CATALOG_BINDING_PAIR = "problem.catalog-binding-pair"
    CATALOG_CLAUSE_PLACEHOLDER = "problem.catalog-clause-placeholder"
    CATALOG_CLAUSE_REQUIREMENT = "problem.catalog-clause-requirement"
    CATALOG_CONDITION_FORWARD = "problem.catalog-condition-forward"
    CATALOG_CONDITION_OTHER_KIND = "problem.catalog-condition-other-kind"
    CATALOG_CRITERIA_SAME = "problem.catalog-criteria-same"
    CATALOG_CRITERIA_UNUSED = "problem.catalog-criteria-unused"
    CATALOG_DUPLICATE_ID = "problem.catalog-duplicate-id"
    CATALOG_DUPLICATE_OPTION = "problem.catalog-duplicate-option"
    CATALOG_EVIDENCE_NO_KINDS = "problem.catalog-evidence-no-kinds"
    CATALOG_GATE_NOT_CITY = "problem.catalog-gate-not-city"
    CATALOG_GATE_NOT_MUST = "problem.catalog-gate-not-must"
    CATALOG_JAPANESE_IN_ENGLISH = "problem.catalog-japanese-in-english"
    CATALOG_MISMATCH = "problem.catalog-mismatch"
    CATALOG_MUST_NO_EVIDENCE = "problem.catalog-must-no-evidence"
    CATALOG_NEVER_APPLIES = "problem.catalog-never-applies"
    CATALOG_NO_EDITION = "problem.catalog-no-edition"
    CATALOG_NO_REFS = "problem.catalog-no-refs"
    CATALOG_OBLIGATION_WORDING = "problem.catalog-obligation-wording"
    CATALOG_SEVERITY_BEFORE = "problem.catalog-severity-before"
    CATALOG_UNKNOWN_SECTION = "problem.catalog-unknown-section"
    CATALOG_VERSION = "problem.catalog-version"
    CONFLICT_MARKERS = "problem.conflict-markers"
    CORPORATE_NUMBER = "problem.corporate-number"
    DATE_EXPECTED = "problem.date-expected"
    DATE_QUOTED = "problem.date-quoted"
    DATE_RANGE = "problem.date-range"
    DATETIME_EXPECTED = "problem.datetime-expected"
    DATETIME_OFFSET = "problem.datetime-offset"
    EMPTY = "problem.empty"
    EVIDENCE_MISSING = "problem.evidence-missing"
    EXCEPTION_UNKNOWN = "problem.exception-unknown"
    HISTORY_ORDER = "problem.history-order"
    HISTORY_TIME = "problem.history-time"
    HISTORY_EVENT = "problem.history-event"
    HISTORY_EVENT_DEPTH = "problem.history-event-depth"
    HISTORY_VERSION_TWICE = "problem.history-version-twice"
    INTEGER_EXPECTED = "problem.integer-expected"
    IS_DIRECTORY = "problem.is-directory"
    ISMAP_NUMBER_CONFLICT = "problem.ismap-number-conflict"
    ISMAP_NUMBER_UNREGISTERED = "problem.ismap-number-unregistered"
    LEFTOVER_TEMP = "problem.leftover-temp"
    MYNUMBER_DATA_BELOW_3B = "problem.mynumber-data-below-3b"
    MYNUMBER_DATA_OUTSIDE_TIER = "problem.mynumber-data-outside-tier"
    MYNUMBER_WITHOUT_PERSONAL_DATA = "problem.mynumber-without-personal-data"
    NA_REASON = "problem.na-reason"
    NAME_TOO_LONG = "problem.name-too-long"
    NO_FILES = "problem.no-files"
    NOT_A_FILE = "problem.not-a-file"
    NOT_APPLICABLE = "problem.not-applicable"
    NOT_FOUND = "problem.not-found"
    NOT_UTF8 = "problem.not-utf8"
    NOTE_MISSING = "problem.note-missing"
    NUMBER_NOT_FINITE = "problem.number-not-finite"
    PERSONAL_DATA_BELOW_3 = "problem.personal-data-below-3"
    PERSONAL_DATA_PUBLIC = "problem.personal-data-public"
    RECORD_ADDED_EXISTED = "problem.record-added-existed"
    RECORD_CATALOG = "problem.record-catalog"
    RECORD_CHANGED_MISSING = "problem.record-changed-missing"
    RECORD_CRITERIA_SAME = "problem.record-criteria-same"
    RECORD_CRITERIA_UNLISTED = "problem.record-criteria-unlisted"
    RECORD_DUPLICATE = "problem.record-duplicate"
    RECORD_MISSING_NEW = "problem.record-missing-new"
    RECORD_MISSING_OLD = "problem.record-missing-old"
    RECORD_NO_CATALOGUE = "problem.record-no-catalogue"
    RECORD_REMOVED_PRESENT = "problem.record-removed-present"
    RECORD_REWORDED_SAME = "problem.record-reworded-same"
    RECORD_REWORDED_UNLISTED = "problem.record-reworded-unlisted"
    RECORD_SAME_VERSION = "problem.record-same-version"
    RECORD_TWICE = "problem.record-twice"
    RECORD_UNACCOUNTED_NEW = "problem.record-unaccounted-new"
    RECORD_UNACCOUNTED_OLD = "problem.record-unaccounted-old"
    REGISTER_CONSENT_MISSING_ALL = "problem.register-consent-missing-all"
    REGISTER_CONSENT_MISSING_MYNUMBER = "problem.register-consent-missing-mynumber"
    REGISTER_EMPTY_ANSWER_MET = "problem.register-empty-answer-met"
    REGISTER_WITHOUT_RESUBCONTRACTING = "problem.register-without-resubcontracting"
    REVIEW_DECISION_EARLY = "problem.review-decision-early"
    REVIEW_DECISION_MISMATCH = "problem.review-decision-mismatch"
    REVIEW_INCOMPLETE = "problem.review-incomplete"
    REVISION_MISMATCH = "problem.revision-mismatch"
    SCHEMA = "problem.schema"
    SCHEMA_CONTROL_CHARACTER = "problem.schema-control-character"
    SCHEMA_CONTROL_CHARACTER_LINE = "problem.schema-control-character.line"
    SCHEMA_CONTROL_CHARACTER_MULTILINE = "problem.schema-control-character.multiline"
    SCHEMA_MISSING_KEY = "problem.schema-missing-key"
    SCHEMA_UNKNOWN_KEY = "problem.schema-unknown-key"
    SOCIAL_ABOVE_LEVEL_1 = "problem.social-above-level-1"
    SUBCONTRACTOR_CONSENT_BEFORE_REQUEST = "problem.subcontractor-consent-before-request"
    SUBCONTRACTOR_CONSENT_INCOMPLETE = "problem.subcontractor-consent-incomplete"
    SUBCONTRACTOR_DUPLICATE = "problem.subcontractor-duplicate"
    SUBCONTRACTOR_MYNUMBER_CHAIN = "problem.subcontractor-mynumber-chain"
    SUBCONTRACTOR_MYNUMBER_OUTSIDE_SERVICE = "problem.subcontractor-mynumber-outside-service"
    SUBCONTRACTOR_PARENT_AT_LEVEL_1 = "problem.subcontractor-parent-at-level-1"
    SUBCONTRACTOR_PARENT_LEVEL = "problem.subcontractor-parent-level"
    SUBCONTRACTOR_PARENT_MISSING = "problem.subcontractor-parent-missing"
    SUBCONTRACTOR_PARENT_UNKNOWN = "problem.subcontractor-parent-unknown"
    SUBCONTRACTORS_UNKNOWN_CONSENT_MET = "problem.subcontractors-unknown-consent-met"
    TABLE_NOT_ARRAY = "problem.table-not-array"
    TOML_SYNTAX = "problem.toml-syntax"
    TOO_DEEP = "problem.too-deep"
    TOO_LARGE = "problem.too-large"
    UNKNOWN_REQUIREMENT = "problem.unknown-requirement"
    UNREADABLE = "problem.unreadable"
    UTF16 = "problem.utf16"

    @property
    def short(self) -> str:
        return self.value.removeprefix(_PREFIX)


@dataclass(frozen=True, slots=True, init=False)
class Problem:
    code: str  # stable, for scripts; the words are for people and may change
    said: Phrase  # what is wrong, put into words by the face that shows it
    line: int | None
    column: int | None
    key: str | None  # dotted TOML key path, e.g. "answers.A-01.value"
    severity: ProblemSeverity

    def __init__(
        self,
        code: str,
        said: Phrase | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
        severity: ProblemSeverity = "error",
        *,
        message: str | None = None,
    ) -> None:
        """``message`` stands for ``said`` when what is wrong is already text (another
        program's words, a test's stand-in)."""
        setter = object.__setattr__
        setter(self, "code", code)
        setter(self, "said", said if said is not None else verbatim(message or ""))
        setter(self, "line", line)
        setter(self, "column", column)
        setter(self, "key", key)
        setter(self, "severity", severity)


def problem(
    code: ProblemCode | str,
    *,
    line: int | None = None,
    column: int | None = None,
    key: str | None = None,
    severity: ProblemSeverity = "error",
    **params: object,
) -> Problem:
    """A problem with the catalogued code ``problem.<code>`` (a short code is looked up)."""
    known = code if isinstance(code, ProblemCode) else ProblemCode(_PREFIX + code)
    return Problem(
        code=known.short,
        said=phrase(known, **params),
        line=line,
        column=column,
        key=key,
        severity=severity,
    )


def has_errors(problems: list[Problem] | tuple[Problem, ...]) -> bool:
    return any(p.severity == "error" for p in problems)
