"""``vendorrisk review``: move an assessment through the review workflow, comment on an
answer, or record or revoke an exception, from scripts -- through the same core functions
the UI uses."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    CommandError,
    add_catalog_option,
    catalogue_from,
    load_assessment,
    storage_failure,
)
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.codes import Joined, Phrase, phrase
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.history_codes import HistoryCode, Summary
from vendorrisk.core.localtime import today
from vendorrisk.core.model import Assessment
from vendorrisk.core.scoring import score_assessment
from vendorrisk.core.workflow import (
    STATUSES,
    WorkflowCode,
    WorkflowError,
    add_comment,
    grant_exception,
    revoke_exception,
    transition,
    verify_answers,
)
from vendorrisk.messages import say, t
from vendorrisk.messages.labels import status_label
from vendorrisk.store import storage
from vendorrisk.store.assessments import Store


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
    parser.add_argument("--reviewer", metavar="NAME", help=t("review.opt_person"))
    parser.add_argument("--comment", metavar="TEXT", help=t("review.opt_comment"))
    parser.add_argument("--on", metavar="ID", help=t("review.opt_on"))
    parser.add_argument(
        "--condition", action="append", default=[], metavar="TEXT", help=t("review.opt_condition")
    )
    parser.add_argument(
        "--next-review", type=_date, metavar="YYYY-MM-DD", help=t("review.opt_next_review")
    )
    parser.add_argument(
        "--conditions-due",
        type=_date,
        metavar="YYYY-MM-DD",
        help=t("review.opt_conditions_due"),
    )
    parser.add_argument(
        "--confirm-na", nargs="+", default=[], metavar="ID", help=t("review.opt_confirm_na")
    )
    parser.add_argument("--exception", metavar="ID", help=t("review.opt_exception"))
    parser.add_argument("--control", metavar="TEXT", help=t("review.opt_control"))
    parser.add_argument("--approver", metavar="NAME", help=t("review.opt_approver"))
    parser.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help=t("review.opt_until"))
    parser.add_argument("--revoke-exception", metavar="ID", help=t("review.opt_revoke"))
    parser.add_argument("--verify", nargs="+", metavar="ID", help=t("review.opt_verify"))
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def _usage(args: argparse.Namespace) -> str | None:
    """What is wrong with the combination of options, before any file is read."""
    chosen = (args.on, args.verify, args.exception, args.revoke_exception)
    actions = [a for a in chosen if a is not None]
    if args.to is None and not actions:
        return t("review.nothing")
    if len(actions) > 1:
        return t("review.one-action")
    details = (args.control, args.approver, args.until)
    if args.exception is not None and any(d is None for d in details):
        return t("review.exception-options")
    if args.exception is None and any(d is not None for d in details):
        return t("review.exception-stray")
    # The history names the person who acted; the login name of a shared account is no one.
    if args.reviewer is None or not args.reviewer.strip():
        return t("review.person-required")
    return None


def _confirmed(
    args: argparse.Namespace, assessment: Assessment, catalogue: Catalogue
) -> tuple[str, ...]:
    if [i.lower() for i in args.confirm_na] == ["all"]:
        return score_assessment(assessment, catalogue, today=today()).na_to_confirm
    return tuple(args.confirm_na)


def _change(
    args: argparse.Namespace, assessment: Assessment, catalogue: Catalogue, day: dt.date
) -> tuple[Assessment, Summary, str]:
    """The changed assessment, its history summary, and whose name the history records."""
    person: str = args.reviewer
    summary: Phrase | None = None
    if args.on is not None:
        if not args.comment:
            raise WorkflowError(phrase(WorkflowCode.COMMENT_EMPTY))
        assessment = add_comment(assessment, args.on, by=person, text=args.comment, today=day)
        summary = phrase(HistoryCode.COMMENTED, id=args.on)
    elif args.verify is not None:
        assessment, summary = verify_answers(
            assessment,
            tuple(args.verify),
            verified_by=person,
            remark=say(WorkflowCode.VERIFIED_REMARK),
            today=day,
        )
    elif args.exception is not None:
        assessment, summary = grant_exception(
            assessment,
            catalogue,
            args.exception,
            compensating_control=args.control,
            approved_by=args.approver,
            until=args.until,
            today=day,
        )
    elif args.revoke_exception is not None:
        assessment, summary = revoke_exception(assessment, args.revoke_exception, revoked_by=person)
    if args.to is not None:
        assessment, moved = transition(
            assessment,
            catalogue,
            args.to,
            reviewer=person,
            # A comment on an answer is that answer's; the move gets none of it.
            comment=args.comment if args.on is None else None,
            conditions=tuple(args.condition),
            next_review_date=args.next_review,
            conditions_due=args.conditions_due,
            confirm_na=_confirmed(args, assessment, catalogue),
            today=day,
        )
        return assessment, Joined((summary, moved)) if summary else moved, person
    return assessment, summary or "", person


def run(args: argparse.Namespace) -> int:
    wrong = _usage(args)
    if wrong is not None:
        print(wrong, file=sys.stderr)
        return ExitCode.USAGE
    catalogue = catalogue_from(args)
    loaded = load_assessment(args.path, catalogue)
    try:
        assessment, summary, person = _change(args, loaded.assessment, catalogue, today())
    except WorkflowError as exc:
        raise CommandError(say(exc.phrase), ExitCode.PROBLEMS) from None
    try:
        saved = Store(catalogue).save(loaded, assessment, by=person, summary=summary)
    except storage.StorageError as exc:
        raise storage_failure(args.path, exc) from None
    review = saved.assessment.review
    status = status_label(review.status)
    print(t("review.done", path=args.path, status=status, revision=saved.assessment.revision))
    return ExitCode.OK
