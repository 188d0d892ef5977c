"""The questionnaire: section by section, only what applies, with guidance and criteria
beside each question; every change autosaves through the storage layer."""

from __future__ import annotations

import gc
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header

from vendorrisk.core.catalog.model import Requirement
from vendorrisk.features.session import EditSession
from vendorrisk.messages import t
from vendorrisk.tui import answer_widgets
from vendorrisk.tui.base import vendorrisk_app
from vendorrisk.tui.bindings import key, localise
from vendorrisk.tui.evidence_form import EvidenceForm, earlier_evidence
from vendorrisk.tui.footer import SteadyFooter
from vendorrisk.tui.questionnaire.answer_panel import AnswerPanel, Shown
from vendorrisk.tui.questionnaire.guidance import Guidance
from vendorrisk.tui.questionnaire.note_field import NoteField
from vendorrisk.tui.questionnaire.question_view import QuestionView
from vendorrisk.tui.questionnaire.saving import AnswerSaver
from vendorrisk.tui.questionnaire.section_list import SectionList
from vendorrisk.tui.questionnaire.settled import SettledScroll
from vendorrisk.tui.questionnaire.source_line import SourceLine
from vendorrisk.tui.questionnaire.status_line import Progress, StatusLine

if TYPE_CHECKING:
    from vendorrisk.tui.app import VendorRiskApp

# Autosave once typing pauses: each keystroke must not cost a write.
AUTOSAVE_DELAY = 0.8


class QuestionnaireScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        key("ctrl+n", "next", "tui.key.next", "questionnaire.next"),
        # Shown in the help (f1), not the footer: at 80 columns the footer must keep f1.
        key("ctrl+b", "previous", "tui.key.previous", "questionnaire.previous", show=False),
        key("ctrl+g", "unanswered", "tui.key.unanswered", "questionnaire.unanswered"),
        key("ctrl+s", "save", "tui.key.save", "questionnaire.save", show=False),
        key("ctrl+r", "review", "tui.key.review", "questionnaire.review"),
        key("ctrl+o", "checks", "tui.key.checks", "questionnaire.checks", show=False),
        key("f4", "register", "tui.key.register", "questionnaire.register", show=False),
        key("ctrl+t", "toggle_verified", "tui.key.verified", "questionnaire.verified", show=False),
        # Not ctrl+k: the text fields use it. The draft clauses this assessment calls for.
        key("ctrl+l", "clauses", "tui.key.clauses", "questionnaire.clauses", show=False),
        key("escape", "back", "tui.key.back", "questionnaire.back"),
    ]

    def __init__(self, session: EditSession) -> None:
        super().__init__()
        self.session = session
        self.current: str | None = None
        self._timer: Timer | None = None
        self._recomposing = False
        # "Not applicable" chosen but no reason typed yet: shown, not recorded (a draft never
        # holds an N/A without its reason, so no save fails for it).
        self.pending_na: set[str] = set()
        localise(self)

    @property
    def vr(self) -> VendorRiskApp:
        return vendorrisk_app(self)

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="q-body"):
            yield SectionList()
            with SettledScroll(id="q-main"):
                yield QuestionView(self.session.catalogue)
                yield AnswerPanel(answer_widgets.most_choices(self.session.catalogue))
                yield EvidenceForm(self.vr.today)
                yield SourceLine()
                yield NoteField()
                yield Guidance(id="guide-inline", classes="guide")
            yield SettledScroll(Guidance(id="guide-side"), id="guide-pane")
        yield StatusLine()
        yield SteadyFooter()

    async def relabel(self) -> None:
        """After a language switch: the same question, in new words."""
        # An autosave may fire while the widgets are being replaced; it must not reach for
        # the ones that are gone (the sections are refreshed below anyway).
        self._recomposing = True
        try:
            await self.recompose()
        finally:
            self._recomposing = False
        self.set_title()
        self.apply_width()
        self.refresh_sections()
        if self.current is not None:
            self.show(self.current)

    def set_title(self) -> None:
        self.title = t(
            "tui.q.title",
            vendor=self.session.assessment.vendor.name,
            service=self.session.assessment.service.name,
        )

    def on_mount(self) -> None:
        self.set_title()
        first = self.session.next_unanswered() or self.first_question()
        self.refresh_sections()
        if first is not None:
            self.show(first)
        self.apply_width()
        # What is alive now outlives the questionnaire: out of the collector's full walks,
        # which stopped a keypress for 100-170 ms every few dozen questions.
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # so garbage frozen with the rest is freed after all

    def on_resize(self) -> None:
        self.apply_width()

    def apply_width(self) -> None:
        # Guidance sits beside the question when there is room, below it otherwise.
        self.set_class(self.size.width >= 110, "wide")

    def first_question(self) -> str | None:
        questions = self.session.questions()
        return questions[0].id if questions else None

    # --- showing a question -------------------------------------------------------------

    def refresh_sections(self) -> None:
        """The section list and the status line, after anything that moves progress."""
        if self._recomposing:
            return
        progress = self.session.sections()
        self.query_one(SectionList).sections = tuple(progress)
        self.query_one(StatusLine).progress = Progress.of(
            progress, self.current, self.session.dirty, self.pending_na
        )

    def show(self, requirement_id: str) -> None:
        requirement = self.session.catalogue.by_id[requirement_id]
        self.current = requirement_id
        answer = self.session.assessment.answers.get(requirement_id)
        pending = requirement_id in self.pending_na
        self.query_one(QuestionView).requirement = requirement
        self.query_one(AnswerPanel).shown = Shown(
            requirement=requirement,
            value="na" if pending else (answer.value if answer else None),
            reason=answer.reason or "" if answer else "",
            needs_evidence=self.evidence_required(requirement),
            pending_na=pending,
        )
        self.query_one(NoteField).note = answer.note or "" if answer else ""
        self.show_details(requirement)
        for guidance in self.query(Guidance):
            guidance.requirement = requirement
        main = self.query_one("#q-main", SettledScroll)
        if main.scroll_y:
            main.scroll_home(animate=False)
        self.refresh_sections()
        self.query_one(AnswerPanel).focus_answer()  # last: see focus_answer

    @staticmethod
    def evidence_required(requirement: Requirement) -> bool:
        return requirement.evidence.required and requirement.answer.type == "compliance"

    def show_details(self, requirement: Requirement) -> None:
        """What changes without leaving the question: its evidence and who answered."""
        answer = self.session.assessment.answers.get(requirement.id)
        given = [ev for a in self.session.assessment.answers.values() for ev in a.evidence]
        self.query_one(EvidenceForm).show(
            answer.evidence if answer else (),
            needed=self.evidence_required(requirement),
            earlier=earlier_evidence(given),
        )
        source = answer.source if answer else self.session.default_source(requirement)
        self.query_one(SourceLine).source = source

    # --- answering ----------------------------------------------------------------------

    def requirement(self) -> Requirement | None:
        return self.session.catalogue.by_id.get(self.current) if self.current else None

    def answered(self) -> None:
        """After any change: questions may appear or vanish, progress moves, autosave."""
        self.refresh_sections()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(AUTOSAVE_DELAY, self.autosave)

    def move_on(self) -> None:
        """The fast path: to the next question that still needs an answer."""
        target = self.session.next_unanswered(self.current)
        if target is None or target == self.current:
            self.notify(t("tui.q.all-answered"))
        else:
            self.show(target)

    def _live(self, requirement: Requirement) -> bool:
        """Whether a message from a widget is about the question still shown."""
        return requirement.id == self.current

    @on(AnswerPanel.Picked)
    def picked(self, event: AnswerPanel.Picked) -> None:
        requirement, value = event.requirement, event.value
        if not self._live(requirement):
            return
        first_time = requirement.id not in self.session.assessment.answers
        if value == "na" and not event.reason.strip():
            self.pending_na.add(requirement.id)
            self.refresh_sections()
            return
        self.pending_na.discard(requirement.id)
        self.set_value(requirement, value, reason=event.reason if value == "na" else None)
        if value == "met" and self.evidence_required(requirement):
            answer = self.session.assessment.answers[requirement.id]
            if not answer.evidence:
                self.query_one(EvidenceForm).focus_ref()
                return
        if first_time and value != "na":
            self.move_on()

    @on(AnswerPanel.Typed)
    def typed(self, event: AnswerPanel.Typed) -> None:
        if not self._live(event.requirement):
            return
        if event.value is None:
            self.session.clear_answer(event.requirement.id)
            self.answered()
        else:
            self.set_value(event.requirement, event.value, reason=None)

    @on(AnswerPanel.Submitted)
    def submitted(self, event: AnswerPanel.Submitted) -> None:
        if self._live(event.requirement) and self.current in self.session.assessment.answers:
            self.move_on()

    @on(AnswerPanel.ReasonTyped)
    def reason_typed(self, event: AnswerPanel.ReasonTyped) -> None:
        requirement = event.requirement
        if not self._live(requirement):
            return
        answer = self.session.assessment.answers.get(requirement.id)
        pending = requirement.id in self.pending_na
        if not (pending or (answer is not None and answer.value == "na")):
            return
        panel = self.query_one(AnswerPanel)
        if not event.reason.strip():
            # An empty reason is never saved: the last one stays on disk until a new one.
            panel.hint = t("tui.q.na-needs-reason")
            return
        panel.hint = ""
        self.pending_na.discard(requirement.id)
        self.session.set_answer(requirement.id, "na", reason=event.reason, today=self.vr.today)
        self.show_details(requirement)
        self.answered()

    @on(AnswerPanel.ReasonSubmitted)
    def reason_submitted(self, event: AnswerPanel.ReasonSubmitted) -> None:
        answer = self.session.assessment.answers.get(event.requirement.id)
        if self._live(event.requirement) and answer is not None:
            if answer.value == "na" and answer.reason:
                self.move_on()

    @on(NoteField.Edited)
    def note_edited(self, event: NoteField.Edited) -> None:
        if self.current is None:
            return
        self.session.set_details(self.current, note=event.text)
        self.answered()

    def set_value(self, requirement: Requirement, value: object, reason: str | None) -> None:
        self.session.set_answer(requirement.id, value, reason=reason, today=self.vr.today)  # type: ignore[arg-type]
        self.show_details(requirement)
        self.answered()

    @on(EvidenceForm.Added)
    def add_evidence(self, event: EvidenceForm.Added) -> None:
        requirement = self.requirement()
        if requirement is None or requirement.id not in self.session.assessment.answers:
            self.notify(t("tui.q.answer-first"), severity="warning")
            return
        current = self.session.assessment.answers[requirement.id].evidence
        self.session.set_details(requirement.id, evidence=(*current, event.evidence))
        self.show_details(requirement)
        self.answered()
        if event.by_enter and not current and self.evidence_required(requirement):
            self.move_on()  # the evidence was all this answer still needed

    @on(EvidenceForm.RemoveLast)
    def remove_evidence(self) -> None:
        requirement = self.requirement()
        answer = self.session.assessment.answers.get(requirement.id) if requirement else None
        if requirement is None or answer is None or not answer.evidence:
            return
        self.session.set_details(requirement.id, evidence=answer.evidence[:-1])
        self.show_details(requirement)
        self.answered()

    def action_toggle_verified(self) -> None:
        requirement = self.requirement()
        answer = self.session.assessment.answers.get(requirement.id) if requirement else None
        if requirement is None or answer is None:
            return
        self.session.set_details(
            requirement.id, source="vendor" if answer.source == "city" else "city"
        )
        self.show_details(requirement)
        self.answered()

    # --- moving -------------------------------------------------------------------------

    def _step(self, delta: int) -> None:
        ids = [r.id for r in self.session.questions()]
        if not ids:
            return
        index = ids.index(self.current) if self.current in ids else -1
        self.show(ids[max(0, min(len(ids) - 1, index + delta))])

    def action_next(self) -> None:
        self._step(1)

    def action_previous(self) -> None:
        self._step(-1)

    def action_unanswered(self) -> None:
        target = self.session.next_unanswered(self.current)
        if target is None:
            self.notify(t("tui.q.all-answered"))
        else:
            self.show(target)

    @on(SectionList.Chosen)
    def section_chosen(self, event: SectionList.Chosen) -> None:
        for progress in self.session.sections():
            if progress.section.id == event.section_id:
                todo = [
                    r.id
                    for r in progress.requirements
                    if r.id not in self.session.assessment.answers
                ]
                self.show(todo[0] if todo else progress.requirements[0].id)
                return

    # --- saving -------------------------------------------------------------------------

    @cached_property
    def saver(self) -> AnswerSaver:
        return AnswerSaver(
            self,
            self.session,
            user=self.vr.user,
            progress_moved=self.refresh_sections,
            reloaded=lambda: self.show(self.current or self.first_question() or ""),
        )

    def autosave(self) -> bool:
        """Save now; False if the answers could only be kept in memory."""
        self._timer = None
        return self.saver.save()

    def action_save(self) -> None:
        if self.autosave():
            self.notify(t("tui.q.saved", revision=self.session.assessment.revision))

    def action_review(self) -> None:
        from vendorrisk.tui.screens.review import ReviewScreen

        if self.autosave():
            self.app.push_screen(ReviewScreen(self.session), lambda _: self.after_child())

    def action_checks(self) -> None:
        from vendorrisk.tui.screens.checks import ChecksScreen

        if self.autosave():
            self.app.push_screen(ChecksScreen(self.session), lambda _: self.after_child())

    def action_register(self) -> None:
        from vendorrisk.tui.screens.register import RegisterScreen

        if self.autosave():
            self.app.push_screen(RegisterScreen(self.session), lambda _: self.after_child())

    def action_clauses(self) -> None:
        from vendorrisk.tui.screens.clauses import ClausesScreen

        if self.autosave():
            self.app.push_screen(ClausesScreen(self.session), lambda _: self.after_child())

    def after_child(self) -> None:
        self.refresh_sections()
        if self.current is not None:
            self.show(self.current)

    def action_back(self) -> None:
        if self.session.dirty and not self.autosave():
            return  # the conflict dialog or the error message is showing; stay
        self.vr.session_closed()
        self.app.pop_screen()
