"""The answer widget for each answer type of the catalogue, and reading values back."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.binding import BindingType
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input, RadioButton, RadioSet, SelectionList

from vendorrisk.core.answer_types import AnswerWord, InputFamily, Plain, answer_kind
from vendorrisk.core.catalog.model import Catalogue, Requirement
from vendorrisk.core.codes import Code
from vendorrisk.core.model import AnswerValue
from vendorrisk.messages import language, t
from vendorrisk.render.reports.answers import words
from vendorrisk.tui.bindings import key

# The questionnaire asks yes-or-no questions in its own words (a report says あり / なし).
_ASKED: dict[Code, str] = {AnswerWord.YES: "tui.q.yes", AnswerWord.NO: "tui.q.no"}


def _label(plain: Plain) -> str:
    if isinstance(plain, Code):
        return t(_ASKED.get(plain, plain))
    return words(plain, language())


def choices(requirement: Requirement) -> list[tuple[AnswerValue, str]]:
    """(value, label) of every option a single-choice answer offers, in order."""
    spec = requirement.answer
    kind = answer_kind(spec)
    return [(value, _label(kind.plain(spec, value))) for value in kind.options(spec)]


class AnswerChoices(RadioSet):
    """A radio set the questionnaire reuses for every single-choice question.

    Mounting widgets for each of a hundred questions made moving on slow (new widgets are
    styled, laid out and focused afresh, and the footer follows the focus); so the buttons
    are relabelled in place, and those a question does not need are hidden and disabled.
    """

    # Digits choose only here: bound to the answer row itself, a digit typed anywhere else
    # (the evidence reference, a note) can never change an answer.
    BINDINGS: ClassVar[list[BindingType]] = [
        key(str(n), f"pick({n})", "", f"questionnaire.pick{n}", show=False) for n in range(1, 10)
    ]

    def __init__(self, labels: list[str], selected: int | None) -> None:
        buttons = [
            RadioButton(_numbered(i, label), value=(i == selected))
            for i, label in enumerate(labels)
        ]
        super().__init__(*buttons, classes="answer-widget")
        self.labels = list(labels)

    @property
    def count(self) -> int:
        return len(self.labels)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # As high as its buttons: a question with another number of choices changes its
        # virtual size, which the layout that sized it already used (see
        # questionnaire/settled.py). A scrollbar, past max-height, still asks for a layout.
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def buttons(self) -> list[RadioButton]:
        """The buttons of the current question's choices, in order."""
        return list(self.query(RadioButton))[: self.count]

    def can_show(self, count: int) -> bool:
        return count <= len(self.query(RadioButton))

    def show_choices(self, labels: list[str], index: int | None) -> None:
        """This question's choices, ``index`` selected, in the buttons already there."""
        other_choices = labels != self.labels
        self.labels = list(labels)
        for i, button in enumerate(self.query(RadioButton)):
            used = i < len(labels)
            if used and button.label.plain != _numbered(i, labels[i]):
                button.label = _numbered(i, labels[i])
            if button.display != used:
                button.display = used
                button.disabled = not used  # arrow keys skip disabled buttons
        self.show_selected(index)
        if other_choices:
            self._selected = 0  # as on a new set: the highlight starts on the first choice

    def action_pick(self, number: int) -> None:
        buttons = self.buttons()
        if not (self.has_focus and self.is_on_screen and 1 <= number <= len(buttons)):
            return
        if buttons[number - 1].value:
            # The same choice again: tell the screen, which may move on.
            self.post_message(self.Changed(self, buttons[number - 1]))
            return
        buttons[number - 1].value = True

    def show_selected(self, index: int | None) -> None:
        """Select ``index`` (None: nothing) without telling anyone: it is not an answer."""
        buttons = list(self.query(RadioButton))
        with self.prevent(RadioButton.Changed, RadioSet.Changed):
            for i, button in enumerate(buttons):
                if button.value != (i == index):
                    button.value = i == index
        # RadioSet has no public way to clear; it tracks the pressed button itself.
        self._pressed_button = buttons[index] if index is not None else None  # noqa: SLF001


