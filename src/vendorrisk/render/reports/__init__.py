"""Documents made from assessments: the per-assessment report (Markdown, HTML, JSON), the
export table and the self-inspection roll-up.

Core code: it reads assessments, the catalogue and scores, and returns text; writing files
and exit codes are the command line's business. It loads neither the UI toolkit nor the
HTTP client.
"""

from vendorrisk.render.reports.export import ExportRow, export_row, rows_csv, rows_json
from vendorrisk.render.reports.html import render_html
from vendorrisk.render.reports.json_report import report_json
from vendorrisk.render.reports.markdown import render_markdown
from vendorrisk.render.reports.model import Report, build_report
from vendorrisk.render.reports.summary import DueEntry, Summary, build_summary
from vendorrisk.render.reports.summary_render import render_summary_markdown, summary_json
from vendorrisk.render.reports.wareki import format_date, wareki

__all__ = [
    "DueEntry",
    "ExportRow",
    "Report",
    "Summary",
    "build_report",
    "build_summary",
    "export_row",
    "format_date",
    "render_html",
    "render_markdown",
    "render_summary_markdown",
    "report_json",
    "rows_csv",
    "rows_json",
    "summary_json",
    "wareki",
]
