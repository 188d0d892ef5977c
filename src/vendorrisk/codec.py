"""Between the TOML document (plain dicts) and the typed Assessment.

``to_document`` fixes the canonical layout: a stable key order, answers in catalogue order,
nothing written for absent or empty values. ``from_document`` expects a document that passed
the JSON Schema, and adds the checks the schema cannot make on TOML: dates must be TOML
dates, not quoted strings, because JSON Schema sees both as the same string.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from vendorrisk.history_codes import event_from_plain, to_plain
from vendorrisk.model import (
    Answer,
    AnswerValue,
    Assessment,
    Classification,
    Comment,
    Contact,
    Evidence,
    ExceptionGrant,
    HistoryEntry,
    Review,
    Service,
    Subcontractor,
    Vendor,
    VendorUrls,
)
from vendorrisk.problems import Problem, problem

T = TypeVar("T")

# The years a date may fall in (the schema says the same): wide enough for any contract or
# certificate, narrow enough that date arithmetic in reports never leaves Python's range.
FIRST_YEAR = 1900
LAST_YEAR = 2999


class _Reader:
    """Collects type problems while converting, so one pass reports all of them."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def integer(self, value: Any, key: str) -> int:
        # JSON Schema counts 3.0 as an integer; TOML does not, and writing it back as 3
        # would change the file behind the author's back.
        if isinstance(value, float):
            self.problems.append(problem("integer-expected", key=key, value=value))
            return int(value) if math.isfinite(value) else 0
        return int(value)

    def answer_value(self, value: Any, key: str) -> AnswerValue:
        if isinstance(value, list):
            return tuple(value)
        if isinstance(value, float) and not math.isfinite(value):
            # nan is no number anyone can compare or score; inf is no real quantity.
            self.problems.append(problem("number-not-finite", key=key, value=value))
            return 0.0
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return self.in_range(value, key)
        result: AnswerValue = value
        return result

    def in_range(self, day: dt.date, key: str) -> dt.date:
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            self.problems.append(
                problem("date-range", key=key, value=day, first=FIRST_YEAR, last=LAST_YEAR)
            )
        return day

    def date(self, value: Any, key: str) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            self.problems.append(problem("date-expected", key=key))
            return value.date()
        if isinstance(value, dt.date):
            return self.in_range(value, key)
        self.problems.append(problem("date-quoted", key=key, value=str(value)[:40]))
        return None

    def datetime(self, value: Any, key: str) -> dt.datetime:
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            self.in_range(value.date(), key)
            return value
        if isinstance(value, dt.datetime):
            self.problems.append(problem("datetime-offset", key=key))
            return value.replace(tzinfo=dt.UTC)
        self.problems.append(problem("datetime-expected", key=key))
        return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _optional(table: Mapping[str, Any], cls: Callable[..., T]) -> T:
    return cls(**table)


