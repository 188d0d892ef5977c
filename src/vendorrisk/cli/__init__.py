"""The command line: parses arguments, calls the core, turns results into exit codes.

Each command lives in its own module exposing ``register(subparsers)``; the module sets
``func`` on its parser, a callable taking the parsed namespace and returning an exit code.
Only the chosen command's module is imported: the others appear in ``--help`` through the
light table below, so ``vendorrisk check`` does not load the storage, the reports or the
catalogue it never uses. Holds no business rules.
"""

from __future__ import annotations

import gc

# A start makes only objects that live as long as the process (modules, classes, the
# parser, the message tables), yet the collector would walk them all, again and again,
# while they are made: before a URL check's first connection, 55 collections taking 7 ms
# (20 and 3 ms now, all in what the command imports as it runs). It is off from here to
# the end of this module, and again in main() until the command runs; each span puts it
# back as it found it, so a test or a program that imports this module keeps its collector.
# (An import failing in between leaves it off: the command cannot run anyway.)
_COLLECTING_BEFORE_IMPORT = gc.isenabled()
gc.disable()

import argparse  # noqa: E402
import importlib  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from typing import Any  # noqa: E402

from vendorrisk import __version__  # noqa: E402
from vendorrisk.cli.errors import CommandError  # noqa: E402
from vendorrisk.core.exitcodes import ExitCode  # noqa: E402
from vendorrisk.messages import LANGS, set_language, t  # noqa: E402
from vendorrisk.messages.said import error_text, os_reason  # noqa: E402

# (command, module in vendorrisk.cli registering it, key of its one-line help), in the order
# of ``vendorrisk --help``. A module registering two commands is named on both rows.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("tui", "tui_command", "tui.help"),
    ("init", "init_command", "init.help"),
    ("validate", "validate_command", "validate.help"),
    ("fmt", "fmt_command", "fmt.help"),
    ("new", "new_command", "new.help"),
    ("catalog", "catalog_command", "catalog.help"),
    ("score", "score_command", "score.help"),
    ("review", "review_command", "review.help"),
    ("due", "due_command", "due.help"),
    ("report", "report_command", "report.help"),
    ("export", "export_command", "export.help"),
    ("summary", "summary_command", "summary.help"),
    ("check", "check_commands", "urlcheck.cli.check_help"),
    ("securitytxt", "check_commands", "urlcheck.cli.sectxt_help"),
    ("import-checks", "import_checks_command", "import-checks.help"),
    ("diff", "diff_command", "diff.help"),
    ("textconv", "git_commands", "textconv.help"),
    ("git-setup", "git_commands", "gitsetup.help"),
    ("outdated", "evolution_commands", "outdated.help"),
    ("migrate", "evolution_commands", "migrate.help"),
    ("questionnaire", "questionnaire_command", "questionnaire.help"),
    ("import-answers", "questionnaire_command", "import.help"),
    ("subcontractors", "subcontractors_command", "register.help"),
    ("round", "round_command", "round.help"),
    ("clauses", "clauses_command", "clauses.help"),
)
_MODULE_OF = {name: module for name, module, _help in COMMANDS}


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own layout, asking the terminal for its width only when help is written.

    argparse makes a formatter on every ``add_argument`` (to check the metavar), and the base
    class asks the terminal's width right there, importing shutil (with bz2 and lzma): some
    2 ms of every start, for help that is rarely printed. The base's sums, made on first use.
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        self._asked_width = width
        self._asked_help_position = max_help_position
        # Any width: the base only stores what it derives from it, and that is redone below.
        super().__init__(prog, indent_increment, max_help_position, width=0)

    @property
    def _width(self) -> int:
        if self._asked_width is None:
            import shutil

            self._asked_width = shutil.get_terminal_size().columns - 2
        return self._asked_width

    @_width.setter
    def _width(self, value: int) -> None:
        pass  # the base's figure from the placeholder width

    @property
    def _max_help_position(self) -> int:
        return min(self._asked_help_position, max(self._width - 20, self._indent_increment * 2))

    @_max_help_position.setter
    def _max_help_position(self, value: int) -> None:
        pass  # as for _width


class _ArgumentParser(argparse.ArgumentParser):
    """argparse exits with 2 on usage errors, which is our USAGE code; keep messages short."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Every parser, the commands' too (add_parser makes them with this class).
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: {t('cli.usage_error')}: {message}\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with ``command``'s own options; ``None`` registers every command fully."""
    parser = _ArgumentParser(prog="vendorrisk", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"vendorrisk {__version__}")
    parser.add_argument("--lang", choices=LANGS, help=t("cli.opt_lang"))
    subparsers = parser.add_subparsers(dest="command", parser_class=_ArgumentParser)
    chosen = None if command is None else _MODULE_OF.get(command, "")
    for name, module_name, help_key in COMMANDS:
        if name in subparsers.choices:
            continue  # registered with its module's other command
        if chosen is None or module_name == chosen:
            importlib.import_module(f"vendorrisk.cli.{module_name}").register(subparsers)
        else:
            # A stand-in that lists the command in --help; should argparse pick it after
            # all (an abbreviated option hid the command from _chosen_command), main()
            # builds the parser again with the real one.
            stand_in = subparsers.add_parser(name, help=t(help_key), add_help=False)
            stand_in.set_defaults(stand_in_for=name)
    return parser


