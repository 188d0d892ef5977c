"""The answer widget for each answer type of the catalogue, and reading values back."""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Input, RadioButton, RadioSet, SelectionList

from vendorrisk.catalog.model import COMPLIANCE_VALUES, Requirement
from vendorrisk.dates import parse_date
from vendorrisk.messages import language, t
from vendorrisk.model import AnswerValue
from vendorrisk.tui.bindings import key

_HTTPS = re.compile(r"https://[^\s/?#]+\S*")


def choices(requirement: Requirement) -> list[tuple[AnswerValue, str]]:
    """(value, label) of every option a single-choice answer offers, in order."""
    lang = language()
    match requirement.answer.type:
        case "compliance":
            return [(v, t(f"status.{v}")) for v in COMPLIANCE_VALUES]
        case "boolean":
            return [(True, t("tui.q.yes")), (False, t("tui.q.no"))]
        case "choice":
            return [(o.id, o.label.get(lang)) for o in requirement.answer.options]
    return []


class AnswerChoices(RadioSet):
    """A radio set the questionnaire can reset between questions without rebuilding it.

    Rebuilding widgets for each of a hundred questions made moving on take most of a
    second; consecutive questions mostly share the same choices (met / partly / not met /
    not applicable), so the set is kept and only its selection changes.
    """

    # Digits choose only here: bound to the answer row itself, a digit typed anywhere else
    # (the evidence reference, a note) can never change an answer.
    BINDINGS: ClassVar[list[BindingType]] = [
        key(str(n), f"pick({n})", "", f"questionnaire.pick{n}", show=False) for n in range(1, 10)
    ]

    def __init__(self, shape: tuple[str, ...], labels: list[str], selected: int | None) -> None:
        buttons = [
            RadioButton(f"{i}  {label}", value=(i - 1 == selected))
            for i, label in enumerate(labels, start=1)
        ]
        super().__init__(*buttons, classes="answer-widget")
        self.shape = shape

    def action_pick(self, number: int) -> None:
        buttons = list(self.query(RadioButton))
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
                button.value = i == index
        # RadioSet has no public way to clear; it tracks the pressed button itself.
        self._pressed_button = buttons[index] if index is not None else None  # noqa: SLF001


def shape(requirement: Requirement) -> tuple[str, ...]:
    """What makes two questions' choice widgets interchangeable."""
    return (requirement.answer.type, *(label for _, label in choices(requirement)))


def selected_index(requirement: Requirement, value: AnswerValue | None) -> int | None:
    if value is None:
        return None
    for i, (option, _) in enumerate(choices(requirement)):
        if option == value and type(option) is type(value):
            return i
    return None


def build(requirement: Requirement, value: AnswerValue | None) -> Widget:
    kind = requirement.answer.type
    if kind in ("compliance", "boolean", "choice"):
        labels = [label for _, label in choices(requirement)]
        return AnswerChoices(shape(requirement), labels, selected_index(requirement, value))
    if kind == "multi":
        chosen = set(value) if isinstance(value, tuple) else set()
        lang = language()
        return SelectionList[str](
            *[(o.label.get(lang), o.id, o.id in chosen) for o in requirement.answer.options],
            classes="answer-widget",
        )
    placeholder = {"date": "tui.q.date", "number": "tui.q.number", "url": "tui.q.url"}.get(
        kind, "tui.q.text"
    )
    text = (
        value.isoformat() if isinstance(value, dt.date) else ("" if value is None else str(value))
    )
    return Input(value=text, placeholder=t(placeholder), classes="answer-widget")


def parse_text(requirement: Requirement, text: str) -> AnswerValue | None:
    """The value typed for a text-like answer, or None when it is not (yet) valid."""
    text = text.strip()
    if not text:
        return None
    match requirement.answer.type:
        case "date":
            return parse_date(text)
        case "number":
            try:
                number = float(text)
            except ValueError:
                return None
            return int(number) if number.is_integer() and "." not in text else number
        case "url":
            return text if _HTTPS.fullmatch(text) else None
    limit = requirement.answer.max_length
    return text if limit is None or len(text) <= limit else None
