"""The question itself: its id, severity and section, its words, and when it applies."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.reactive import var

from vendorrisk.core.catalog.model import Catalogue, Requirement
from vendorrisk.messages import language, t
from vendorrisk.render.condition_words import condition_sentence
from vendorrisk.tui.questionnaire.settled import SettledColumn, SettledStatic


class QuestionView(SettledColumn):
    requirement: var[Requirement | None] = var(None, init=False)

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue

    def compose(self) -> ComposeResult:
        self.meta = SettledStatic("", id="q-meta")
        self.words = SettledStatic("", id="q-text", markup=False)
        self.condition = SettledStatic("", id="q-condition", classes="hint", markup=False)
        yield from (self.meta, self.words, self.condition)

    def watch_requirement(self, requirement: Requirement | None) -> None:
        if requirement is None:
            return
        lang = language()
        section = self.catalogue.section(requirement.section)
        badges = [t(f"tui.q.severity.{requirement.severity}")]
        if requirement.gate:
            badges.append(t("tui.q.gate"))
        meta = Text.assemble(
            (requirement.id, "bold"),
            "  ",
            (f" {' / '.join(badges)} ", "reverse"),
            "  ",
            t(
                "tui.q.section",
                section=requirement.section,
                title=section.title.get(lang) if section else "",
            ),
        )
        when = (
            t(
                "tui.q.condition",
                condition=condition_sentence(requirement.condition_text, self.catalogue),
            )
            if requirement.condition_text
            else ""
        )
        self.meta.show(meta)
        self.words.show(f"{requirement.title.get(lang)}\n{requirement.question.get(lang)}")
        self.condition.show(when)
