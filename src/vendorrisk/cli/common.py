"""What several commands share: catalogue loading, problem printing, option helpers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from vendorrisk.catalog.loader import CatalogError, load_catalog
from vendorrisk.catalog.model import Catalogue
from vendorrisk.messages import t
from vendorrisk.problems import Problem

DEFAULT_DIR = Path("assessments")


class CommandError(Exception):
    """Stops a command with a message on stderr and an exit code, never a traceback."""

    def __init__(
        self, message: str, code: int, problems: Iterable[tuple[Path, Problem]] = ()
    ) -> None:
        super().__init__(message)
        self.code = code
        self.problems = list(problems)


def add_catalog_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalog", type=Path, metavar="FILE", help=t("cli.opt_catalog"))


def catalogue_from(args: argparse.Namespace) -> Catalogue:
    from vendorrisk.exitcodes import ExitCode

    try:
        return load_catalog(args.catalog)
    except CatalogError as exc:
        raise CommandError(
            t("catalog.unusable", path=exc.path),
            ExitCode.USAGE,
            [(exc.path, p) for p in exc.problems],
        ) from None


def format_problem(path: Path | str, p: Problem) -> str:
    where = f"{path}:{p.line}" if p.line is not None else f"{path}"
    if p.line is not None and p.column is not None:
        where += f":{p.column}"
    key = f" ({p.key})" if p.key else ""
    return f"{where}: {t('severity.' + p.severity)} [{p.code}]{key} {p.message}"


def print_problems(items: Iterable[tuple[Path | str, Problem]], stream: Any = None) -> None:
    out = stream or sys.stderr
    for path, p in items:
        print(format_problem(path, p), file=out)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
