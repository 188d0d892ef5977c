"""A file that cannot be opened: named with its line and problem, never a crash."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from vendorrisk.core.problems import Problem
from vendorrisk.messages import t
from vendorrisk.messages.said import problem_text
from vendorrisk.tui.bindings import key, localise


class FileErrorScreen(Screen[None]):
    BINDINGS = [key("escape", "app.pop_screen", "tui.key.back", "error.back")]

    def __init__(self, path: Path, problems: tuple[Problem, ...]) -> None:
        super().__init__()
        self.path = path
        self.problems = [p for p in problems if p.severity == "error"] or list(problems)
        localise(self)

    def compose(self) -> ComposeResult:
        shown = self.vr_display(self.path)
        yield Header()
        with Vertical(id="error-panel"):
            yield Label(t("tui.error.title"), id="error-title")
            yield Static(shown, markup=False)
            lines = []
            for p in self.problems[:12]:
                where = t("tui.error.line", line=p.line) if p.line else "-"
                lines.append(f"{where} [{p.code}] {problem_text(p)}")
            yield Static("\n".join(lines), classes="error-problem", markup=False)
            yield Static(t("tui.error.hint", path=shown), classes="hint", markup=False)
        yield Footer()

    def vr_display(self, path: Path) -> str:
        from vendorrisk.tui.app import VendorRiskApp

        app = self.app
        return app.display_path(path) if isinstance(app, VendorRiskApp) else str(path)
