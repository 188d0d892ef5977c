"""The line under the questionnaire: progress, where the current question is, whether the
answers are saved, and the questions whose "not applicable" still waits for a reason."""

from __future__ import annotations

from dataclasses import dataclass

from textual.reactive import var

from vendorrisk.messages import t
from vendorrisk.tui.questionnaire.settled import SettledStatic


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int
    position: tuple[int, int] | None  # (1-based index, count) of the current question
    unsaved: bool
    pending_na: tuple[str, ...]  # sorted ids


class StatusLine(SettledStatic):
    progress: var[Progress | None] = var(None, init=False)

    def __init__(self) -> None:
        super().__init__("", id="q-status")

    def watch_progress(self, progress: Progress | None) -> None:
        if progress is None:
            return
        state = t("tui.q.unsaved") if progress.unsaved else t("tui.q.autosaved")
        position = ""
        if progress.position is not None:
            index, count = progress.position
            position = t("tui.q.position", index=index, count=count)
        status = (
            f"{t('tui.q.progress', answered=progress.answered, total=progress.total)}"
            f"  {position}  {state}"
        )
        if progress.pending_na:
            status += "  " + t("tui.q.na-pending", ids=", ".join(progress.pending_na))
        self.show(status)
