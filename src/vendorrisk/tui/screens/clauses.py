"""The clause preview for the open assessment: the contract (or agreement) articles, the
特記事項 and the selection criteria that its answers call for, as `vendorrisk clauses`
writes them. Read-only; the parties' names switch between 市・受託者 and 甲・乙."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from vendorrisk.features.session import EditSession
from vendorrisk.messages import language, t
from vendorrisk.render.documents import (
    PARTIES,
    ClauseDocument,
    Parties,
    clause_document,
    render_text,
)
from vendorrisk.tui.base import vendorrisk_app
from vendorrisk.tui.bindings import key, localise


class ClausesScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        key("escape", "app.pop_screen", "tui.key.back", "clauses.back"),
        key("p", "parties", "tui.key.parties", "clauses.parties"),
    ]

    def __init__(self, session: EditSession) -> None:
        super().__init__()
        self.session = session
        self.parties: Parties = "city"
        localise(self)

    def document(self) -> ClauseDocument:
        return clause_document(
            vendorrisk_app(self).catalogue,
            lang=language(),
            parties=self.parties,
            assessment=self.session.assessment,
        )

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="clauses-status", classes="hint", markup=False)
        with VerticalScroll(id="clauses-body"):
            yield Static("", id="clauses-text", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.clauses.title", vendor=self.session.assessment.vendor.name)
        self.show()
        self.query_one("#clauses-body", VerticalScroll).focus()

    def show(self) -> None:
        document = self.document()
        self.query_one("#clauses-text", Static).update(render_text(document))
        count = t("tui.clauses.count", count=document.article_count())
        self.query_one("#clauses-status", Static).update(f"{count}  {t('tui.clauses.parties')}")

    def action_parties(self) -> None:
        self.parties = PARTIES[(PARTIES.index(self.parties) + 1) % len(PARTIES)]
        self.show()

    async def relabel(self) -> None:
        """After a language switch: the same document in the other language."""
        await self.recompose()
        self.on_mount()
