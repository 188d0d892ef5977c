"""``vendorrisk export``: one row per assessment, as CSV for a spreadsheet or JSON."""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path
from typing import Any

from vendorrisk import storage
from vendorrisk.approval import standing
from vendorrisk.catalog.model import Catalogue
from vendorrisk.cli.common import (
    DEFAULT_DIR,
    CommandError,
    add_catalog_option,
    catalogue_from,
    print_problems,
)
from vendorrisk.cli.oscal_export import run_oscal
from vendorrisk.cli.report_command import (
    add_disclosure_option,
    add_output_option,
    add_today_option,
    today_of,
    write_output,
)
from vendorrisk.encoding import json_text, one_line
from vendorrisk.exitcodes import ExitCode
from vendorrisk.messages import language, t
from vendorrisk.reports import export_row, rows_csv, rows_json
from vendorrisk.reports.disclosure import (
    Omission,
    Withheld,
    disclosed_result,
    omission_json,
    omissions,
)
from vendorrisk.scoring import score_assessment
from vendorrisk.validation.batch import FileReport

DEFAULT_ENCODING = "utf-8-sig"


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("export", help=t("export.help"), description=t("export.help"))
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=t("cli.opt_paths"))
    parser.add_argument(
        "--format", choices=("csv", "json", "oscal-ar"), default="csv", help=t("cli.opt_format")
    )
    # One assessment for --format oscal-ar (an OSCAL document describes one assessment).
    parser.add_argument("path", nargs="?", type=Path, metavar="PATH", help=t("oscal.opt_path"))
    parser.add_argument("--encoding", default=DEFAULT_ENCODING, help=t("export.opt_encoding"))
    add_disclosure_option(parser)
    add_output_option(parser)
    add_today_option(parser)
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def load_all(folder: Path, catalogue: Catalogue) -> tuple[list[storage.Loaded], list[FileReport]]:
    """Every valid assessment under ``folder``, and a report for each file that is not."""
    return storage.load_folder(folder, catalogue)


def report_failures(failed: list[FileReport], skipped_key: str) -> int:
    """Diagnostics on stderr; the exit code the failures call for (OK when none)."""
    if not failed:
        return ExitCode.OK
    for report in failed:
        errors = [p for p in report.problems if p.severity == "error"]
        print(t("storage.invalid", path=one_line(str(report.path))), file=sys.stderr)
        print_problems((report.path, p) for p in errors)
    print(t(skipped_key, count=len(failed)), file=sys.stderr)
    missing = any(p.code in ("not-found", "no-files") for f in failed for p in f.problems)
    return ExitCode.USAGE if missing else ExitCode.PROBLEMS


def _encode(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        reason = repr(exc.object[exc.start : exc.end])
        raise CommandError(
            t("export.unencodable", encoding=encoding, reason=reason), ExitCode.USAGE
        ) from None


def run(args: argparse.Namespace) -> int:
    if args.format == "oscal-ar" or args.path is not None:
        return run_oscal(args)
    try:
        codecs.lookup(args.encoding)
    except LookupError:
        print(t("export.bad-encoding", encoding=args.encoding), file=sys.stderr)
        return ExitCode.USAGE
    catalogue = catalogue_from(args)
    day = today_of(args)
    loaded, failed = load_all(args.dir, catalogue)
    rows = []
    left_out: list[tuple[Omission, ...]] = []
    for item in loaded:
        result = score_assessment(item.assessment, catalogue, today=day)
        # Whether the recorded approval stands is judged on the whole assessment, before
        # anything is withheld for disclosure.
        status = standing(item.assessment, catalogue, day, result)
        if args.disclosure:
            withheld = Withheld.of(item.assessment, catalogue)
            result = disclosed_result(result, withheld)
            left_out.append(omissions(item.assessment, withheld))
        rows.append(export_row(item.path.as_posix(), item.assessment, result, status))
    lang = language()
    if args.format == "json":
        # JSON is UTF-8 by definition (RFC 8259); --encoding is for the spreadsheet format.
        details = [[omission_json(o, lang) for o in found] for found in left_out]
        text = json_text(rows_json(rows, day, details if args.disclosure else None)) + "\n"
        data = text.encode("utf-8")
    else:
        texts = ["; ".join(o.describe(lang) for o in found if o.count) for found in left_out]
        data = _encode(rows_csv(rows, lang, texts if args.disclosure else None), args.encoding)
    code = report_failures(failed, "export.skipped")
    if code == ExitCode.USAGE:
        return code
    write_output(data, args.output)
    return code
