"""Small typed dialogs: yes/no, and a choice among several answers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class ChoiceModal(ModalScreen[str]):
    """Asks one question; dismisses with the id of the button chosen (escape: ``cancel``)."""

    BINDINGS = [Binding("escape", "choose('cancel')", show=False)]

    def __init__(self, title: str, body: str, choices: list[tuple[str, str]], cancel: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.choices = choices
        self.cancel_id = cancel

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.title_text, id="dialog-title")
            yield Static(self.body, id="dialog-body")
            with Horizontal(id="dialog-buttons"):
                for choice_id, label in self.choices:
                    yield Button(label, id=f"choice-{choice_id}")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(event.button.id.removeprefix("choice-"))

    def action_choose(self, choice: str) -> None:
        self.dismiss(self.cancel_id if choice == "cancel" else choice)
