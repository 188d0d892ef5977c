"""Small typed dialogs: yes/no, and a choice among several answers."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

# A text of the dialog: fixed, or worked out again in the current language (a function that
# calls ``t``), so that F2 relabels an open dialog instead of leaving it in the old language.
Words = str | Callable[[], str]


def _say(words: Words) -> str:
    return words if isinstance(words, str) else words()


class ChoiceModal(ModalScreen[str]):
    """Asks one question; dismisses with the id of the button chosen (escape: ``cancel``)."""

    BINDINGS = [
        Binding("escape", "choose('cancel')", show=False),
        # A modal screen hides the app's keys: the language switch is passed on explicitly.
        Binding("f2", "app.switch_language", show=False),
    ]

    def __init__(
        self, title: Words, body: Words, choices: list[tuple[str, Words]], cancel: str
    ) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.choices = choices
        self.cancel_id = cancel

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_say(self.title_text), id="dialog-title")
            yield Static(_say(self.body), id="dialog-body")
            with Horizontal(id="dialog-buttons"):
                for choice_id, label in self.choices:
                    yield Button(_say(label), id=f"choice-{choice_id}")

    async def relabel(self) -> None:
        """After F2: the same dialog, its texts in the new language, the focus kept."""
        self.query_one("#dialog-title", Label).update(_say(self.title_text))
        self.query_one("#dialog-body", Static).update(_say(self.body))
        for choice_id, label in self.choices:
            self.query_one(f"#choice-{choice_id}", Button).label = _say(label)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(event.button.id.removeprefix("choice-"))

    def action_choose(self, choice: str) -> None:
        self.dismiss(self.cancel_id if choice == "cancel" else choice)
