"""The roll-up laid out as Markdown (for the self-inspection record) and as JSON."""

from __future__ import annotations

from typing import Any

from vendorrisk.features.rounds.yearly import RoundStatus
from vendorrisk.messages import Lang, t
from vendorrisk.render.reports.compliance import Tally
from vendorrisk.render.reports.facts import compliance_header, percent_text
from vendorrisk.render.reports.markdown import escape, table
from vendorrisk.render.reports.summary import (
    DueEntry,
    ExceptionEntry,
    RequirementFailures,
    Summary,
)
from vendorrisk.render.reports.wareki import format_date
from vendorrisk.render.rounds import changes_text, headline, status_json

FORMAT_VERSION = 1


def _requirement_row(f: RequirementFailures, lang: Lang) -> list[str]:
    return [
        f.requirement,
        f.title,
        f"§{f.section}",
        t(f"report.severity.{f.severity}", lang),
        str(f.applies),
        str(f.counts["not_met"]),
        str(f.counts["partial"]),
        str(f.counts["unanswered"]),
        str(f.failing),
    ]


def _due_rows(entries: tuple[DueEntry, ...], lang: Lang) -> list[list[str]]:
    return [
        [
            format_date(d.due, lang),
            t("due.overdue" if d.overdue else "due.soon", lang),
            d.vendor,
            d.service,
            d.path,
        ]
        for d in entries
    ]


def _exception_state(e: ExceptionEntry, lang: Lang) -> str:
    if not e.active:
        return t("report.exception-expired", lang)
    return t("summary.exception-expiring" if e.expiring else "report.exception-active", lang)


def _tally_cells(tally: Tally) -> list[str]:
    c = tally.counts
    return [percent_text(tally.percent), str(c["not_met"]), str(c["partial"]), str(c["unanswered"])]


def _round_section(status: RoundStatus, lang: Lang) -> list[str]:
    """The 年度's self-inspection round: who has returned what, and what changed."""
    out = [f"## {t('summary.h-round', lang, year=status.fiscal_year)}", "", headline(status, lang)]
    if not status.entries:
        return out
    keys = ("state", "vendor", "returned", "changed", "file")
    rows = [
        [
            t(f"round.state.{e.state}", lang),
            f"{e.sent.vendor} / {e.sent.service}",
            f"{len(e.returned)}/{len(e.sent.questions)}",
            changes_text(e, lang) or "—",
            e.sent.assessment,
        ]
        for e in status.entries
    ]
    return [*out, "", *table([t(f"summary.col-{k}", lang) for k in keys], rows)]


