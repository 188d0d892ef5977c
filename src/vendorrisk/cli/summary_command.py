"""``vendorrisk summary``: the self-inspection roll-up across all assessments (§7 → §8)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    DEFAULT_DIR,
    add_catalog_option,
    add_format_option,
    assess_all,
    catalogue_from,
    report_failures,
)
from vendorrisk.cli.due_command import due_of
from vendorrisk.cli.report_command import (
    add_output_option,
    add_today_option,
    today_of,
    write_output,
)
from vendorrisk.cli.round_command import status_of
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.schedule import fiscal_year
from vendorrisk.messages import language, t
from vendorrisk.render.reports import DueEntry, build_summary
from vendorrisk.render.reports.formats import SUMMARY_FORMATS


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("summary", help=t("summary.help"), description=t("summary.help"))
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=t("cli.opt_paths"))
    add_format_option(parser, SUMMARY_FORMATS)
    add_output_option(parser)
    add_today_option(parser)
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    day = today_of(args)
    items, failed = assess_all(args.dir, catalogue, day)
    code = report_failures(failed, "summary.skipped")
    if code == ExitCode.USAGE:
        return code
    # The same reading of due dates as `vendorrisk due`, from the same assessed files, so
    # the two never disagree.
    due = due_of(items, day, catalogue.schedule.due_soon_days)
    entries = [DueEntry(d.path.as_posix(), d.vendor, d.service, d.due, d.overdue) for d in due]
    # The 年度 of the summary's day: its round, if one was started (rounds/<year>.toml).
    rounds = status_of(args.dir, fiscal_year(day), catalogue, day)
    summary = build_summary(
        items, catalogue, entries, today=day, lang=language(), round_status=rounds
    )
    write_output(SUMMARY_FORMATS[args.format].render(summary), args.output)
    return code
