"""``vendorrisk subcontractors PATH list|add|consent|remove``: the 再委託承認 register of one
assessment (issue 14 §5), saved through the storage layer like every other change."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    CommandError,
    add_catalog_option,
    add_format_option,
    catalogue_from,
    load_assessment,
    print_problems,
    storage_failure,
)
from vendorrisk.cli.report_command import parse_day
from vendorrisk.core.approval import APPROVED_STATUSES
from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.classification import TIERS
from vendorrisk.core.codes import Phrase
from vendorrisk.core.encoding import json_text, one_line
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.localtime import current_user, today
from vendorrisk.core.model import Assessment, Subcontractor
from vendorrisk.core.problems import Problem
from vendorrisk.core.validation.register import register_problems, structure_problems
from vendorrisk.features.subcontracting import RegisterError, add, consent, remove
from vendorrisk.messages import say, t
from vendorrisk.messages.said import error_text, problem_json
from vendorrisk.render.formats import Formats, Reporter
from vendorrisk.store import storage
from vendorrisk.store.assessments import Store


@dataclass(frozen=True, slots=True)
class Listing:
    path: Path
    register: tuple[Subcontractor, ...]
    problems: list[Problem]


REGISTER_FORMATS: Formats[Reporter[Listing, str]] = Formats("subcontractors")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "subcontractors", help=t("register.help"), description=t("register.help")
    )
    parser.add_argument("path", type=Path, metavar="PATH")
    inner = parser.add_subparsers(dest="register_command", parser_class=type(parser))
    listing = inner.add_parser("list", help=t("register.list-help"))
    add_format_option(listing, REGISTER_FORMATS)
    add_catalog_option(listing)
    listing.set_defaults(func=run_list)

    adding = inner.add_parser("add", help=t("register.add-help"))
    adding.add_argument("--name", required=True, metavar="NAME", help=t("register.opt_name"))
    adding.add_argument("--work", required=True, metavar="TEXT", help=t("register.opt_work"))
    adding.add_argument("--data", required=True, metavar="TEXT", help=t("register.opt_data"))
    adding.add_argument(
        "--corporate-number", metavar="DIGITS", help=t("register.opt_corporate_number")
    )
    adding.add_argument("--parent", metavar="WHICH", help=t("register.opt_parent"))
    adding.add_argument("--tier", choices=TIERS, help=t("register.opt_tier"))
    adding.add_argument("--mynumber", action="store_true", help=t("register.opt_mynumber"))
    adding.add_argument(
        "--requested", type=parse_day, metavar="YYYY-MM-DD", help=t("register.opt_requested")
    )
    adding.add_argument("--note", metavar="TEXT", help=t("register.opt_note"))
    adding.add_argument("--by", metavar="NAME", help=t("register.opt_by"))
    add_catalog_option(adding)
    adding.set_defaults(func=run_add)

    consenting = inner.add_parser("consent", help=t("register.consent-help"))
    consenting.add_argument("which", metavar="SUBCONTRACTOR", help=t("register.opt_which"))
    consenting.add_argument(
        "--approver", required=True, metavar="NAME", help=t("register.opt_approver")
    )
    consenting.add_argument(
        "--date", type=parse_day, metavar="YYYY-MM-DD", help=t("register.opt_date")
    )
    consenting.add_argument(
        "--requested", type=parse_day, metavar="YYYY-MM-DD", help=t("register.opt_requested")
    )
    consenting.add_argument("--by", metavar="NAME", help=t("register.opt_by"))
    add_catalog_option(consenting)
    consenting.set_defaults(func=run_consent)

    removing = inner.add_parser("remove", help=t("register.remove-help"))
    removing.add_argument("which", metavar="SUBCONTRACTOR", help=t("register.opt_which"))
    removing.add_argument("--by", metavar="NAME", help=t("register.opt_by"))
    add_catalog_option(removing)
    removing.set_defaults(func=run_remove)
    parser.set_defaults(func=_no_action, parser=parser)


def _no_action(args: argparse.Namespace) -> int:
    args.parser.print_usage(sys.stderr)
    print(t("register.choose-action"), file=sys.stderr)
    return ExitCode.USAGE


def findings(assessment: Assessment, catalogue: Catalogue) -> list[Problem]:
    """What the register's rules (G1–G9) find in this assessment."""
    applicable = applies(catalogue, assessment)
    return structure_problems(assessment.subcontractors) + register_problems(assessment, applicable)


