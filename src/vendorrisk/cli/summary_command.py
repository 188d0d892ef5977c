"""``vendorrisk summary``: the self-inspection roll-up across all assessments (§7 → §8)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import DEFAULT_DIR, add_catalog_option, catalogue_from
from vendorrisk.cli.due_command import due_items
from vendorrisk.cli.export_command import load_all, report_failures
from vendorrisk.cli.report_command import (
    add_output_option,
    add_today_option,
    today_of,
    write_output,
)
from vendorrisk.cli.round_command import status_of
from vendorrisk.encoding import json_text
from vendorrisk.exitcodes import ExitCode
from vendorrisk.messages import language, t
from vendorrisk.reports import (
    DueEntry,
    Scored,
    build_summary,
    render_summary_markdown,
    summary_json,
)
from vendorrisk.reports.compliance import scored_statuses
from vendorrisk.schedule import fiscal_year
from vendorrisk.scoring import score_assessment


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("summary", help=t("summary.help"), description=t("summary.help"))
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=t("cli.opt_paths"))
    parser.add_argument("--format", choices=("md", "json"), default="md", help=t("cli.opt_format"))
    add_output_option(parser)
    add_today_option(parser)
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    day = today_of(args)
    loaded, failed = load_all(args.dir, catalogue)
    code = report_failures(failed, "summary.skipped")
    if code == ExitCode.USAGE:
        return code
    items = [
        Scored(
            path=item.path.as_posix(),
            assessment=item.assessment,
            result=score_assessment(item.assessment, catalogue, today=day),
            statuses=scored_statuses(item.assessment, catalogue),
        )
        for item in loaded
    ]
    # The same reading of due dates as `vendorrisk due`, so the two never disagree; its own
    # report of invalid files repeats ours and is dropped.
    due, _ = due_items([args.dir], catalogue, day, catalogue.schedule.due_soon_days)
    entries = [DueEntry(d.path.as_posix(), d.vendor, d.service, d.due, d.overdue) for d in due]
    # The 年度 of the summary's day: its round, if one was started (rounds/<year>.toml).
    rounds = status_of(args.dir, fiscal_year(day), catalogue, day)
    summary = build_summary(
        items, catalogue, entries, today=day, lang=language(), round_status=rounds
    )
    if args.format == "json":
        text = json_text(summary_json(summary, language())) + "\n"
    else:
        text = render_summary_markdown(summary, language())
    write_output(text.encode("utf-8"), args.output)
    return code
