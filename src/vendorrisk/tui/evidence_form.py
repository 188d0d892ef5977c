"""The evidence of one answer: what is recorded, and a form to add more -- with the
evidence already given in this assessment a key away (up / down in the reference field)."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from vendorrisk.core.dates import parse_date
from vendorrisk.core.model import Evidence
from vendorrisk.messages import t

EVIDENCE_KINDS = (
    "contract_clause",
    "certificate",
    "registration",
    "report",
    "document",
    "screenshot",
    "attestation",
    "url_check",
)


def earlier_evidence(items: list[Evidence]) -> list[Evidence]:
    """Distinct evidence (kind and reference), the most recently listed first."""
    seen: set[tuple[str, str]] = set()
    out: list[Evidence] = []
    for item in reversed(items):
        if (item.kind, item.ref) not in seen:
            seen.add((item.kind, item.ref))
            out.append(item)
    return out


class EvidenceRefInput(Input):
    """The reference field. Up and down bring back evidence given earlier in this
    assessment, as a shell brings back earlier commands."""

    BINDINGS = [
        Binding("up", "recall(1)", show=False),
        Binding("down", "recall(-1)", show=False),
    ]

    class Recalled(Message):
        def __init__(self, evidence: Evidence | None) -> None:
            super().__init__()
            self.evidence = evidence

    def __init__(self) -> None:
        super().__init__(placeholder=t("tui.q.evidence-ref"), id="evidence-ref")
        self.earlier: list[Evidence] = []
        self.recalled = -1

    def offer(self, earlier: list[Evidence]) -> None:
        self.earlier = earlier
        self.recalled = -1
        self.suggester = SuggestFromList([e.ref for e in earlier], case_sensitive=False)

    def action_recall(self, step: int) -> None:
        if not self.earlier:
            return
        self.recalled = max(-1, min(len(self.earlier) - 1, self.recalled + step))
        item = self.earlier[self.recalled] if self.recalled >= 0 else None
        self.value = item.ref if item else ""
        self.cursor_position = len(self.value)
        self.post_message(self.Recalled(item))


class EvidenceForm(Vertical):
    """Shows one answer's evidence; posts ``Added`` and ``RemoveLast`` for the screen."""

    DEFAULT_CSS = "EvidenceForm { height: auto; }"

    class Added(Message):
        def __init__(self, evidence: Evidence, *, by_enter: bool) -> None:
            super().__init__()
            self.evidence = evidence
            self.by_enter = by_enter

    class RemoveLast(Message):
        pass

    def __init__(self, today: dt.date) -> None:
        super().__init__(id="evidence")
        self.today = today

    def compose(self) -> ComposeResult:
        yield Label(t("tui.q.evidence"), classes="heading")
        yield Static("", id="evidence-list", markup=False)
        with Horizontal(classes="evidence-form"):
            yield Select(
                [(t(f"tui.evidence.{k}"), k) for k in EVIDENCE_KINDS],
                value="document",
                allow_blank=False,
                id="evidence-kind",
            )
            yield EvidenceRefInput()
        with Horizontal(classes="evidence-form"):
            yield Input(placeholder=t("tui.q.evidence-expires"), id="evidence-expires")
            yield Static("", id="evidence-expires-parsed", classes="hint")
            yield Button(t("tui.q.evidence-add"), id="evidence-add")
            yield Button(t("tui.q.evidence-remove"), id="evidence-remove")
        yield Static(t("tui.q.evidence-recall"), id="evidence-recall", classes="hint")

    def show(self, items: tuple[Evidence, ...], *, needed: bool, earlier: list[Evidence]) -> None:
        lines = []
        for ev in items:
            expires = f" ({ev.expires})" if ev.expires else ""
            lines.append(f"・{t('tui.evidence.' + ev.kind)}: {ev.ref}{expires}")
        if not lines and needed:
            lines.append(t("tui.q.evidence-needed"))
        listing = self.query_one("#evidence-list", Static)
        if str(listing.content) != "\n".join(lines):
            listing.update("\n".join(lines))  # only when it changed: an update redraws
        self.query_one(EvidenceRefInput).offer(earlier)
        recall = self.query_one("#evidence-recall", Static)
        if recall.display != bool(earlier):
            recall.display = bool(earlier)

    def focus_ref(self) -> None:
        self.query_one(EvidenceRefInput).focus()

    @on(EvidenceRefInput.Recalled)
    def recalled(self, event: EvidenceRefInput.Recalled) -> None:
        item = event.evidence
        if item is not None:
            self.query_one("#evidence-kind", Select).value = item.kind
        expires = self.query_one("#evidence-expires", Input)
        expires.value = item.expires.isoformat() if item and item.expires else ""

    @on(Input.Changed, "#evidence-expires")
    def expires_typed(self, event: Input.Changed) -> None:
        shown = self.query_one("#evidence-expires-parsed", Static)
        text = event.value.strip()
        parsed = parse_date(text) if text else None
        shown.update(
            "" if not text else (f"→ {parsed.isoformat()}" if parsed else t("tui.q.date-bad"))
        )

    @on(Button.Pressed, "#evidence-add")
    def add_pressed(self) -> None:
        self.add(by_enter=False)

    @on(Input.Submitted, "#evidence-ref")
    def ref_submitted(self) -> None:
        self.add(by_enter=True)

    @on(Button.Pressed, "#evidence-remove")
    def remove_pressed(self) -> None:
        self.post_message(self.RemoveLast())

    def add(self, *, by_enter: bool) -> None:
        ref_input = self.query_one(EvidenceRefInput)
        ref = ref_input.value.strip()
        expires_input = self.query_one("#evidence-expires", Input)
        expires_text = expires_input.value.strip()
        if not ref:
            return
        expires = parse_date(expires_text) if expires_text else None
        if expires_text and expires is None:
            self.notify(t("tui.q.invalid", value=expires_text), severity="error")
            return
        kind = str(self.query_one("#evidence-kind", Select).value)
        item = Evidence(kind=kind, ref=ref, collected=self.today, expires=expires)
        ref_input.value = ""
        expires_input.value = ""
        self.post_message(self.Added(item, by_enter=by_enter))