def render_summary_markdown(s: Summary, lang: Lang) -> str:
    item, value, count = (
        t(k, lang) for k in ("report.col-item", "report.col-value", "summary.col-count")
    )
    out = [f"# {t('summary.title', lang)}", ""]
    out += table(
        [item, value],
        [
            [t("report.generated", lang), format_date(s.generated, lang)],
            [t("report.catalogue", lang), f"{s.catalogue_id} {s.catalogue_version}"],
            [t("summary.total", lang), str(s.total)],
        ],
    )

    out += ["", f"## {t('summary.h-overview', lang)}", ""]
    rows = [
        [t("report.review-status", lang), t(f"report.review-status.{k}", lang), str(n)]
        for k, n in s.by_status.items()
    ]
    rows += [[t("report.risk", lang), t(f"risk.{k}", lang), str(n)] for k, n in s.by_risk.items()]
    rows += [
        [t("report.suggested-decision", lang), t(f"decision.{k}", lang), str(n)]
        for k, n in s.by_decision.items()
    ]
    out += table([item, value, count], rows)

    out += ["", f"## {t('summary.h-due', lang)}", ""]
    out.append(
        t(
            "summary.due-counts",
            lang,
            overdue=len(s.overdue),
            soon=len(s.due_soon),
            days=s.due_soon_days,
        )
    )
    if s.overdue or s.due_soon:
        header = [
            t(f"summary.col-{k}", lang) for k in ("due", "state", "vendor", "service", "file")
        ]
        out += ["", *table(header, _due_rows(s.overdue + s.due_soon, lang))]

    out += ["", f"## {t('summary.h-exceptions', lang)}", ""]
    active = [e for e in s.exceptions if e.active]
    out.append(
        t(
            "summary.exception-counts",
            lang,
            active=len(active),
            expiring=sum(e.expiring for e in active),
            expired=len(s.exceptions) - len(active),
            days=s.due_soon_days,
        )
    )
    if s.exceptions:
        keys = ("until", "state", "id", "requirement", "vendor", "file")
        rows = [
            [
                format_date(e.until, lang),
                _exception_state(e, lang),
                e.requirement,
                e.title,
                f"{e.vendor} / {e.service}",
                e.path,
            ]
            for e in s.exceptions
        ]
        out += ["", *table([t(f"summary.col-{k}", lang) for k in keys], rows)]

    requirement_header = [
        t(f"summary.col-{k}", lang)
        for k in (
            "id",
            "requirement",
            "section",
            "severity",
            "applies",
            "not-met",
            "partial",
            "unanswered",
            "failing",
        )
    ]
    out += ["", f"## {t('summary.h-requirements', lang)}", ""]
    if s.requirements:
        out += table(requirement_header, (_requirement_row(f, lang) for f in s.requirements))
    else:
        out.append(t("summary.no-failures", lang))

    out += ["", f"## {t('summary.h-sections', lang)}", ""]
    out += table(
        compliance_header(lang),
        (
            [
                f"§{c.section} {c.title}",
                percent_text(c.tally.percent),
                *(str(n) for n in c.tally.counts.values()),
            ]
            for c in s.sections
        ),
    )

    out += ["", f"## {t('summary.h-kinds', lang)}", ""]
    kind_header = [
        t(f"summary.col-{k}", lang)
        for k in ("kind", "assessments", "compliance", "not-met", "partial", "unanswered", "top")
    ]
    out += table(
        kind_header,
        (
            [
                t(f"report.kind.{k.kind}", lang),
                str(k.assessments),
                *_tally_cells(k.tally),
                ", ".join(f"{f.requirement} ({f.failing})" for f in k.top),
            ]
            for k in s.kinds
        ),
    )

    out += [
        "",
        f"## {t('summary.h-policy-review', lang)}",
        "",
        escape(t("summary.policy-review-intro", lang)),
        "",
    ]
    if s.policy_review:
        header = [
            t(f"summary.col-{k}", lang)
            for k in ("id", "requirement", "section", "answered", "answered-failing", "rate")
        ]
        rows = [
            [
                f.requirement,
                f.title,
                f"§{f.section}",
                str(f.answered),
                str(f.answered_failing),
                f"{100 * f.failure_rate:.0f}%",
            ]
            for f in s.policy_review
        ]
        out += table(header, rows)
    else:
        out.append(t("report.none", lang))
    if s.round is not None:
        out += ["", *_round_section(s.round, lang)]
    return "\n".join(out) + "\n"


def _failures_json(f: RequirementFailures) -> dict[str, Any]:
    return {
        "requirement": f.requirement,
        "title": f.title,
        "section": f.section,
        "severity": f.severity,
        "applies": f.applies,
        "met": f.counts["met"],
        "partial": f.counts["partial"],
        "not_met": f.counts["not_met"],
        "unanswered": f.counts["unanswered"],
        "na": f.counts["na"],
        "failing": f.failing,
        "answered": f.answered,
        "answered_failing": f.answered_failing,
        "failure_rate": round(f.failure_rate, 3),
    }


def _due_json(d: DueEntry) -> dict[str, Any]:
    return {
        "path": d.path,
        "vendor": d.vendor,
        "service": d.service,
        "due": d.due.isoformat(),
        "overdue": d.overdue,
    }


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {"compliance": tally.percent, "counts": dict(tally.counts)}


def summary_json(s: Summary, lang: Lang) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "lang": lang,
        "today": s.generated.isoformat(),
        "catalog": {"id": s.catalogue_id, "version": s.catalogue_version},
        "assessments": s.total,
        "by_status": s.by_status,
        "by_risk": s.by_risk,
        "by_suggested_decision": s.by_decision,
        "due_soon_days": s.due_soon_days,
        "overdue": [_due_json(d) for d in s.overdue],
        "due_soon": [_due_json(d) for d in s.due_soon],
        "exceptions": [
            {
                "path": e.path,
                "vendor": e.vendor,
                "service": e.service,
                "requirement": e.requirement,
                "title": e.title,
                "until": e.until.isoformat(),
                "active": e.active,
                "expiring": e.expiring,
            }
            for e in s.exceptions
        ],
        "requirements": [_failures_json(f) for f in s.requirements],
        "sections": [
            {"section": c.section, "title": c.title, **_tally_json(c.tally)} for c in s.sections
        ],
        "kinds": [
            {
                "kind": k.kind,
                "assessments": k.assessments,
                **_tally_json(k.tally),
                "top": [f.requirement for f in k.top],
            }
            for k in s.kinds
        ],
        "policy_review": [_failures_json(f) for f in s.policy_review],
        "round": status_json(s.round) if s.round is not None else None,
    }
