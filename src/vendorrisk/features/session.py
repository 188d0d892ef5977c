"""One person editing one assessment: the state behind the questionnaire, without any UI.

The terminal UI drives this; it holds no business rules of its own. Answers change the
assessment in memory at once; ``save`` writes through the storage layer, and an editing
sitting is one revision in the history however often it autosaves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.model import Catalogue, Requirement, Section
from vendorrisk.core.codes import Phrase, phrase
from vendorrisk.core.history_codes import HistoryCode, Summary
from vendorrisk.core.model import Answer, AnswerSource, AnswerValue, Assessment, Evidence
from vendorrisk.core.rule_codes import ids
from vendorrisk.store import storage
from vendorrisk.store.assessments import Store

# Summaries list at most this many changed ids before saying "and N more".
_SUMMARY_IDS = 8


@dataclass(frozen=True, slots=True)
class SectionProgress:
    section: Section
    requirements: tuple[Requirement, ...]
    answered: int

    @property
    def total(self) -> int:
        return len(self.requirements)


class EditSession:
    def __init__(self, loaded: storage.Loaded, catalogue: Catalogue, *, user: str) -> None:
        self.loaded = loaded
        self.catalogue = catalogue
        self.store = Store(catalogue)
        self.user = user
        self.assessment = loaded.assessment
        self._changed: list[str] = []
        self._amend = False  # after this sitting's first save, later saves rewrite it

    @classmethod
    def open(cls, path: Path, catalogue: Catalogue, *, user: str) -> EditSession:
        return cls(Store(catalogue).load(path), catalogue, user=user)

    @property
    def path(self) -> Path:
        return self.loaded.path

    @property
    def dirty(self) -> bool:
        return self.assessment != self.loaded.assessment

    # --- questions ----------------------------------------------------------------------

    def applicable(self) -> dict[str, Requirement]:
        return applies(self.catalogue, self.assessment)

    def questions(self) -> list[Requirement]:
        """Applicable questions in questionnaire order: by policy section, then catalogue."""
        return [r for progress in self.sections() for r in progress.requirements]

    def sections(self) -> list[SectionProgress]:
        applicable = self.applicable()
        out = []
        for section in self.catalogue.sections:
            members = tuple(r for r in applicable.values() if r.section == section.id)
            if members:
                answered = sum(1 for r in members if r.id in self.assessment.answers)
                out.append(SectionProgress(section, members, answered))
        return out

    def progress(self) -> tuple[int, int]:
        sections = self.sections()
        return sum(s.answered for s in sections), sum(s.total for s in sections)

    def next_unanswered(self, after: str | None = None) -> str | None:
        """The first unanswered question after ``after`` (wrapping round), or None."""
        ids = [r.id for r in self.questions()]
        start = ids.index(after) + 1 if after in ids else 0
        for rid in ids[start:] + ids[:start]:
            if rid not in self.assessment.answers:
                return rid
        return None

    # --- answers ------------------------------------------------------------------------

    def default_source(self, requirement: Requirement) -> AnswerSource:
        # What the city answers about itself is verified by definition; what a vendor says
        # stays "stated" until staff mark it verified.
        return "city" if requirement.audience == "city" else "vendor"

    def set_answer(
        self,
        requirement_id: str,
        value: AnswerValue,
        *,
        reason: str | None = None,
        today: dt.date,
    ) -> None:
        requirement = self.catalogue.by_id[requirement_id]
        previous = self.assessment.answers.get(requirement_id)
        if (
            previous is not None
            and previous.value == value
            and (value != "na" or previous.reason == reason)
        ):
            return  # choosing the same answer again changes neither who answered nor when
        base = previous or Answer(value=value, source=self.default_source(requirement))
        answer = replace(
            base,
            value=value,
            reason=reason if value == "na" else None,
            answered_by=self.user,
            answered_at=today,
        )
        self._update(requirement_id, answer)

    def set_details(
        self,
        requirement_id: str,
        *,
        note: str | None = None,
        evidence: Sequence[Evidence] | None = None,
        source: AnswerSource | None = None,
    ) -> None:
        answer = self.assessment.answers.get(requirement_id)
        if answer is None:
            return
        changed = replace(
            answer,
            note=(note or None) if note is not None else answer.note,
            evidence=tuple(evidence) if evidence is not None else answer.evidence,
            source=source or answer.source,
        )
        self._update(requirement_id, changed)

    def clear_answer(self, requirement_id: str) -> None:
        if requirement_id in self.assessment.answers:
            self.assessment = self.assessment.with_answer(requirement_id, None)
            self._note_change(requirement_id)

    def replace_assessment(self, assessment: Assessment, change: str) -> None:
        """For edits that are not answers (review, exceptions, URL-check results)."""
        self.assessment = assessment
        self._note_change(change)

    def _update(self, requirement_id: str, answer: Answer) -> None:
        if self.assessment.answers.get(requirement_id) != answer:
            self.assessment = self.assessment.with_answer(requirement_id, answer)
            self._note_change(requirement_id)

    def _note_change(self, what: str) -> None:
        if what not in self._changed:
            self._changed.append(what)

    # --- saving -------------------------------------------------------------------------

    def summary(self) -> Phrase:
        return phrase(HistoryCode.ANSWERS_UPDATED, ids=ids(self._changed, _SUMMARY_IDS))

    def save(self) -> bool:
        """Write the changes (raises storage errors); False when there was nothing to write."""
        if not self.dirty:
            return False
        status = self.loaded.assessment.review.status
        self.loaded = self.store.save(
            self.loaded,
            self.assessment,
            by=self.user,
            summary=self.summary(),
            amend=self._amend,
        )
        self.assessment = self.loaded.assessment
        # A save that put an approval back into review (rule W8) says so in its history
        # entry; rewriting that entry on the next autosave would lose the reason.
        self._amend = self.assessment.review.status == status
        if not self._amend:
            self._changed.clear()
        return True

    def commit(self, assessment: Assessment, summary: Summary, *, by: str | None = None) -> None:
        """Save a step that deserves its own revision (a review move), with its own summary.

        ``by`` names the person who made the step (the reviewer typed on the review screen),
        when that is not the app's user. Edits made before it are saved with it; edits after
        it start a new revision.
        """
        self.loaded = self.store.save(self.loaded, assessment, by=by or self.user, summary=summary)
        self.assessment = self.loaded.assessment
        self._changed.clear()
        self._amend = False

    def save_as(self, path: Path) -> None:
        """After a conflict: keep what was typed in a new file, and carry on editing that."""
        self.loaded = self.store.save_as(
            self.loaded, self.assessment, path, by=self.user, summary=self.summary()
        )
        self.assessment = self.loaded.assessment
        self._amend = True

    def reload(self) -> None:
        """Discard what is in memory and take the file as it is on disk now."""
        self.loaded = self.store.load(self.path)
        self.assessment = self.loaded.assessment
        self._changed.clear()
        self._amend = False
