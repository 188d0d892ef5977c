"""The formats of the documents made from assessments, registered by name: the report of one
assessment, the roll-up of all of them, and the export (a table of all, or OSCAL of one).

Every reporter is given a value built once by the command (reports/model.py,
reports/summary.py, ``Exported`` below) and only lays it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePath
from typing import Protocol

from vendorrisk.core.assessed import Assessed
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.encoding import json_text
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.messages import Lang, t
from vendorrisk.messages.said import problem_text
from vendorrisk.render.formats import Formats, OutputRefused, Reporter
from vendorrisk.render.reports.disclosure import Omission, omission_json
from vendorrisk.render.reports.export import export_row, rows_csv, rows_json
from vendorrisk.render.reports.html import render_html
from vendorrisk.render.reports.json_report import report_json
from vendorrisk.render.reports.markdown import render_markdown
from vendorrisk.render.reports.model import Report
from vendorrisk.render.reports.summary import Summary
from vendorrisk.render.reports.summary_render import render_summary_markdown, summary_json

REPORT_FORMATS: Formats[Reporter[Report, bytes]] = Formats("report")
SUMMARY_FORMATS: Formats[Reporter[Summary, bytes]] = Formats("summary")


@dataclass(frozen=True, slots=True)
class Exported:
    """What ``vendorrisk export`` writes: the assessments, each as its copy shows it."""

    items: tuple[Assessed, ...]
    catalogue: Catalogue
    today: dt.date
    lang: Lang
    encoding: str  # what --encoding asked for; only the spreadsheet format honours it
    # For a disclosure copy, per item: what it leaves out and the questions withheld.
    omissions: tuple[tuple[Omission, ...], ...] | None = None
    withheld: tuple[frozenset[str], ...] | None = None


class ExportReporter(Reporter[Exported, bytes], Protocol):
    @property
    def one_assessment(self) -> bool:
        """Whether the format describes one assessment (named by PATH), not a folder."""
        ...


EXPORT_FORMATS: Formats[ExportReporter] = Formats("export")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


@REPORT_FORMATS.register("md")
class MarkdownReport:
    for_people = True

    def render(self, value: Report) -> bytes:
        return _utf8(render_markdown(value))


@REPORT_FORMATS.register("html")
class HtmlReport:
    for_people = True

    def render(self, value: Report) -> bytes:
        return _utf8(render_html(value))


@REPORT_FORMATS.register("json")
class JsonReport:
    for_people = False

    def render(self, value: Report) -> bytes:
        return _utf8(json_text(report_json(value)) + "\n")


@SUMMARY_FORMATS.register("md")
class MarkdownSummary:
    for_people = True

    def render(self, value: Summary) -> bytes:
        return _utf8(render_summary_markdown(value, value.lang))


@SUMMARY_FORMATS.register("json")
class JsonSummary:
    for_people = False

    def render(self, value: Summary) -> bytes:
        return _utf8(json_text(summary_json(value, value.lang)) + "\n")


@EXPORT_FORMATS.register("csv")
class CsvExport:
    """For people with a spreadsheet: in the encoding asked for (by default UTF-8 with a
    byte order mark, which Japanese Excel needs)."""

    for_people = True
    one_assessment = False

    def render(self, value: Exported) -> bytes:
        left_out = None
        if value.omissions is not None:
            left_out = [
                "; ".join(o.describe(value.lang) for o in found if o.count)
                for found in value.omissions
            ]
        rows = [export_row(item) for item in value.items]
        text = rows_csv(rows, value.lang, left_out)
        try:
            return text.encode(value.encoding)
        except UnicodeEncodeError as exc:
            reason = repr(exc.object[exc.start : exc.end])
            message = t("export.unencodable", encoding=value.encoding, reason=reason)
            raise OutputRefused(message, ExitCode.USAGE) from None


@EXPORT_FORMATS.register("json")
class JsonExport:
    """For scripts: UTF-8 whatever --encoding says, as JSON is by definition (RFC 8259)."""

    for_people = False
    one_assessment = False

    def render(self, value: Exported) -> bytes:
        details = None
        if value.omissions is not None:
            details = [[omission_json(o, value.lang) for o in found] for found in value.omissions]
        rows = [export_row(item) for item in value.items]
        return _utf8(json_text(rows_json(rows, value.today, details)) + "\n")


@EXPORT_FORMATS.register("oscal-ar")
class OscalExport:
    """One assessment as OSCAL assessment-results, checked against the OSCAL schema before
    it leaves: a document other tools refuse is worse than none."""

    for_people = False
    one_assessment = True

    def render(self, value: Exported) -> bytes:
        from vendorrisk.core.validation.schema_check import schema_problems
        from vendorrisk.render.oscal import assessment_results

        (item,) = value.items
        remarks = None
        leave_out: frozenset[str] = frozenset()
        if value.omissions is not None and value.withheld is not None:
            (found,) = value.omissions
            (leave_out,) = value.withheld
            remarks = "\n".join(
                [t("disclosure.intro", value.lang)] + [f"- {o.describe(value.lang)}" for o in found]
            )
        document = assessment_results(
            item,
            value.catalogue,
            file_name=PurePath(item.path).name,
            lang=value.lang,
            leave_out=leave_out,
            remarks=remarks,
        )
        problems = schema_problems("oscal-assessment-results", document)
        if problems:
            details = "; ".join(f"{p.key}: {problem_text(p)}" for p in problems[:5])
            raise OutputRefused(t("oscal.invalid", reason=details), ExitCode.PROBLEMS)
        return _utf8(json_text(document) + "\n")
