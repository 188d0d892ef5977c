"""``vendorrisk export --format oscal-ar PATH``: one assessment as OSCAL assessment-results."""

from __future__ import annotations

import argparse

from vendorrisk.cli.common import CommandError
from vendorrisk.cli.report_command import scored_input, write_output
from vendorrisk.encoding import json_text
from vendorrisk.exitcodes import ExitCode
from vendorrisk.messages import language, t
from vendorrisk.messages.said import problem_text
from vendorrisk.oscal import assessment_results
from vendorrisk.reports.disclosure import Withheld, disclosed_result, omissions, redacted
from vendorrisk.validation.schema_check import schema_problems


def run_oscal(args: argparse.Namespace) -> int:
    if args.format != "oscal-ar":
        raise CommandError(t("oscal.path-only-for-oscal"), ExitCode.USAGE)
    if args.path is None:
        raise CommandError(t("oscal.path-required"), ExitCode.USAGE)
    catalogue, loaded, result, day = scored_input(args)
    assessment, lang = loaded.assessment, language()
    leave_out: frozenset[str] = frozenset()
    remarks = None
    if args.disclosure:
        withheld = Withheld.of(assessment, catalogue)
        leave_out = withheld.ids
        remarks = "\n".join(
            [t("disclosure.intro", lang)]
            + [f"- {o.describe(lang)}" for o in omissions(assessment, withheld)]
        )
        assessment = redacted(assessment, withheld)
        result = disclosed_result(result, withheld)
    document = assessment_results(
        assessment,
        catalogue,
        result,
        file_name=args.path.name,
        today=day,
        lang=lang,
        leave_out=leave_out,
        remarks=remarks,
    )
    # Checked before it leaves: a document other tools refuse is worse than none.
    problems = schema_problems("oscal-assessment-results", document)
    if problems:
        details = "; ".join(f"{p.key}: {problem_text(p)}" for p in problems[:5])
        raise CommandError(t("oscal.invalid", reason=details), ExitCode.PROBLEMS)
    text = json_text(document) + "\n"
    write_output(text.encode("utf-8"), args.output)
    return ExitCode.OK
