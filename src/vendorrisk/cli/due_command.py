"""``vendorrisk due``: what is overdue or due soon for reassessment, and why (policy §7).

A recorded approval that does not stand (docs/scoring.md, W2, W7, W8) is listed as due today.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from vendorrisk import storage
from vendorrisk.approval import ApprovalProblem, approval_problems, approval_stands
from vendorrisk.catalog.model import Catalogue
from vendorrisk.cli.common import (
    DEFAULT_DIR,
    add_catalog_option,
    catalogue_from,
    print_json,
    print_problems,
)
from vendorrisk.encoding import one_line
from vendorrisk.exitcodes import ExitCode
from vendorrisk.files import FileReport
from vendorrisk.localtime import today
from vendorrisk.messages import say, t
from vendorrisk.messages.labels import status_label
from vendorrisk.model import Assessment
from vendorrisk.schedule import DueDate, due_reasons


@dataclass(frozen=True, slots=True)
class DueItem:
    path: Path
    vendor: str
    service: str
    due: dt.date
    overdue: bool
    reasons: tuple[DueDate, ...]
    # Why a recorded approval does not stand (rules W2, W7, W8): then it is due today.
    approval: tuple[ApprovalProblem, ...] = ()


# Ten years ahead is far beyond any reassessment cycle, and keeps dates in range.
MAX_WITHIN_DAYS = 3660


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= MAX_WITHIN_DAYS:
        raise argparse.ArgumentTypeError(t("due.bad-within", limit=MAX_WITHIN_DAYS))
    return days


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("due", help=t("due.help"), description=t("due.help"))
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=t("cli.opt_paths"))
    parser.add_argument("--within", type=_days, metavar="DAYS", help=t("due.opt_within"))
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=t("cli.opt_format")
    )
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def due_items(
    paths: list[Path], catalogue: Catalogue, day: dt.date, within: int
) -> tuple[list[DueItem], list[FileReport]]:
    horizon = day + dt.timedelta(days=within)
    items: list[DueItem] = []
    failed: list[FileReport] = []
    for path in paths:
        loaded, bad = storage.load_folder(path, catalogue)
        failed.extend(bad)
        for item in loaded:
            assessment = item.assessment
            problems = approval_problems(assessment, catalogue, day)
            if not approval_stands(problems):
                items.append(_invalid_approval(item.path, assessment, problems, day, horizon))
                continue
            reasons = due_reasons(assessment, horizon)
            if reasons:
                items.append(
                    DueItem(
                        path=item.path,
                        vendor=item.assessment.vendor.name,
                        service=item.assessment.service.name,
                        due=reasons[0].date,
                        overdue=reasons[0].date < day,
                        reasons=reasons,
                    )
                )
    items.sort(key=lambda i: (i.due, str(i.path)))
    return items, failed


def _invalid_approval(
    path: Path,
    assessment: Assessment,
    problems: tuple[ApprovalProblem, ...],
    day: dt.date,
    horizon: dt.date,
) -> DueItem:
    """An approval that does not stand is no approval: the vendor needs review now, and is
    otherwise due as one under review (its last next-review date only)."""
    under_review = replace(assessment, review=replace(assessment.review, status="in_review"))
    return DueItem(
        path=path,
        vendor=assessment.vendor.name,
        service=assessment.service.name,
        due=day,
        overdue=True,
        reasons=due_reasons(under_review, horizon),
        approval=tuple(p for p in problems if p.blocking),
    )


def _subject_text(reason: DueDate) -> str:
    """What falls due, in words: a scheduled review names the review status it follows
    (JSON keeps the code)."""
    if reason.kind == "interval":
        return status_label(reason.subject)
    return one_line(reason.subject)


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    within = catalogue.schedule.due_soon_days if args.within is None else args.within
    day = today()
    items, failed = due_items([args.dir], catalogue, day, within)
    for report in failed:
        print_problems((report.path, p) for p in report.problems if p.severity == "error")
    if args.format == "json":
        print_json(
            {
                "today": day.isoformat(),
                "within_days": within,
                "items": [
                    {
                        "path": str(i.path),
                        "vendor": i.vendor,
                        "service": i.service,
                        "due": i.due.isoformat(),
                        "overdue": i.overdue,
                        "approval_problems": [p.code for p in i.approval],
                        "reasons": [
                            {"date": r.date.isoformat(), "kind": r.kind, "subject": r.subject}
                            for r in i.reasons
                        ],
                    }
                    for i in items
                ],
            }
        )
    else:
        for i in items:
            state = t("due.overdue") if i.overdue else t("due.soon")
            if i.approval:
                state = t("due.approval-invalid")
            subject = one_line(f"{i.vendor} / {i.service} ({i.path})")
            print(f"{i.due} {state} {subject}")
            for p in i.approval:
                print(f"    {i.due} {t('due.kind.approval')}: {one_line(say(p.said))}")
            for r in i.reasons:
                print(f"    {r.date} {t('due.kind.' + r.kind)}: {_subject_text(r)}")
        if not items:
            print(t("due.none", days=within), file=sys.stderr)
    if failed:
        return (
            ExitCode.USAGE
            if any(p.code in ("not-found", "no-files") for f in failed for p in f.problems)
            else ExitCode.PROBLEMS
        )
    return ExitCode.PROBLEMS if any(i.overdue for i in items) else ExitCode.OK
