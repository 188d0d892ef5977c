"""``vendorrisk validate``: syntax, schema and meaning of assessment files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vendorrisk.catalog.checks import catalogue_checks
from vendorrisk.cli.catalog_checks import catalogue_json, print_catalogue_findings
from vendorrisk.cli.common import (
    DEFAULT_DIR,
    add_catalog_option,
    catalogue_from,
    format_problem,
    print_json,
)
from vendorrisk.exitcodes import ExitCode
from vendorrisk.files import leftover_reports
from vendorrisk.messages import t
from vendorrisk.messages.said import problem_json
from vendorrisk.problems import has_errors
from vendorrisk.validation.batch import validate_paths

# Input that could not be read at all is a usage problem (exit 2), not a finding (exit 1).
UNREADABLE = frozenset({"not-found", "unreadable", "is-directory", "no-files", "not-a-file"})


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if not 1 <= jobs <= 64:
        raise argparse.ArgumentTypeError(t("cli.bad-jobs", value=text))
    return jobs


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "validate", help=t("validate.help"), description=t("validate.help")
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help=t("cli.opt_paths"))
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=t("cli.opt_format")
    )
    add_catalog_option(parser)
    parser.add_argument("--no-cache", action="store_true", help=t("cli.opt_no_cache"))
    parser.add_argument("--jobs", type=_jobs, metavar="N", help=t("cli.opt_jobs"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    paths = args.paths or [DEFAULT_DIR]
    reports = validate_paths(
        paths,
        catalogue,
        catalog_path=args.catalog,
        use_cache=not args.no_cache,
        jobs=args.jobs,
    )
    invalid = sum(1 for r in reports if not r.valid)
    # The catalogue's own construction rules (formerly questions F-01..F-06) are checked
    # once per run and reported against the catalogue file, never against an assessment.
    catalogue_problems = catalogue_checks(catalogue)
    leftovers = leftover_reports(paths)
    if args.format == "json":
        print_json(
            {
                "catalog": catalogue_json(args, catalogue_problems),
                "files": [
                    {
                        "path": str(r.path),
                        "valid": r.valid,
                        "problems": [problem_json(p) for p in r.problems],
                    }
                    for r in [*reports, *leftovers]
                ],
                "summary": {"files": len(reports), "invalid": invalid},
            }
        )
    else:
        print_catalogue_findings(args, catalogue_problems, sys.stdout)
        for report in [*reports, *leftovers]:
            for p in report.problems:
                print(format_problem(report.path, p))
        print(t("validate.summary", files=len(reports), invalid=invalid), file=sys.stderr)
    if any(p.code in UNREADABLE for r in reports for p in r.problems):
        return ExitCode.USAGE
    return ExitCode.PROBLEMS if invalid or has_errors(catalogue_problems) else ExitCode.OK