def _chosen_command(argv: Sequence[str]) -> str:
    """The command word of ``argv`` (the first argument that is not a global option), or ""."""
    skip_value = False
    for arg in argv:
        if skip_value:
            skip_value = False
        elif arg == "--":
            return ""
        elif arg.startswith("-"):
            # --lang takes a value; argparse also accepts it abbreviated (--la ja).
            skip_value = "=" not in arg and len(arg) > 2 and "--lang".startswith(arg)
        else:
            return arg
    return ""


def _peek_language(argv: Sequence[str]) -> None:
    # The language must be known before the parser's help texts are built.
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value == "ja":
            set_language("ja")
        elif value == "en":
            set_language("en")


def _tolerant_output() -> None:
    # A Japanese Windows console or a redirect may not be UTF-8: replace what it cannot
    # show rather than stop with an encoding error.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command on ``argv`` (``sys.argv[1:]`` if None) and returns its exit code."""
    return _main(argv, keep_start=False)


def run() -> None:
    """The process's entry point (the ``vendorrisk`` script, ``python -m vendorrisk``)."""
    code = _main(None, keep_start=True)
    if _ending.without_teardown:
        _exit_without_teardown(code)
    sys.exit(code)


class _Ending:
    # Set by _parse for a command whose parser says ``exit_without_teardown=True``.
    without_teardown = False


_ending = _Ending()


def _exit_without_teardown(code: int) -> None:
    """End the process once its output is out, without the interpreter's teardown.

    Only for commands that opt in (``check``, ``securitytxt``): everything they write is
    flushed here, they leave no thread, child or temporary file, and their sockets are
    closed by the system. What is skipped is Python freeing every object one by one: after
    a batch of 2,000 URLs, ~18 ms, as long as the command's own start.
    """
    for stream in (sys.stdout, sys.stderr):
        # _run_command closes stderr when the reader went away: flushing it would raise.
        if stream is None or stream.closed:
            continue
        try:
            stream.flush()
        except BrokenPipeError:
            pass  # the reader went away (``| head``): as _run_command, not our failure
        except OSError:
            sys.exit(code)  # let the normal ending report what it can
    os._exit(code)


def _main(argv: Sequence[str] | None, *, keep_start: bool) -> int:
    # The collector is off while the parser and the command's module are made (see the
    # top of this module) and back as it was once the command runs. ``keep_start`` (the
    # process's own command) first freezes what the start made, so that later collections
    # skip it; an in-process caller (the tests, hundreds of commands in one process) is
    # spared that, as it would keep each earlier command's garbage for good.
    collecting = gc.isenabled()
    gc.disable()
    try:
        parsed = _parse(argv)
        if collecting:
            if keep_start:
                gc.freeze()
            gc.enable()
        return parsed if isinstance(parsed, int) else _run_command(*parsed)
    finally:
        if collecting:
            gc.enable()


def _parse(
    argv: Sequence[str] | None,
) -> int | tuple[argparse.Namespace, Callable[[argparse.Namespace], int]]:
    """The parsed arguments and the command to run, or the exit code of a usage error."""
    _tolerant_output()
    args_list = list(sys.argv[1:] if argv is None else argv)
    _peek_language(args_list)
    if not args_list or args_list in (
        ["--lang", "ja"],
        ["--lang", "en"],
        ["--lang=ja"],
        ["--lang=en"],
    ):
        # The main job: the terminal UI on ./assessments with the built-in catalogue.
        args_list = [*args_list, "tui"]
    command = _chosen_command(args_list)
    parser = build_parser(command if command in _MODULE_OF else "")
    try:
        # parse_args() is parse_known_args() refusing leftovers; a stand-in leaves them all.
        args, leftover = parser.parse_known_args(args_list)
        stand_in = getattr(args, "stand_in_for", None)
        if stand_in is not None:
            parser = build_parser(stand_in)
            args = parser.parse_args(args_list)
        elif leftover:
            parser.error(f"unrecognized arguments: {' '.join(leftover)}")
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else int(ExitCode.USAGE)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    _ending.without_teardown = bool(getattr(args, "exit_without_teardown", False))
    return args, func


def _run_command(args: argparse.Namespace, func: Callable[[argparse.Namespace], int]) -> int:
    try:
        return int(func(args))
    except CommandError as exc:
        # The encoders (json, html's entity table) are not loaded before a command needs them.
        from vendorrisk.core.encoding import terminal_text

        print(terminal_text(error_text(exc)), file=sys.stderr)
        if exc.problems:
            from vendorrisk.cli.common import print_problems

            print_problems(exc.problems)
        return exc.code
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``); that is not our failure to report.
        sys.stderr.close()
        return ExitCode.OK
    except OSError as exc:
        # Output that cannot be written (a full disk behind a redirect): say so plainly.
        print(t("cli.output-failed", reason=os_reason(exc)), file=sys.stderr)
        return ExitCode.USAGE


# The end of the start's first span (top of this module). What it made lives until exit
# in a command's process; frozen, later collections skip it, and the collector comes back
# without first walking all of it (its count of new objects starts again from zero). Once
# per process, as a module is imported once: a test run keeps little more this way.
if _COLLECTING_BEFORE_IMPORT:
    gc.freeze()
    gc.enable()
