"""The 再委託承認 register of the open assessment: every subcontractor at every level with
the city's consent, what the register's rules find (docs/validation.md, G1–G9), and a form
to add a subcontractor or record a consent -- saved through the session like every edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, DataTable, Footer, Header, Input, Label, Static

from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.codes import Phrase
from vendorrisk.core.model import Assessment, Subcontractor
from vendorrisk.core.validation.register import register_problems, structure_problems
from vendorrisk.features.session import EditSession
from vendorrisk.features.subcontracting import RegisterError, add, consent
from vendorrisk.messages import say, t
from vendorrisk.messages.said import error_text, problem_text, save_failure
from vendorrisk.store import storage
from vendorrisk.tui.base import vendorrisk_app
from vendorrisk.tui.bindings import key, localise
from vendorrisk.tui.text import fit

if TYPE_CHECKING:
    from vendorrisk.tui.app import VendorRiskApp


def consent_text(sub: Subcontractor) -> str:
    if sub.consent_recorded and sub.consented is not None:
        text = t("register.consented", date=sub.consented.isoformat(), approver=sub.approver or "")
    else:
        text = t("register.pending")
    return f"{text} [{t('register.article-10')}]" if sub.mynumber_data else text


class RegisterScreen(Screen[None]):
    DEFAULT_CSS = """
    #register-table { height: auto; max-height: 12; }
    #register-add Input { width: 1fr; }
    #register-add, #register-consent { height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        key("escape", "app.pop_screen", "tui.key.back", "register.back"),
    ]

    def __init__(self, session: EditSession) -> None:
        super().__init__()
        self.session = session
        localise(self)

    @property
    def vr(self) -> VendorRiskApp:
        return vendorrisk_app(self)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="register"):
            yield Static("", id="register-summary", markup=False)
            yield DataTable(id="register-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="register-findings", markup=False)
            yield Label(t("tui.register.consent-heading"), classes="heading")
            with Horizontal(id="register-consent"):
                yield Input(placeholder=t("tui.register.approver"), id="register-approver")
                yield Button(t("tui.register.consent"), id="register-consent-button")
            yield Label(t("tui.register.add-heading"), classes="heading")
            yield Input(placeholder=t("register.opt_name"), id="register-name")
            yield Input(placeholder=t("register.opt_work"), id="register-work")
            yield Input(placeholder=t("register.opt_data"), id="register-data")
            yield Input(placeholder=t("tui.register.parent"), id="register-parent")
            with Horizontal(id="register-add"):
                yield Checkbox(t("register.mynumber"), id="register-mynumber")
                yield Button(t("tui.register.add"), id="register-add-button")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.register.title")
        table = self.query_one(DataTable)
        table.add_columns(
            "#",
            t("tui.register.col-name"),
            t("tui.register.col-level"),
            t("tui.register.col-work"),
            t("tui.register.col-consent"),
        )
        self.refresh_register()
        table.focus()

    def refresh_register(self) -> None:
        assessment = self.session.assessment
        register = assessment.subcontractors
        table = self.query_one(DataTable)
        table.clear()
        width = max(12, self.app.size.width // 4)
        for number, sub in enumerate(register, 1):
            indent = "  " * (sub.level - 1)
            table.add_row(
                str(number),
                fit(indent + sub.name, width),
                t("register.level", level=sub.level),
                fit(sub.work, width),
                consent_text(sub),
            )
        summary = t("tui.register.summary", count=len(register))
        if not register:
            summary = t("register.empty")
        self.query_one("#register-summary", Static).update(summary)
        applicable = applies(self.session.catalogue, assessment)
        found = structure_problems(register) + register_problems(assessment, applicable)
        lines = [f"⚠ {problem_text(p)}" for p in found] or [t("tui.register.no-findings")]
        self.query_one("#register-findings", Static).update("\n".join(lines))

    def _save(self, changed: tuple[Assessment, Phrase]) -> None:
        assessment, summary = changed
        try:
            self.session.commit(assessment, summary)
        except storage.StorageError as exc:
            self.notify(t("tui.q.save-failed", reason=save_failure(exc)), severity="error")
            return
        self.notify(say(summary))
        self.refresh_register()

    @on(Button.Pressed, "#register-add-button")
    def add_subcontractor(self) -> None:
        values = {
            name: self.query_one(f"#register-{name}", Input).value.strip()
            for name in ("name", "work", "data", "parent")
        }
        if not (values["name"] and values["work"] and values["data"]):
            self.notify(t("tui.register.fill-in"), severity="warning")
            return
        entry = Subcontractor(
            name=values["name"],
            work=values["work"],
            data=values["data"],
            parent=values["parent"] or None,
            mynumber_data=self.query_one("#register-mynumber", Checkbox).value,
        )
        try:
            changed = add(self.session.assessment, entry)
        except RegisterError as exc:
            self.notify(error_text(exc), severity="error")
            return
        self._save(changed)
        for name in ("name", "work", "data", "parent"):
            self.query_one(f"#register-{name}", Input).value = ""

    @on(Button.Pressed, "#register-consent-button")
    def record_consent(self) -> None:
        table = self.query_one(DataTable)
        register = self.session.assessment.subcontractors
        approver = self.query_one("#register-approver", Input).value.strip()
        if not register:
            self.notify(t("register.empty"), severity="warning")
            return
        if not approver:
            self.notify(t("tui.register.approver-needed"), severity="warning")
            return
        row = min(max(table.cursor_row, 0), len(register) - 1)
        try:
            changed = consent(
                self.session.assessment,
                register[row].name,
                approver=approver,
                consented=self.vr.today,
            )
        except RegisterError as exc:
            self.notify(error_text(exc), severity="error")
            return
        self._save(changed)
