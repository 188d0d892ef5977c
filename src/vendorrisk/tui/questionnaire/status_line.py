"""The line under the questionnaire: progress, where the current question is, whether the
answers are saved, and the questions whose "not applicable" still waits for a reason."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.reactive import var

from vendorrisk.features.session import SectionProgress
from vendorrisk.messages import t
from vendorrisk.tui.questionnaire.settled import SettledStatic


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int
    position: tuple[int, int] | None  # (1-based index, count) of the current question
    unsaved: bool
    pending_na: tuple[str, ...]  # sorted ids

    @classmethod
    def of(
        cls,
        sections: Sequence[SectionProgress],
        current: str | None,
        unsaved: bool,
        pending_na: Iterable[str],
    ) -> Progress:
        ids = [r.id for p in sections for r in p.requirements]
        return cls(
            answered=sum(p.answered for p in sections),
            total=sum(p.total for p in sections),
            position=(ids.index(current) + 1, len(ids)) if current in ids else None,
            unsaved=unsaved,
            pending_na=tuple(sorted(pending_na)),
        )


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
