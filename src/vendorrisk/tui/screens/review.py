"""The review screen: score, risk, decision, findings by section, blockers, exceptions, and
the workflow moves -- each refused with the rule's reason when the rules forbid it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static, TextArea

from vendorrisk import storage
from vendorrisk.messages import language, t
from vendorrisk.model import ExceptionGrant
from vendorrisk.scoring import ScoreResult, score_assessment
from vendorrisk.session import EditSession, describe
from vendorrisk.tui.base import vendorrisk_app
from vendorrisk.tui.bindings import key, localise
from vendorrisk.workflow import (
    TRANSITIONS,
    WorkflowError,
    check_name,
    grant_exception,
    transition,
)

if TYPE_CHECKING:
    from vendorrisk.tui.app import VendorRiskApp

MOVES = ("submitted", "in_review", "approved", "approved_with_conditions", "rejected", "draft")


class ReviewScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        key("escape", "app.pop_screen", "tui.key.back", "review.back"),
        # Not ctrl+e: the text fields on this screen use it for "end of line".
        key("ctrl+g", "exception", "tui.key.exception", "review.exception"),
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
        with VerticalScroll(id="review"):
            yield Static("", id="review-summary")
            yield Label(t("tui.review.blockers"), classes="heading")
            yield Static("", id="review-blockers", markup=False)
            yield Label(t("tui.review.exceptions"), classes="heading")
            yield Static("", id="review-exceptions", markup=False)
            yield Label(t("tui.review.findings"), classes="heading")
            yield Static("", id="review-findings", markup=False)
            yield Label(t("tui.review.reviewer"), classes="heading")
            yield Input(value=self.vr_user(), id="reviewer")
            yield Label(t("tui.review.comment"), classes="heading")
            yield Input(id="comment")
            yield Label(t("tui.review.conditions"), classes="heading")
            yield TextArea(id="conditions", soft_wrap=True)
            with Horizontal(id="moves"):
                for move in MOVES:
                    yield Button(t(f"tui.review.action.{move}"), id=f"move-{move}")
        yield Footer()

    def vr_user(self) -> str:
        return self.session.user

    def on_mount(self) -> None:
        self.title = t("tui.review.title")
        self.render_result()

    def result(self) -> ScoreResult:
        return score_assessment(
            self.session.assessment, self.session.catalogue, today=self.vr.today
        )

    def render_result(self) -> None:
        result = self.result()
        review = self.session.assessment.review
        lang = language()
        summary = [
            t(
                "tui.review.summary",
                risk=t(f"risk.{result.risk_level}"),
                score=result.score,
                impact=t(f"impact.{result.impact}"),
            ),
            t(
                "tui.review.decision",
                decision=t(f"decision.{result.decision}"),
                status=t(f"tui.status.{review.status}"),
            ),
        ]
        if review.next_review:
            summary.append(t("tui.review.next-review", date=review.next_review))
        if review.conditions:
            summary.append(t("tui.review.conditions-now", conditions=" / ".join(review.conditions)))
        self.query_one("#review-summary", Static).update("\n".join(summary))
        catalogue = self.session.catalogue
        blockers = [
            f"✗ {f.requirement} §{f.section} {catalogue.by_id[f.requirement].title.get(lang)}"
            for f in result.blockers
        ]
        self.query_one("#review-blockers", Static).update(
            "\n".join(blockers) or t("tui.review.no-blockers")
        )
        exceptions = [
            t(
                "tui.review.exception-line",
                id=e.grant.requirement,
                control=e.grant.compensating_control,
                by=e.grant.approved_by,
                until=e.grant.until,
                state="" if e.active else t("tui.review.expired"),
            )
            for e in result.exceptions
        ]
        self.query_one("#review-exceptions", Static).update("\n".join(exceptions) or "-")
        lines: list[str] = []
        for section in catalogue.sections:
            found = [f for f in result.findings if f.section == section.id]
            if not found:
                continue
            lines.append(f"§{section.id} {section.title.get(lang)}")
            for f in found:
                mark = "✗" if f.blocker and not f.excepted else ("△" if f.excepted else "・")
                badge = f"{t('tui.q.severity.' + f.severity)}/{t('status.' + f.status)}"
                lines.append(f"  {mark} {f.requirement} [{badge}] {f.message}")
        self.query_one("#review-findings", Static).update("\n".join(lines) or "-")
        allowed = TRANSITIONS[review.status]
        for move in MOVES:
            self.query_one(f"#move-{move}", Button).disabled = move not in allowed

    @on(Button.Pressed, "#moves Button")
    def move(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        target = event.button.id.removeprefix("move-")
        conditions = tuple(
            line.strip()
            for line in self.query_one("#conditions", TextArea).text.splitlines()
            if line.strip()
        )
        comment = self.query_one("#comment", Input).value.strip() or None
        reviewer = self.query_one("#reviewer", Input).value
        try:
            moved, summary = transition(
                self.session.assessment,
                self.session.catalogue,
                target,
                reviewer=reviewer,
                comment=comment,
                conditions=conditions,
                today=self.vr.today,
            )
            self.session.commit(moved, summary)
        except WorkflowError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        except storage.StorageError as exc:
            self.notify(t("tui.q.save-failed", reason=describe(exc)), severity="error", timeout=10)
            return
        self.notify(t("tui.review.moved", status=t(f"tui.status.{target}")))
        self.render_result()

    def action_exception(self) -> None:
        blockers = [f.requirement for f in self.result().findings if f.blocker]
        if not blockers:
            self.notify(t("tui.exception.none"))
            return

        def recorded(grant: ExceptionGrant | None) -> None:
            if grant is None:
                return
            try:
                changed, summary = grant_exception(
                    self.session.assessment,
                    self.session.catalogue,
                    grant.requirement,
                    compensating_control=grant.compensating_control,
                    approved_by=grant.approved_by,
                    until=grant.until,
                    today=self.vr.today,
                )
                self.session.commit(changed, summary)
            except WorkflowError as exc:
                self.notify(str(exc), severity="error")
            except storage.StorageError as exc:
                self.notify(t("tui.q.save-failed", reason=describe(exc)), severity="error")
            self.render_result()

        self.app.push_screen(ExceptionModal(blockers, self.vr.today), recorded)


class ExceptionModal(ModalScreen[ExceptionGrant | None]):
    """Record an exception (例外措置): requirement, compensating control, approver, end date."""

    BINDINGS: ClassVar[list[BindingType]] = [
        key("escape", "cancel", "tui.exception.cancel", "exception.cancel")
    ]

    def __init__(self, requirements: list[str], today: dt.date) -> None:
        super().__init__()
        self.requirements = requirements
        self.today = today
        localise(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(t("tui.exception.title"), id="dialog-title")
            yield Label(t("tui.exception.requirement"))
            yield Select(
                [(r, r) for r in self.requirements],
                value=self.requirements[0],
                allow_blank=False,
                id="ex-requirement",
            )
            yield Label(t("tui.exception.control"))
            yield Input(id="ex-control")
            yield Label(t("tui.exception.approved-by"))
            yield Input(id="ex-approver")
            yield Label(t("tui.exception.until"))
            yield Input(placeholder="YYYY-MM-DD", id="ex-until")
            with Horizontal(id="dialog-buttons"):
                yield Button(t("tui.exception.save"), id="ex-save", variant="primary")
                yield Button(t("tui.exception.cancel"), id="ex-cancel")

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
