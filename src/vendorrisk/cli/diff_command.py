"""``vendorrisk diff``: what changed between two versions of an assessment, beside the
questions. Exit codes as ``diff``: 0 no differences, 1 differences, 2 errors."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from vendorrisk.catalog.model import Catalogue
from vendorrisk.cli.common import (
    DEFAULT_DIR,
    CommandError,
    add_catalog_option,
    catalogue_from,
)
from vendorrisk.cli.report_command import add_today_option, today_of
from vendorrisk.diff import AssessmentDiff, compare, render_json, render_markdown, render_text
from vendorrisk.exitcodes import ExitCode
from vendorrisk.files import read_limited
from vendorrisk.gitfiles import GitError, show_at_revision
from vendorrisk.messages import t
from vendorrisk.model import Assessment
from vendorrisk.tomlfile import MAX_ASSESSMENT_BYTES
from vendorrisk.validation.assessment_check import check_assessment_bytes
from vendorrisk.validation.batch import FileReport, find_files


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("diff", help=t("diff.help"), description=t("diff.help"))
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help=t("diff.opt_paths"))
    parser.add_argument("--rev", nargs="?", const="HEAD", metavar="REV", help=t("diff.opt_rev"))
    parser.add_argument(
        "--format", choices=("text", "md", "json"), default="text", help=t("cli.opt_format")
    )
    add_today_option(parser)
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def parse_assessment(raw: bytes, label: str, catalogue: Catalogue) -> Assessment:
    """The assessment in ``raw``, leniently: answers to questions another catalogue version
    knows are fine for a diff; only a file that cannot be read as an assessment is an error."""
    checked = check_assessment_bytes(raw, catalogue)
    structural = [p for p in checked.problems if p.severity == "error"]
    if checked.assessment is None:
        problems = [(Path(label), p) for p in structural]
        raise CommandError(t("diff.unreadable", label=label), ExitCode.USAGE, problems)
    return checked.assessment


def _read(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_ASSESSMENT_BYTES)
    except OSError as exc:
        raise CommandError(
            t("storage.unreadable", path=path, reason=exc.strerror or exc), ExitCode.USAGE
        ) from None


def _emit(diffs: list[AssessmentDiff], fmt: str, added: list[str]) -> None:
    if fmt == "json":
        data = {"diffs": [render_json(d) for d in diffs], "new_files": added}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    render = render_markdown if fmt == "md" else render_text
    chunks = [render(d) for d in diffs]
    chunks += [t("diff.new-file", path=p) + "\n" for p in added]
    sys.stdout.write("\n".join(chunks))


def _rev_pairs(
    args: argparse.Namespace, catalogue: Catalogue
) -> tuple[list[AssessmentDiff], list[str]]:
    rev: str = args.rev
    paths: list[Path] = list(args.paths)
    if not paths and Path(rev).is_file():
        # "diff --rev FILE": the value was meant as the path, against HEAD.
        paths, rev = [Path(rev)], "HEAD"
    diffs: list[AssessmentDiff] = []
    added: list[str] = []
    for entry in find_files(paths or [DEFAULT_DIR]):
        if isinstance(entry, FileReport):
            raise CommandError(
                t("storage.unreadable", path=entry.path, reason=entry.problems[0].message),
                ExitCode.USAGE,
            )
        raw = _read(entry)
        try:
            before = show_at_revision(entry, rev)
        except GitError as exc:
            raise CommandError(str(exc), ExitCode.USAGE) from None
        if before is None:
            added.append(str(entry))
            continue
        if before == raw:
            continue
        label_old = f"{rev}:{entry}"
        diff = compare(
            parse_assessment(before, label_old, catalogue),
            parse_assessment(raw, str(entry), catalogue),
            catalogue,
            old_label=label_old,
            new_label=str(entry),
            today=today_of(args),
        )
        if diff.has_differences:
            diffs.append(diff)
    return diffs, added


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    if args.rev is not None:
        diffs, added = _rev_pairs(args, catalogue)
    else:
        if len(args.paths) != 2:
            raise CommandError(t("diff.two-files"), ExitCode.USAGE)
        old_path, new_path = args.paths
        old = parse_assessment(_read(old_path), str(old_path), catalogue)
        new = parse_assessment(_read(new_path), str(new_path), catalogue)
        diffs = [
            compare(
                old,
                new,
                catalogue,
                old_label=str(old_path),
                new_label=str(new_path),
                today=today_of(args),
            )
        ]
        added = []
    _emit(diffs, args.format, added)
    if any(d.different_vendor for d in diffs):
        print(t("diff.different-vendor-note"), file=sys.stderr)
    differs = added or any(d.has_differences for d in diffs)
    return ExitCode.PROBLEMS if differs else ExitCode.OK
