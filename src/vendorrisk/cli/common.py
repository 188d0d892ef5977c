"""What several commands share: catalogue loading, problem printing, option helpers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Re-exported: the commands import it from here.
from vendorrisk.cli.errors import CommandError as CommandError
from vendorrisk.messages import t
from vendorrisk.messages.said import error_text, os_reason, problem_text

if TYPE_CHECKING:
    import datetime as dt

    from vendorrisk.core.assessed import Assessed
    from vendorrisk.core.catalog.model import Catalogue
    from vendorrisk.core.problems import Problem
    from vendorrisk.render.formats import Formats
    from vendorrisk.store.files import FileReport
    from vendorrisk.store.storage import Loaded

# Storage, the catalogue and the encoders of output (json, html's entity table) are imported
# where used: ``check`` and ``securitytxt`` need no storage or catalogue, and no encoder
# before their first request, and their start-up time counts.

DEFAULT_DIR = Path("assessments")


def add_catalog_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalog", type=Path, metavar="FILE", help=t("cli.opt_catalog"))


def add_format_option(
    parser: argparse.ArgumentParser, formats: Formats[Any], help_key: str = "cli.opt_format"
) -> None:
    """``--format``, choosing among the registered reporters; the first is the default."""
    parser.add_argument(
        "--format", choices=formats.names, default=formats.default, help=t(help_key)
    )


def catalogue_from(args: argparse.Namespace) -> Catalogue:
    from vendorrisk.core.catalog.loader import CatalogError, load_catalog
    from vendorrisk.core.exitcodes import ExitCode

    try:
        return load_catalog(args.catalog)
    except CatalogError as exc:
        raise CommandError(
            t("catalog.unusable", path=exc.path),
            ExitCode.USAGE,
            [(exc.path, p) for p in exc.problems],
        ) from None


def load_assessment(path: Path, catalogue: Catalogue) -> Loaded:
    """Load for a command: an invalid file stops it with its problems (exit 1), an unreadable
    one with exit 2."""
    from vendorrisk.core.exitcodes import ExitCode
    from vendorrisk.store import storage
    from vendorrisk.store.assessments import Store

    if not path.is_file():
        reason = "problem.not-found"
        if path.is_dir():
            reason = "problem.is-directory"
        elif path.exists():
            reason = "problem.not-a-file"
        raise CommandError(t("storage.unreadable", path=path, reason=t(reason)), ExitCode.USAGE)
    try:
        return Store(catalogue).load(path)
    except storage.InvalidAssessment as exc:
        errors = [(path, p) for p in exc.problems if p.severity == "error"]
        raise CommandError(t("cli.invalid-hint", path=path), ExitCode.PROBLEMS, errors) from None
    except storage.StorageError as exc:
        raise CommandError(error_text(exc), ExitCode.USAGE) from None


def assess_all(
    folder: Path, catalogue: Catalogue, day: dt.date
) -> tuple[list[Assessed], list[FileReport]]:
    """Every valid assessment under ``folder`` assessed on ``day``, and a report for each
    file that is not valid."""
    from vendorrisk.core.assessed import assess
    from vendorrisk.store.assessments import Store

    loaded, failed = Store(catalogue, folder).load_folder()
    items = [assess(item.assessment, catalogue, day, path=item.path.as_posix()) for item in loaded]
    return items, failed


def report_failures(failed: list[FileReport], skipped_key: str) -> int:
    """Diagnostics on stderr; the exit code the failures call for (OK when none)."""
    from vendorrisk.core.encoding import one_line
    from vendorrisk.core.exitcodes import ExitCode

    if not failed:
        return ExitCode.OK
    for report in failed:
        errors = [p for p in report.problems if p.severity == "error"]
        print(t("storage.invalid", path=one_line(str(report.path))), file=sys.stderr)
        print_problems((report.path, p) for p in errors)
    print(t(skipped_key, count=len(failed)), file=sys.stderr)
    missing = any(p.code in ("not-found", "no-files") for f in failed for p in f.problems)
    return ExitCode.USAGE if missing else ExitCode.PROBLEMS


def storage_failure(path: Path, exc: Exception) -> CommandError:
    """A save that did not happen, as a command error that says why (never a traceback)."""
    from vendorrisk.core.exitcodes import ExitCode
    from vendorrisk.store import storage

    if isinstance(exc, storage.InvalidAssessment):
        # What the tool would have written breaks a rule: name the rule.
        return CommandError(error_text(exc), ExitCode.PROBLEMS, [(path, p) for p in exc.problems])
    if isinstance(exc, storage.StorageError):
        return CommandError(error_text(exc), ExitCode.USAGE)
    reason = os_reason(exc)
    return CommandError(t("storage.write-failed", path=path, reason=reason), ExitCode.USAGE)


def format_problem(path: Path | str, p: Problem) -> str:
    """One line per problem: a file name, key or message quoting what a file holds is
    shown encoded, never acted on by the terminal."""
    from vendorrisk.core.encoding import one_line

    where = one_line(str(path))
    where += f":{p.line}" if p.line is not None else ""
    if p.line is not None and p.column is not None:
        where += f":{p.column}"
    key = f" ({one_line(p.key)})" if p.key else ""
    return f"{where}: {t('severity.' + p.severity)} [{p.code}]{key} {one_line(problem_text(p))}"


def print_problems(items: Iterable[tuple[Path | str, Problem]], stream: Any = None) -> None:
    out = stream or sys.stderr
    for path, p in items:
        print(format_problem(path, p), file=out)


def print_json(data: Any) -> None:
    from vendorrisk.core.encoding import json_text

    sys.stdout.write(json_text(data) + "\n")