def from_document(doc: Mapping[str, Any]) -> tuple[Assessment, list[Problem]]:
    """Build the Assessment from a schema-valid document."""
    read = _Reader()
    vendor_doc = doc["vendor"]
    vendor = Vendor(
        name=vendor_doc["name"],
        corporate_number=vendor_doc.get("corporate_number"),
        contact=_optional(vendor_doc.get("contact", {}), Contact),
        urls=_optional(vendor_doc.get("urls", {}), VendorUrls),
    )
    service_doc = doc["service"]
    service = Service(
        name=service_doc["name"],
        kind=service_doc["kind"],
        tier=service_doc["tier"],
        classification=Classification(**service_doc["classification"]),
        description=service_doc.get("description"),
        terminal_model=service_doc.get("terminal_model"),
        data_location=service_doc.get("data_location"),
        personal_data=service_doc.get("personal_data", False),
        mynumber_data=service_doc.get("mynumber_data", False),
        contract_date=read.date(service_doc.get("contract_date"), "service.contract_date"),
    )
    answers: dict[str, Answer] = {}
    for rid, answer_doc in doc.get("answers", {}).items():
        key = f"answers.{rid}"
        answers[rid] = Answer(
            value=read.answer_value(answer_doc["value"], f"{key}.value"),
            reason=answer_doc.get("reason"),
            note=answer_doc.get("note"),
            source=answer_doc.get("source", "vendor"),
            answered_by=answer_doc.get("answered_by"),
            answered_at=read.date(answer_doc.get("answered_at"), f"{key}.answered_at"),
            evidence=tuple(
                Evidence(
                    kind=ev["kind"],
                    ref=ev["ref"],
                    note=ev.get("note"),
                    collected=read.date(ev.get("collected"), f"{key}.evidence[{i}].collected"),
                    expires=read.date(ev.get("expires"), f"{key}.evidence[{i}].expires"),
                )
                for i, ev in enumerate(answer_doc.get("evidence", []))
            ),
            comments=tuple(
                Comment(
                    by=c["by"],
                    at=read.date(c["at"], f"{key}.comments[{i}].at") or dt.date.min,
                    text=c["text"],
                )
                for i, c in enumerate(answer_doc.get("comments", []))
            ),
        )
    review_doc = doc["review"]
    review = Review(
        status=review_doc["status"],
        reviewer=review_doc.get("reviewer"),
        decision=review_doc.get("decision"),
        decided_at=read.date(review_doc.get("decided_at"), "review.decided_at"),
        conditions=tuple(review_doc.get("conditions", [])),
        next_review=read.date(review_doc.get("next_review"), "review.next_review"),
        submitted_by=review_doc.get("submitted_by"),
        confirmed_na=tuple(review_doc.get("confirmed_na", [])),
        basis=review_doc.get("basis"),
    )
    exceptions = tuple(
        ExceptionGrant(
            requirement=ex["requirement"],
            compensating_control=ex["compensating_control"],
            approved_by=ex["approved_by"],
            until=read.date(ex["until"], f"exceptions[{i}].until") or dt.date.min,
            approved_at=read.date(ex.get("approved_at"), f"exceptions[{i}].approved_at"),
        )
        for i, ex in enumerate(doc.get("exceptions", []))
    )
    subcontractors = tuple(
        Subcontractor(
            name=sub["name"],
            work=sub["work"],
            data=sub["data"],
            level=sub.get("level", 1),
            parent=sub.get("parent"),
            corporate_number=sub.get("corporate_number"),
            tier=sub.get("tier"),
            mynumber_data=sub.get("mynumber_data", False),
            requested=read.date(sub.get("requested"), f"subcontractors[{i}].requested"),
            consented=read.date(sub.get("consented"), f"subcontractors[{i}].consented"),
            approver=sub.get("approver"),
            note=sub.get("note"),
        )
        for i, sub in enumerate(doc.get("subcontractors", []))
    )
    history = tuple(
        HistoryEntry(
            revision=read.integer(h["revision"], f"history[{i}].revision"),
            at=read.datetime(h["at"], f"history[{i}].at"),
            by=h["by"],
            events=tuple(event_from_plain(e) for e in h.get("events", [])),
            comment=h.get("comment"),
        )
        for i, h in enumerate(doc["history"])
    )
    assessment = Assessment(
        schema_version=doc["schema_version"],
        catalog_id=doc["catalog"]["id"],
        catalog_version=doc["catalog"]["version"],
        revision=read.integer(doc["revision"], "revision"),
        vendor=vendor,
        service=service,
        answers=answers,
        review=review,
        exceptions=exceptions,
        url_checks=tuple(doc.get("url_checks", [])),
        subcontractors=subcontractors,
        history=history,
    )
    return assessment, read.problems


def normalize_text(value: str) -> str:
    # TOML multi-line strings cannot keep a CR before LF byte-for-byte; store LF only so
    # that what is loaded is exactly what was saved.
    return value.replace("\r\n", "\n")


