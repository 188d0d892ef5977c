"""The help screen: what the tool does and the keys of the screen it was opened from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from vendorrisk.messages import t
from vendorrisk.tui.text import pad


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,q", "app.pop_screen", show=False),
        # A modal screen hides the app's keys: the language switch is passed on explicitly.
        Binding("f2", "app.switch_language", show=False),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Label(t("tui.help.title"), id="help-title")
            yield Static(t("tui.help.intro"))
            yield Label(t("tui.help.keys"), classes="heading")
            lines = [f"{pad(keys, 14)} {label}" for keys, label in self.rows]
            yield Static("\n".join(lines), id="help-keys")
            yield Static(t("tui.help.keymap"), classes="hint")
