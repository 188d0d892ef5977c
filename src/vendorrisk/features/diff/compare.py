"""Comparing two versions of one assessment, field by field and answer by answer.

Values are kept raw (for JSON, stable codes) and with what the renderers need to word them
(``Shown``: the answer and its question, or the family of message keys a code belongs to),
so that the renderers need neither the catalogue nor the scoring, and no word is chosen here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from vendorrisk.core.catalog.model import Catalogue, Requirement, Text
from vendorrisk.core.codes import Code, Phrase, phrase
from vendorrisk.core.model import Answer, Assessment, Evidence, ExceptionGrant
from vendorrisk.core.scoring import ScoreResult, score_assessment
from vendorrisk.store.tomlfile import jsonable

ChangeKind = Literal["added", "removed", "changed", "renamed"]
ItemKind = Literal["added", "removed"]
T = TypeVar("T")


class DiffCode(Code):
    EXCEPTION = "diff.exception"


@dataclass(frozen=True, slots=True)
class Shown:
    """A value as a renderer words it: ``words`` is the family of message keys it is a code
    of ("report.kind" for a service kind); an answer's value is worded by its question."""

    value: Any
    words: str | None = None
    answer: Answer | None = None
    requirement: Requirement | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """One field, before → after; None means absent on that side."""

    field: str
    before: Any
    after: Any
    before_shown: Shown
    after_shown: Shown


@dataclass(frozen=True, slots=True)
class ItemChange:
    """Evidence or an exception that appeared or disappeared."""

    kind: ItemKind
    item: Evidence | Phrase  # the evidence itself, or what the exception says
    expired: bool  # as of the diff's date: a reviewer must not count on it
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class AnswerChange:
    requirement: str
    kind: ChangeKind
    section: str | None
    question: Text | None  # None when the catalogue does not know the id
    changes: tuple[Change, ...] = ()
    evidence: tuple[ItemChange, ...] = ()
    comments_added: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Side:
    label: str
    revision: int
    vendor: str
    corporate_number: str | None
    catalog_version: str


@dataclass(frozen=True, slots=True)
class AssessmentDiff:
    old: Side
    new: Side
    different_vendor: bool
    fields: tuple[Change, ...]  # service, classification, review, catalogue pin
    score: tuple[Change, ...]  # risk level, score, suggested decision
    answers: tuple[AnswerChange, ...]
    exceptions: tuple[ItemChange, ...]
    new_blockers: tuple[str, ...]
    resolved_blockers: tuple[str, ...]
    url_checks: Change | None = None
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def has_differences(self) -> bool:
        # Revision and history alone are bookkeeping: a file saved with the same content
        # is no change a reviewer has to read.
        return bool(
            self.different_vendor
            or self.fields
            or self.score
            or self.answers
            or self.exceptions
            or self.url_checks
        )


def _change(name: str, before: Any, after: Any, prefix: str | None = None) -> Change | None:
    if before == after:
        return None
    return Change(
        name, jsonable(before), jsonable(after), Shown(before, prefix), Shown(after, prefix)
    )


def _profile_changes(old: Assessment, new: Assessment) -> list[Change]:
    o, n = old.service, new.service
    pairs: list[tuple[str, Any, Any, str | None]] = [
        ("vendor.name", old.vendor.name, new.vendor.name, None),
        ("vendor.corporate_number", old.vendor.corporate_number, new.vendor.corporate_number, None),
        ("service.name", o.name, n.name, None),
        ("service.kind", o.kind, n.kind, "report.kind"),
        ("service.tier", o.tier, n.tier, "report.tier"),
        (
            "service.classification.confidentiality",
            o.classification.confidentiality,
            n.classification.confidentiality,
            None,
        ),
        (
            "service.classification.integrity",
            o.classification.integrity,
            n.classification.integrity,
            None,
        ),
        (
            "service.classification.availability",
            o.classification.availability,
            n.classification.availability,
            None,
        ),
        ("service.personal_data", o.personal_data, n.personal_data, None),
        ("service.mynumber_data", o.mynumber_data, n.mynumber_data, None),
        ("service.terminal_model", o.terminal_model, n.terminal_model, None),
        ("review.status", old.review.status, new.review.status, "report.review-status"),
        ("review.reviewer", old.review.reviewer, new.review.reviewer, None),
        ("review.decision", old.review.decision, new.review.decision, "decision"),
        ("review.decided_at", old.review.decided_at, new.review.decided_at, None),
        ("review.next_review", old.review.next_review, new.review.next_review, None),
        ("review.conditions", old.review.conditions, new.review.conditions, None),
        ("catalog.version", old.catalog_version, new.catalog_version, None),
    ]
    return [c for name, b, a, p in pairs if (c := _change(name, b, a, p)) is not None]


def _score_changes(before: ScoreResult, after: ScoreResult) -> list[Change]:
    pairs: list[tuple[str, Any, Any, str | None]] = [
        ("risk_level", before.risk_level, after.risk_level, "risk"),
        ("score", before.score, after.score, None),
        ("suggested_decision", before.decision, after.decision, "decision"),
    ]
    return [c for name, b, a, p in pairs if (c := _change(name, b, a, p)) is not None]


def _expired(day: dt.date | None, today: dt.date) -> bool:
    return day is not None and day < today


def _evidence_items(
    before: Sequence[Evidence], after: Sequence[Evidence], today: dt.date
) -> list[ItemChange]:
    items: list[ItemChange] = []
    for kind, side, other in _sides(before, after):
        items.extend(
            ItemChange(kind, ev, _expired(ev.expires, today), _ev_data(ev))
            for ev in side
            if ev not in other
        )
    return items


def _sides(
    before: Sequence[T], after: Sequence[T]
) -> list[tuple[ItemKind, Sequence[T], Sequence[T]]]:
    return [("added", after, before), ("removed", before, after)]


