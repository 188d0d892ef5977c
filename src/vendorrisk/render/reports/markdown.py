"""The report as Markdown: readable as plain text, and renders as tables on Git hosts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from vendorrisk.core.encoding import markdown_text
from vendorrisk.messages import Lang, t
from vendorrisk.render.reports import facts
from vendorrisk.render.reports.model import Report


def escape(text: str) -> str:
    """Literal text inside a Markdown line; line breaks kept as <br> (tables allow no others)."""
    return markdown_text(text)


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(escape(h) for h in header) + " |"]
    out.append("|" + "|".join("---" for _ in header) + "|")
    out.extend("| " + " | ".join(escape(c) or " " for c in row) + " |" for row in rows)
    return out


def pairs_table(pairs: facts.Pairs, lang: Lang) -> list[str]:
    return table([t("report.col-item", lang), t("report.col-value", lang)], pairs)


def render_markdown(report: Report) -> str:
    lang = report.lang
    out: list[str] = [f"# {t('report.title', lang)}", ""]
    out += pairs_table(facts.document_facts(report), lang)
    if report.disclosure:
        out += [
            "",
            f"## {t('disclosure.heading', lang)}",
            "",
            escape(t("disclosure.intro", lang)),
            "",
        ]
        out += [f"- {escape(o.describe(lang))}" for o in report.omissions]

    out += ["", f"## {t('report.h-subject', lang)}", ""]
    out += pairs_table(facts.subject_facts(report), lang)

    out += ["", f"## {t('report.h-decision', lang)}", ""]
    out += pairs_table(facts.decision_facts(report), lang)
    out += ["", f"### {t('report.h-conditions', lang)}", ""]
    conditions = report.review.conditions
    out += [f"{i}. {escape(c)}" for i, c in enumerate(conditions, 1)] or [t("report.none", lang)]

    out += ["", f"## {t('report.h-compliance', lang)}", ""]
    if report.sections:
        out += table(
            facts.compliance_header(lang),
            (
                [
                    f"§{s.section} {s.title}",
                    facts.percent_text(s.tally.percent),
                    *(str(n) for n in s.tally.counts.values()),
                ]
                for s in report.sections
            ),
        )
    else:
        out.append(t("report.no-scored", lang))

    out += ["", f"## {t('report.h-findings', lang)}", ""]
    if not report.findings:
        out.append(t("report.no-findings", lang))
    for group in report.findings:
        out += [f"### §{escape(group.section)} {escape(group.title)}", ""]
        rows = (facts.finding_row(f, lang) for f, _ in group.findings)
        out += [*table(facts.finding_header(lang), rows), ""]
    if report.findings:
        out.pop()

    out += ["", f"## {t('report.h-exceptions', lang)}", ""]
    if report.exceptions:
        out += table(
            facts.exception_header(lang), (facts.exception_row(e, lang) for e in report.exceptions)
        )
    else:
        out.append(t("report.none", lang))

    out += ["", f"## {t('report.h-next-review', lang)}", ""]
    out += pairs_table(facts.next_review_facts(report), lang)

    out += ["", f"## {t('report.h-answers', lang)}", ""]
    header = [
        t("report.col-id", lang),
        t("report.col-question", lang),
        t("report.col-answer", lang),
        t("report.col-note", lang),
        t("report.col-evidence", lang),
    ]
    for section in report.answers:
        out += [f"### §{escape(section.section)} {escape(section.title)}", ""]
        rows = (
            [r.requirement, r.question, r.value, r.note, "\n".join(r.evidence)]
            for r in section.rows
        )
        out += [*table(header, rows), ""]
    return "\n".join(out).rstrip("\n") + "\n"
