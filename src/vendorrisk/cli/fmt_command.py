"""``vendorrisk fmt``: rewrite assessments in the canonical form (``--check`` for CI)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    DEFAULT_DIR,
    add_catalog_option,
    catalogue_from,
    print_problems,
)
from vendorrisk.core.encoding import one_line
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.features.validate_batch import FileReport, find_files
from vendorrisk.messages import t
from vendorrisk.messages.said import error_text
from vendorrisk.store.assessments import Store
from vendorrisk.store.storage import InvalidAssessment, StorageError


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("fmt", help=t("fmt.help"), description=t("fmt.help"))
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help=t("cli.opt_paths"))
    parser.add_argument("--check", action="store_true", help=t("fmt.opt_check"))
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = Store(catalogue_from(args))
    exit_code = ExitCode.OK
    unchanged = 0
    for entry in find_files(args.paths or [DEFAULT_DIR]):
        if isinstance(entry, FileReport):
            print_problems((entry.path, p) for p in entry.problems)
            exit_code = ExitCode.USAGE
            continue
        try:
            changed = store.reformat(entry, write=not args.check)
        except InvalidAssessment as exc:
            print(t("fmt.skipped-invalid", path=one_line(str(entry))), file=sys.stderr)
            print_problems((entry, p) for p in exc.problems if p.severity == "error")
            exit_code = max(exit_code, ExitCode.PROBLEMS)
            continue
        except StorageError as exc:
            print(one_line(error_text(exc)), file=sys.stderr)
            exit_code = ExitCode.USAGE
            continue
        if not changed:
            unchanged += 1
        elif args.check:
            print(t("fmt.would-change", path=one_line(str(entry))))
            exit_code = max(exit_code, ExitCode.PROBLEMS)
        else:
            print(t("fmt.changed", path=one_line(str(entry))))
    print(t("fmt.unchanged", count=unchanged), file=sys.stderr)
    return exit_code
