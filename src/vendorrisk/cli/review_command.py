"""``vendorrisk review``: move an assessment through the review workflow, or comment on an
answer, from scripts."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from vendorrisk import storage
from vendorrisk.cli.common import (
    CommandError,
    add_catalog_option,
    catalogue_from,
    load_assessment,
    storage_failure,
)
from vendorrisk.exitcodes import ExitCode
from vendorrisk.localtime import current_user, today
from vendorrisk.messages import t
from vendorrisk.workflow import STATUSES, WorkflowError, add_comment, transition


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad-date", value=text)) from None


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("review", help=t("review.help"), description=t("review.help"))
    parser.add_argument("path", type=Path, metavar="PATH")
    parser.add_argument(
        "--to",
        choices=STATUSES,
        metavar="STATUS",
        help=t("review.opt_to", statuses=", ".join(STATUSES)),
    )
    parser.add_argument("--reviewer", metavar="NAME", help=t("review.opt_reviewer"))
    parser.add_argument("--comment", metavar="TEXT", help=t("review.opt_comment"))
    parser.add_argument("--on", metavar="ID", help=t("review.opt_on"))
    parser.add_argument(
        "--condition", action="append", default=[], metavar="TEXT", help=t("review.opt_condition")
    )
    parser.add_argument(
        "--next-review", type=_date, metavar="YYYY-MM-DD", help=t("review.opt_next_review")
    )
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.to is None and args.on is None:
        print(t("review.nothing-to-do"), file=sys.stderr)
        return ExitCode.USAGE
    catalogue = catalogue_from(args)
    loaded = load_assessment(args.path, catalogue)
    assessment = loaded.assessment
    day = today()
    reviewer = args.reviewer or current_user()
    try:
        if args.on is not None:
            if not args.comment:
                raise WorkflowError(t("workflow.comment-empty"))
            assessment = add_comment(assessment, args.on, by=reviewer, text=args.comment, today=day)
            summary = t("review.commented", id=args.on)
        if args.to is not None:
            assessment, summary = transition(
                assessment,
                catalogue,
                args.to,
                reviewer=reviewer,
                comment=args.comment if args.on is None else None,
                conditions=tuple(args.condition),
                next_review_date=args.next_review,
                today=day,
            )
    except WorkflowError as exc:
        raise CommandError(str(exc), ExitCode.PROBLEMS) from None
    try:
        saved = storage.save(loaded, assessment, catalogue, by=reviewer, summary=summary)
    except storage.StorageError as exc:
        raise storage_failure(args.path, exc) from None
    review = saved.assessment.review
    print(
        t("review.done", path=args.path, status=review.status, revision=saved.assessment.revision)
    )
    return ExitCode.OK
