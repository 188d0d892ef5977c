"""The questionnaire: section by section, only what applies, with guidance and criteria
beside each question; every change autosaves through the storage layer."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Header,
    Input,
    Label,
    OptionList,
    RadioSet,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from vendorrisk import localtime, storage
from vendorrisk.catalog.model import Requirement
from vendorrisk.condition_words import condition_sentence
from vendorrisk.messages import language, t
from vendorrisk.model import AnswerValue
from vendorrisk.session import EditSession, describe
from vendorrisk.tui import answer_widgets
from vendorrisk.tui.base import vendorrisk_app
from vendorrisk.tui.bindings import key, localise
from vendorrisk.tui.evidence_form import EvidenceForm, earlier_evidence
from vendorrisk.tui.footer import SteadyFooter
from vendorrisk.tui.screens.modals import ChoiceModal
from vendorrisk.tui.text import wrap
from vendorrisk.tui.wrapped import WrappedText

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
        self.answer_widget: Widget | None = None
        self._answer_widgets: dict[str, Widget] = {}  # by answer_widgets.kind_of
        self._timer: Timer | None = None
        self._showing = False  # while widgets are rebuilt, their change events are not answers
        # What each text widget shows: an update, even to the same text, lays the screen out
        # again, so unchanged ones are left alone (most stay the same from one question to
        # the next).
        self._texts: dict[str, object] = {}
        self._section_labels: dict[str, str] = {}  # what the section list shows
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
            yield OptionList(id="sections")
            with VerticalScroll(id="q-main"):
                yield Static("", id="q-meta")
                yield Static("", id="q-text", markup=False)
                yield Static("", id="q-condition", classes="hint", markup=False)
                yield Label(t("tui.q.answer"), classes="heading")
                # What the answer needs besides a choice, next to the choices: evidence
                # below the fold was missed by people answering fast.
                yield Static("", id="answer-needs", classes="warning", markup=False)
                yield Vertical(id="answer")
                yield Static("", id="answer-hint", classes="warning", markup=False)
                yield Input(placeholder=t("tui.q.reason"), id="na-reason")
                yield EvidenceForm(self.session_today())
                yield Static("", id="q-source", classes="hint")
                yield Label(t("tui.q.note"), classes="heading")
                yield TextArea(id="note", soft_wrap=True, show_line_numbers=False)
                yield WrappedText(id="guide-inline", classes="guide")
            yield VerticalScroll(WrappedText(id="guide-side"), id="guide-pane")
        yield Static("", id="q-status")
        yield SteadyFooter()

    def session_today(self) -> dt.date:
        return vendorrisk_app(self).today

    async def relabel(self) -> None:
        """After a language switch: the same question, in new words."""
        await self.recompose()
        self._texts.clear()
        self._section_labels = {}
        self._answer_widgets = {}
        self.answer_widget = None
        self.set_title()
        self.apply_width()
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

    def on_resize(self) -> None:
        self.apply_width()
        # The section titles are wrapped to the list's width, known once it is laid out.
        self.call_after_refresh(self.refresh_sections)

    def section_text_width(self) -> int | None:
        """The cells a section title may use (the list's width inside its border, padding
        and scrollbar); None before the list is laid out."""
        width = self.query_one("#sections", OptionList).scrollable_content_region.width
        return width if width >= 6 else None

    @staticmethod
    def section_title(title: str, width: int | None) -> str:
        # Wrapped here with kinsoku: the list itself would start a line with 。or 」.
        return "\n".join(wrap(title, width)) if width is not None else title

    def apply_width(self) -> None:
        # Guidance sits beside the question when there is room, below it otherwise.
        self.set_class(self.size.width >= 110, "wide")

    def first_question(self) -> str | None:
        questions = self.session.questions()
        return questions[0].id if questions else None

    # --- showing a question -------------------------------------------------------------

    def put(self, selector: str, content: str | Text) -> None:
        """Show ``content`` in the Static ``selector`` unless it already shows just that."""
        if self._texts.get(selector) != content:
            self._texts[selector] = content
            self.query_one(selector, Static).update(content)

    def refresh_sections(self) -> None:
        sections = self.query_one("#sections", OptionList)
        lang = language()
        progress_list = self.session.sections()
        width = self.section_text_width()
        labels = {
            p.section.id: f"§{p.section.id} {p.answered}/{p.total}\n"
            + self.section_title(p.section.title.get(lang), width)
            for p in progress_list
        }
        if list(self._section_labels) == list(labels):
            # Same sections as before: only the counts that moved are redrawn.
            for section_id, label in labels.items():
                if self._section_labels[section_id] != label:
                    sections.replace_option_prompt(section_id, label)
        else:
            sections.set_options([Option(label, id=sid) for sid, label in labels.items()])
        self._section_labels = labels
        answered = sum(p.answered for p in progress_list)
        total = sum(p.total for p in progress_list)
        state = t("tui.q.unsaved") if self.session.dirty else t("tui.q.autosaved")
        position = ""
        ids = [r.id for r in self.session.questions()]
        if self.current in ids:
            position = t("tui.q.position", index=ids.index(self.current) + 1, count=len(ids))
        status = f"{t('tui.q.progress', answered=answered, total=total)}  {position}  {state}"
        if self.pending_na:
            status += "  " + t("tui.q.na-pending", ids=", ".join(sorted(self.pending_na)))
        self.put("#q-status", status)

    def show(self, requirement_id: str) -> None:
        requirement = self.session.catalogue.by_id[requirement_id]
        self.current = requirement_id
        self._showing = True
        lang = language()
        answer = self.session.assessment.answers.get(requirement_id)
        section = self.session.catalogue.section(requirement.section)
        badges = [t(f"tui.q.severity.{requirement.severity}")]
        if requirement.gate:
            badges.append(t("tui.q.gate"))
        title = section.title.get(lang) if section else ""
        meta = Text.assemble(
            (requirement.id, "bold"),
            "  ",
            (f" {' / '.join(badges)} ", "reverse"),
            "  ",
            t("tui.q.section", section=requirement.section, title=title),
        )
        self.put("#q-meta", meta)
        self.put("#q-text", f"{requirement.title.get(lang)}\n{requirement.question.get(lang)}")
        self.put(
            "#q-condition",
            t(
                "tui.q.condition",
                condition=condition_sentence(requirement.condition_text, self.session.catalogue),
            )
            if requirement.condition_text
            else "",
        )
        self.put(
            "#answer-needs",
            t("tui.q.needs-evidence") if self.evidence_required(requirement) else "",
        )
        pending = requirement_id in self.pending_na
        value: AnswerValue | None = "na" if pending else (answer.value if answer else None)
        self.put("#answer-hint", t("tui.q.na-needs-reason") if pending else "")
        if not self.show_answer_widget(requirement, value) and self.answer_widget is not None:
            # Focused now, so the focus moves in the same frame as the new question; a widget
            # just built is focused once it is mounted (_done_showing).
            self.answer_widget.focus()
        reason = self.query_one("#na-reason", Input)
        note = self.query_one("#note", TextArea)
        reason_text = answer.reason or "" if answer else ""
        note_text = answer.note or "" if answer else ""
        # Assigned only when different: each assignment redraws the field.
        with reason.prevent(Input.Changed), note.prevent(TextArea.Changed):
            if reason.value != reason_text:
                reason.value = reason_text
            if note.text != note_text:
                note.text = note_text
        if reason.display != (value == "na"):
            reason.display = value == "na"
        self.show_details(requirement)
        guide = self.guide_text(requirement)
        self.query_one("#guide-inline", WrappedText).update(guide)
        self.query_one("#guide-side", WrappedText).update(guide)
        main = self.query_one("#q-main", VerticalScroll)
        if main.scroll_y:
            main.scroll_home(animate=False)
        self.refresh_sections()
        self.call_after_refresh(self._done_showing)

    def show_answer_widget(self, requirement: Requirement, value: AnswerValue | None) -> bool:
        """The answer widget of this question's kind, refilled in place when one was built
        for an earlier question (the other kinds' widgets stay mounted, hidden); True when
        a new one had to be built."""
        kind = answer_widgets.kind_of(requirement)
        widget = self._answer_widgets.get(kind)
        built = widget is None or not answer_widgets.refill(widget, requirement, value)
        if built:
            if widget is not None:
                # Events of the widget being removed may still arrive: handlers check they
                # come from the live one.
                widget.remove()
            widget = answer_widgets.build(requirement, value)
            self._answer_widgets[kind] = widget
            self.query_one("#answer", Vertical).mount(widget)
        for other in self._answer_widgets.values():
            if other.display != (other is widget):
                other.display = other is widget
        self.answer_widget = widget
        return built

    def _done_showing(self) -> None:
        self._showing = False
        if self.answer_widget is not None:
            self.answer_widget.focus()

    @staticmethod
    def evidence_required(requirement: Requirement) -> bool:
        return requirement.evidence.required and requirement.answer.type == "compliance"

    def show_details(self, requirement: Requirement) -> None:
        answer = self.session.assessment.answers.get(requirement.id)
        given = [ev for a in self.session.assessment.answers.values() for ev in a.evidence]
        self.query_one(EvidenceForm).show(
            answer.evidence if answer else (),
            needed=self.evidence_required(requirement),
            earlier=earlier_evidence(given),
        )
        source = answer.source if answer else self.session.default_source(requirement)
        self.put("#q-source", t(f"tui.q.source.{source}"))

    def guide_text(self, requirement: Requirement) -> str:
        lang = language()
        parts = [t("tui.q.guidance"), requirement.guidance.get(lang)]
        if requirement.criteria is not None:
            parts += [
                "",
                t("tui.q.criteria"),
                f"◎ {t('tui.q.criteria.met')}: {requirement.criteria.met.get(lang)}",
                f"△ {t('tui.q.criteria.partial')}: {requirement.criteria.partial.get(lang)}",
                f"✗ {t('tui.q.criteria.not_met')}: {requirement.criteria.not_met.get(lang)}",
            ]
        refs = [f"{k}: {', '.join(v)}" for k, v in requirement.refs.items()]
        if refs:
            parts += ["", t("tui.q.refs", refs="; ".join(refs))]
        return "\n".join(parts)

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

    def _ours(self, control: Widget | None) -> Requirement | None:
        """The current requirement, if the event comes from its live answer widget."""
        if self._showing or control is None or control is not self.answer_widget:
            return None
        return self.requirement()

    @on(RadioSet.Changed, ".answer-widget")
    def radio_changed(self, event: RadioSet.Changed) -> None:
        requirement = self._ours(event.control)
        if requirement is None:
            return
        value, _ = answer_widgets.choices(requirement)[event.index]
        first_time = requirement.id not in self.session.assessment.answers
        reason_input = self.query_one("#na-reason", Input)
        if value == "na" and not reason_input.value.strip():
            # Not recorded until the reason is typed: the cursor goes to the reason.
            self.pending_na.add(requirement.id)
            reason_input.display = True
            reason_input.focus()
            self.put("#answer-hint", t("tui.q.na-needs-reason"))
            self.refresh_sections()
            return
        self.pending_na.discard(requirement.id)
        self.put("#answer-hint", "")
        self.set_value(requirement, value)
        if value == "met" and self.evidence_required(requirement):
            answer = self.session.assessment.answers[requirement.id]
            if not answer.evidence:
                self.query_one(EvidenceForm).focus_ref()
                return
        if first_time and value != "na":
            self.move_on()

    @on(SelectionList.SelectedChanged, ".answer-widget")
    def multi_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        requirement = self._ours(event.control)
        if requirement is None:
            return
        chosen = set(event.selection_list.selected)
        values = tuple(o.id for o in requirement.answer.options if o.id in chosen)
        if values:
            self.set_value(requirement, values)
        else:
            self.session.clear_answer(requirement.id)
            self.answered()

    @on(Input.Changed, ".answer-widget")
    def text_changed(self, event: Input.Changed) -> None:
        requirement = self._ours(event.control)
        if requirement is None:
            return
        value = answer_widgets.parse_text(requirement, event.value)
        if value is None:
            if not event.value.strip():
                self.put("#answer-hint", "")
                self.session.clear_answer(requirement.id)
                self.answered()
            else:
                # Say so: keeping the last valid value silently would save something else.
                self.put("#answer-hint", t("tui.q.invalid", value=event.value[:40]))
            return
        # A date typed in another form is shown back as it will be kept.
        self.put("#answer-hint", f"→ {value.isoformat()}" if isinstance(value, dt.date) else "")
        self.set_value(requirement, value)

    @on(Input.Submitted, ".answer-widget")
    def text_submitted(self, event: Input.Submitted) -> None:
        requirement = self._ours(event.control)
        if requirement is not None and requirement.id in self.session.assessment.answers:
            self.move_on()

    @on(Input.Changed, "#na-reason")
    def reason_changed(self, event: Input.Changed) -> None:
        requirement = self.requirement()
        if self._showing or requirement is None:
            return
        answer = self.session.assessment.answers.get(requirement.id)
        pending = requirement.id in self.pending_na
        if not (pending or (answer is not None and answer.value == "na")):
            return
        if not event.value.strip():
            # An empty reason is never saved: the last one stays on disk until a new one.
            self.put("#answer-hint", t("tui.q.na-needs-reason"))
            return
        self.put("#answer-hint", "")
        self.pending_na.discard(requirement.id)
        self.session.set_answer(requirement.id, "na", reason=event.value, today=self.vr.today)
        self.show_details(requirement)
        self.answered()

    @on(Input.Submitted, "#na-reason")
    def reason_submitted(self) -> None:
        requirement = self.requirement()
        answer = self.session.assessment.answers.get(requirement.id) if requirement else None
        if answer is not None and answer.value == "na" and answer.reason:
            self.move_on()

    @on(TextArea.Changed, "#note")
    def note_changed(self, event: TextArea.Changed) -> None:
        if self._showing or self.current is None:
            return
        self.session.set_details(self.current, note=event.text_area.text)
        self.answered()

    def set_value(self, requirement: Requirement, value: object) -> None:
        reason_input = self.query_one("#na-reason", Input)
        reason = reason_input.value if value == "na" else None
        self.session.set_answer(requirement.id, value, reason=reason, today=self.vr.today)  # type: ignore[arg-type]
        reason_input.display = value == "na"
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

    @on(OptionList.OptionSelected, "#sections")
    def section_chosen(self, event: OptionList.OptionSelected) -> None:
        for progress in self.session.sections():
            if progress.section.id == event.option.id:
                todo = [
                    r.id
                    for r in progress.requirements
                    if r.id not in self.session.assessment.answers
                ]
                self.show(todo[0] if todo else progress.requirements[0].id)
                return

    # --- saving -------------------------------------------------------------------------

    def autosave(self) -> bool:
        """Save now; False if the answers could only be kept in memory."""
        self._timer = None
        try:
            saved = self.session.save()
        except storage.ChangedOnDisk:
            self.resolve_conflict()
            return False
        except storage.StorageError as exc:
            self.notify(t("tui.q.save-failed", reason=describe(exc)), severity="error", timeout=8)
            self.refresh_sections()
            return False
        if saved:
            self.refresh_sections()
        return True

    def resolve_conflict(self) -> None:
        def chosen(choice: str | None) -> None:
            if choice == "reload":
                try:
                    self.session.reload()
                except storage.StorageError as exc:
                    # The file on disk cannot be used (a conflict, a deletion): keep what is
                    # on screen, unsaved, rather than lose it.
                    self.notify(
                        t("tui.conflict.cannot-reload", reason=describe(exc)), severity="error"
                    )
                    return
                self.show(self.current or self.first_question() or "")
            elif choice == "save-as":
                stamp = localtime.now().strftime("%Y%m%d-%H%M%S")
                target = self.session.path.with_name(
                    f"{self.session.path.stem}-{self.vr.user}-{stamp}.toml"
                )
                try:
                    self.session.save_as(target)
                except storage.StorageError as exc:
                    self.notify(t("tui.q.save-failed", reason=describe(exc)), severity="error")
                    return
                self.notify(t("tui.conflict.saved-as", path=target))
                self.refresh_sections()

        self.app.push_screen(
            # Words as functions, so F2 on the open dialog relabels it.
            ChoiceModal(
                lambda: t("tui.conflict.title"),
                lambda: t("tui.conflict.body", path=self.session.path),
                [
                    ("reload", lambda: t("tui.conflict.reload")),
                    ("save-as", lambda: t("tui.conflict.save-as")),
                    ("keep", lambda: t("tui.conflict.keep")),
                ],
                cancel="keep",
            ),
            chosen,
        )

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
