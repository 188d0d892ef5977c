"""``vendorrisk round start|status --fiscal-year YEAR``: the yearly 自己点検票 round (policy
§7; issue 14 §6). The questionnaires are the ones ``questionnaire export --assessment``
writes; the record is ``rounds/<year>.toml`` in the repository."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    DEFAULT_DIR,
    CommandError,
    add_catalog_option,
    add_format_option,
    catalogue_from,
    print_problems,
    report_failures,
)
from vendorrisk.cli.questionnaire_formats import (
    QUESTIONNAIRE_FORMATS,
    Questionnaire,
    QuestionnaireReporter,
)
from vendorrisk.cli.report_command import add_today_option, parse_day, today_of
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.encoding import json_text, one_line
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.localtime import current_user
from vendorrisk.core.model import Assessment
from vendorrisk.features.exchange.assessment_questions import questions_for
from vendorrisk.features.rounds.record import (
    Round,
    RoundFileError,
    Sent,
    load,
    repository_of,
    round_path,
    save,
)
from vendorrisk.features.rounds.yearly import (
    RoundStatus,
    due_this_year,
    questionnaire_name,
    round_status,
    snapshot,
)
from vendorrisk.messages import language, t
from vendorrisk.messages.said import error_text, os_reason
from vendorrisk.render.formats import Formats, Reporter
from vendorrisk.render.rounds import status_json, status_lines
from vendorrisk.store import storage
from vendorrisk.store.assessments import Store
from vendorrisk.store.files import read_limited

ROUND_FORMATS: Formats[Reporter[RoundStatus, str]] = Formats("round status")


@ROUND_FORMATS.register("text")
class RoundText:
    for_people = True

    def render(self, value: RoundStatus) -> str:
        return "\n".join(status_lines(value)) + "\n"


@ROUND_FORMATS.register("json")
class RoundJson:
    for_people = False

    def render(self, value: RoundStatus) -> str:
        return json_text(status_json(value)) + "\n"


# Without --due, answers are due back this many days after the round starts.
DEFAULT_DAYS_TO_ANSWER = 30


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        year = 0
    if not 2000 <= year <= 2999:
        raise argparse.ArgumentTypeError(t("round.bad-year", value=text))
    return year


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("round", help=t("round.help"), description=t("round.help"))
    inner = parser.add_subparsers(dest="round_command", parser_class=type(parser))
    start = inner.add_parser("start", help=t("round.start-help"), description=t("round.start-help"))
    status = inner.add_parser(
        "status", help=t("round.status-help"), description=t("round.status-help")
    )
    for sub in (start, status):
        sub.add_argument("--fiscal-year", type=_year, required=True, metavar="YEAR")
        sub.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=t("cli.opt_paths"))
        add_today_option(sub)
        add_catalog_option(sub)
    start.add_argument("--out", type=Path, metavar="FOLDER", help=t("round.opt_out"))
    start.add_argument("--due", type=parse_day, metavar="YYYY-MM-DD", help=t("round.opt_due"))
    add_format_option(start, QUESTIONNAIRE_FORMATS, "round.opt_format")
    start.add_argument("--by", metavar="NAME", help=t("register.opt_by"))
    start.set_defaults(func=run_start)
    add_format_option(status, ROUND_FORMATS)
    status.set_defaults(func=run_status)
    parser.set_defaults(func=_no_action, parser=parser)


def _no_action(args: argparse.Namespace) -> int:
    args.parser.print_usage(sys.stderr)
    return ExitCode.USAGE


def _relative(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path.resolve(), root)).as_posix()


def _load_record(path: Path) -> tuple[Round, str] | None:
    try:
        return load(path)
    except RoundFileError as exc:
        raise CommandError(
            t("round.unusable", path=path), ExitCode.USAGE, [(path, p) for p in exc.problems]
        ) from None


def _questionnaire(
    catalogue: Catalogue, assessment: Assessment, reporter: QuestionnaireReporter
) -> tuple[bytes, tuple[str, ...]]:
    questions = questions_for(catalogue, assessment)
    service = assessment.service
    value = Questionnaire(catalogue, questions, service.kind, service.tier, language())
    return reporter.render(value), tuple(q.id for q in questions)


def _existing(path: Path, size: int) -> bytes | None:
    """The first bytes of the file already at ``path`` (one more than ``size``: enough to
    compare), or None when it cannot be read."""
    try:
        return read_limited(path, size, head=True)
    except OSError:
        return None


def _write_questionnaire(path: Path, data: bytes) -> None:
    """Create the file; one left by an interrupted start with the same bytes is fine."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        storage.atomic_write(path, data, expected_digest=None, create=True)
    except storage.AlreadyExists:
        if _existing(path, len(data)) != data:
            raise CommandError(t("round.file-exists", path=path), ExitCode.USAGE) from None
    except OSError as exc:
        reason = os_reason(exc)
        raise CommandError(
            t("storage.write-failed", path=path, reason=reason), ExitCode.USAGE
        ) from None
    except storage.StorageError as exc:
        raise CommandError(error_text(exc), ExitCode.USAGE) from None


