"""``vendorrisk export``: one row per assessment, as CSV for a spreadsheet or JSON."""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    DEFAULT_DIR,
    CommandError,
    add_catalog_option,
    add_format_option,
    assess_all,
    catalogue_from,
    load_assessment,
    report_failures,
)
from vendorrisk.cli.report_command import (
    add_disclosure_option,
    add_output_option,
    add_today_option,
    refused,
    today_of,
    write_output,
)
from vendorrisk.core.assessed import Assessed, assess
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.features.validate_batch import FileReport
from vendorrisk.messages import language, t
from vendorrisk.render.formats import OutputRefused
from vendorrisk.render.reports.disclosure import Withheld, disclosed, omissions
from vendorrisk.render.reports.formats import EXPORT_FORMATS, Exported

DEFAULT_ENCODING = "utf-8-sig"


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("export", help=t("export.help"), description=t("export.help"))
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=t("cli.opt_paths"))
    add_format_option(parser, EXPORT_FORMATS)
    # One assessment for --format oscal-ar (an OSCAL document describes one assessment).
    parser.add_argument("path", nargs="?", type=Path, metavar="PATH", help=t("oscal.opt_path"))
    parser.add_argument("--encoding", default=DEFAULT_ENCODING, help=t("export.opt_encoding"))
    add_disclosure_option(parser)
    add_output_option(parser)
    add_today_option(parser)
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def _one(args: argparse.Namespace, catalogue: Catalogue, day: dt.date) -> list[Assessed]:
    if args.path is None:
        raise CommandError(t("oscal.path-required"), ExitCode.USAGE)
    if args.output is not None and args.output.resolve() == args.path.resolve():
        # One slip of -o would otherwise replace the assessment with its own export.
        raise CommandError(t("report.output-is-input", path=args.output), ExitCode.USAGE)
    loaded = load_assessment(args.path, catalogue)
    return [assess(loaded.assessment, catalogue, day, path=args.path.as_posix())]


def run(args: argparse.Namespace) -> int:
    reporter = EXPORT_FORMATS[args.format]
    if args.path is not None and not reporter.one_assessment:
        raise CommandError(t("oscal.path-only-for-oscal"), ExitCode.USAGE)
    if not reporter.one_assessment:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            print(t("export.bad-encoding", encoding=args.encoding), file=sys.stderr)
            return ExitCode.USAGE
    catalogue = catalogue_from(args)
    day = today_of(args)
    failed: list[FileReport] = []
    if reporter.one_assessment:
        items = _one(args, catalogue, day)
    else:
        items, failed = assess_all(args.dir, catalogue, day)
    exported = Exported(tuple(items), catalogue, day, language(), args.encoding)
    if args.disclosure:
        # Whether a recorded approval stands was judged on the whole assessment, before
        # anything is withheld (assessed.Assessed).
        withheld = [Withheld.of(item.assessment, catalogue) for item in items]
        exported = replace(
            exported,
            items=tuple(disclosed(i, w) for i, w in zip(items, withheld, strict=True)),
            omissions=tuple(
                omissions(i.assessment, w) for i, w in zip(items, withheld, strict=True)
            ),
            withheld=tuple(w.ids for w in withheld),
        )
    try:
        data = reporter.render(exported)
    except OutputRefused as exc:
        raise refused(exc) from None
    code = report_failures(failed, "export.skipped")
    if code == ExitCode.USAGE:
        return code
    write_output(data, args.output)
    return code
