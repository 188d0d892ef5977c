"""``vendorrisk outdated`` and ``vendorrisk migrate``: assessments answered against an older
catalogue version (or file format), and moving them to the current one."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vendorrisk.cli.catalog_checks import (
    catalogue_json,
    catalogue_label,
    print_catalogue_findings,
)
from vendorrisk.cli.common import (
    DEFAULT_DIR,
    CommandError,
    add_catalog_option,
    add_format_option,
    catalogue_from,
    print_problems,
)
from vendorrisk.core.catalog.checks import catalogue_checks
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.encoding import json_text, one_line
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.model import SCHEMA_VERSION
from vendorrisk.core.problems import Problem, has_errors
from vendorrisk.features.evolution.history import (
    CatalogueHistory,
    HistoryError,
    default_history_dir,
    load_history,
)
from vendorrisk.features.evolution.plan import Plan, PlanError, plan_file, review_items
from vendorrisk.features.evolution.transaction import (
    CommitInterrupted,
    Item,
    TransactionError,
    recover,
    write_all,
)
from vendorrisk.features.validate_batch import FileReport, find_files
from vendorrisk.messages import language, say, t
from vendorrisk.messages.said import error_text
from vendorrisk.render.formats import Formats, Reporter
from vendorrisk.store import storage
from vendorrisk.store.assessments import Store


@dataclass(frozen=True, slots=True)
class Outdated:
    """What ``vendorrisk outdated`` found: the files behind the current catalogue."""

    current: Catalogue
    catalogue_label: str
    catalogue_problems: list[Problem]
    outdated: list[Plan]
    errors: list[PlanError]


OUTDATED_FORMATS: Formats[Reporter[Outdated, str]] = Formats("outdated")


def _common(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    parser.add_argument("--history", type=Path, metavar="DIR", help=t("evolution.opt_history"))


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    outdated = subparsers.add_parser(
        "outdated", help=t("outdated.help"), description=t("outdated.help")
    )
    outdated.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=t("cli.opt_paths"))
    add_format_option(outdated, OUTDATED_FORMATS)
    _common(outdated)
    outdated.set_defaults(func=run_outdated)
    migrate = subparsers.add_parser(
        "migrate", help=t("migrate.help"), description=t("migrate.help")
    )
    migrate.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    migrate.add_argument("--dir", type=Path, help=t("cli.opt_paths"))
    migrate.add_argument("--to", metavar="VERSION", help=t("migrate.opt_to"))
    migrate.add_argument("--dry-run", action="store_true", help=t("migrate.opt_dry_run"))
    _common(migrate)
    migrate.set_defaults(func=run_migrate)


def _history(args: argparse.Namespace) -> tuple[Catalogue, CatalogueHistory]:
    current = catalogue_from(args)
    folder = args.history or default_history_dir(args.catalog)
    if args.history is not None and not args.history.is_dir():
        raise CommandError(
            t("storage.unreadable", path=args.history, reason=t("problem.not-found")),
            ExitCode.USAGE,
        )
    return current, load_history(current, folder)


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for entry in find_files(paths):
        if isinstance(entry, FileReport):
            print_problems((entry.path, p) for p in entry.problems)
            raise CommandError(t("migrate.no-input", path=entry.path), ExitCode.USAGE)
        found.append(entry)
    _recover([p for p in paths if p.is_dir()] + [f.parent for f in found])
    return found


def _recover(folders: list[Path]) -> None:
    """Finish or roll back a migration a killed run left in any of ``folders``, before the
    files are read: the next command never sees a batch half migrated."""
    for folder in dict.fromkeys(f.absolute() for f in folders):
        try:
            recovered = recover(folder)
        except TransactionError as exc:
            raise CommandError(error_text(exc), ExitCode.USAGE) from None
        if recovered is not None:
            key = (
                "migrate.recovered-finished"
                if recovered.finished
                else "migrate.recovered-rolled-back"
            )
            shown = [str(p) for p in recovered.targets[:5]]
            if len(recovered.targets) > 5:
                shown.append(f"(+{len(recovered.targets) - 5})")
            files = ", ".join(shown) or "-"
            print(t(key, journal=recovered.journal, files=files), file=sys.stderr)


def _plans(
    files: list[Path], history: CatalogueHistory, target: Catalogue
) -> tuple[list[Plan], list[PlanError]]:
    plans: list[Plan] = []
    errors: list[PlanError] = []
    for path in files:
        try:
            plans.append(plan_file(path, history, target, say))
        except PlanError as exc:
            errors.append(exc)
    return plans, errors


def _report_errors(errors: list[PlanError]) -> None:
    for error in errors:
        print(one_line(say(error.phrase)), file=sys.stderr)
        print_problems(error.problems)


@OUTDATED_FORMATS.register("text")
class OutdatedText:
    for_people = True

    def render(self, value: Outdated) -> str:
        lines: list[str] = []
        current = value.current
        for plan in value.outdated:
            lines.append(
                t(
                    "outdated.file",
                    path=one_line(str(plan.path)),
                    old=plan.result.from_version,
                    new=current.version,
                )
            )
            if plan.schema_version != plan.result.assessment.schema_version:
                lines.append("  " + t("outdated.format", version=plan.schema_version))
            for item in review_items(plan):
                requirement = current.by_id.get(item.id)
                question = requirement.question.get(language()) if requirement else ""
                source = t("outdated.from", source=item.source) if item.source else ""
                lines.append(
                    f"  {item.id} {t(f'outdated.change.{item.change}')}{source} {question}"
                )
        return "".join(line + "\n" for line in lines)


@OUTDATED_FORMATS.register("json")
class OutdatedJson:
    for_people = False

    def render(self, value: Outdated) -> str:
        data = {
            "catalog": {
                "id": value.current.id,
                "version": value.current.version,
                "checks": catalogue_json(value.catalogue_label, value.catalogue_problems),
            },
            "outdated": [
                {
                    "path": str(p.path),
                    "catalog_version": p.result.from_version,
                    "schema_version": p.schema_version,
                    "questions": [
                        {"id": i.id, "change": i.change, "from": i.source} for i in review_items(p)
                    ],
                }
                for p in value.outdated
            ],
            "errors": [say(e.phrase) for e in value.errors],
        }
        return json_text(data) + "\n"


def run_outdated(args: argparse.Namespace) -> int:
    current, history = _history(args)
    plans, errors = _plans(_files([args.dir]), history, current)
    outdated = [p for p in plans if p.needed]
    catalogue_problems = catalogue_checks(current)
    label = catalogue_label(args)
    reporter = OUTDATED_FORMATS[args.format]
    sys.stdout.write(
        reporter.render(Outdated(current, label, catalogue_problems, outdated, errors))
    )
    if reporter.for_people:
        print(t("outdated.summary", count=len(outdated), files=len(plans)), file=sys.stderr)
        print_catalogue_findings(label, catalogue_problems, sys.stderr)
    _report_errors(errors)
    if errors:
        return ExitCode.USAGE
    return ExitCode.PROBLEMS if outdated or has_errors(catalogue_problems) else ExitCode.OK


def _item(plan: Plan, target: Catalogue) -> Item:
    summary = plan.summary()

    def save(base: storage.Loaded) -> storage.Loaded:
        return Store(target).save(base, plan.result.assessment, summary=summary)

    return Item(plan.base, save)


def run_migrate(args: argparse.Namespace) -> int:
    if bool(args.paths) == (args.dir is not None):
        raise CommandError(t("migrate.paths-or-dir"), ExitCode.USAGE)
    current, history = _history(args)
    try:
        target = history.catalogue(args.to) if args.to else current
    except HistoryError as exc:
        raise CommandError(error_text(exc), ExitCode.USAGE, exc.problems) from None
    plans, errors = _plans(_files(args.paths or [args.dir]), history, target)
    if errors:
        # All or nothing: one file that cannot be migrated stops the batch before any write.
        _report_errors(errors)
        print(t("migrate.nothing-written", count=len(errors)), file=sys.stderr)
        return ExitCode.PROBLEMS
    needed = [plan for plan in plans if plan.needed]
    try:
        write_all([_item(plan, target) for plan in needed], dry_run=args.dry_run)
    except CommitInterrupted as exc:
        raise CommandError(error_text(exc), ExitCode.USAGE) from None
    except TransactionError as exc:
        raise CommandError(
            t("migrate.batch-failed", reason=error_text(exc)), ExitCode.USAGE
        ) from None
    written = 0 if args.dry_run else len(needed)
    for plan in plans:
        formats = {"old": plan.schema_version, "new": SCHEMA_VERSION}
        if not plan.needed:
            print(t("migrate.up-to-date", path=one_line(str(plan.path)), version=target.version))
            continue
        path = one_line(str(plan.path))
        if plan.result.from_version == target.version and plan.schema_version != SCHEMA_VERSION:
            # Only the file format moves: "migrated 1.1.0 → 1.1.0" would say nothing.
            line = (
                t("migrate.would-format-only", path=path, version=target.version, **formats)
                if args.dry_run
                else t("migrate.format-only", path=path, version=target.version, **formats)
            )
            print(line)
        else:
            key = "migrate.would-migrate" if args.dry_run else "migrate.migrated"
            print(t(key, path=path, old=plan.result.from_version, new=target.version))
        for rid, source in plan.result.to_confirm:
            print("  " + t("migrate.line-confirm", id=rid, source=source))
        for rid, source in plan.result.not_prefilled:
            print("  " + t("migrate.line-not-prefilled", id=rid, source=source))
        for rid, value in plan.result.removed:
            print("  " + t("migrate.line-removed", id=rid, value=one_line(str(value))))
        # The dry run says it too: the real run changes the review status (rule W8).
        reopens = storage.approval_after_save(
            plan.base, plan.result.assessment, target, summary=plan.summary()
        )
        if reopens is not None:
            print("  " + t("audit.approval-reopens", reason=say(reopens)))
    print(t("migrate.summary-line", written=written, files=len(plans)), file=sys.stderr)
    return ExitCode.OK