def run_start(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    day = today_of(args)
    year = args.fiscal_year
    root = repository_of(args.dir)
    record_path = round_path(root, year)
    existing = _load_record(record_path)
    record, digest = existing if existing else (None, None)
    due = args.due or (record.due if record else day + dt.timedelta(DEFAULT_DAYS_TO_ANSWER))
    loaded, failed = Store(catalogue, args.dir).load_folder()
    code = report_failures(failed, "round.skipped")
    if code == ExitCode.USAGE:
        return code
    out = args.out or root / "rounds" / str(year)
    sent = list(record.sent) if record else []
    already = {s.assessment: s for s in sent}
    taken = {Path(s.file).name for s in sent}
    by = args.by or current_user()
    reporter = QUESTIONNAIRE_FORMATS[args.format]
    for item in sorted(loaded, key=lambda i: str(i.path)):
        assessment = item.assessment
        if not due_this_year(assessment, catalogue, year, day):
            continue
        where = _relative(item.path, root)
        subject = one_line(f"{assessment.vendor.name} / {assessment.service.name}")
        if where in already:
            print(t("round.already", subject=subject, date=already[where].sent.isoformat()))
            continue
        data, questions = _questionnaire(catalogue, assessment, reporter)
        name = questionnaire_name(
            year, assessment.vendor.name, assessment.service.name, reporter.suffix, taken
        )
        taken.add(name)
        _write_questionnaire(out / name, data)
        sent.append(
            Sent(
                assessment=where,
                vendor=assessment.vendor.name,
                service=assessment.service.name,
                file=_relative(out / name, root),
                sent=day,
                revision=assessment.revision,
                questions=questions,
                answers=snapshot(assessment, questions),
                sent_by=by,
            )
        )
        print(t("round.sent", subject=subject, file=one_line(name), count=len(questions)))
    updated = Round(fiscal_year=year, due=due, sent=tuple(sent))
    if updated != record:
        try:
            save(updated, record_path, digest)
        except storage.StorageError as exc:
            raise CommandError(error_text(exc), ExitCode.USAGE) from None
    print(
        t("round.recorded", count=len(sent), path=record_path, due=due.isoformat()),
        file=sys.stderr,
    )
    return code


def _assessments(record: Round, root: Path, catalogue: Catalogue) -> dict[str, Assessment | None]:
    found: dict[str, Assessment | None] = {}
    store = Store(catalogue, root)
    for sent in record.sent:
        try:
            found[sent.assessment] = store.load(root / sent.assessment).assessment
        except storage.StorageError as exc:
            print_problems((root / sent.assessment, p) for p in exc.problems)
            print(one_line(error_text(exc)), file=sys.stderr)
            found[sent.assessment] = None
    return found


def status_of(folder: Path, year: int, catalogue: Catalogue, day: dt.date) -> RoundStatus | None:
    """The round of ``year`` for the repository of ``folder``, or None if none was started.
    Raises CommandError when its record cannot be read."""
    root = repository_of(folder)
    current = _load_record(round_path(root, year))
    if current is None:
        return None
    previous = _load_record(round_path(root, year - 1))
    record = current[0]
    return round_status(
        record, _assessments(record, root, catalogue), day, previous[0] if previous else None
    )


def run_status(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    status = status_of(args.dir, args.fiscal_year, catalogue, today_of(args))
    if status is None:
        path = round_path(repository_of(args.dir), args.fiscal_year)
        raise CommandError(t("round.none", year=args.fiscal_year, path=path), ExitCode.USAGE)
    sys.stdout.write(ROUND_FORMATS[args.format].render(status))
    late = status.count("overdue") + status.count("missing")
    return ExitCode.PROBLEMS if late else ExitCode.OK
