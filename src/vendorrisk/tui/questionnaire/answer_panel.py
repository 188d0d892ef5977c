"""The answer to the current question: what it still needs, the widget of its answer type
(choices, several choices, or a typed value), a hint, and the reason for "not applicable"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import get_args

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Input, Label, RadioSet, SelectionList

from vendorrisk.core.answer_types import InputFamily
from vendorrisk.core.catalog.model import Requirement
from vendorrisk.core.model import AnswerValue
from vendorrisk.messages import t
from vendorrisk.tui import answer_widgets
from vendorrisk.tui.questionnaire.settled import SettledColumn, SettledStatic


@dataclass(frozen=True)
class Shown:
    """What the panel shows when a question comes up."""

    requirement: Requirement
    value: AnswerValue | None  # "na" also while its reason is not typed yet
    reason: str
    needs_evidence: bool
    pending_na: bool


class AnswerPanel(SettledColumn):
    """Shows ``shown``; says what the user did with ``Picked``, ``Typed``, ``Submitted``,
    ``ReasonTyped`` and ``ReasonSubmitted``. Values the panel fills in are not answers: their
    events are not passed on."""

    # Set for every question shown, even the same one again: what was typed and not kept
    # is replaced by what is recorded.
    shown: var[Shown | None] = var(None, init=False, always_update=True)
    hint: var[str] = var("", init=False)

    class Picked(Message):
        """A single choice, also the one already chosen (the screen may move on)."""

        def __init__(self, requirement: Requirement, value: AnswerValue, reason: str) -> None:
            super().__init__()
            self.requirement = requirement
            self.value = value
            self.reason = reason

    class Typed(Message):
        """A typed value or several choices; None when the answer was emptied."""

        def __init__(self, requirement: Requirement, value: AnswerValue | None) -> None:
            super().__init__()
            self.requirement = requirement
            self.value = value

    class Submitted(Message):
        def __init__(self, requirement: Requirement) -> None:
            super().__init__()
            self.requirement = requirement

    class ReasonTyped(Message):
        def __init__(self, requirement: Requirement, reason: str) -> None:
            super().__init__()
            self.requirement = requirement
            self.reason = reason

    class ReasonSubmitted(Message):
        def __init__(self, requirement: Requirement) -> None:
            super().__init__()
            self.requirement = requirement

    def __init__(self, choice_count: int) -> None:
        super().__init__()
        self.answer_widget: Widget | None = None
        # One widget of each kind (answer_widgets.kind_of), built here, hidden when unused:
        # a widget mounted when its first question comes up costs that question a second
        # layout and frame.
        self._by_kind: dict[InputFamily, Widget] = {}
        for kind in get_args(InputFamily):
            widget = answer_widgets.blank(kind, choice_count)
            widget.display = False
            self._by_kind[kind] = widget
        self._filling = False

    def compose(self) -> ComposeResult:
        yield Label(t("tui.q.answer"), classes="heading")
        # What the answer needs besides a choice, next to the choices: evidence below the
        # fold was missed by people answering fast.
        self.needs = SettledStatic("", id="answer-needs", classes="warning", markup=False)
        self.holder = SettledColumn(*self._by_kind.values(), id="answer")
        self.hint_line = SettledStatic("", id="answer-hint", classes="warning", markup=False)
        self.reason = Input(placeholder=t("tui.q.reason"), id="na-reason")
        yield from (self.needs, self.holder, self.hint_line, self.reason)

    def watch_hint(self, hint: str) -> None:
        self.hint_line.show(hint)

    def watch_shown(self, shown: Shown | None) -> None:
        if shown is None:
            return
        self._filling = True
        self._show_answer_widget(shown.requirement, shown.value)
        self.needs.show(t("tui.q.needs-evidence") if shown.needs_evidence else "")
        self.hint = t("tui.q.na-needs-reason") if shown.pending_na else ""
        if self.reason.value != shown.reason:
            with self.reason.prevent(Input.Changed):
                self.reason.value = shown.reason
        self._show_reason(shown.value == "na")
        self.call_after_refresh(self._filled)

    def _filled(self) -> None:
        self._filling = False
        self.focus_answer()

    def focus_answer(self) -> None:
        """Focus the answer widget, at once; the screen does it last, after everything
        else of a new question is shown.

        Not as focus() does, after the messages already queued: moving the focus from one
        kind of widget to another restyles both, and done at once, the widget is shown,
        focused and restyled before its buttons and the rest of the question report their
        changes, so all of it is drawn in one frame (the focus set first, the screen would
        draw before the rest reported; set later, the restyled buttons a frame after).
        """
        widget = self.answer_widget
        # Only when elsewhere: focusing the focused widget still redraws it, a frame later.
        if widget is not None and widget.is_mounted and self.screen.focused is not widget:
            self.screen.set_focus(widget)

    def _show_reason(self, shown: bool) -> None:
        if self.reason.display != shown:
            self.reason.display = shown

    def _show_answer_widget(self, requirement: Requirement, value: AnswerValue | None) -> None:
        """Show the answer widget of this question's kind, then refill it in place (in
        this order: see focus_answer). A widget that has to be built (more choices than
        the catalogue's most) is focused once mounted (_filled)."""
        kind = answer_widgets.kind_of(requirement)
        widget = self._by_kind[kind]
        for other in self._by_kind.values():
            if other.display != (other is widget):
                other.display = other is widget
        self.answer_widget = widget
        if answer_widgets.refill(widget, requirement, value):
            return
        # Events of the widget being removed may still arrive: handlers check they come
        # from the live one.
        widget.remove()
        self.answer_widget = self._by_kind[kind] = answer_widgets.build(requirement, value)
        self.holder.mount(self.answer_widget)

    def _ours(self, control: Widget | None) -> Requirement | None:
        """The requirement shown, if the event comes from its live answer widget."""
        if self._filling or control is None or control is not self.answer_widget:
            return None
        return self.shown.requirement if self.shown is not None else None

    @on(RadioSet.Changed, ".answer-widget")
    def radio_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        requirement = self._ours(event.control)
        if requirement is None:
            return
        value, _ = answer_widgets.choices(requirement)[event.index]
        reason = self.reason.value
        if value == "na" and not reason.strip():
            # Not recorded until the reason is typed: the cursor goes to the reason.
            self._show_reason(True)
            self.reason.focus()
            self.hint = t("tui.q.na-needs-reason")
        else:
            self.hint = ""
            self._show_reason(value == "na")
        self.post_message(self.Picked(requirement, value, reason))

    @on(SelectionList.SelectedChanged, ".answer-widget")
    def multi_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        requirement = self._ours(event.control)
        if requirement is None:
            return
        chosen = set(event.selection_list.selected)
        values = tuple(o.id for o in requirement.answer.options if o.id in chosen)
        if values:
            self._show_reason(False)
        self.post_message(self.Typed(requirement, values or None))

    @on(Input.Changed, ".answer-widget")
    def text_changed(self, event: Input.Changed) -> None:
        event.stop()
        requirement = self._ours(event.control)
        if requirement is None:
            return
        value = answer_widgets.parse_text(requirement, event.value)
        if value is None:
            if not event.value.strip():
                self.hint = ""
                self.post_message(self.Typed(requirement, None))
            else:
                # Say so: keeping the last valid value silently would save something else.
                self.hint = t("tui.q.invalid", value=event.value[:40])
            return
        # A date typed in another form is shown back as it will be kept.
        self.hint = f"→ {value.isoformat()}" if isinstance(value, dt.date) else ""
        self._show_reason(False)
        self.post_message(self.Typed(requirement, value))

    @on(Input.Submitted, ".answer-widget")
    def text_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        requirement = self._ours(event.control)
        if requirement is not None:
            self.post_message(self.Submitted(requirement))

    @on(Input.Changed, "#na-reason")
    def reason_changed(self, event: Input.Changed) -> None:
        event.stop()
        if not self._filling and self.shown is not None:
            self.post_message(self.ReasonTyped(self.shown.requirement, event.value))

    @on(Input.Submitted, "#na-reason")
    def reason_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.shown is not None:
            self.post_message(self.ReasonSubmitted(self.shown.requirement))
