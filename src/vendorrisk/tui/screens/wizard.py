"""The new-assessment wizard: each step explains its choice in plain words, and the tier
step shows which tier rules (gates) the service will have to meet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    ContentSwitcher,
    Footer,
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
    TextArea,
)

from vendorrisk.core import corporate_number
from vendorrisk.core.classification import CONFIDENTIALITY_LEVELS, KINDS, TERMINAL_MODELS, TIERS
from vendorrisk.core.model import Assessment, Classification, Service, Vendor, VendorUrls
from vendorrisk.core.problems import Problem
from vendorrisk.messages import language, t
from vendorrisk.messages.said import error_text, problem_text
from vendorrisk.store import storage
from vendorrisk.store.assessments import Store
from vendorrisk.tui.base import vendorrisk_app
from vendorrisk.tui.bindings import key, localise
from vendorrisk.tui.wrapped import WrappedText

if TYPE_CHECKING:
    from vendorrisk.tui.app import VendorRiskApp

STEPS = ("kind", "vendor", "service", "tier", "classification")
# The field each step starts in: typing right after ctrl+n lands here, never in a field of
# the step just left (which is hidden).
FIRST_FIELD = {
    "kind": "#kind",
    "vendor": "#vendor-name",
    "service": "#service-name",
    "tier": "#tier",
    "classification": "#confidentiality",
}
# Where each part of a new assessment is typed: a refused save names the step to go back to.
STEP_OF_KEY = {
    "vendor.name": "vendor",
    "vendor.corporate_number": "vendor",
    "vendor.urls.security": "vendor",
    "vendor.urls.privacy": "vendor",
    "service.kind": "kind",
    "service.name": "service",
    "service.description": "service",
    "service.tier": "tier",
    "service.terminal_model": "tier",
    "service.classification": "classification",
    "service.classification.confidentiality": "classification",
    "service.classification.integrity": "classification",
    "service.classification.availability": "classification",
    "service.personal_data": "classification",
    "service.mynumber_data": "classification",
}
DEFAULT_TIER = {
    "contractor": "lgwan",
    "cloud": "internet",
    "social": "internet",
    "designated_manager": "internet",
}


def _radio(
    prefix: str, values: tuple[str, ...], labels: list[str], selected: str | None
) -> RadioSet:
    buttons = [
        RadioButton(label, value=(v == selected), id=f"{prefix}-{v}")
        for v, label in zip(values, labels, strict=True)
    ]
    return RadioSet(*buttons, id=prefix)


class NewAssessmentScreen(Screen[Path | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        key("escape", "cancel", "tui.wizard.cancel", "wizard.cancel"),
        key("ctrl+n", "next", "tui.wizard.next", "wizard.next"),
        key("ctrl+b", "back", "tui.wizard.back", "wizard.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.step = 0
        self.tier_touched = False
        localise(self)

    @property
    def vr(self) -> VendorRiskApp:
        return vendorrisk_app(self)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="wizard-step")
        with ContentSwitcher(initial="step-kind", id="wizard"):
            with VerticalScroll(id="step-kind"):
                yield Label(t("tui.wizard.kind"), classes="heading")
                yield _radio("kind", KINDS, [t(f"tui.kind.{k}") for k in KINDS], "cloud")
                yield Static(t("tui.wizard.kind-help"), classes="hint")
            with VerticalScroll(id="step-vendor"):
                yield Label(t("tui.wizard.vendor-name"), classes="heading")
                yield Input(id="vendor-name", select_on_focus=False)
                yield Label(t("tui.wizard.corporate-number"), classes="heading")
                yield Input(id="corporate-number", max_length=13)
                yield Static("", id="corporate-state", classes="hint")
                yield Label(t("tui.wizard.url-security"), classes="heading")
                yield Input(placeholder="https://", id="url-security")
                yield Label(t("tui.wizard.url-privacy"), classes="heading")
                yield Input(placeholder="https://", id="url-privacy")
            with VerticalScroll(id="step-service"):
                yield Label(t("tui.wizard.service-name"), classes="heading")
                yield Input(id="service-name", select_on_focus=False)
                yield Label(t("tui.wizard.description"), classes="heading")
                yield TextArea(id="description", soft_wrap=True)
            with VerticalScroll(id="step-tier"):
                yield Label(t("tui.wizard.tier"), classes="heading")
                yield _radio("tier", TIERS, [t(f"tui.tier.{x}") for x in TIERS], "internet")
                yield Static(t("tui.wizard.tier-help"), classes="hint")
                yield Static("", id="gates", markup=False)
                yield Label(t("tui.wizard.terminal"), classes="heading")
                models = ("none", *TERMINAL_MODELS)
                yield _radio(
                    "terminal", models, [t(f"tui.wizard.terminal.{m}") for m in models], "none"
                )
            with VerticalScroll(id="step-classification"):
                yield Label(t("tui.wizard.confidentiality"), classes="heading")
                levels = tuple(reversed(CONFIDENTIALITY_LEVELS))
                yield _radio(
                    "confidentiality", levels, [t(f"tui.wizard.c.{c}") for c in levels], "2"
                )
                yield Checkbox(t("tui.wizard.integrity"), id="integrity")
                yield Checkbox(t("tui.wizard.availability"), id="availability")
                yield Checkbox(t("tui.wizard.personal"), id="personal")
                yield Checkbox(t("tui.wizard.mynumber"), id="mynumber")
        refused = WrappedText(id="wizard-problems", classes="warning")
        refused.display = False
        yield refused
        with Horizontal(id="wizard-buttons"):
            yield Button(t("tui.wizard.back"), id="wizard-back")
            yield Button(t("tui.wizard.next"), id="wizard-next", variant="primary")
            yield Button(t("tui.wizard.cancel"), id="wizard-cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.wizard.title")
        self.show_step()

    def show_step(self) -> None:
        name = STEPS[self.step]
        self.query_one(ContentSwitcher).current = f"step-{name}"
        label = t(f"tui.wizard.{name}")
        self.query_one("#wizard-step", Static).update(
            t("tui.wizard.step", n=self.step + 1, total=len(STEPS), name=label)
        )
        last = self.step == len(STEPS) - 1
        self.query_one("#wizard-next", Button).label = t(
            "tui.wizard.create" if last else "tui.wizard.next"
        )
        self.query_one("#wizard-back", Button).disabled = self.step == 0
        if name == "tier":
            if not self.tier_touched:
                # The tier a kind is most often used from, until the user picks one.
                buttons = list(self.query_one("#tier", RadioSet).query(RadioButton))
                buttons[TIERS.index(DEFAULT_TIER[self.chosen("kind", KINDS)])].value = True
                self.tier_touched = True
            self.show_gates()
        # Coming back to a step, typing continues what is there (select_on_focus=False on
        # the first fields): it never replaces it.
        self.query_one(FIRST_FIELD[name]).focus(scroll_visible=False)

    async def relabel(self) -> None:
        """After a language switch: the same step and everything typed, in new words."""
        typed = {w.id: w.value for w in self.query(Input) if w.id}
        boxes = {w.id: w.value for w in self.query(Checkbox) if w.id}
        radios = {w.id: w.pressed_index for w in self.query(RadioSet) if w.id}
        description = self.query_one("#description", TextArea).text
        await self.recompose()
        for widget_id, value in typed.items():
            self.query_one(f"#{widget_id}", Input).value = value
        for widget_id, checked in boxes.items():
            self.query_one(f"#{widget_id}", Checkbox).value = checked
        for widget_id, index in radios.items():
            buttons = list(self.query_one(f"#{widget_id}", RadioSet).query(RadioButton))
            if 0 <= index < len(buttons):
                buttons[index].value = True
        self.query_one("#description", TextArea).text = description
        self.title = t("tui.wizard.title")
        self.show_step()

    # --- values -------------------------------------------------------------------------

    def chosen(self, radio_id: str, values: tuple[str, ...]) -> str:
        index = self.query_one(f"#{radio_id}", RadioSet).pressed_index
        return values[index] if index >= 0 else values[0]

    def show_gates(self) -> None:
        tier = self.chosen("tier", TIERS)
        kind = self.chosen("kind", KINDS)
        lang = language()
        gates = [
            f"・{r.id} {r.title.get(lang)}"
            for r in self.vr.catalogue.requirements
            if r.gate and kind in r.kinds and (r.tiers is None or tier in r.tiers)
        ]
        self.query_one("#gates", Static).update("\n".join([t("tui.wizard.gates"), *gates]))

    @on(RadioSet.Changed, "#tier")
    def tier_changed(self) -> None:
        self.show_gates()

    @on(Input.Changed, "#corporate-number")
    def corporate_changed(self, event: Input.Changed) -> None:
        value = event.value.strip()
        state = self.query_one("#corporate-state", Static)
        if not value:
            state.update("")
        else:
            state.update(
                t(
                    "tui.wizard.corporate-ok"
                    if corporate_number.is_valid(value)
                    else "tui.wizard.corporate-bad"
                )
            )

    def problem(self) -> str | None:
        """Why the current step cannot be left yet, or None."""
        name = STEPS[self.step]
        if name == "vendor":
            if not self.query_one("#vendor-name", Input).value.strip():
                return t("tui.wizard.required", field=t("tui.wizard.vendor-name"))
            number = self.query_one("#corporate-number", Input).value.strip()
            if number and not corporate_number.is_valid(number):
                return t("tui.wizard.corporate-bad")
            for url_id in ("url-security", "url-privacy"):
                url = self.query_one(f"#{url_id}", Input).value.strip()
                if url and not url.startswith("https://"):
                    return t("tui.wizard.url-bad")
        if name == "service" and not self.query_one("#service-name", Input).value.strip():
            return t("tui.wizard.required", field=t("tui.wizard.service-name"))
        return None

    def text(self, widget_id: str) -> str | None:
        return self.query_one(f"#{widget_id}", Input).value.strip() or None

    def checked(self, widget_id: str) -> bool:
        return self.query_one(f"#{widget_id}", Checkbox).value

    def build(self) -> Assessment:
        text, checked = self.text, self.checked
        confidentiality = self.chosen("confidentiality", tuple(reversed(CONFIDENTIALITY_LEVELS)))
        terminal = self.chosen("terminal", ("none", *TERMINAL_MODELS))
        description = self.query_one("#description", TextArea).text.strip() or None
        catalogue = self.vr.catalogue
        return Assessment(
            catalog_id=catalogue.id,
            catalog_version=catalogue.version,
            vendor=Vendor(
                name=text("vendor-name") or "",
                corporate_number=text("corporate-number"),
                urls=VendorUrls(security=text("url-security"), privacy=text("url-privacy")),
            ),
            service=Service(
                name=text("service-name") or "",
                kind=self.chosen("kind", KINDS),  # type: ignore[arg-type]
                tier=self.chosen("tier", TIERS),  # type: ignore[arg-type]
                terminal_model=None if terminal == "none" else terminal,  # type: ignore[arg-type]
                description=description,
                classification=Classification(
                    confidentiality=confidentiality,  # type: ignore[arg-type]
                    integrity="2" if checked("integrity") else "1",
                    availability="2" if checked("availability") else "1",
                ),
                personal_data=checked("personal"),
                mynumber_data=checked("mynumber"),
            ),
        )

    # --- moving -------------------------------------------------------------------------

    @on(Button.Pressed, "#wizard-next")
    def action_next(self) -> None:
        problem = self.problem()
        if problem:
            self.notify(problem, severity="error")
            return
        if self.step < len(STEPS) - 1:
            self.step += 1
            self.show_step()
            return
        self.create()

    def show_refusal(self, problems: tuple[Problem, ...]) -> None:
        """What makes the new assessment invalid, each with the step to fix it in; kept on
        the screen (a toast would vanish while the clerk goes back to that step)."""
        lines = [t("tui.wizard.refused")]
        for problem in problems:
            step = STEP_OF_KEY.get((problem.key or "").split("[")[0], "")
            where = t(f"tui.wizard.{step}") if step else (problem.key or "")
            lines.append(t("tui.wizard.refused-item", step=where, message=problem_text(problem)))
        shown = self.query_one("#wizard-problems", WrappedText)
        shown.update("\n".join(lines))
        shown.display = True
        self.notify(t("tui.wizard.refused-toast", count=len(problems)), severity="error")

    @on(Button.Pressed, "#wizard-back")
    def action_back(self) -> None:
        if self.step > 0:
            self.step -= 1
            self.show_step()

    @on(Button.Pressed, "#wizard-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def create(self) -> None:
        assessment = self.build()
        name = storage.suggested_file_name(
            assessment.service.kind, assessment.vendor.name, assessment.service.name, self.vr.today
        )
        path = self.vr.directory / name
        try:
            self.vr.directory.mkdir(parents=True, exist_ok=True)
            Store(self.vr.catalogue).create(path, assessment, by=self.vr.user)
        except storage.InvalidAssessment as exc:
            self.show_refusal(exc.problems)
            return
        except (storage.StorageError, OSError) as exc:
            self.notify(error_text(exc), severity="error", timeout=10)
            return
        self.notify(t("tui.wizard.created", path=path))
        self.dismiss(path)
