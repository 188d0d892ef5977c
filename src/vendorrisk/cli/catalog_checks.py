"""The catalogue's own construction checks, as `validate` and `outdated` report them."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from vendorrisk.catalog.loader import builtin_catalog_path
from vendorrisk.cli.common import format_problem
from vendorrisk.messages import t
from vendorrisk.messages.said import problem_json
from vendorrisk.problems import Problem, has_errors


def catalogue_label(args: argparse.Namespace) -> str:
    return str(args.catalog or builtin_catalog_path())


def print_catalogue_findings(args: argparse.Namespace, found: list[Problem], stream: Any) -> None:
    """One line per finding, named by the catalogue file, then a count when there are any."""
    if not found:
        return
    label = catalogue_label(args)
    for p in found:
        print(format_problem(label, p), file=stream)
    errors = sum(1 for p in found if p.severity == "error")
    print(
        t("catalog.checks-summary", path=label, errors=errors, warnings=len(found) - errors),
        file=sys.stderr,
    )


def catalogue_json(args: argparse.Namespace, found: list[Problem]) -> dict[str, Any]:
    return {
        "path": catalogue_label(args),
        "valid": not has_errors(found),
        "problems": [problem_json(p) for p in found],
    }
