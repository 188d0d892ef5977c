"""The catalogue's own construction checks, as `validate` and `outdated` report them."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from vendorrisk.cli.common import format_problem
from vendorrisk.core.catalog.loader import builtin_catalog_path
from vendorrisk.core.problems import Problem, has_errors
from vendorrisk.messages import t
from vendorrisk.messages.said import problem_json


def catalogue_label(args: argparse.Namespace) -> str:
    return str(args.catalog or builtin_catalog_path())


def catalogue_lines(label: str, found: list[Problem]) -> list[str]:
    """One line per finding, named by the catalogue file."""
    return [format_problem(label, p) for p in found]


def print_catalogue_count(label: str, found: list[Problem]) -> None:
    """How many findings there are, on stderr, when there are any."""
    if not found:
        return
    errors = sum(1 for p in found if p.severity == "error")
    print(
        t("catalog.checks-summary", path=label, errors=errors, warnings=len(found) - errors),
        file=sys.stderr,
    )


def print_catalogue_findings(label: str, found: list[Problem], stream: Any) -> None:
    """The findings' lines on ``stream``, then their count on stderr."""
    for line in catalogue_lines(label, found):
        print(line, file=stream)
    print_catalogue_count(label, found)


def catalogue_json(label: str, found: list[Problem]) -> dict[str, Any]:
    return {
        "path": label,
        "valid": not has_errors(found),
        "problems": [problem_json(p) for p in found],
    }