def _clean(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Drop absent and empty values: the file shows only what was said."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if value is None or value == () or value == {} or value == []:
            continue
        if isinstance(value, str):
            value = normalize_text(value)
        elif isinstance(value, tuple):
            value = [normalize_text(v) if isinstance(v, str) else v for v in value]
        out[key] = value
    return out


def _history_doc(entry: HistoryEntry) -> dict[str, Any]:
    doc: dict[str, Any] = {"revision": entry.revision, "at": entry.at, "by": entry.by}
    if entry.events:
        doc["events"] = [to_plain(e) for e in entry.events]
    if entry.comment is not None:
        doc["comment"] = entry.comment
    return doc


def _answer_doc(answer: Answer) -> dict[str, Any]:
    return _clean(
        [
            ("value", answer.value),
            ("reason", answer.reason),
            ("source", answer.source),
            ("answered_by", answer.answered_by),
            ("answered_at", answer.answered_at),
            ("note", answer.note),
            (
                "evidence",
                tuple(
                    _clean(
                        [
                            ("kind", ev.kind),
                            ("ref", ev.ref),
                            ("collected", ev.collected),
                            ("expires", ev.expires),
                            ("note", ev.note),
                        ]
                    )
                    for ev in answer.evidence
                ),
            ),
            (
                "comments",
                tuple(
                    {"by": c.by, "at": c.at, "text": normalize_text(c.text)}
                    for c in answer.comments
                ),
            ),
        ]
    )


def _subcontractor_doc(sub: Subcontractor) -> dict[str, Any]:
    # Level 1 is the usual case and false the usual flag: written only when they say more.
    return _clean(
        [
            ("name", sub.name),
            ("corporate_number", sub.corporate_number),
            ("level", sub.level if sub.level != 1 else None),
            ("parent", sub.parent),
            ("tier", sub.tier),
            ("mynumber_data", sub.mynumber_data or None),
            ("work", sub.work),
            ("data", sub.data),
            ("requested", sub.requested),
            ("consented", sub.consented),
            ("approver", sub.approver),
            ("note", sub.note),
        ]
    )


def answer_sort_key(order: Mapping[str, int]) -> Callable[[str], tuple[int, str]]:
    """Catalogue order first; ids the catalogue does not know go last, by id."""
    unknown = len(order)
    return lambda rid: (order.get(rid, unknown), rid)


def to_document(assessment: Assessment, order: Mapping[str, int]) -> dict[str, Any]:
    """The canonical document: same data, same dict, same key order."""
    vendor = assessment.vendor
    service = assessment.service
    review = assessment.review
    contact = vendor.contact
    urls = vendor.urls
    answers = {
        rid: _answer_doc(assessment.answers[rid])
        for rid in sorted(assessment.answers, key=answer_sort_key(order))
    }
    doc = _clean(
        [
            ("schema_version", assessment.schema_version),
            ("revision", assessment.revision),
            (
                "catalog",
                {"id": assessment.catalog_id, "version": assessment.catalog_version},
            ),
            (
                "vendor",
                _clean(
                    [
                        ("name", vendor.name),
                        ("corporate_number", vendor.corporate_number),
                        (
                            "contact",
                            _clean(
                                [
                                    ("name", contact.name),
                                    ("department", contact.department),
                                    ("email", contact.email),
                                    ("phone", contact.phone),
                                ]
                            ),
                        ),
                        ("urls", _clean(urls.items())),
                    ]
                ),
            ),
            (
                "service",
                _clean(
                    [
                        ("name", service.name),
                        ("kind", service.kind),
                        ("tier", service.tier),
                        ("terminal_model", service.terminal_model),
                        ("personal_data", service.personal_data),
                        ("mynumber_data", service.mynumber_data),
                        ("contract_date", service.contract_date),
                        ("data_location", service.data_location),
                        ("description", service.description),
                        (
                            "classification",
                            {
                                "confidentiality": service.classification.confidentiality,
                                "integrity": service.classification.integrity,
                                "availability": service.classification.availability,
                            },
                        ),
                    ]
                ),
            ),
            (
                "review",
                _clean(
                    [
                        ("status", review.status),
                        ("reviewer", review.reviewer),
                        ("decision", review.decision),
                        ("decided_at", review.decided_at),
                        ("next_review", review.next_review),
                        ("submitted_by", review.submitted_by),
                        ("conditions", review.conditions),
                        ("confirmed_na", review.confirmed_na),
                        ("basis", review.basis),
                    ]
                ),
            ),
            ("answers", answers),
            (
                "exceptions",
                tuple(
                    _clean(
                        [
                            ("requirement", ex.requirement),
                            ("approved_by", ex.approved_by),
                            ("approved_at", ex.approved_at),
                            ("until", ex.until),
                            ("compensating_control", ex.compensating_control),
                        ]
                    )
                    for ex in assessment.exceptions
                ),
            ),
            ("url_checks", tuple(dict(record) for record in assessment.url_checks)),
            ("subcontractors", tuple(_subcontractor_doc(s) for s in assessment.subcontractors)),
            (
                "history",
                tuple(_history_doc(h) for h in assessment.history),
            ),
        ]
    )
    return doc
