"""The application: screens, global keys, command palette, language and theme."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from vendorrisk.core import localtime
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.messages import language, set_language, t
from vendorrisk.messages.said import error_text
from vendorrisk.store.files import read_limited
from vendorrisk.tui.bindings import help_rows, key, localise
from vendorrisk.tui.screens.list_screen import AssessmentListScreen

if TYPE_CHECKING:
    from vendorrisk.features.session import EditSession

# Storage, sessions and the other screens are imported where first used: the list is all a
# start needs, and start-up time is what people notice first.

DARK, LIGHT = "textual-dark", "textual-light"


def shown(widget: Widget) -> bool:
    """Whether the widget and every container around it are displayed."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


def open_assessment_commands() -> type[Any]:
    # The palette module costs a tenth of the start-up; load it when the palette opens.
    from vendorrisk.tui.commands import OpenAssessmentCommands

    return OpenAssessmentCommands


def keep_start_up_objects() -> None:
    """Let the garbage collector skip, from now on, everything the start made so far.

    The modules, classes and catalogue loaded at start live as long as the process, yet
    each full collection walks all of them again: at start, while the list and the first
    frames are built, that was several collections of ~15 ms each. Once per process (a test
    run makes many apps; a later app would keep its predecessors' garbage for good). Not
    skipped when something else froze before: the command line freezes its own start, and
    Textual and the catalogue are loaded after that.
    """
    global _start_up_kept
    if not _start_up_kept:
        _start_up_kept = True
        gc.freeze()


_start_up_kept = False


def default_keymap_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "vendorrisk" / "keymap.toml"


