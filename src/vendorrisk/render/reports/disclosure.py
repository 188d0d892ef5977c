"""Disclosure-safe output for 情報公開 requests (policy §10; issue 14 §7).

A copy made with ``--disclosure`` leaves out, by category:

- ``city-items``: the answers, notes and evidence of the questions the city answers
  (audience "city": its own controls and judgements);
- ``withheld-controls``: those of the questions the catalogue marks
  ``disclosure = "withhold"`` (security-control details whose publication would help an
  attacker), with their findings, exceptions and expiry dates;
- ``contacts``: the vendor's contact person, and who answered each question;
- ``comments``: reviewers' comments (internal deliberation);
- ``conditions``: the conditions of an approval, which name the gaps to be closed;
- ``url-checks``: the URL-check records (headers, certificates, security.txt).

Each omission says what was left out and why, and how many, never the content. Question
ids are catalogue data and public; the score, risk and decision stay, as the decision is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Final, Literal

from vendorrisk.core.approval import ApprovalProblem
from vendorrisk.core.assessed import Assessed
from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.model import Answer, Assessment, Contact
from vendorrisk.core.scoring import ScoreResult
from vendorrisk.messages import Lang, t
from vendorrisk.render.reports.answers import answer_sections
from vendorrisk.render.reports.compliance import tally_sections
from vendorrisk.render.reports.model import NextReview, Report

OmissionCategory = Literal[
    "city-items", "withheld-controls", "contacts", "comments", "conditions", "url-checks"
]
CATEGORIES: Final[tuple[OmissionCategory, ...]] = (
    "withheld-controls",
    "city-items",
    "contacts",
    "comments",
    "conditions",
    "url-checks",
)


@dataclass(frozen=True, slots=True)
class Omission:
    category: OmissionCategory
    count: int
    ids: tuple[str, ...] = ()  # the questions concerned, where the category is per question

    def describe(self, lang: Lang) -> str:
        ids = ", ".join(self.ids)
        return t(f"disclosure.{self.category}", lang, count=self.count, ids=ids or "—")


def omission_json(omission: Omission, lang: Lang) -> dict[str, Any]:
    return {
        "category": omission.category,
        "count": omission.count,
        "ids": list(omission.ids),
        "reason": omission.describe(lang),
    }


@dataclass(frozen=True, slots=True)
class Withheld:
    """Which applicable questions a disclosure copy leaves out."""

    city: frozenset[str]
    controls: frozenset[str]

    @property
    def ids(self) -> frozenset[str]:
        return self.city | self.controls

    @classmethod
    def of(cls, assessment: Assessment, catalogue: Catalogue) -> Withheld:
        applicable = applies(catalogue, assessment)
        city = {rid for rid, r in applicable.items() if r.audience == "city"}
        controls = {
            rid for rid, r in applicable.items() if r.disclosure == "withhold" and rid not in city
        }
        # Answers to questions that do not apply are not shown; withheld all the same, by kind.
        for rid in assessment.answers:
            requirement = catalogue.by_id.get(rid)
            if rid in applicable or requirement is None:
                continue
            (city if requirement.audience == "city" else controls).add(rid)
        return cls(frozenset(city), frozenset(controls))


def _stripped(answer: Answer, withheld: bool) -> Answer:
    if withheld:
        # The value stays (later questions' conditions read it); nothing else does.
        return Answer(value=answer.value, source=answer.source, answered_at=answer.answered_at)
    return replace(answer, answered_by=None, comments=())


def redacted(assessment: Assessment, withheld: Withheld) -> Assessment:
    """The assessment with every withheld text removed; answer values are kept so that
    what applies is unchanged, and renderers leave the withheld questions out by id."""
    answers = {
        rid: _stripped(answer, rid in withheld.ids) for rid, answer in assessment.answers.items()
    }
    review = assessment.review
    return replace(
        assessment,
        vendor=replace(assessment.vendor, contact=Contact()),
        answers=answers,
        review=replace(review, conditions=()),
        exceptions=tuple(g for g in assessment.exceptions if g.requirement not in withheld.ids),
        url_checks=(),
    )


def omissions(assessment: Assessment, withheld: Withheld) -> tuple[Omission, ...]:
    """What a disclosure copy of ``assessment`` leaves out, by category (empty ones too, so
    a reader sees that the category was considered)."""
    contact = assessment.vendor.contact
    people = sum(1 for v in (contact.name, contact.department, contact.email, contact.phone) if v)
    people += sum(1 for a in assessment.answers.values() if a.answered_by)
    answered = set(assessment.answers)
    found = {
        "withheld-controls": _ids(withheld.controls & answered),
        "city-items": _ids(withheld.city & answered),
    }
    comments = sum(len(a.comments) for a in assessment.answers.values())
    counts = {
        "contacts": people,
        "comments": comments,
        "conditions": len(assessment.review.conditions),
        "url-checks": len(assessment.url_checks),
    }
    out = []
    for category in CATEGORIES:
        if category in found:
            ids = found[category]
            out.append(Omission(category, len(ids), ids))
        else:
            out.append(Omission(category, counts[category]))
    return tuple(out)


def _ids(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(ids))


def disclosed_result(result: ScoreResult, withheld: Withheld) -> ScoreResult:
    """The score as it is, with no id of a withheld question in it."""
    keep = withheld.ids

    def only(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(i for i in ids if i not in keep)

    return replace(
        result,
        findings=tuple(f for f in result.findings if f.requirement not in keep),
        exceptions=tuple(e for e in result.exceptions if e.grant.requirement not in keep),
        unanswered=only(result.unanswered),
        unverified_gates=only(result.unverified_gates),
        na_to_confirm=only(result.na_to_confirm),
        conditions_needed=only(result.conditions_needed),
        statuses={rid: s for rid, s in result.statuses.items() if rid not in keep},
    )


def _approval(
    problems: tuple[ApprovalProblem, ...], withheld: Withheld
) -> tuple[ApprovalProblem, ...]:
    return tuple(
        ApprovalProblem(p.code, tuple(i for i in p.ids if i not in withheld.ids)) for p in problems
    )


def disclosed(item: Assessed, withheld: Withheld) -> Assessed:
    """``item`` as a disclosure copy shows it. Whether the recorded approval stands was
    judged on the whole assessment and stays so; only the ids it names are left out."""
    return replace(
        item,
        assessment=redacted(item.assessment, withheld),
        result=disclosed_result(item.result, withheld),
        approval=_approval(item.approval, withheld),
    )


def _next_review(review: NextReview, withheld: Withheld) -> NextReview:
    def public(kind: str, subject: str) -> bool:
        if kind == "tls_certificate":
            return False  # a URL-check detail
        if kind in ("evidence", "exception"):
            return subject.split(":", 1)[0] not in withheld.ids
        return True

    reasons = tuple(r for r in review.reasons if public(r.kind, r.subject))
    return replace(review, reasons=reasons)


def disclosure_report(report: Report, item: Assessed, catalogue: Catalogue) -> Report:
    """``report`` (built from ``item`` as it is) made safe to disclose."""
    assessment = item.assessment
    withheld = Withheld.of(assessment, catalogue)
    safe = disclosed(item, withheld)
    lang = report.lang
    sections = tuple(
        replace(s, rows=rows)
        for s in answer_sections(safe.assessment, catalogue, lang)
        if (rows := tuple(r for r in s.rows if r.requirement not in withheld.ids))
    )
    return replace(
        report,
        vendor=safe.assessment.vendor,
        review=replace(report.review, conditions=()),
        result=safe.result,
        sections=tally_sections(catalogue, [safe.statuses], lang),
        findings=tuple(
            replace(g, findings=kept)
            for g in report.findings
            if (kept := tuple(f for f in g.findings if f[0].requirement not in withheld.ids))
        ),
        exceptions=tuple(e for e in report.exceptions if e.requirement not in withheld.ids),
        next_review=_next_review(report.next_review, withheld),
        answers=sections,
        approval=safe.approval,
        omissions=omissions(assessment, withheld),
        disclosure=True,
    )
