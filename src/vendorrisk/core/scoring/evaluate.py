"""Per-requirement status, score, findings, blockers, exceptions and the suggested decision
(docs/scoring.md, rules S1–S4, B1–B4, C1, E1–E2, D1–D5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final, Literal

from vendorrisk.core import localtime
from vendorrisk.core.catalog.applicability import Profile, applies
from vendorrisk.core.catalog.model import Catalogue, Requirement
from vendorrisk.core.codes import Code, Phrase, phrase
from vendorrisk.core.model import Assessment, ExceptionGrant
from vendorrisk.core.scoring.impact import ImpactLevel, impact_level, impact_points
from vendorrisk.core.scoring.risk import RiskLevel, risk_level

Status = Literal["met", "partial", "not_met", "na", "unanswered"]
Decision = Literal["approve", "approve_with_conditions", "reject", "incomplete"]
# Rule C1: why an open finding needs a condition of approval.
ConditionReason = Literal["excepted_blocker", "evidence_missing", "must_partial", "should_open"]
# Why the suggestion is what it is, one code per rule that decided it (D1–D4; approve has none).
DecisionReason = Literal[
    "unanswered",
    "nothing_to_judge",
    "open_blockers",
    "critical_risk",
    "unverified_gates",
    "conditions_needed",
]

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


class FindingCode(Code):
    """What a finding says; the requirement's title (and criterion) are its parameters."""

    UNANSWERED = "finding.unanswered"
    CRITERION = "finding.criterion"
    EVIDENCE_MISSING = "finding.evidence-missing"


@dataclass(frozen=True, slots=True)
class Finding:
    requirement: str
    section: str
    severity: str
    status: Status
    message: Phrase  # put into words by the face: ``messages.say``
    gate: bool = False
    blocker: bool = False  # blocks approval by itself (rules B1, B2)
    excepted: bool = False  # a blocker waived by an exception in force (rule E1)
    # Rule C1: set when approval needs a condition naming this finding; None for a blocker
    # still open (nothing to condition: it blocks) and for a gap in a "may" item.
    condition: ConditionReason | None = None
    law: tuple[str, ...] = ()  # the statutes the requirement rests on (refs.law)


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
    # Rule B3: gates answered met (or not applicable) on the vendor's word only; approval
    # waits for the city's own verification of each.
    unverified_gates: tuple[str, ...] = ()
    # Rule B4: "na" answers on a must question or a gate; the reviewer confirms each one.
    na_to_confirm: tuple[str, ...] = ()
    # Rule C1: the findings an approval has to name in its conditions, in findings order.
    conditions_needed: tuple[str, ...] = ()
    # The codes of the rules that decided the suggestion (empty for a plain approval).
    decision_reasons: tuple[DecisionReason, ...] = ()
    # The status each applicable scored requirement counted with (rule S4 applied), in
    # catalogue order: what per-section and roll-up tables count, so none re-judges answers.
    statuses: Mapping[str, Status] = field(default_factory=dict)

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


def weighted_points(status: Status, severity: str) -> tuple[float, int]:
    """Rules S1–S2: the points one judged requirement earns, of the points it could; a
    requirement that does not apply earns and could earn nothing."""
    if status == "na":
        return 0.0, 0
    weight = SEVERITY_WEIGHTS[severity]
    return weight * STATUS_POINTS[status], weight


def requirement_status(assessment: Assessment, requirement: Requirement) -> Status:
    answer = assessment.answers.get(requirement.id)
    if answer is None:
        return "unanswered"
    value = answer.value
    if value in ("met", "partial", "not_met", "na"):
        return value  # type: ignore[return-value]
    return "unanswered"


def _is_blocker(requirement: Requirement, status: Status) -> bool:
    if requirement.gate:
        # Rule B2: a tier rule must be met (or not apply); "partly" is not enough to use the
        # service in that tier at all.
        return status in ("not_met", "partial", "unanswered")
    # Rule B1: an unmet must requirement (unanswered counts as not met).
    return requirement.severity == "must" and status in ("not_met", "unanswered")


