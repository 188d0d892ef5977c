"""The free-text note of the current answer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import var
from textual.widgets import Label, TextArea

from vendorrisk.messages import t
from vendorrisk.tui.questionnaire.settled import SettledColumn


class NoteField(SettledColumn):
    """Posts ``Edited`` when the user changes the note; ``note`` set from outside is shown,
    not reported."""

    # Set for every question shown, even to the same text: what was typed and not kept
    # (the question left) is replaced by what is recorded.
    note: var[str] = var("", init=False, always_update=True)

    class Edited(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self) -> None:
        super().__init__()
        self._filling = False

    def compose(self) -> ComposeResult:
        yield Label(t("tui.q.note"), classes="heading")
        self.area = TextArea(id="note", soft_wrap=True, show_line_numbers=False)
        yield self.area

    def watch_note(self, note: str) -> None:
        # Assigned only when different: each assignment redraws the field.
        if self.area.text != note:
            self._filling = True
            with self.area.prevent(TextArea.Changed):
                self.area.text = note
            self.call_after_refresh(self._filled)

    def _filled(self) -> None:
        self._filling = False

    @on(TextArea.Changed, "#note")
    def edited(self, event: TextArea.Changed) -> None:
        event.stop()
        if not self._filling:
            self.post_message(self.Edited(event.text_area.text))
