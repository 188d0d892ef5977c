"""Scoring: from classification, tier and answers to impact, score, risk, findings and a
suggested decision. The arithmetic is documented in docs/scoring.md; every rule there has a
test that cites it."""

from vendorrisk.core.scoring.evaluate import (
    ConditionReason,
    DecisionReason,
    Finding,
    FindingCode,
    ScoreResult,
    requirement_status,
    score_assessment,
)
from vendorrisk.core.scoring.impact import IMPACT_LEVELS, impact_level, impact_points
from vendorrisk.core.scoring.risk import RISK_LEVELS, risk_level

__all__ = [
    "IMPACT_LEVELS",
    "RISK_LEVELS",
    "ConditionReason",
    "DecisionReason",
    "Finding",
    "FindingCode",
    "ScoreResult",
    "impact_level",
    "impact_points",
    "requirement_status",
    "risk_level",
    "score_assessment",
]
