"""The dialog that records an exception (例外措置) to a blocker on the review screen."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from vendorrisk.core.model import ExceptionGrant
from vendorrisk.core.workflow import WorkflowError, check_name
from vendorrisk.messages import t
from vendorrisk.tui.bindings import key, localise


class ExceptionModal(ModalScreen[ExceptionGrant | None]):
    """Record an exception (例外措置): requirement, compensating control, approver, end date."""

    BINDINGS: ClassVar[list[BindingType]] = [
        key("escape", "cancel", "tui.exception.cancel", "exception.cancel"),
        # A modal screen hides the app's keys: the language switch is passed on explicitly.
        key("f2", "app.switch_language", "", "exception.language", show=False),
    ]
    # widget id → message key of its text, for the labels F2 relabels in place
    TEXTS: ClassVar[dict[str, str]] = {
        "dialog-title": "tui.exception.title",
        "ex-requirement-label": "tui.exception.requirement",
        "ex-control-label": "tui.exception.control",
        "ex-approver-label": "tui.exception.approved-by",
        "ex-until-label": "tui.exception.until",
        "ex-save": "tui.exception.save",
        "ex-cancel": "tui.exception.cancel",
    }

    def __init__(self, requirements: list[str], today: dt.date) -> None:
        super().__init__()
        self.requirements = requirements
        self.today = today
        localise(self)

    def compose(self) -> ComposeResult:
        texts = self.TEXTS
        with Vertical(id="dialog"):
            yield Label(t(texts["dialog-title"]), id="dialog-title")
            yield Label(t(texts["ex-requirement-label"]), id="ex-requirement-label")
            yield Select(
                [(r, r) for r in self.requirements],
                value=self.requirements[0],
                allow_blank=False,
                id="ex-requirement",
            )
            yield Label(t(texts["ex-control-label"]), id="ex-control-label")
            yield Input(id="ex-control")
            yield Label(t(texts["ex-approver-label"]), id="ex-approver-label")
            yield Input(id="ex-approver")
            yield Label(t(texts["ex-until-label"]), id="ex-until-label")
            yield Input(placeholder="YYYY-MM-DD", id="ex-until")
            with Horizontal(id="dialog-buttons"):
                yield Button(t(texts["ex-save"]), id="ex-save", variant="primary")
                yield Button(t(texts["ex-cancel"]), id="ex-cancel")

    async def relabel(self) -> None:
        """After F2: the labels in the new language, what was typed kept."""
        for widget_id, message in self.TEXTS.items():
            widget = self.query_one(f"#{widget_id}")
            if isinstance(widget, Button):
                widget.label = t(message)
            elif isinstance(widget, Label):
                widget.update(t(message))

    @on(Button.Pressed, "#ex-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#ex-save")
    def save(self) -> None:
        control = self.query_one("#ex-control", Input).value.strip()
        approver = self.query_one("#ex-approver", Input).value
        try:
            until = dt.date.fromisoformat(self.query_one("#ex-until", Input).value.strip())
            approver = check_name(approver, t("tui.exception.approved-by"))
        except (ValueError, WorkflowError):
            self.notify(t("tui.exception.invalid"), severity="error")
            return
        if not control or until < self.today:
            self.notify(t("tui.exception.invalid"), severity="error")
            return
        requirement = str(self.query_one("#ex-requirement", Select).value)
        self.dismiss(
            ExceptionGrant(
                requirement=requirement,
                compensating_control=control,
                approved_by=approver,
                until=until,
                approved_at=self.today,
            )
        )
