"""``vendorrisk questionnaire export`` (a blank questionnaire for a vendor) and
``vendorrisk import-answers`` (the vendor's filled-in file into an assessment)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    CommandError,
    add_catalog_option,
    add_format_option,
    catalogue_from,
    load_assessment,
    storage_failure,
)
from vendorrisk.cli.questionnaire_formats import QUESTIONNAIRE_FORMATS, Questionnaire
from vendorrisk.cli.report_command import (
    add_output_option,
    add_today_option,
    today_of,
    write_output,
)
from vendorrisk.core.classification import KINDS, TIERS
from vendorrisk.core.codes import phrase
from vendorrisk.core.encoding import one_line
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.history_codes import HistoryCode
from vendorrisk.features.exchange.assessment_questions import questions_for
from vendorrisk.features.exchange.importing import VendorFileError, line_defect, read_vendor_file
from vendorrisk.features.exchange.recording import ImportOutcome, ImportWords, plan_import
from vendorrisk.messages import LANGS, language, say, t
from vendorrisk.messages.said import error_text
from vendorrisk.render.questionnaire import vendor_questions
from vendorrisk.store import storage
from vendorrisk.store.assessments import Store


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "questionnaire", help=t("questionnaire.help"), description=t("questionnaire.help")
    )
    inner = parser.add_subparsers(dest="questionnaire_command", parser_class=type(parser))
    export = inner.add_parser(
        "export", help=t("questionnaire.export-help"), description=t("questionnaire.export-help")
    )
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--kind", choices=KINDS)
    which.add_argument(
        "--assessment", type=Path, metavar="PATH", help=t("questionnaire.opt_assessment")
    )
    export.add_argument("--tier", choices=TIERS)
    add_format_option(export, QUESTIONNAIRE_FORMATS)
    export.add_argument("--lang", dest="questionnaire_lang", choices=("ja", "en"))
    add_output_option(export)
    add_catalog_option(export)
    export.set_defaults(func=run_export)
    imp = subparsers.add_parser(
        "import-answers", help=t("import.help"), description=t("import.help")
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--into", type=Path, required=True, metavar="PATH")
    imp.add_argument("--by", metavar="NAME", help=t("import.opt_by"))
    imp.add_argument("--dry-run", action="store_true", help=t("migrate.opt_dry_run"))
    imp.add_argument(
        "--accept-applicability-changes", action="store_true", help=t("import.opt_accept")
    )
    add_today_option(imp)
    add_catalog_option(imp)
    imp.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    lang = args.questionnaire_lang or language()
    if args.assessment is not None:
        if args.tier is not None:
            # The assessment's own tier is the one that counts; a second one would only
            # make questions the import then refuses.
            raise CommandError(t("questionnaire.tier-with-assessment"), ExitCode.USAGE)
        assessment = load_assessment(args.assessment, catalogue).assessment
        kind, tier = assessment.service.kind, assessment.service.tier
        questions = questions_for(catalogue, assessment)
    else:
        kind, tier = args.kind, args.tier
        questions = vendor_questions(catalogue, kind, tier)
    questionnaire = Questionnaire(catalogue, questions, kind, tier, lang)
    write_output(QUESTIONNAIRE_FORMATS[args.format].render(questionnaire), args.output)
    print(t("questionnaire.count", count=len(questions)), file=sys.stderr)
    return ExitCode.OK


def _refused(path: Path, reason: str) -> CommandError:
    return CommandError(
        t("import.refused-file", path=one_line(str(path)), reason=reason), ExitCode.PROBLEMS
    )


def import_words() -> ImportWords:
    """The provenance note in the current language; compliance labels in every language."""
    return ImportWords(say, lambda code: [say(code, lang) for lang in LANGS])


def run_import(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    if args.by is not None and (defect := line_defect(args.by)) is not None:
        raise CommandError(t("import.bad-by", reason=say(defect)), ExitCode.USAGE)
    loaded = load_assessment(args.into, catalogue)
    assessment = loaded.assessment
    try:
        vendor_file = read_vendor_file(args.file)
    except VendorFileError as exc:
        raise _refused(args.file, error_text(exc)) from None
    if vendor_file.catalog_id is not None and vendor_file.catalog_id != catalogue.id:
        reason = t(
            "import.other-catalogue", found=one_line(vendor_file.catalog_id), expected=catalogue.id
        )
        raise _refused(args.file, reason)
    if vendor_file.kind is not None and vendor_file.kind != assessment.service.kind:
        reason = t(
            "import.other-kind", found=one_line(vendor_file.kind), expected=assessment.service.kind
        )
        raise _refused(args.file, reason)
    by = args.by or assessment.vendor.contact.name or assessment.vendor.name
    outcome = plan_import(
        loaded,
        catalogue,
        vendor_file,
        by=by,
        day=today_of(args),
        words=import_words(),
        accept_applicability_changes=args.accept_applicability_changes,
    )
    summary = phrase(HistoryCode.IMPORTED, file=vendor_file.name, count=len(outcome.imported))
    reopens = (
        storage.approval_after_save(loaded, outcome.assessment, catalogue, summary=summary)
        if outcome.writes
        else None
    )
    if outcome.writes and not args.dry_run:
        try:
            Store(catalogue).save(loaded, outcome.assessment, summary=summary)
        except storage.StorageError as exc:
            raise storage_failure(loaded.path, exc) from None
    _report(outcome)
    if reopens is not None:
        # A dry run says it too: the real run changes the review status (rule W8).
        print(t("audit.approval-reopens", reason=say(reopens)))
    if args.dry_run:
        print(t("import.dry-run"), file=sys.stderr)
    return ExitCode.PROBLEMS if outcome.refused or outcome.blocked else ExitCode.OK


def _report(outcome: ImportOutcome) -> None:
    """The same lines for a dry run and the real one: what is (or would be) done."""
    if outcome.blocked is None:
        for rid, how in outcome.imported:
            print(t(f"import.line-{how}", id=rid))
    for refusal in outcome.refused:
        # The id, the cell's place and the reason may quote the vendor's file.
        print(
            t(
                "import.line-refused",
                id=one_line(refusal.id),
                where=one_line(say(refusal.where)),
                reason=one_line(say(refusal.reason)),
            )
        )
    changes = outcome.changes
    answered = outcome.assessment.answers
    for rid in changes.stops:
        key = "import.line-stops" if rid in answered else "import.line-stops-unanswered"
        print(t(key, id=rid))
    for rid in changes.starts:
        print(t("import.line-starts", id=rid))
    causes = ", ".join(changes.caused_by) or "—"
    if outcome.blocked == "city-verified":
        ids = ", ".join(changes.city_verified)
        print(t("import.city-verified-stop", causes=causes, ids=ids), file=sys.stderr)
    elif outcome.blocked == "applicability":
        print(t("import.needs-acceptance", causes=causes), file=sys.stderr)
    imported = 0 if outcome.blocked else len(outcome.imported)
    print(
        t(
            "import.totals",
            imported=imported,
            unchanged=len(outcome.unchanged),
            blank=len(outcome.blank),
            refused=len(outcome.refused),
        ),
        file=sys.stderr,
    )