class VendorRiskApp(App[None]):
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {open_assessment_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        key("f1", "help", "tui.key.help", "app.help"),
        key("f2", "switch_language", "tui.key.language", "app.language", show=False),
        key("f3", "toggle_theme", "tui.key.theme", "app.theme", show=False),
        # Not in the footer: at 80 columns it pushed out f1, which lists it (and the palette).
        key("ctrl+q", "request_quit", "tui.key.quit", "app.quit", priority=True, show=False),
        key("ctrl+c", "request_quit", "tui.key.quit", "app.interrupt", priority=True, show=False),
    ]

    def __init__(
        self,
        directory: Path,
        catalogue: Catalogue,
        *,
        today: dt.date | None = None,
        user: str | None = None,
        keymap: dict[str, str] | None = None,
        checker_options: dict[str, Any] | None = None,
    ) -> None:
        # Before this app's own objects: only what outlives it (modules, the catalogue).
        keep_start_up_objects()
        super().__init__()
        self.directory = directory
        self.catalogue = catalogue
        self.today = today or localtime.today()
        self.user = user or localtime.current_user()
        self.active_session: EditSession | None = None
        # Options for the URL checker (tests pass a CA bundle and allow loopback).
        self.checker_options = checker_options or {}
        self.title = t("tui.title")
        self.sub_title = directory.name
        self.theme = DARK
        localise(self)
        if keymap:
            self.set_keymap(keymap)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            focused = self.focused
            if focused is not None and not shown(focused):
                # No key reaches a hidden widget: a step or field that was switched away
                # gives its focus to the first field that can be seen.
                self.screen.set_focus(None)
                self.screen.focus_next()
        await super().on_event(event)

    def get_css_variables(self) -> dict[str, str]:
        from vendorrisk.tui.palette import css_variables

        return {**super().get_css_variables(), **css_variables(self.theme)}

    def get_default_screen(self) -> Screen[Any]:
        # The list is the base of the screen stack: one screen fewer to build at start-up.
        return AssessmentListScreen()

    def display_path(self, path: Path) -> str:
        """A file as the user knows it: under the assessments folder's own name."""
        try:
            return str(Path(self.directory.name) / path.relative_to(self.directory))
        except ValueError:
            return str(path)

    # --- screens ------------------------------------------------------------------------

    def open_assessment(self, path: Path) -> None:
        from vendorrisk.features.session import EditSession
        from vendorrisk.messages.said import save_failure
        from vendorrisk.store import storage
        from vendorrisk.tui.screens.error_screen import FileErrorScreen
        from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen

        current = self.active_session
        if current is not None:
            if current.path == path:
                return  # already open
            # One assessment at a time: the one open is saved and closed first, or the new
            # one is not opened (quitting must know which answers are unsaved).
            try:
                current.save()
            except storage.StorageError as exc:
                self.notify(t("tui.q.save-failed", reason=save_failure(exc)), severity="error")
                return
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self.active_session = None
        try:
            session = EditSession.open(path, self.catalogue, user=self.user)
        except storage.StorageError as exc:
            self.push_screen(FileErrorScreen(path, exc.problems or ()))
            if not exc.problems:
                self.notify(error_text(exc), severity="error")
            return
        self.active_session = session
        self.push_screen(QuestionnaireScreen(session))

    def session_closed(self) -> None:
        self.active_session = None

    def action_new_assessment(self) -> None:
        from vendorrisk.tui.screens.wizard import NewAssessmentScreen

        def created(path: Path | None) -> None:
            if path is not None:
                self.open_assessment(path)

        self.push_screen(NewAssessmentScreen(), created)

    def action_validate_all(self) -> None:
        from vendorrisk.features.validate_batch import validate_paths

        reports = validate_paths([self.directory], self.catalogue, jobs=1)
        invalid = sum(1 for r in reports if not r.valid)
        self.notify(
            t("tui.list.validated", files=len(reports), invalid=invalid),
            severity="error" if invalid else "information",
        )

    def action_help(self) -> None:
        from vendorrisk.tui.screens.help import HelpScreen

        # Keys every screen understands without a binding of ours: enter (open, choose,
        # confirm) and the command palette.
        common = [("enter", t("tui.help.enter")), ("ctrl+p", t("tui.help.palette"))]
        rows = help_rows(self.screen) + help_rows(self) + common
        self.push_screen(HelpScreen(rows))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    async def action_switch_language(self) -> None:
        """Every open screen relabels itself in place: the question, the typed values and
        the screen stack stay as they are."""
        from vendorrisk.tui.screens.help import HelpScreen

        set_language("en" if language() == "ja" else "ja")
        localise(self)
        self.title = t("tui.title")
        for screen in list(self.screen_stack):
            localise(screen)
            relabel = getattr(screen, "relabel", None)
            if relabel is not None:
                await relabel()
            elif not isinstance(screen, (HelpScreen, ModalScreen)):
                # A screen without its own relabel (the review screen) is built again
                # from its state, which lives in the session.
                await screen.recompose()
                mounted = getattr(screen, "on_mount", None)
                if mounted is not None:
                    mounted()
            # A footer built again shows nothing until told the bindings changed.
            screen.refresh_bindings()
        if isinstance(self.screen, HelpScreen):
            # The help lists the keys of the screen below it: open it again.
            await self.pop_screen()
            self.action_help()

    async def action_quit(self) -> None:
        # The palette's "Quit" too must not drop unsaved answers.
        self.action_request_quit()

    def action_request_quit(self) -> None:
        from vendorrisk.store import storage
        from vendorrisk.tui.screens.modals import ChoiceModal

        session = self.active_session
        if session is None or not session.dirty:
            self.exit()
            return
        try:
            session.save()
        except storage.StorageError:
            pass
        else:
            self.exit()
            return

        def answered(choice: str | None) -> None:
            if choice == "quit":
                self.exit()

        self.push_screen(
            ChoiceModal(
                lambda: t("tui.quit.title"),
                lambda: t("tui.quit.body"),
                [("quit", lambda: t("tui.quit.yes")), ("stay", lambda: t("tui.quit.no"))],
                cancel="stay",
            ),
            answered,
        )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's own commands are English only and partly for developers (screenshots,
        # widget help): the palette offers this app's commands, in the UI's language.
        yield SystemCommand(t("tui.cmd.new"), t("tui.cmd.new-help"), self.action_new_assessment)
        yield SystemCommand(
            t("tui.cmd.validate"), t("tui.cmd.validate-help"), self.action_validate_all
        )
        yield SystemCommand(
            t("tui.cmd.language"), t("tui.cmd.language-help"), self.action_switch_language
        )
        yield SystemCommand(t("tui.cmd.theme"), t("tui.cmd.theme-help"), self.action_toggle_theme)
        yield SystemCommand(t("tui.cmd.help"), t("tui.cmd.help-help"), self.action_help)
        if self.active_session is not None:
            yield SystemCommand(t("tui.cmd.checks"), t("tui.cmd.checks-help"), self.open_checks)
        yield SystemCommand(t("tui.cmd.quit"), t("tui.cmd.quit-help"), self.action_request_quit)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                CommandPalette(placeholder=t("tui.cmd.placeholder"), id="--command-palette")
            )

    def open_checks(self) -> None:
        from vendorrisk.tui.screens.checks import ChecksScreen

        if self.active_session is not None:
            self.push_screen(ChecksScreen(self.active_session))


# A keymap is a few dozen short lines.
MAX_KEYMAP_BYTES = 64 * 1024


def load_keymap(path: Path | None) -> dict[str, str]:
    """Binding id → keys, from a TOML file of plain ``"id" = "keys"`` lines."""
    target = path or default_keymap_path()
    if not target.is_file():
        return {}
    # Imported here: most clerks have no keymap file, and the parser costs the start ~10 ms.
    import tomllib

    data = tomllib.loads(read_limited(target, MAX_KEYMAP_BYTES).decode("utf-8"))
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}
