"""Risk: impact combined with the gaps in the answers (docs/scoring.md, rules R1–R3)."""

from __future__ import annotations

from typing import Final, Literal

from vendorrisk.core.scoring.impact import ImpactLevel

RiskLevel = Literal["low", "medium", "high", "critical"]
RISK_LEVELS: Final[tuple[RiskLevel, ...]] = ("low", "medium", "high", "critical")
GapBand = Literal["A", "B", "C", "D"]

# Rule R1: the score's band (the lowest score of each band).
GAP_BANDS: Final[tuple[tuple[float, GapBand], ...]] = (
    (90.0, "A"),
    (75.0, "B"),
    (50.0, "C"),
    (0.0, "D"),
)

# Rule R2: the matrix, impact by band.
RISK_MATRIX: Final[dict[ImpactLevel, dict[GapBand, RiskLevel]]] = {
    "low": {"A": "low", "B": "low", "C": "medium", "D": "high"},
    "moderate": {"A": "low", "B": "medium", "C": "high", "D": "high"},
    "high": {"A": "medium", "B": "medium", "C": "high", "D": "critical"},
    "very_high": {"A": "medium", "B": "high", "C": "critical", "D": "critical"},
}


def gap_band(score: float) -> GapBand:
    return next(band for lowest, band in GAP_BANDS if score >= lowest)


def risk_level(impact: ImpactLevel, score: float, open_blockers: int) -> RiskLevel:
    level = RISK_MATRIX[impact][gap_band(score)]
    # Rule R3: an open blocker makes the risk at least high, whatever the score.
    if open_blockers and RISK_LEVELS.index(level) < RISK_LEVELS.index("high"):
        return "high"
    return level


def worse(a: RiskLevel, b: RiskLevel) -> bool:
    """True when ``a`` is a worse risk than ``b``."""
    return RISK_LEVELS.index(a) > RISK_LEVELS.index(b)
