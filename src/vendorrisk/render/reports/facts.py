"""The label–value lists and table rows the Markdown and HTML reports share, in words.

Both renderers lay out exactly these, so the two documents cannot drift apart in content.
"""

from __future__ import annotations

from vendorrisk.core.approval import INVALID_STANDING, approval_stands
from vendorrisk.core.rule_codes import problem_phrase
from vendorrisk.core.scoring import Finding
from vendorrisk.messages import Lang, say, t
from vendorrisk.render.reports.model import ExceptionRow, Report
from vendorrisk.render.reports.wareki import format_date

Pairs = list[tuple[str, str]]


def yes_no(value: bool, lang: Lang) -> str:
    return t("report.yes" if value else "report.no", lang)


def classification_text(report: Report) -> str:
    c = report.service.classification
    return t(
        "report.cia",
        report.lang,
        c=c.confidentiality,
        i=c.integrity,
        a=c.availability,
    )


def document_facts(report: Report) -> Pairs:
    lang = report.lang
    return [
        (t("report.file", lang), report.file_name),
        (t("report.revision", lang), str(report.revision)),
        (
            t("report.catalogue", lang),
            f"{report.catalogue_title} ({report.catalogue_id} {report.catalogue_version})",
        ),
        (t("report.generated", lang), format_date(report.generated, lang)),
    ]


def subject_facts(report: Report) -> Pairs:
    lang = report.lang
    vendor, service = report.vendor, report.service
    pairs = [
        (t("report.vendor", lang), vendor.name),
        (t("report.corporate-number", lang), vendor.corporate_number or "—"),
        (t("report.service", lang), service.name),
        (t("report.kind", lang), t(f"report.kind.{service.kind}", lang)),
        (t("report.tier", lang), t(f"report.tier.{service.tier}", lang)),
    ]
    if service.terminal_model is not None:
        pairs.append(
            (t("report.terminal-model", lang), t(f"report.model.{service.terminal_model}", lang))
        )
    pairs += [
        (t("report.classification", lang), classification_text(report)),
        (t("report.personal-data", lang), yes_no(service.personal_data, lang)),
        (t("report.mynumber-data", lang), yes_no(service.mynumber_data, lang)),
    ]
    if service.data_location:
        pairs.append((t("report.data-location", lang), service.data_location))
    if service.description:
        pairs.append((t("report.description", lang), service.description))
    return pairs


def decision_facts(report: Report) -> Pairs:
    lang = report.lang
    review, result = report.review, report.result
    recorded = t(f"decision.{review.decision}", lang) if review.decision else t("report.none", lang)
    status = review.status if approval_stands(report.approval) else INVALID_STANDING
    pairs = [
        (t("report.review-status", lang), t(f"report.review-status.{status}", lang)),
        (t("report.recorded-decision", lang), recorded),
    ]
    if report.approval:
        problems = " / ".join(say(problem_phrase(p), lang) for p in report.approval)
        pairs.append((t("report.approval-problems", lang), problems))
    if review.reviewer:
        pairs.append((t("report.reviewer", lang), review.reviewer))
    if review.decided_at:
        pairs.append((t("report.decided-at", lang), format_date(review.decided_at, lang)))
    pairs += [
        (t("report.suggested-decision", lang), t(f"decision.{result.decision}", lang)),
        (t("report.risk", lang), t(f"risk.{result.risk_level}", lang)),
        (t("report.score", lang), t("report.score-value", lang, score=f"{result.score:.1f}")),
        (
            t("report.impact", lang),
            t(
                "report.impact-value",
                lang,
                level=t(f"impact.{result.impact}", lang),
                points=result.impact_points,
            ),
        ),
        (t("report.blockers", lang), str(len(result.blockers))),
        (
            t("report.unanswered", lang),
            t("report.unanswered-value", lang, count=len(result.unanswered), of=result.applicable),
        ),
    ]
    return pairs


def next_review_facts(report: Report) -> Pairs:
    lang = report.lang
    nr = report.next_review
    recorded = format_date(nr.recorded, lang) if nr.recorded else t("report.none", lang)
    pairs = [
        (t("report.next-review-recorded", lang), recorded),
        (t("report.next-review-scheduled", lang), format_date(nr.scheduled, lang)),
    ]
    for reason in nr.reasons:
        what = t(f"due.kind.{reason.kind}", lang)
        if reason.kind == "interval":
            subject = t(f"risk.{reason.subject}", lang)
        elif reason.kind in ("conditions", "conditional_limit"):
            subject = t(f"decision.{reason.subject}", lang)  # rule N4: what was decided
        else:
            subject = reason.subject
        pairs.append((f"· {what}", f"{format_date(reason.date, lang)} — {subject}"))
    return pairs


def finding_header(lang: Lang) -> list[str]:
    keys = ("report.col-id", "report.col-severity", "report.col-status")
    return [t(k, lang) for k in keys] + [t("report.col-blocker", lang), t("report.col-why", lang)]


def blocker_mark(finding: Finding, lang: Lang) -> str:
    if not finding.blocker:
        return ""
    return t("report.blocker-excepted" if finding.excepted else "report.blocker-open", lang)


def finding_why(finding: Finding, lang: Lang) -> str:
    """The scorer's explanation, and on its own line the statutes it rests on (番号法10条):
    a reviewer signing the decision must see which findings are a matter of law."""
    if not finding.law:
        return say(finding.message, lang)
    laws = ("、" if lang == "ja" else ", ").join(finding.law)
    return say(finding.message, lang) + "\n" + t("report.law", lang, law=laws)


def finding_row(finding: Finding, lang: Lang) -> list[str]:
    # No title column: the scorer's message already starts with the requirement's title.
    return [
        finding.requirement,
        t(f"report.severity.{finding.severity}", lang),
        t(f"status.{finding.status}", lang),
        blocker_mark(finding, lang),
        finding_why(finding, lang),
    ]


def exception_header(lang: Lang) -> list[str]:
    keys = (
        "report.col-id",
        "report.col-title",
        "report.col-control",
        "report.col-approved-by",
        "report.col-until",
        "report.col-state",
    )
    return [t(k, lang) for k in keys]


def exception_row(row: ExceptionRow, lang: Lang) -> list[str]:
    approved = row.approved_by
    if row.approved_at is not None:
        approved += f" ({format_date(row.approved_at, lang)})"
    state = t("report.exception-active" if row.active else "report.exception-expired", lang)
    return [
        row.requirement,
        row.title,
        row.compensating_control,
        approved,
        format_date(row.until, lang),
        state,
    ]


def compliance_header(lang: Lang) -> list[str]:
    keys = ("report.col-section", "report.col-compliance")
    statuses = ("met", "partial", "not_met", "unanswered", "na")
    return [t(k, lang) for k in keys] + [t(f"status.{s}", lang) for s in statuses]


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"
