"""The report as data: what a 決裁 attachment says, built once and laid out by each renderer.

Texts from the catalogue are resolved into the report's language here; enumerated values
(decision, risk, status) stay as codes, so the JSON renderer can keep them stable and the
document renderers translate them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vendorrisk.core.approval import ApprovalProblem
from vendorrisk.core.assessed import Assessed
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.model import Review, Service, Vendor
from vendorrisk.core.schedule import DueDate
from vendorrisk.core.scoring import Finding, ScoreResult
from vendorrisk.messages import Lang
from vendorrisk.render.reports.answers import AnswerSection, answer_sections
from vendorrisk.render.reports.compliance import SectionCompliance, tally_sections

if TYPE_CHECKING:
    from vendorrisk.render.reports.disclosure import Omission


@dataclass(frozen=True, slots=True)
class FindingGroup:
    section: str
    title: str
    findings: tuple[tuple[Finding, str], ...]  # each finding with its requirement's title


@dataclass(frozen=True, slots=True)
class ExceptionRow:
    requirement: str
    title: str
    compensating_control: str
    approved_by: str
    approved_at: dt.date | None
    until: dt.date
    active: bool


@dataclass(frozen=True, slots=True)
class NextReview:
    recorded: dt.date | None  # what the review decided, if it decided
    scheduled: dt.date  # what the schedule gives from the decision date (or today)
    reasons: tuple[DueDate, ...]  # the interval and every expiry considered, earliest first


@dataclass(frozen=True, slots=True)
class Report:
    lang: Lang
    generated: dt.date
    file_name: str
    catalogue_id: str
    catalogue_version: str
    catalogue_title: str
    revision: int
    vendor: Vendor
    service: Service
    review: Review
    result: ScoreResult
    sections: tuple[SectionCompliance, ...]
    findings: tuple[FindingGroup, ...]
    exceptions: tuple[ExceptionRow, ...]
    next_review: NextReview
    answers: tuple[AnswerSection, ...]
    # Why the recorded approval does not stand, if it is one (docs/scoring.md, W2, W7–W9).
    approval: tuple[ApprovalProblem, ...] = ()
    # A copy for an information disclosure request (reports/disclosure.py): what it leaves
    # out, by category.
    disclosure: bool = False
    omissions: tuple[Omission, ...] = ()


def _finding_groups(
    result: ScoreResult, catalogue: Catalogue, lang: Lang
) -> tuple[FindingGroup, ...]:
    by_section: dict[str, list[tuple[Finding, str]]] = {}
    for finding in result.findings:
        title = catalogue.by_id[finding.requirement].title.get(lang)
        by_section.setdefault(finding.section, []).append((finding, title))
    # Sections in catalogue order; within one, the scorer's order (blockers, worst first).
    return tuple(
        FindingGroup(s.id, s.title.get(lang), tuple(by_section[s.id]))
        for s in catalogue.sections
        if s.id in by_section
    )


def _exceptions(result: ScoreResult, catalogue: Catalogue, lang: Lang) -> tuple[ExceptionRow, ...]:
    rows = []
    for state in result.exceptions:
        grant = state.grant
        requirement = catalogue.by_id.get(grant.requirement)
        rows.append(
            ExceptionRow(
                requirement=grant.requirement,
                title=requirement.title.get(lang) if requirement else "",
                compensating_control=grant.compensating_control,
                approved_by=grant.approved_by,
                approved_at=grant.approved_at,
                until=grant.until,
                active=state.active,
            )
        )
    return tuple(rows)


def build_report(item: Assessed, catalogue: Catalogue, *, file_name: str, lang: Lang) -> Report:
    assessment, result = item.assessment, item.result
    return Report(
        lang=lang,
        generated=item.today,
        file_name=file_name,
        catalogue_id=catalogue.id,
        catalogue_version=catalogue.version,
        catalogue_title=catalogue.title.get(lang),
        revision=assessment.revision,
        vendor=assessment.vendor,
        service=assessment.service,
        review=assessment.review,
        result=result,
        sections=tally_sections(catalogue, [item.statuses], lang),
        findings=_finding_groups(result, catalogue, lang),
        exceptions=_exceptions(result, catalogue, lang),
        next_review=NextReview(
            assessment.review.next_review, item.scheduled, item.schedule_reasons
        ),
        answers=answer_sections(assessment, catalogue, lang),
        approval=item.approval,
    )
