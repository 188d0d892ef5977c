"""The command line: parses arguments, calls the core, turns results into exit codes.

Each command lives in its own module exposing ``register(subparsers)``; the module sets
``func`` on its parser, a callable taking the parsed namespace and returning an exit code.
Holds no business rules.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from vendorrisk import __version__
from vendorrisk.cli import (
    catalog_command,
    check_commands,
    clauses_command,
    diff_command,
    due_command,
    evolution_commands,
    export_command,
    fmt_command,
    git_commands,
    import_checks_command,
    init_command,
    new_command,
    questionnaire_command,
    report_command,
    review_command,
    round_command,
    score_command,
    subcontractors_command,
    summary_command,
    tui_command,
    validate_command,
)
from vendorrisk.cli.common import CommandError, print_problems
from vendorrisk.encoding import terminal_text
from vendorrisk.exitcodes import ExitCode
from vendorrisk.messages import LANGS, set_language, t

_COMMAND_MODULES = (
    tui_command,
    init_command,
    validate_command,
    fmt_command,
    new_command,
    catalog_command,
    score_command,
    review_command,
    due_command,
    report_command,
    export_command,
    summary_command,
    check_commands,
    import_checks_command,
    diff_command,
    git_commands,
    evolution_commands,
    questionnaire_command,
    subcontractors_command,
    round_command,
    clauses_command,
)


class _ArgumentParser(argparse.ArgumentParser):
    """argparse exits with 2 on usage errors, which is our USAGE code; keep messages short."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: {t('cli.usage_error')}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="vendorrisk", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"vendorrisk {__version__}")
    parser.add_argument("--lang", choices=LANGS, help=t("cli.opt_lang"))
    subparsers = parser.add_subparsers(dest="command", parser_class=_ArgumentParser)
    for module in _COMMAND_MODULES:
        module.register(subparsers)
    return parser


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
    _tolerant_output()
    args_list = list(sys.argv[1:] if argv is None else argv)
    _peek_language(args_list)
    parser = build_parser()
    if not args_list or args_list in (
        ["--lang", "ja"],
        ["--lang", "en"],
        ["--lang=ja"],
        ["--lang=en"],
    ):
        # The main job: the terminal UI on ./assessments with the built-in catalogue.
        args_list = [*args_list, "tui"]
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else int(ExitCode.USAGE)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        return int(func(args))
    except CommandError as exc:
        print(terminal_text(str(exc)), file=sys.stderr)
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
        print(t("cli.output-failed", reason=exc.strerror or exc), file=sys.stderr)
        return ExitCode.USAGE


def run() -> None:
    sys.exit(main())