def _message(requirement: Requirement, status: Status, unproven: bool) -> Phrase:
    title = requirement.title
    if unproven:
        return phrase(FindingCode.EVIDENCE_MISSING, title=title)
    if status == "unanswered":
        return phrase(FindingCode.UNANSWERED, title=title)
    assert requirement.criteria is not None
    criterion = {
        "not_met": requirement.criteria.not_met,
        "partial": requirement.criteria.partial,
    }[status]
    return phrase(FindingCode.CRITERION, title=title, criterion=criterion)


def _condition(
    requirement: Requirement, status: Status, blocker: bool, excepted: bool, unproven: bool
) -> ConditionReason | None:
    """Rule C1: what, if anything, an approval has to condition on for this finding."""
    if blocker:
        return "excepted_blocker" if excepted else None
    if requirement.severity == "may" or status == "unanswered":
        # A "may" item is optional: its gap is noted, never a condition. An unanswered one
        # waits for its answer (rule D1), not for a condition.
        return None
    if unproven:
        return "evidence_missing"
    if requirement.severity == "must":
        return "must_partial"  # B1 already made a not met must a blocker
    return "should_open"


def _decision(
    *,
    unanswered: bool,
    judged: bool,
    findings: tuple[Finding, ...],
    risk: RiskLevel,
    unverified_gates: bool,
) -> tuple[Decision, tuple[DecisionReason, ...]]:
    reasons: list[DecisionReason] = []
    if unanswered:
        reasons.append("unanswered")
    if not judged:
        reasons.append("nothing_to_judge")
    if reasons:
        return "incomplete", tuple(reasons)  # rule D1
    if any(f.blocker and not f.excepted for f in findings):
        reasons.append("open_blockers")
    if risk == "critical":
        reasons.append("critical_risk")
    if reasons:
        return "reject", tuple(reasons)  # rule D2
    if unverified_gates:
        return "incomplete", ("unverified_gates",)  # rule D3, from rule B3
    if any(f.condition is not None for f in findings):
        return "approve_with_conditions", ("conditions_needed",)  # rule D4
    return "approve", ()  # rule D5


def score_assessment(
    assessment: Assessment,
    catalogue: Catalogue,
    *,
    today: dt.date | None = None,
    applicable: Mapping[str, Requirement] | None = None,
) -> ScoreResult:
    """``applicable``: ``applies(catalogue, assessment)``, when the caller has it already."""
    today = today or localtime.today()  # the city's day, not the host's
    profile = Profile.of(assessment)
    if applicable is None:
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
    statuses: dict[str, Status] = {}
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
            statuses[requirement.id] = status
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
        statuses[requirement.id] = status
        gained, weight = weighted_points(status, requirement.severity)
        possible += weight
        earned += gained
        if status == "met":
            continue
        blocker = _is_blocker(requirement, status)
        excepted = blocker and requirement.id in active
        findings.append(
            Finding(
                requirement=requirement.id,
                section=requirement.section,
                severity=requirement.severity,
                status=status,
                message=_message(requirement, status, unproven),
                gate=requirement.gate,
                blocker=blocker,
                excepted=excepted,
                condition=_condition(requirement, status, blocker, excepted, unproven),
                law=requirement.refs.get("law", ()),
            )
        )
    score = percent(earned, possible)
    impact = impact_level(profile)
    open_blockers = sum(1 for f in findings if f.blocker and not f.excepted)
    risk = risk_level(impact, score, open_blockers)
    complete = not unanswered and possible > 0
    decision, reasons = _decision(
        unanswered=bool(unanswered),
        judged=possible > 0,
        findings=tuple(findings),
        risk=risk,
        unverified_gates=bool(unverified_gates),
    )
    findings.sort(
        key=lambda f: (not f.blocker, STATUS_ORDER.index(f.status), catalogue.order[f.requirement])
    )
    exceptions = tuple(ExceptionState(g, g.until >= today) for g in assessment.exceptions)
    return ScoreResult(
        impact=impact,
        impact_points=impact_points(profile),
        score=score,
        risk_level=risk,
        decision=decision,
        complete=complete,
        findings=tuple(findings),
        exceptions=exceptions,
        unanswered=tuple(unanswered),
        applicable=len(applicable),
        unverified_gates=tuple(unverified_gates),
        na_to_confirm=tuple(na_to_confirm),
        conditions_needed=tuple(f.requirement for f in findings if f.condition is not None),
        decision_reasons=reasons,
        statuses=statuses,
    )