class AnswerOptions(SelectionList[str]):
    """The several-choice list the questionnaire reuses for every such question."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # An option list keeps the virtual size it measures from its lines when it draws
        # them; built hidden, it has none the first time it is laid out, and measuring
        # then would ask for a second layout. Its lines are what the compositor measured,
        # less the checkboxes (the gutter hook SelectionList overrides).
        if not self.virtual_size.height:
            gutter = self._get_left_gutter_width()  # noqa: SLF001 (pinned Textual 8.2.8)
            lines = virtual_size.with_width(virtual_size.width - gutter)
            self.set_reactive(Widget.virtual_size, lines)
        return super()._size_updated(size, virtual_size, container_size, layout)


def _numbered(index: int, label: str) -> str:
    return f"{index + 1}  {label}"


def kind_of(requirement: Requirement) -> InputFamily:
    """Which answer widget a question uses: "choice", "multi" or "text"."""
    return answer_kind(requirement.answer).widget


def refill(widget: Widget, requirement: Requirement, value: AnswerValue | None) -> bool:
    """Show ``requirement``'s answer in ``widget``, built for an earlier question of the same
    kind; False when it cannot (a new widget is needed)."""
    if isinstance(widget, AnswerChoices):
        labels = [label for _, label in choices(requirement)]
        if not widget.can_show(len(labels)):
            return False
        widget.show_choices(labels, selected_index(requirement, value))
        return True
    if isinstance(widget, SelectionList):
        with widget.prevent(SelectionList.SelectedChanged):
            widget.clear_options()
            widget.add_options(_selections(requirement, value))
        return True
    if isinstance(widget, Input):
        text = _text(value)
        with widget.prevent(Input.Changed):
            widget.value = text
        widget.placeholder = t(_placeholder(requirement))
        widget.cursor_position = len(text)
        return True
    return False


def selected_index(requirement: Requirement, value: AnswerValue | None) -> int | None:
    if value is None:
        return None
    for i, (option, _) in enumerate(choices(requirement)):
        if option == value and type(option) is type(value):
            return i
    return None


def most_choices(catalogue: Catalogue) -> int:
    """How many buttons the radio set needs for any single-choice question of ``catalogue``."""
    counts = [len(choices(r)) for r in catalogue.requirements if kind_of(r) == "choice"]
    return max(counts, default=1)


def blank(kind: InputFamily, choice_count: int) -> Widget:
    """An answer widget of ``kind`` showing nothing yet, to be refilled for each question."""
    if kind == "choice":
        return AnswerChoices([""] * choice_count, None)
    if kind == "multi":
        return AnswerOptions(classes="answer-widget")
    return Input(classes="answer-widget")


def build(requirement: Requirement, value: AnswerValue | None) -> Widget:
    kind = kind_of(requirement)
    if kind == "choice":
        labels = [label for _, label in choices(requirement)]
        return AnswerChoices(labels, selected_index(requirement, value))
    if kind == "multi":
        return AnswerOptions(*_selections(requirement, value), classes="answer-widget")
    return Input(
        value=_text(value), placeholder=t(_placeholder(requirement)), classes="answer-widget"
    )


def _selections(requirement: Requirement, value: AnswerValue | None) -> list[tuple[str, str, bool]]:
    chosen = set(value) if isinstance(value, tuple) else set()
    lang = language()
    return [(o.label.get(lang), o.id, o.id in chosen) for o in requirement.answer.options]


def _placeholder(requirement: Requirement) -> str:
    return {"date": "tui.q.date", "number": "tui.q.number", "url": "tui.q.url"}.get(
        requirement.answer.type, "tui.q.text"
    )


def _text(value: AnswerValue | None) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def parse_text(requirement: Requirement, text: str) -> AnswerValue | None:
    """The value typed for a text-like answer, or None when it is not (yet) valid."""
    spec = requirement.answer
    return answer_kind(spec).parse(spec, text)