def entry_lines(number: int, sub: Subcontractor) -> list[str]:
    """One entry as the list shows it, indented by its level."""
    indent = "    " * (sub.level - 1)
    head = f"{indent}{number}. {sub.name}"
    if sub.corporate_number:
        head += f" ({t('register.corporate-number', number=sub.corporate_number)})"
    head += f" — {t('register.level', level=sub.level)}"
    if sub.tier:
        head += f", {t('report.tier.' + sub.tier)}"
    if sub.mynumber_data:
        head += f", {t('register.mynumber')}"
    lines = [head]
    lines.append(f"{indent}   {t('register.work')}: {sub.work}")
    lines.append(f"{indent}   {t('register.data')}: {sub.data}")
    requested = sub.requested.isoformat() if sub.requested else "—"
    if sub.consent_recorded and sub.consented is not None:
        state = t("register.consented", date=sub.consented.isoformat(), approver=sub.approver or "")
    else:
        state = t("register.pending")
    if sub.mynumber_data:
        state += f" [{t('register.article-10')}]"
    lines.append(f"{indent}   {t('register.requested')}: {requested} / {state}")
    # Names and texts come from the file: each line is shown encoded, the indent kept.
    return [line[: len(line) - len(line.lstrip())] + one_line(line.lstrip()) for line in lines]


def _entry_json(sub: Subcontractor) -> dict[str, Any]:
    return {
        "name": sub.name,
        "corporate_number": sub.corporate_number,
        "level": sub.level,
        "parent": sub.parent,
        "tier": sub.tier,
        "mynumber_data": sub.mynumber_data,
        "work": sub.work,
        "data": sub.data,
        "requested": sub.requested.isoformat() if sub.requested else None,
        "consented": sub.consented.isoformat() if sub.consented else None,
        "approver": sub.approver,
        "consent_recorded": sub.consent_recorded,
        "note": sub.note,
    }


@REGISTER_FORMATS.register("text")
class RegisterText:
    for_people = True

    def render(self, value: Listing) -> str:
        lines = [line for n, sub in enumerate(value.register, 1) for line in entry_lines(n, sub)]
        return "".join(line + "\n" for line in lines)


@REGISTER_FORMATS.register("json")
class RegisterJson:
    for_people = False

    def render(self, value: Listing) -> str:
        data = {
            "path": str(value.path),
            "subcontractors": [_entry_json(s) for s in value.register],
            "problems": [problem_json(p) for p in value.problems],
        }
        return json_text(data) + "\n"


def run_list(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    assessment = load_assessment(args.path, catalogue).assessment
    found = findings(assessment, catalogue)
    register = tuple(assessment.subcontractors)
    reporter = REGISTER_FORMATS[args.format]
    sys.stdout.write(reporter.render(Listing(args.path, register, found)))
    if reporter.for_people:
        # The text lists the problems after the entries; JSON carries them itself.
        if not register:
            print(t("register.empty"), file=sys.stderr)
        print_problems((args.path, p) for p in found)
    return ExitCode.PROBLEMS if found else ExitCode.OK


def _save(
    args: argparse.Namespace,
    catalogue: Catalogue,
    loaded: storage.Loaded,
    changed: Assessment,
    summary: Phrase,
) -> int:
    by = args.by or current_user()
    try:
        saved = Store(catalogue).save(loaded, changed, by=by, summary=summary)
    except storage.StorageError as exc:
        raise storage_failure(args.path, exc) from None
    after = saved.assessment
    print(
        t("register.saved", path=args.path, summary=one_line(say(summary)), revision=after.revision)
    )
    before = loaded.assessment.review.status
    if before in APPROVED_STATUSES and after.review.status not in APPROVED_STATUSES:
        print(t("register.reopened", status=before), file=sys.stderr)
    found = findings(after, catalogue)
    print_problems((args.path, p) for p in found)
    return ExitCode.OK


def _change(args: argparse.Namespace, what: str) -> int:
    catalogue = catalogue_from(args)
    loaded = load_assessment(args.path, catalogue)
    assessment = loaded.assessment
    try:
        if what == "add":
            entry = Subcontractor(
                name=args.name.strip(),
                work=args.work,
                data=args.data,
                parent=args.parent,
                corporate_number=args.corporate_number,
                tier=args.tier,
                mynumber_data=args.mynumber,
                requested=args.requested,
                note=args.note,
            )
            changed, summary = add(assessment, entry)
        elif what == "consent":
            changed, summary = consent(
                assessment,
                args.which,
                approver=args.approver,
                consented=args.date or today(),
                requested=args.requested,
            )
        else:
            changed, summary = remove(assessment, args.which)
    except RegisterError as exc:
        raise CommandError(error_text(exc), ExitCode.PROBLEMS) from None
    return _save(args, catalogue, loaded, changed, summary)


def run_add(args: argparse.Namespace) -> int:
    return _change(args, "add")


def run_consent(args: argparse.Namespace) -> int:
    return _change(args, "consent")


def run_remove(args: argparse.Namespace) -> int:
    return _change(args, "remove")
