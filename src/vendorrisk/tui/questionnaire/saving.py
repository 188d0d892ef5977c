"""Saving the questionnaire's answers, and what happens when the file changed on disk
since it was opened: the clerk chooses to reload it, to keep the answers in a copy under
a new name, or to go on editing (nothing is ever written over the other change)."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from vendorrisk.core import localtime
from vendorrisk.features.session import EditSession
from vendorrisk.messages import t
from vendorrisk.messages.said import save_failure
from vendorrisk.store import storage
from vendorrisk.tui.screens.modals import ChoiceModal


class AnswerSaver:
    """Saves ``session`` for ``screen``. ``progress_moved`` is called when what the status
    line shows may have changed (saved, or not); ``reloaded`` after the file on disk
    replaced the answers shown."""

    def __init__(
        self,
        screen: Screen[None],
        session: EditSession,
        *,
        user: str,
        progress_moved: Callable[[], None],
        reloaded: Callable[[], None],
    ) -> None:
        self.screen = screen
        self.session = session
        self.user = user
        self.progress_moved = progress_moved
        self.reloaded = reloaded

    def save(self) -> bool:
        """Save now; False if the answers could only be kept in memory."""
        try:
            saved = self.session.save()
        except storage.ChangedOnDisk:
            self.resolve_conflict()
            return False
        except storage.StorageError as exc:
            self.screen.notify(
                t("tui.q.save-failed", reason=save_failure(exc)), severity="error", timeout=8
            )
            self.progress_moved()
            return False
        if saved:
            self.progress_moved()
        return True

    def resolve_conflict(self) -> None:
        self.screen.app.push_screen(
            # Words as functions, so F2 on the open dialog relabels it.
            ChoiceModal(
                lambda: t("tui.conflict.title"),
                lambda: t("tui.conflict.body", path=self.session.path),
                [
                    ("reload", lambda: t("tui.conflict.reload")),
                    ("save-as", lambda: t("tui.conflict.save-as")),
                    ("keep", lambda: t("tui.conflict.keep")),
                ],
                cancel="keep",
            ),
            self._chosen,
        )

    def _chosen(self, choice: str | None) -> None:
        if choice == "reload":
            self._reload()
        elif choice == "save-as":
            self._save_copy()

    def _reload(self) -> None:
        try:
            self.session.reload()
        except storage.StorageError as exc:
            # The file on disk cannot be used (a conflict, a deletion): keep what is on
            # screen, unsaved, rather than lose it.
            self.screen.notify(
                t("tui.conflict.cannot-reload", reason=save_failure(exc)), severity="error"
            )
            return
        self.reloaded()

    def _save_copy(self) -> None:
        stamp = localtime.now().strftime("%Y%m%d-%H%M%S")
        path = self.session.path
        target = path.with_name(f"{path.stem}-{self.user}-{stamp}.toml")
        try:
            self.session.save_as(target)
        except storage.StorageError as exc:
            self.screen.notify(t("tui.q.save-failed", reason=save_failure(exc)), severity="error")
            return
        self.screen.notify(t("tui.conflict.saved-as", path=target))
        self.progress_moved()