def _ev_data(ev: Evidence) -> dict[str, Any]:
    data = {"kind": ev.kind, "ref": ev.ref, "expires": ev.expires}
    return {k: jsonable(v) for k, v in data.items() if v}


def _answer_change(
    rid: str,
    old: Answer | None,
    new: Answer | None,
    catalogue: Catalogue,
    today: dt.date,
    renamed_from: str | None = None,
) -> AnswerChange | None:
    requirement = catalogue.by_id.get(rid)
    section = requirement.section if requirement else None
    question = requirement.question if requirement else None

    def shown(answer: Answer | None) -> Shown:
        if answer is None:
            return Shown(None)
        return Shown(answer.value, answer=answer, requirement=requirement)

    kind: ChangeKind = "added" if old is None else "removed" if new is None else "changed"
    changes: list[Change] = []
    if renamed_from is not None:
        # A renumbered question (migrate): one answer under its new id, not a removal and
        # an addition; the id change comes first, then whatever else changed with it.
        kind = "renamed"
        changes.append(Change("id", renamed_from, rid, Shown(renamed_from), Shown(rid)))
    value_before = old.value if old else None
    value_after = new.value if new else None
    if value_before != value_after:
        changes.append(
            Change(
                "value",
                jsonable(list(value_before) if isinstance(value_before, tuple) else value_before),
                jsonable(list(value_after) if isinstance(value_after, tuple) else value_after),
                shown(old),
                shown(new),
            )
        )
    for name in ("reason", "note", "source", "answered_by", "answered_at"):
        before = getattr(old, name) if old else None
        after = getattr(new, name) if new else None
        prefix = "diff.source" if name == "source" else None
        if kind in ("changed", "renamed") or after is not None or before is not None:
            change = _change(name, before, after, prefix)
            if change is not None:
                changes.append(change)
    evidence = _evidence_items(old.evidence if old else (), new.evidence if new else (), today)
    comments = tuple(
        f"{c.by} {c.at.isoformat()}: {c.text}"
        for c in (new.comments if new else ())
        if c not in (old.comments if old else ())
    )
    if not changes and not evidence and not comments:
        return None
    return AnswerChange(rid, kind, section, question, tuple(changes), tuple(evidence), comments)


def _exception_items(
    before: Sequence[ExceptionGrant], after: Sequence[ExceptionGrant], today: dt.date
) -> list[ItemChange]:
    out: list[ItemChange] = []
    for kind, side, other in _sides(before, after):
        for grant in side:
            if grant in other:
                continue
            said = phrase(
                DiffCode.EXCEPTION,
                id=grant.requirement,
                until=grant.until.isoformat(),
                control=grant.compensating_control,
            )
            data = {
                "requirement": grant.requirement,
                "until": grant.until.isoformat(),
                "approved_by": grant.approved_by,
            }
            out.append(ItemChange(kind, said, _expired(grant.until, today), data))
    return out


def _order_key(catalogue: Catalogue) -> Any:
    unknown = len(catalogue.order)
    return lambda rid: (catalogue.order.get(rid, unknown), rid)


def compare(
    old: Assessment,
    new: Assessment,
    catalogue: Catalogue,
    *,
    old_label: str,
    new_label: str,
    today: dt.date | None = None,
    old_catalogue: Catalogue | None = None,
    new_catalogue: Catalogue | None = None,
    renamed: Mapping[str, str] | None = None,
) -> AssessmentDiff:
    """Everything that differs between ``old`` and ``new``, in catalogue order.

    ``old_catalogue`` and ``new_catalogue`` are the versions each side is pinned to (each
    side is scored with its own, so a migration does not change the "before" score);
    ``renamed`` maps old ids to the ids the change records renumbered them to.
    """
    day = today or dt.date.today()
    carried = {
        new_id: old_id
        for old_id, new_id in (renamed or {}).items()
        if old_id in old.answers
        and old_id not in new.answers
        and new_id in new.answers
        and new_id not in old.answers
    }
    ids = sorted(
        (set(old.answers) - set(carried.values())) | set(new.answers), key=_order_key(catalogue)
    )
    answers = [
        change
        for rid in ids
        if (
            change := _answer_change(
                rid,
                old.answers.get(carried.get(rid, rid)),
                new.answers.get(rid),
                catalogue,
                day,
                carried.get(rid),
            )
        )
        is not None
    ]
    before = score_assessment(old, old_catalogue or catalogue, today=day)
    after = score_assessment(new, new_catalogue or catalogue, today=day)
    blockers_before = {f.requirement for f in before.blockers}
    blockers_after = [f.requirement for f in after.blockers]
    checks = _change("url_checks", len(old.url_checks), len(new.url_checks))
    different = (old.vendor.name != new.vendor.name) or (
        old.vendor.corporate_number != new.vendor.corporate_number
    )
    return AssessmentDiff(
        old=_side(old, old_label),
        new=_side(new, new_label),
        different_vendor=different,
        fields=tuple(_profile_changes(old, new)),
        score=tuple(_score_changes(before, after)),
        answers=tuple(answers),
        exceptions=tuple(_exception_items(old.exceptions, new.exceptions, day)),
        new_blockers=tuple(b for b in blockers_after if b not in blockers_before),
        resolved_blockers=tuple(
            f.requirement for f in before.blockers if f.requirement not in set(blockers_after)
        ),
        url_checks=checks,
        today=day,
    )


def _side(assessment: Assessment, label: str) -> Side:
    return Side(
        label=label,
        revision=assessment.revision,
        vendor=assessment.vendor.name,
        corporate_number=assessment.vendor.corporate_number,
        catalog_version=assessment.catalog_version,
    )
