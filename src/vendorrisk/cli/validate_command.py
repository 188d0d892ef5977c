"""``vendorrisk validate``: syntax, schema and meaning of assessment files."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vendorrisk.cli.catalog_checks import (
    catalogue_json,
    catalogue_label,
    catalogue_lines,
    print_catalogue_count,
)
from vendorrisk.cli.common import (
    DEFAULT_DIR,
    add_catalog_option,
    add_format_option,
    catalogue_from,
    format_problem,
)
from vendorrisk.core.catalog.checks import catalogue_checks
from vendorrisk.core.encoding import json_text
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.problems import Problem, has_errors
from vendorrisk.features.validate_batch import validate_paths
from vendorrisk.messages import t
from vendorrisk.messages.said import problem_json
from vendorrisk.render.formats import Formats, Reporter
from vendorrisk.store.files import FileReport, leftover_reports


@dataclass(frozen=True, slots=True)
class Validated:
    catalogue_label: str  # the catalogue file, as its findings name it
    catalogue_problems: list[Problem]
    reports: list[FileReport]  # one per assessment file
    leftovers: list[FileReport]  # files a crashed save left behind
    invalid: int


VALIDATE_FORMATS: Formats[Reporter[Validated, str]] = Formats("validate")


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
    add_format_option(parser, VALIDATE_FORMATS)
    add_catalog_option(parser)
    parser.add_argument("--no-cache", action="store_true", help=t("cli.opt_no_cache"))
    parser.add_argument("--jobs", type=_jobs, metavar="N", help=t("cli.opt_jobs"))
    parser.set_defaults(func=run)


@VALIDATE_FORMATS.register("text")
class ValidateText:
    for_people = True

    def render(self, value: Validated) -> str:
        lines = catalogue_lines(value.catalogue_label, value.catalogue_problems)
        lines += [
            format_problem(report.path, p)
            for report in [*value.reports, *value.leftovers]
            for p in report.problems
        ]
        return "".join(line + "\n" for line in lines)


@VALIDATE_FORMATS.register("json")
class ValidateJson:
    for_people = False

    def render(self, value: Validated) -> str:
        data = {
            "catalog": catalogue_json(value.catalogue_label, value.catalogue_problems),
            "files": [
                {
                    "path": str(r.path),
                    "valid": r.valid,
                    "problems": [problem_json(p) for p in r.problems],
                }
                for r in [*value.reports, *value.leftovers]
            ],
            "summary": {"files": len(value.reports), "invalid": value.invalid},
        }
        return json_text(data) + "\n"


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
    label = catalogue_label(args)
    validated = Validated(label, catalogue_problems, reports, leftover_reports(paths), invalid)
    reporter = VALIDATE_FORMATS[args.format]
    sys.stdout.write(reporter.render(validated))
    if reporter.for_people:
        print_catalogue_count(label, catalogue_problems)
        print(t("validate.summary", files=len(reports), invalid=invalid), file=sys.stderr)
    if any(p.code in UNREADABLE for r in reports for p in r.problems):
        return ExitCode.USAGE
    return ExitCode.PROBLEMS if invalid or has_errors(catalogue_problems) else ExitCode.OK
