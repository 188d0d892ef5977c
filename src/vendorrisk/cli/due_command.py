"""``vendorrisk due``: what is overdue or due soon for reassessment, and why (policy §7).

A recorded approval that does not stand (docs/scoring.md, W2, W7, W8) is listed as due today.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    DEFAULT_DIR,
    add_catalog_option,
    add_format_option,
    assess_all,
    catalogue_from,
    print_problems,
)
from vendorrisk.core.approval import ApprovalProblem
from vendorrisk.core.assessed import Assessed
from vendorrisk.core.encoding import json_text, one_line
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.localtime import today
from vendorrisk.core.model import Assessment
from vendorrisk.core.rule_codes import problem_phrase
from vendorrisk.core.schedule import DueDate, due_reasons
from vendorrisk.messages import say, t
from vendorrisk.messages.labels import status_label
from vendorrisk.render.formats import Formats, Reporter


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


@dataclass(frozen=True, slots=True)
class DueList:
    today: dt.date
    within: int
    items: tuple[DueItem, ...]


DUE_FORMATS: Formats[Reporter[DueList, str]] = Formats("due")


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
    add_format_option(parser, DUE_FORMATS)
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def due_of(items: Sequence[Assessed], day: dt.date, within: int) -> list[DueItem]:
    """What of ``items`` falls due by ``within`` days after ``day``, soonest first."""
    horizon = day + dt.timedelta(days=within)
    found: list[DueItem] = []
    for item in items:
        assessment = item.assessment
        if not item.stands:
            found.append(
                _invalid_approval(Path(item.path), assessment, item.approval, day, horizon)
            )
            continue
        reasons = due_reasons(assessment, horizon)
        if reasons:
            found.append(
                DueItem(
                    path=Path(item.path),
                    vendor=assessment.vendor.name,
                    service=assessment.service.name,
                    due=reasons[0].date,
                    overdue=reasons[0].date < day,
                    reasons=reasons,
                )
            )
    found.sort(key=lambda i: (i.due, str(i.path)))
    return found


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


@DUE_FORMATS.register("text")
class DueText:
    for_people = True

    def render(self, value: DueList) -> str:
        lines = []
        for i in value.items:
            state = t("due.overdue") if i.overdue else t("due.soon")
            if i.approval:
                state = t("due.approval-invalid")
            subject = one_line(f"{i.vendor} / {i.service} ({i.path})")
            lines.append(f"{i.due} {state} {subject}")
            lines += [
                f"    {i.due} {t('due.kind.approval')}: {one_line(say(problem_phrase(p)))}"
                for p in i.approval
            ]
            lines += [
                f"    {r.date} {t('due.kind.' + r.kind)}: {_subject_text(r)}" for r in i.reasons
            ]
        return "".join(line + "\n" for line in lines)


@DUE_FORMATS.register("json")
class DueJson:
    for_people = False

    def render(self, value: DueList) -> str:
        data = {
            "today": value.today.isoformat(),
            "within_days": value.within,
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
                for i in value.items
            ],
        }
        return json_text(data) + "\n"


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    within = catalogue.schedule.due_soon_days if args.within is None else args.within
    day = today()
    assessed, failed = assess_all(args.dir, catalogue, day)
    items = due_of(assessed, day, within)
    for report in failed:
        print_problems((report.path, p) for p in report.problems if p.severity == "error")
    reporter = DUE_FORMATS[args.format]
    sys.stdout.write(reporter.render(DueList(day, within, tuple(items))))
    if not items and reporter.for_people:
        print(t("due.none", days=within), file=sys.stderr)
    if failed:
        return (
            ExitCode.USAGE
            if any(p.code in ("not-found", "no-files") for f in failed for p in f.problems)
            else ExitCode.PROBLEMS
        )
    return ExitCode.PROBLEMS if any(i.overdue for i in items) else ExitCode.OK
