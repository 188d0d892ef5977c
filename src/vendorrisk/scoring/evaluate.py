"""Per-requirement status, score, findings, blockers, exceptions and the suggested decision
(docs/scoring.md, rules S1–S3, B1–B2, E1–E2, D1–D4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final, Literal

from vendorrisk import localtime
from vendorrisk.catalog.applicability import Profile, applies
from vendorrisk.catalog.model import Catalogue, Requirement
from vendorrisk.messages import language, t
from vendorrisk.model import Assessment, ExceptionGrant
from vendorrisk.scoring.impact import ImpactLevel, impact_level, impact_points
from vendorrisk.scoring.risk import RiskLevel, risk_level

Status = Literal["met", "partial", "not_met", "na", "unanswered"]
Decision = Literal["approve", "approve_with_conditions", "reject", "incomplete"]

# Rule S1: what each status earns; "na" (with a reason) is left out of the score.
STATUS_POINTS: Final[dict[Status, float]] = {
    "met": 1.0,
    "partial": 0.5,
    "not_met": 0.0,
    "unanswered": 0.0,
}
# Rule S2: how much each severity weighs.
SEVERITY_WEIGHTS: Final = {"must": 3, "should": 2, "may": 1}
# Worst first: the order findings are listed in, and the order "better" is measured by.
STATUS_ORDER: Final[tuple[Status, ...]] = ("unanswered", "not_met", "partial", "met")


@dataclass(frozen=True, slots=True)
class Finding:
    requirement: str
    section: str
    severity: str
    status: Status
    message: str
    gate: bool = False
    blocker: bool = False  # blocks approval by itself (rules B1, B2)
    excepted: bool = False  # a blocker waived by an exception in force (rule E1)


@dataclass(frozen=True, slots=True)
class ExceptionState:
    grant: ExceptionGrant
    active: bool  # rule E2: an exception past its end date no longer counts


@dataclass(frozen=True, slots=True)
class ScoreResult:
    impact: ImpactLevel
    impact_points: int
    score: float
    risk_level: RiskLevel
    decision: Decision
    complete: bool
    findings: tuple[Finding, ...]
    exceptions: tuple[ExceptionState, ...]
    unanswered: tuple[str, ...]
    applicable: int
    # Gates answered met (or not applicable) on the vendor's word only: approval waits for the
    # city's own verification of each (issue: gates rest on the city's verification).
    unverified_gates: tuple[str, ...] = ()
    # "na" answers on a must question or a gate: the reviewer confirms each one explicitly.
    na_to_confirm: tuple[str, ...] = ()

    @property
    def blockers(self) -> tuple[Finding, ...]:
        """Blockers not waived by an exception in force."""
        return tuple(f for f in self.findings if f.blocker and not f.excepted)


def _one_decimal(value: Fraction) -> float:
    """Rounded as by hand, halves up: ``round`` would give 81.2 for 81.25 (to even)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal("0.1"), ROUND_HALF_UP))


def percent(earned: float, possible: int) -> float:
    """Rule S3: the weighted share of points earned, in percent, one decimal."""
    return _one_decimal(100 * Fraction(earned) / possible) if possible else 0.0


def requirement_status(assessment: Assessment, requirement: Requirement) -> Status:
    answer = assessment.answers.get(requirement.id)
    if answer is None:
        return "unanswered"
    value = answer.value
    if value in ("met", "partial", "not_met", "na"):
        return value  # type: ignore[return-value]
    return "unanswered"


def judged_status(assessment: Assessment, requirement: Requirement) -> tuple[Status, bool]:
    """The status the score counts, and whether rule S4 lowered it for missing evidence."""
    status = requirement_status(assessment, requirement)
    answer = assessment.answers.get(requirement.id)
    if (
        status == "met"
        and requirement.evidence.required
        and answer is not None
        and not answer.evidence
    ):
        return "partial", True
    return status, False


def _is_blocker(requirement: Requirement, status: Status) -> bool:
    if requirement.gate:
        # Rule B2: a tier rule must be met (or not apply); "partly" is not enough to use the
        # service in that tier at all.
        return status in ("not_met", "partial", "unanswered")
    # Rule B1: an unmet must requirement (unanswered counts as not met).
    return requirement.severity == "must" and status in ("not_met", "unanswered")


