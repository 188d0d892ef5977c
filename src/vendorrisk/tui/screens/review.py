"""The review screen: score, risk, decision, findings by section, blockers, exceptions, and
the workflow moves -- each refused with the rule's reason when the rules forbid it.

What approval still needs is shown before anyone presses a button (rules W2, W6, W7 of
docs/scoring.md); not-applicable answers on must questions or gates are listed to be
confirmed one by one; every move records the person named here and its own comment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Header,
    Input,
    Label,
    Static,
    TextArea,
)

from vendorrisk.core.approval import (
    APPROVED_STATUSES,
    approval_problems,
    approval_stands,
    plain_approval_problem,
)
from vendorrisk.core.model import ExceptionGrant
from vendorrisk.core.rule_codes import ids, problem_phrase
from vendorrisk.core.scoring import ScoreResult, score_assessment
from vendorrisk.core.validation.consistency import inconsistencies
from vendorrisk.core.workflow import (
    TRANSITIONS,
    WorkflowError,
    approval_refusals,
    grant_exception,
    transition,
)
from vendorrisk.features.session import EditSession
from vendorrisk.messages import language, say, t
from vendorrisk.messages.labels import status_label
from vendorrisk.messages.said import error_text, problem_text, save_failure
from vendorrisk.store import storage
from vendorrisk.tui.base import vendorrisk_app
from vendorrisk.tui.bindings import key, localise
from vendorrisk.tui.screens.exception_modal import ExceptionModal
from vendorrisk.tui.wrapped import WrappedText

if TYPE_CHECKING:
    from vendorrisk.tui.app import VendorRiskApp

MOVES = ("submitted", "in_review", "approved", "approved_with_conditions", "rejected", "draft")


class ReviewScreen(Screen[None]):
    DEFAULT_CSS = """
    #na-confirm { height: auto; }
    #moves-why { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        key("escape", "app.pop_screen", "tui.key.back", "review.back"),
        # Not ctrl+e: the text fields on this screen use it for "end of line".
        key("ctrl+g", "exception", "tui.key.exception", "review.exception"),
        key("f4", "register", "tui.key.register", "review.register", show=False),
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
            yield Label(t("tui.review.consistency"), classes="heading", id="consistency-heading")
            yield WrappedText(id="review-consistency")
            yield Label(t("tui.review.blockers"), classes="heading")
            yield Static("", id="review-blockers", markup=False)
            yield Label(t("tui.review.exceptions"), classes="heading")
            yield Static("", id="review-exceptions", markup=False)
            yield Label(t("tui.review.findings"), classes="heading")
            yield Static("", id="review-findings", markup=False)
            yield Label(t("tui.review.na-heading"), classes="heading", id="na-heading")
            yield Vertical(id="na-confirm")
            yield Label(t("tui.review.person"), classes="heading")
            yield Input(value=self.vr_user(), id="reviewer")
            yield Label(t("tui.review.comment-own"), classes="heading")
            yield Input(id="comment")
            yield Label(t("tui.review.conditions"), classes="heading")
            yield TextArea(id="conditions", soft_wrap=True)
            yield Static("", id="moves-why", markup=False)
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
        standing = approval_problems(self.session.assessment, self.session.catalogue, self.vr.today)
        if not approval_stands(standing):
            reasons = "; ".join(say(problem_phrase(p)) for p in standing if p.blocking)
            summary.append(t("tui.review.invalid", reasons=reasons))
        self.query_one("#review-summary", Static).update("\n".join(summary))
        catalogue = self.session.catalogue
        self.show_inconsistencies()
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
                lines.append(f"  {mark} {f.requirement} [{badge}] {say(f.message)}")
        self.query_one("#review-findings", Static).update("\n".join(lines) or "-")
        self.show_na_to_confirm(result)
        self.show_moves(result)

    def show_inconsistencies(self) -> None:
        """Answers that state the same fact two ways (validate's warnings): the reviewer
        must see them before deciding, since only a person can tell which one is wrong."""
        warnings = inconsistencies(self.session.assessment, self.session.catalogue)
        self.query_one("#consistency-heading", Label).display = bool(warnings)
        shown = self.query_one("#review-consistency", WrappedText)
        shown.display = bool(warnings)
        shown.update("\n".join(f"⚠ {problem_text(w)}" for w in warnings))

    def show_na_to_confirm(self, result: ScoreResult) -> None:
        """One checkbox per not-applicable must or gate answer (rule W7)."""
        box = self.query_one("#na-confirm", Vertical)
        self.query_one("#na-heading", Label).display = bool(result.na_to_confirm)
        shown = tuple(c.id for c in box.query(Checkbox))
        wanted = tuple(f"na-{rid}" for rid in result.na_to_confirm)
        if shown == wanted:
            return
        box.remove_children()
        confirmed = self.session.assessment.review.confirmed_na
        lang = language()
        for rid in result.na_to_confirm:
            answer = self.session.assessment.answers[rid]
            label = t(
                "tui.review.na-item",
                id=rid,
                title=self.session.catalogue.by_id[rid].title.get(lang),
                reason=answer.reason or "-",
            )
            box.mount(Checkbox(Text(label), rid in confirmed, id=f"na-{rid}"))

    def confirmed_na(self) -> tuple[str, ...]:
        return tuple(
            str(c.id).removeprefix("na-")
            for c in self.query("#na-confirm Checkbox").results(Checkbox)
            if c.value
        )

    def show_moves(self, result: ScoreResult | None = None) -> None:
        """Enable the moves the rules allow now, and say in words why the others are not."""
        result = result or self.result()
        assessment = self.session.assessment
        status = assessment.review.status
        allowed = TRANSITIONS[status]
        possible = [t(f"tui.review.action.{m}") for m in MOVES if m in allowed]
        lines = [
            t(
                "tui.review.moves-from",
                status=t(f"tui.status.{status}"),
                moves=", ".join(possible) or "-",
            )
        ]
        refusals: list[str] = []
        if allowed & set(APPROVED_STATUSES):
            refusals = [
                say(reason)
                for reason in approval_refusals(
                    assessment,
                    self.session.catalogue,
                    result,
                    approver=self.query_one("#reviewer", Input).value,
                    confirm_na=self.confirmed_na(),
                )
            ]
            lines.append(
                t("tui.review.approval-needs", reasons="; ".join(refusals))
                if refusals
                else t("tui.review.approval-ready")
            )
        # Rule C1: findings that need conditions rule out a plain approval only.
        plain = plain_approval_problem(result) if "approved" in allowed else None
        if plain is not None and not refusals:
            lines.append(t("approval.plain-refused", ids=say(ids(plain.ids))))
        self.query_one("#moves-why", Static).update("\n".join(lines))
        for move in MOVES:
            refused = move in APPROVED_STATUSES and bool(refusals)
            refused = refused or (move == "approved" and plain is not None)
            self.query_one(f"#move-{move}", Button).disabled = move not in allowed or refused

    @on(Input.Changed, "#reviewer")
    @on(Checkbox.Changed)
    def inputs_changed(self) -> None:
        # Separation of duties depends on the name, approval on the confirmations.
        self.show_moves()

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
                confirm_na=self.confirmed_na() if target in APPROVED_STATUSES else (),
                today=self.vr.today,
            )
            self.session.commit(moved, summary, by=reviewer.strip())
        except WorkflowError as exc:
            self.notify(error_text(exc), severity="error", timeout=10)
            return
        except storage.StorageError as exc:
            self.notify(
                t("tui.q.save-failed", reason=save_failure(exc)), severity="error", timeout=10
            )
            return
        # A comment (and conditions) belong to the move they were written for: the next move
        # starts empty rather than repeating them in the history.
        self.query_one("#comment", Input).value = ""
        self.query_one("#conditions", TextArea).text = ""
        self.notify(t("tui.review.moved", status=status_label(target)))
        self.render_result()

    def action_register(self) -> None:
        from vendorrisk.tui.screens.register import RegisterScreen

        # The register may reopen an approval (rule W8): the result is shown again after it.
        self.app.push_screen(RegisterScreen(self.session), lambda _: self.render_result())

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
                person = self.query_one("#reviewer", Input).value.strip()
                self.session.commit(changed, summary, by=person or grant.approved_by)
            except WorkflowError as exc:
                self.notify(error_text(exc), severity="error")
            except storage.StorageError as exc:
                self.notify(t("tui.q.save-failed", reason=save_failure(exc)), severity="error")
            self.render_result()

        self.app.push_screen(ExceptionModal(blockers, self.vr.today), recorded)
