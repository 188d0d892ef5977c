"""``vendorrisk report``: the document a 決裁 attaches, as Markdown, HTML or JSON.

Also holds what the report, export and summary commands share: the ``--today`` option that
makes their output reproducible, and writing the result to stdout or atomically to a file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    CommandError,
    add_catalog_option,
    add_format_option,
    catalogue_from,
    load_assessment,
)
from vendorrisk.core.assessed import Assessed, assess
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.localtime import today
from vendorrisk.messages import language, t
from vendorrisk.messages.said import error_text, os_reason, problem_text
from vendorrisk.render.formats import OutputRefused
from vendorrisk.render.reports import build_report
from vendorrisk.render.reports.disclosure import disclosure_report
from vendorrisk.render.reports.formats import REPORT_FORMATS
from vendorrisk.store import storage
from vendorrisk.store.files import MAX_OUTPUT_BYTES, output_problem, read_limited

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value: str) -> dt.date:
    # fromisoformat alone would also take 20261127 and 2026-W48; a report date should be
    # written the one way the documents print it.
    try:
        if _ISO_DATE.fullmatch(value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(t("cli.bad-date", value=value))


def add_today_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=parse_day, metavar="YYYY-MM-DD", help=t("report.opt_today"))


def add_output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help=t("report.opt_output"))


def today_of(args: argparse.Namespace) -> dt.date:
    day: dt.date | None = args.today
    return day or today()


def write_output(data: bytes, output: Path | None) -> None:
    """Bytes to stdout, or atomically to ``output``: readers of the file never see half a
    report, and a file that changes while we write is not silently replaced."""
    if output is None:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()
        return
    refusal = output_problem(output)
    if refusal is not None:
        reason = problem_text(refusal)
        raise CommandError(t("storage.write-failed", path=output, reason=reason), ExitCode.USAGE)
    try:
        existing = read_limited(output, MAX_OUTPUT_BYTES) if output.exists() else None
        digest = storage.digest_of(existing) if existing is not None else None
        storage.atomic_write(output, data, expected_digest=digest, create=existing is None)
    except OSError as exc:
        reason = os_reason(exc)
        raise CommandError(
            t("storage.write-failed", path=output, reason=reason), ExitCode.USAGE
        ) from None
    except storage.StorageError as exc:
        raise CommandError(error_text(exc), ExitCode.USAGE) from None
    print(t("report.written", path=output), file=sys.stderr)


def refused(exc: OutputRefused) -> CommandError:
    """A reporter's refusal (formats.OutputRefused) as the command's error."""
    return CommandError(str(exc), exc.exit_code)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("report", help=t("report.help"), description=t("report.help"))
    parser.add_argument("path", type=Path, metavar="PATH")
    add_format_option(parser, REPORT_FORMATS)
    add_disclosure_option(parser)
    add_output_option(parser)
    add_today_option(parser)
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def add_disclosure_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--disclosure", action="store_true", help=t("disclosure.opt"))


def assessed_input(args: argparse.Namespace) -> tuple[Catalogue, Assessed]:
    """The assessment a document is made from, assessed on the report's day."""
    if args.output is not None and args.output.resolve() == args.path.resolve():
        # One slip of -o would otherwise replace the assessment with its own report.
        raise CommandError(t("report.output-is-input", path=args.output), ExitCode.USAGE)
    catalogue = catalogue_from(args)
    loaded = load_assessment(args.path, catalogue)
    return catalogue, assess(
        loaded.assessment, catalogue, today_of(args), path=args.path.as_posix()
    )


def run(args: argparse.Namespace) -> int:
    catalogue, item = assessed_input(args)
    report = build_report(item, catalogue, file_name=args.path.name, lang=language())
    if args.disclosure:
        report = disclosure_report(report, item, catalogue)
    try:
        data = REPORT_FORMATS[args.format].render(report)
    except OutputRefused as exc:
        raise refused(exc) from None
    write_output(data, args.output)
    return ExitCode.OK
