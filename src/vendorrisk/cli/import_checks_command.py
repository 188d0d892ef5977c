"""``vendorrisk import-checks``: record URL-check results made on another machine.

The checker may run on an internet-side machine while the assessments live on the LGWAN
side (policy §6.3); the results cross as a plain file, which is treated as untrusted: each
record is validated against the schema, a bad one is named and skipped, the rest recorded.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    DEFAULT_DIR,
    CommandError,
    add_catalog_option,
    catalogue_from,
    print_problems,
)
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.features.url_evidence import record_in_folder, record_problems
from vendorrisk.messages import t
from vendorrisk.messages.said import os_reason, problem_text
from vendorrisk.store.files import read_limited
from vendorrisk.store.upgrades.check_records import upgrade_record

# Thousands of URLs at a few kilobytes each; far larger is not a results file.
MAX_RESULTS_BYTES = 64 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "import-checks", help=t("import-checks.help"), description=t("import-checks.help")
    )
    parser.add_argument(
        "results", type=Path, metavar="RESULTS.jsonl", help=t("import-checks.opt_file")
    )
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=t("cli.opt_paths"))
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def read_records(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Valid records, and a message for each line refused."""
    try:
        raw = read_limited(path, MAX_RESULTS_BYTES)
    except OSError as exc:
        reason = os_reason(exc)
        raise CommandError(
            t("storage.unreadable", path=path, reason=reason), ExitCode.USAGE
        ) from None
    if len(raw) > MAX_RESULTS_BYTES:
        raise CommandError(
            t("import-checks.too-large", path=path, limit=MAX_RESULTS_BYTES), ExitCode.USAGE
        )
    records: list[dict[str, Any]] = []
    refused: list[str] = []
    text = raw.decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            refused.append(t("import-checks.bad-json", path=path, line=number, reason=exc))
            continue
        # Results written by an older vendorrisk are read in the current record format.
        record = upgrade_record(record) if isinstance(record, dict) else record
        problems = record_problems(record)
        if problems:
            reason = "; ".join(f"{p.key or '-'}: {problem_text(p)}" for p in problems[:3])
            refused.append(t("import-checks.bad-record", path=path, line=number, reason=reason))
            continue
        records.append(record)
    return records, refused


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    records, refused = read_records(args.results)
    for message in refused:
        print(message, file=sys.stderr)
    outcome = record_in_folder(args.dir, catalogue, records, by=None)
    for path, count in outcome.updated:
        print(t("check.recorded", path=path, count=count))
    print_problems((f.path, p) for f in outcome.failed for p in f.problems)
    recorded = sum(count for _, count in outcome.updated)
    print(
        t(
            "import-checks.done",
            records=len(records) + len(refused),
            recorded=recorded,
            files=len(outcome.updated),
            refused=len(refused),
        ),
        file=sys.stderr,
    )
    if any(p.code in ("not-found", "no-files") for f in outcome.failed for p in f.problems):
        return ExitCode.USAGE
    return ExitCode.PROBLEMS if refused or outcome.failed else ExitCode.OK
