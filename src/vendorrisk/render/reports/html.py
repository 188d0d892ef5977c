"""The report as one self-contained HTML file: inline CSS, inline SVG, no JavaScript.

The markup is also well-formed XML (XHTML syntax: closed void elements, only the XML
entities), so it can be checked with any XML parser and embedded in other documents. It is
laid out for printing on A4, since the usual destination is a 決裁 file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from vendorrisk.core.encoding import html_text as escape
from vendorrisk.messages import t
from vendorrisk.render.reports import facts
from vendorrisk.render.reports.model import Report
from vendorrisk.render.reports.svg_chart import compliance_chart

STYLE = """
@page { size: A4; margin: 18mm 15mm 18mm 15mm; }
body { font-family: "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo,
  sans-serif; font-size: 10pt; line-height: 1.5; color: #111; max-width: 180mm;
  margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 16pt; border-bottom: 2px solid #333; padding-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 1.4em; border-left: 4pt solid #555; padding-left: 5pt;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin-bottom: 0.2em; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.8em; }
th, td { border: 1px solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left;
  white-space: pre-wrap; overflow-wrap: anywhere; }
/* Identifiers, severities, states and dates never break per character: the free-text
   columns (which may break anywhere, so a long URL cannot widen the table past A4) give
   way to them. keep-all stops Japanese words (必須, 未達成) breaking between characters. */
th.id, td.id, th.short, td.short { white-space: nowrap; word-break: keep-all;
  overflow-wrap: normal; }
td.id { min-width: 13mm; }
td.short { min-width: 10mm; }
td.mark { word-break: keep-all; overflow-wrap: normal; min-width: 14mm; }
th { background: #eeeeee; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.facts th { width: 32%; font-weight: normal; }
td.num { text-align: right; }
tr.blocker td { background: #fdecea; }
.chart { max-width: 100%; height: auto; }
figure { margin: 0.4em 0; break-inside: avoid; page-break-inside: avoid; }
section.answers { break-before: page; page-break-before: always; }
@media print {
  body { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _cells(
    tag: str,
    values: Iterable[str],
    numeric: frozenset[int] = frozenset(),
    columns: Sequence[str] = (),
) -> str:
    out = []
    for i, v in enumerate(values):
        css = " ".join(c for c in ("num" if i in numeric else "", _at(columns, i)) if c)
        attr = f' class="{css}"' if css else ""
        out.append(f"<{tag}{attr}>{escape(v)}</{tag}>")
    return "".join(out)


def _at(columns: Sequence[str], index: int) -> str:
    return columns[index] if index < len(columns) else ""


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric: frozenset[int] = frozenset(),
    row_classes: Sequence[str] | None = None,
    columns: Sequence[str] = (),
) -> list[str]:
    """``columns``: a CSS class per column ("id", "short", "mark"), for the print layout."""
    out = ["<table>", f"<thead><tr>{_cells('th', header, columns=columns)}</tr></thead>", "<tbody>"]
    for index, row in enumerate(rows):
        css = row_classes[index] if row_classes else ""
        attr = f' class="{css}"' if css else ""
        out.append(f"<tr{attr}>{_cells('td', row, numeric, columns)}</tr>")
    out += ["</tbody>", "</table>"]
    return out


def facts_table(pairs: facts.Pairs) -> list[str]:
    out = ['<table class="facts">', "<tbody>"]
    out += [f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in pairs]
    out += ["</tbody>", "</table>"]
    return out


def _heading(level: int, text: str) -> str:
    return f"<h{level}>{escape(text)}</h{level}>"


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _disclosure(report: Report) -> list[str]:
    if not report.disclosure:
        return []
    lang = report.lang
    items = [f"<li>{escape(o.describe(lang))}</li>" for o in report.omissions]
    return [
        '<section class="disclosure">',
        _heading(2, t("disclosure.heading", lang)),
        _paragraph(t("disclosure.intro", lang)),
        "<ul>",
        *items,
        "</ul>",
        "</section>",
    ]


def render_html(report: Report) -> str:
    lang = report.lang
    title = t("report.title", lang)
    subject = f"{report.vendor.name} / {report.service.name}"
    out = [
        "<!DOCTYPE html>",
        f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{lang}" xml:lang="{lang}">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="generator" content="vendorrisk"/>',
        f"<title>{escape(title)}: {escape(subject)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        _heading(1, title),
        *facts_table(facts.document_facts(report)),
        *_disclosure(report),
        "<section>",
        _heading(2, t("report.h-subject", lang)),
        *facts_table(facts.subject_facts(report)),
        "</section>",
        "<section>",
        _heading(2, t("report.h-decision", lang)),
        *facts_table(facts.decision_facts(report)),
        _heading(3, t("report.h-conditions", lang)),
    ]
    if report.review.conditions:
        out += ["<ol>", *(f"<li>{escape(c)}</li>" for c in report.review.conditions), "</ol>"]
    else:
        out.append(_paragraph(t("report.none", lang)))
    out += ["</section>", "<section>", _heading(2, t("report.h-compliance", lang))]
    out += ["<figure>", compliance_chart(report.sections, lang), "</figure>"]
    if report.sections:
        out += table(
            facts.compliance_header(lang),
            [
                [
                    f"§{s.section} {s.title}",
                    facts.percent_text(s.tally.percent),
                    *(str(n) for n in s.tally.counts.values()),
                ]
                for s in report.sections
            ],
            numeric=frozenset(range(1, 7)),
        )
    out += ["</section>", "<section>", _heading(2, t("report.h-findings", lang))]
    if not report.findings:
        out.append(_paragraph(t("report.no-findings", lang)))
    for group in report.findings:
        out.append(_heading(3, f"§{group.section} {group.title}"))
        out += table(
            facts.finding_header(lang),
            [facts.finding_row(f, lang) for f, _ in group.findings],
            row_classes=[
                "blocker" if f.blocker and not f.excepted else "" for f, _ in group.findings
            ],
            columns=("id", "short", "short", "mark"),
        )
    out += ["</section>", "<section>", _heading(2, t("report.h-exceptions", lang))]
    if report.exceptions:
        out += table(
            facts.exception_header(lang),
            [facts.exception_row(e, lang) for e in report.exceptions],
            columns=("id", "", "", "", "short", "short"),
        )
    else:
        out.append(_paragraph(t("report.none", lang)))
    out += ["</section>", "<section>", _heading(2, t("report.h-next-review", lang))]
    out += facts_table(facts.next_review_facts(report))
    out += ["</section>", '<section class="answers">', _heading(2, t("report.h-answers", lang))]
    header = [
        t("report.col-id", lang),
        t("report.col-question", lang),
        t("report.col-answer", lang),
        t("report.col-note", lang),
        t("report.col-evidence", lang),
    ]
    for section in report.answers:
        out.append(_heading(3, f"§{section.section} {section.title}"))
        out += table(
            header,
            [
                [r.requirement, r.question, r.value, r.note, "\n".join(r.evidence)]
                for r in section.rows
            ],
            columns=("id",),
        )
    out += ["</section>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