def _message(requirement: Requirement, status: Status) -> str:
    lang = language()
    title = requirement.title.get(lang)
    if status == "unanswered":
        return t("finding.unanswered", title=title)
    assert requirement.criteria is not None
    criterion = {
        "not_met": requirement.criteria.not_met,
        "partial": requirement.criteria.partial,
    }[status]
    return t("finding.criterion", title=title, criterion=criterion.get(lang))


def _decision(
    complete: bool, findings: tuple[Finding, ...], risk: RiskLevel, exceptions_used: bool
) -> Decision:
    if not complete:
        return "incomplete"  # rule D1
    if any(f.blocker and not f.excepted for f in findings) or risk == "critical":
        return "reject"  # rule D2
    must_gaps = any(f.severity == "must" for f in findings)
    if exceptions_used or must_gaps or risk in ("medium", "high"):
        return "approve_with_conditions"  # rule D3
    return "approve"  # rule D4


def score_assessment(
    assessment: Assessment, catalogue: Catalogue, *, today: dt.date | None = None
) -> ScoreResult:
    today = today or localtime.today()  # the city's day, not the host's
    profile = Profile.of(assessment)
    applicable = applies(catalogue, assessment)
    # Rule E1: only an exception that states its compensating control and its approver, and
    # has not ended, waives anything.
    active = {
        g.requirement
        for g in assessment.exceptions
        if g.until >= today and g.compensating_control.strip() and g.approved_by.strip()
    }
    findings: list[Finding] = []
    unanswered: list[str] = []
    unverified_gates: list[str] = []
    na_to_confirm: list[str] = []
    earned = 0.0
    possible = 0
    for requirement in applicable.values():
        if requirement.id not in assessment.answers:
            unanswered.append(requirement.id)
        if not requirement.scored:
            continue
        status = requirement_status(assessment, requirement)
        answer = assessment.answers.get(requirement.id)
        if (
            requirement.gate
            and status in ("met", "na")
            and answer is not None
            and answer.source != "city"
        ):
            unverified_gates.append(requirement.id)
        if status == "na":
            if requirement.gate or requirement.severity == "must":
                na_to_confirm.append(requirement.id)
            continue
        unproven = (
            status == "met"
            and requirement.evidence.required
            and answer is not None
            and not answer.evidence
        )
        if unproven:
            status = "partial"  # rule S4: "met" with no evidence where evidence is required
        weight = SEVERITY_WEIGHTS[requirement.severity]
        possible += weight
        earned += weight * STATUS_POINTS[status]
        if status == "met":
            continue
        blocker = _is_blocker(requirement, status)
        findings.append(
            Finding(
                requirement=requirement.id,
                section=requirement.section,
                severity=requirement.severity,
                status=status,
                message=t("finding.evidence-missing", title=requirement.title.get(language()))
                if unproven
                else _message(requirement, status),
                gate=requirement.gate,
                blocker=blocker,
                excepted=blocker and requirement.id in active,
            )
        )
    score = percent(earned, possible)
    impact = impact_level(profile)
    open_blockers = sum(1 for f in findings if f.blocker and not f.excepted)
    risk = risk_level(impact, score, open_blockers)
    complete = not unanswered and possible > 0
    findings.sort(
        key=lambda f: (not f.blocker, STATUS_ORDER.index(f.status), catalogue.order[f.requirement])
    )
    exceptions = tuple(ExceptionState(g, g.until >= today) for g in assessment.exceptions)
    used = any(f.excepted for f in findings)
    return ScoreResult(
        impact=impact,
        impact_points=impact_points(profile),
        score=score,
        risk_level=risk,
        decision=_decision(complete, tuple(findings), risk, used),
        complete=complete,
        findings=tuple(findings),
        exceptions=exceptions,
        unanswered=tuple(unanswered),
        applicable=len(applicable),
        unverified_gates=tuple(unverified_gates),
        na_to_confirm=tuple(na_to_confirm),
    )
