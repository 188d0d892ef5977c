"""``vendorrisk diff``: what changed between two versions of an assessment, beside the
questions. Exit codes as ``diff``: 0 no differences, 1 differences, 2 errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    DEFAULT_DIR,
    CommandError,
    add_catalog_option,
    add_format_option,
    catalogue_from,
)
from vendorrisk.cli.report_command import add_today_option, today_of
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.encoding import json_text
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.model import Assessment
from vendorrisk.features.diff import AssessmentDiff, compare
from vendorrisk.features.diff.versions import pinned
from vendorrisk.features.evolution.history import (
    CatalogueHistory,
    default_history_dir,
    load_history,
)
from vendorrisk.features.validate_batch import FileReport, find_files
from vendorrisk.messages import t
from vendorrisk.messages.said import error_text, os_reason, problem_text
from vendorrisk.render.diff import render_json, render_markdown, render_text
from vendorrisk.render.formats import Formats, Reporter
from vendorrisk.store.assessments import Store, read_assessment
from vendorrisk.store.gitfiles import GitError, show_at_revision


@dataclass(frozen=True, slots=True)
class Changes:
    diffs: list[AssessmentDiff]
    added: list[str]  # files new since the revision compared with


DIFF_FORMATS: Formats[Reporter[Changes, str]] = Formats("diff")


def _chunks(value: Changes, render: Callable[[AssessmentDiff], str]) -> str:
    chunks = [render(d) for d in value.diffs]
    chunks += [t("diff.new-file", path=p) + "\n" for p in value.added]
    return "\n".join(chunks)


@DIFF_FORMATS.register("text")
class DiffText:
    for_people = True

    def render(self, value: Changes) -> str:
        return _chunks(value, render_text)


@DIFF_FORMATS.register("md")
class DiffMarkdown:
    for_people = True

    def render(self, value: Changes) -> str:
        return _chunks(value, render_markdown)


@DIFF_FORMATS.register("json")
class DiffJson:
    for_people = False

    def render(self, value: Changes) -> str:
        data = {"diffs": [render_json(d) for d in value.diffs], "new_files": value.added}
        return json_text(data) + "\n"


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("diff", help=t("diff.help"), description=t("diff.help"))
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help=t("diff.opt_paths"))
    parser.add_argument("--rev", nargs="?", const="HEAD", metavar="REV", help=t("diff.opt_rev"))
    add_format_option(parser, DIFF_FORMATS)
    parser.add_argument("--history", type=Path, metavar="DIR", help=t("evolution.opt_history"))
    add_today_option(parser)
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def parse_assessment(raw: bytes, label: str, catalogue: Catalogue) -> Assessment:
    """The assessment in ``raw``, leniently: answers to questions another catalogue version
    knows are fine for a diff; only a file that cannot be read as an assessment is an error."""
    checked = Store(catalogue).check(raw)
    structural = [p for p in checked.problems if p.severity == "error"]
    if checked.assessment is None:
        problems = [(Path(label), p) for p in structural]
        raise CommandError(t("diff.unreadable", label=label), ExitCode.USAGE, problems)
    return checked.assessment


def _read(path: Path) -> bytes:
    try:
        return read_assessment(path)
    except OSError as exc:
        raise CommandError(
            t("storage.unreadable", path=path, reason=os_reason(exc)), ExitCode.USAGE
        ) from None


def _history(args: argparse.Namespace, catalogue: Catalogue) -> CatalogueHistory:
    if args.history is not None and not args.history.is_dir():
        raise CommandError(
            t("storage.unreadable", path=args.history, reason=t("problem.not-found")),
            ExitCode.USAGE,
        )
    return load_history(catalogue, args.history or default_history_dir(args.catalog))


def _compare(
    args: argparse.Namespace,
    history: CatalogueHistory,
    old: Assessment,
    new: Assessment,
    old_label: str,
    new_label: str,
) -> AssessmentDiff:
    """Each side scored with the catalogue version it is pinned to, and questions the
    change records renumbered shown as renamed: a diff across ``migrate`` reads right."""
    versions = pinned(history, old.catalog_version, new.catalog_version)
    for version in versions.missing:
        print(t("diff.version-unknown", version=version, label=new_label), file=sys.stderr)
    return compare(
        old,
        new,
        history.current,
        old_label=old_label,
        new_label=new_label,
        today=today_of(args),
        old_catalogue=versions.old,
        new_catalogue=versions.new,
        renamed=versions.renamed,
    )


def _rev_pairs(
    args: argparse.Namespace, history: CatalogueHistory
) -> tuple[list[AssessmentDiff], list[str]]:
    catalogue = history.current
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
                t("storage.unreadable", path=entry.path, reason=problem_text(entry.problems[0])),
                ExitCode.USAGE,
            )
        raw = _read(entry)
        try:
            before = show_at_revision(entry, rev)
        except GitError as exc:
            raise CommandError(error_text(exc), ExitCode.USAGE) from None
        if before is None:
            added.append(str(entry))
            continue
        if before == raw:
            continue
        label_old = f"{rev}:{entry}"
        diff = _compare(
            args,
            history,
            parse_assessment(before, label_old, catalogue),
            parse_assessment(raw, str(entry), catalogue),
            label_old,
            str(entry),
        )
        if diff.has_differences:
            diffs.append(diff)
    return diffs, added


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    history = _history(args, catalogue)
    if args.rev is not None:
        diffs, added = _rev_pairs(args, history)
    else:
        if len(args.paths) != 2:
            raise CommandError(t("diff.two-files"), ExitCode.USAGE)
        old_path, new_path = args.paths
        old = parse_assessment(_read(old_path), str(old_path), catalogue)
        new = parse_assessment(_read(new_path), str(new_path), catalogue)
        diffs = [_compare(args, history, old, new, str(old_path), str(new_path))]
        added = []
    sys.stdout.write(DIFF_FORMATS[args.format].render(Changes(diffs, added)))
    if any(d.different_vendor for d in diffs):
        print(t("diff.different-vendor-note"), file=sys.stderr)
    differs = added or any(d.has_differences for d in diffs)
    return ExitCode.PROBLEMS if differs else ExitCode.OK
