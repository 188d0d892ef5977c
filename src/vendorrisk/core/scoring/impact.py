"""Impact: how much is at stake if the vendor fails (docs/scoring.md, rule I1–I2)."""

from __future__ import annotations

from typing import Final, Literal

from vendorrisk.core.catalog.applicability import Profile

ImpactLevel = Literal["low", "moderate", "high", "very_high"]
IMPACT_LEVELS: Final[tuple[ImpactLevel, ...]] = ("low", "moderate", "high", "very_high")

# Rule I1: points for what the service touches.
CONFIDENTIALITY_POINTS: Final = {"1": 0, "2": 1, "3C": 2, "3B": 3, "3A": 4}
TIER_POINTS: Final = {"internet": 0, "lgwan": 1, "mynumber": 2}
INTEGRITY_2_POINTS: Final = 1
AVAILABILITY_2_POINTS: Final = 1
PERSONAL_DATA_POINTS: Final = 1
MYNUMBER_DATA_POINTS: Final = 2

# Rule I2: the lowest point total of each level.
IMPACT_THRESHOLDS: Final[tuple[tuple[int, ImpactLevel], ...]] = (
    (9, "very_high"),
    (6, "high"),
    (3, "moderate"),
    (0, "low"),
)


def impact_points(profile: Profile) -> int:
    return (
        CONFIDENTIALITY_POINTS[profile.confidentiality]
        + TIER_POINTS[profile.tier]
        + (INTEGRITY_2_POINTS if profile.integrity == "2" else 0)
        + (AVAILABILITY_2_POINTS if profile.availability == "2" else 0)
        + (PERSONAL_DATA_POINTS if profile.personal_data else 0)
        + (MYNUMBER_DATA_POINTS if profile.mynumber_data else 0)
    )


def impact_level(profile: Profile) -> ImpactLevel:
    points = impact_points(profile)
    return next(level for lowest, level in IMPACT_THRESHOLDS if points >= lowest)
