"""Moving an assessment's answers from one catalogue version to a later one.

Renamed questions keep their answers. A split question's answer pre-fills each part, and a
merged question takes the most cautious of its parts' answers; both are marked in the note
for a person to confirm (the source stays what it was: a vendor's statement does not become
verified by being copied). Answers to removed questions are named, with their values, in
the history summary: nothing disappears without a trace.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from vendorrisk.core.catalog.model import COMPLIANCE_VALUES, Catalogue, Requirement
from vendorrisk.core.codes import Joined, Phrase, phrase
from vendorrisk.core.history_codes import HistoryCode
from vendorrisk.core.model import Answer, AnswerValue, Assessment, ExceptionGrant
from vendorrisk.core.validation.semantics import _answer_problems
from vendorrisk.features.evolution.codes import MigrationCode
from vendorrisk.features.evolution.record import ChangeRecord

MAX_NOTE = 20_000
MAX_ITEMS = 480  # a list in the history is one line of at most 500 characters

# The face's words for a mark left in a moved answer's note: a note is the person's text,
# read and edited by people, so it is written in words rather than as a code.
NoteWords = Callable[[Phrase], str]


@dataclass(slots=True)
class MigrationResult:
    assessment: Assessment
    from_version: str
    to_version: str
    carried: list[tuple[str, str]] = field(default_factory=list)  # renamed (old, new)
    to_confirm: list[tuple[str, str]] = field(default_factory=list)  # (new id, from which)
    not_prefilled: list[tuple[str, str]] = field(default_factory=list)  # (new id, from which)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (id, value)
    exceptions_dropped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.from_version != self.to_version

    def summary(self) -> Joined:
        """The history summary, as phrases joined with "; ". Each list is cut to one line
        (the command prints the full lists as well)."""
        parts = [phrase(HistoryCode.MIGRATED, old=self.from_version, new=self.to_version)]
        if self.carried:
            parts.append(phrase(HistoryCode.MIGRATED_RENAMED, items=_cut(_pairs(self.carried))))
        if self.to_confirm:
            parts.append(phrase(HistoryCode.MIGRATED_CONFIRM, items=_cut(_pairs(self.to_confirm))))
        if self.not_prefilled:
            parts.append(
                phrase(HistoryCode.MIGRATED_NOT_PREFILLED, items=_cut(_pairs(self.not_prefilled)))
            )
        if self.removed:
            items = ", ".join(f"{rid}={value}" for rid, value in self.removed)
            parts.append(phrase(HistoryCode.MIGRATED_REMOVED, items=_cut(items)))
        if self.exceptions_dropped:
            items = ", ".join(self.exceptions_dropped)
            parts.append(phrase(HistoryCode.MIGRATED_EXCEPTIONS, items=_cut(items)))
        return Joined(tuple(parts))


def _cut(items: str) -> str:
    return items if len(items) <= MAX_ITEMS else items[: MAX_ITEMS - 1] + "…"


def _pairs(items: list[tuple[str, str]]) -> str:
    return ", ".join(f"{a}←{b}" for a, b in items)


def value_text(value: AnswerValue) -> str:
    if isinstance(value, tuple):
        text = "[" + ",".join(value) + "]"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value) if not hasattr(value, "isoformat") else value.isoformat()
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _fits(requirement: Requirement, answer: Answer) -> bool:
    return not _answer_problems(requirement, answer, "value")


def _marked(answer: Answer, marker: str) -> Answer:
    note = marker if not answer.note else f"{marker}\n{answer.note}"
    return replace(answer, note=note[:MAX_NOTE])


def _merge_answers(answers: list[Answer]) -> Answer | None:
    """The most cautious of several answers to parts of one question, or None when they
    cannot be combined (different facts)."""
    values = [a.value for a in answers]
    if all(v == values[0] for v in values):
        base = answers[0]
    elif all(isinstance(v, str) and v in COMPLIANCE_VALUES for v in values):
        relevant = [v for v in values if v != "na"]
        worst = min(relevant, key=("not_met", "partial", "met").index)
        base = next(a for a in answers if a.value == worst)
    else:
        return None
    evidence = tuple(dict.fromkeys(e for a in answers for e in a.evidence))
    comments = tuple(dict.fromkeys(c for a in answers for c in a.comments))
    return replace(base, evidence=evidence, comments=comments)


def _step(
    result: MigrationResult, record: ChangeRecord, new: Catalogue, note_words: NoteWords
) -> None:
    a = result.assessment
    old_answers: Mapping[str, Answer] = a.answers
    consumed = set(record.old_ids_accounted())
    answers: dict[str, Answer] = {
        rid: answer for rid, answer in old_answers.items() if rid not in consumed
    }
    for rid in record.criteria_changed:
        if rid in answers:
            answers[rid] = _marked(
                answers[rid],
                note_words(phrase(MigrationCode.NOTE_CRITERIA, version=record.to_version)),
            )
            result.to_confirm.append((rid, rid))
    for old_id, new_id in record.renamed:
        if old_id in old_answers:
            answers[new_id] = old_answers[old_id]
            result.carried.append((new_id, old_id))
    for old_id, parts in record.split:
        source = old_answers.get(old_id)
        if source is None:
            continue
        for part in parts:
            if _fits(new.by_id[part], source):
                marker = note_words(
                    phrase(MigrationCode.NOTE_SPLIT, old=old_id, version=record.to_version)
                )
                answers[part] = _marked(source, marker)
                result.to_confirm.append((part, old_id))
            else:
                result.not_prefilled.append((part, old_id))
                result.removed.append((old_id, value_text(source.value)))
    for olds, new_id in record.merged:
        sources = [old_answers[o] for o in olds if o in old_answers]
        if not sources:
            continue
        combined = _merge_answers(sources)
        names = ",".join(o for o in olds if o in old_answers)
        if combined is not None and _fits(new.by_id[new_id], combined):
            marker = note_words(
                phrase(MigrationCode.NOTE_MERGED, old=names, version=record.to_version)
            )
            answers[new_id] = _marked(combined, marker)
            result.to_confirm.append((new_id, names))
        else:
            result.not_prefilled.append((new_id, names))
            result.removed.extend(
                (o, value_text(old_answers[o].value)) for o in olds if o in old_answers
            )
    for rid in record.removed:
        if rid in old_answers:
            result.removed.append((rid, value_text(old_answers[rid].value)))
    result.assessment = replace(
        a,
        answers=answers,
        exceptions=_exceptions(a.exceptions, record, result),
        catalog_version=record.to_version,
    )


def _exceptions(
    grants: tuple[ExceptionGrant, ...], record: ChangeRecord, result: MigrationResult
) -> tuple[ExceptionGrant, ...]:
    targets: dict[str, tuple[str, ...]] = {old: (new,) for old, new in record.renamed}
    targets.update(dict(record.split))
    targets.update({old: (new,) for olds, new in record.merged for old in olds})
    targets.update(dict.fromkeys(record.removed, ()))
    out: list[ExceptionGrant] = []
    for grant in grants:
        ids = targets.get(grant.requirement, (grant.requirement,))
        if not ids:
            result.exceptions_dropped.append(grant.requirement)
        out.extend(replace(grant, requirement=rid) for rid in ids)
    return tuple(dict.fromkeys(out))


def migrate_assessment(
    assessment: Assessment,
    records: list[ChangeRecord],
    catalogues: Mapping[str, Catalogue],
    note_words: NoteWords,
) -> MigrationResult:
    """Apply ``records`` in order; ``catalogues`` maps each version to its catalogue."""
    result = MigrationResult(
        assessment=assessment,
        from_version=assessment.catalog_version,
        to_version=records[-1].to_version if records else assessment.catalog_version,
    )
    for record in records:
        _step(result, record, catalogues[record.to_version], note_words)
    return result
