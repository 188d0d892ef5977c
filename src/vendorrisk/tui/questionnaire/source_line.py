"""Who the current answer comes from: stated by the vendor or verified by city staff."""

from __future__ import annotations

from textual.reactive import var

from vendorrisk.core.model import AnswerSource
from vendorrisk.messages import t
from vendorrisk.tui.questionnaire.settled import SettledStatic


class SourceLine(SettledStatic):
    source: var[AnswerSource | None] = var(None, init=False)

    def __init__(self) -> None:
        super().__init__("", id="q-source", classes="hint")

    def watch_source(self, source: AnswerSource | None) -> None:
        self.show(t(f"tui.q.source.{source}") if source is not None else "")
