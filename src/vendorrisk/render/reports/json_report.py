"""The report as JSON: codes for every enumerated value, texts in the report's language."""

from __future__ import annotations

from typing import Any

from vendorrisk.core.approval import approval_stands
from vendorrisk.core.scoring import Finding
from vendorrisk.messages import Lang, say
from vendorrisk.render.reports.compliance import SectionCompliance
from vendorrisk.render.reports.disclosure import omission_json
from vendorrisk.render.reports.model import Report
from vendorrisk.render.reports.wareki import wareki

FORMAT_VERSION = 1


def _date(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def _finding(finding: Finding, title: str, lang: Lang) -> dict[str, Any]:
    return {
        "requirement": finding.requirement,
        "title": title,
        "section": finding.section,
        "severity": finding.severity,
        "status": finding.status,
        "gate": finding.gate,
        "blocker": finding.blocker,
        "excepted": finding.excepted,
        "law": list(finding.law),
        "message": say(finding.message, lang),
    }


def _section(s: SectionCompliance) -> dict[str, Any]:
    return {
        "section": s.section,
        "title": s.title,
        "compliance": s.tally.percent,
        "counts": dict(s.tally.counts),
    }


def report_json(report: Report) -> dict[str, Any]:

    document = _report_json(report)
    if report.disclosure:
        document["disclosure"] = {
            "omissions": [omission_json(o, report.lang) for o in report.omissions]
        }
    return document


def _report_json(report: Report) -> dict[str, Any]:
    vendor, service, review, result = report.vendor, report.service, report.review, report.result
    c = service.classification
    return {
        "format_version": FORMAT_VERSION,
        "lang": report.lang,
        "generated": report.generated.isoformat(),
        "generated_wareki": wareki(report.generated),
        "file": report.file_name,
        "revision": report.revision,
        "catalog": {"id": report.catalogue_id, "version": report.catalogue_version},
        "vendor": {"name": vendor.name, "corporate_number": vendor.corporate_number},
        "service": {
            "name": service.name,
            "kind": service.kind,
            "tier": service.tier,
            "terminal_model": service.terminal_model,
            "classification": {
                "confidentiality": c.confidentiality,
                "integrity": c.integrity,
                "availability": c.availability,
            },
            "personal_data": service.personal_data,
            "mynumber_data": service.mynumber_data,
            "data_location": service.data_location,
        },
        "review": {
            "status": review.status,
            "reviewer": review.reviewer,
            "decision": review.decision,
            "decided_at": _date(review.decided_at),
            "conditions": list(review.conditions),
            "next_review": _date(review.next_review),
            "approval_stands": approval_stands(report.approval),
            "approval_problems": [
                {"code": p.code, "ids": list(p.ids), "blocking": p.blocking}
                for p in report.approval
            ],
        },
        "suggested": {
            "decision": result.decision,
            "risk_level": result.risk_level,
            "score": result.score,
            "impact": result.impact,
            "impact_points": result.impact_points,
            "complete": result.complete,
            "applicable": result.applicable,
            "unanswered": list(result.unanswered),
            "blockers": [f.requirement for f in result.blockers],
        },
        "sections": [_section(s) for s in report.sections],
        "findings": [
            {
                "section": g.section,
                "title": g.title,
                "findings": [_finding(f, title, report.lang) for f, title in g.findings],
            }
            for g in report.findings
        ],
        "exceptions": [
            {
                "requirement": e.requirement,
                "title": e.title,
                "compensating_control": e.compensating_control,
                "approved_by": e.approved_by,
                "approved_at": _date(e.approved_at),
                "until": e.until.isoformat(),
                "active": e.active,
            }
            for e in report.exceptions
        ],
        "next_review": {
            "recorded": _date(report.next_review.recorded),
            "scheduled": report.next_review.scheduled.isoformat(),
            "reasons": [
                {"date": r.date.isoformat(), "kind": r.kind, "subject": r.subject}
                for r in report.next_review.reasons
            ],
        },
        "answers": [
            {
                "section": s.section,
                "title": s.title,
                "rows": [
                    {
                        "requirement": r.requirement,
                        "question": r.question,
                        "answered": r.answered,
                        "answer": r.value,
                        "note": r.note,
                        "evidence": list(r.evidence),
                    }
                    for r in s.rows
                ],
            }
            for s in report.answers
        ],
    }
