"""Compliance per policy section: the statuses the score counted and its points and weights
(docs/scoring.md, rules S1–S2), so a section's percentage and the overall score can be
checked against each other by hand. Nothing here judges an answer again."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.scoring.evaluate import Status, percent, weighted_points

# Order of the count columns in every table: best first, as a reader scans for gaps.
STATUSES: Final[tuple[Status, ...]] = ("met", "partial", "not_met", "unanswered", "na")
FAILING: Final[tuple[Status, ...]] = ("partial", "not_met", "unanswered")


@dataclass(slots=True)
class Tally:
    """Counts by status and the weighted points behind a compliance percentage."""

    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    earned: float = 0.0
    possible: int = 0

    def add(self, status: Status, severity: str) -> None:
        self.counts[status] += 1
        gained, weight = weighted_points(status, severity)
        self.possible += weight
        self.earned += gained

    @property
    def percent(self) -> float | None:
        """Weighted share of points earned, one decimal; None when nothing was scored."""
        return percent(self.earned, self.possible) if self.possible else None

    @property
    def failing(self) -> int:
        return sum(self.counts[s] for s in FAILING)


@dataclass(frozen=True, slots=True)
class SectionCompliance:
    section: str
    title: str
    tally: Tally


def tally_sections(
    catalogue: Catalogue, statuses: Iterable[Mapping[str, Status]], lang: str
) -> tuple[SectionCompliance, ...]:
    """One row per catalogue section that has at least one scored requirement applying."""
    tallies: dict[str, Tally] = {}
    for per_assessment in statuses:
        for rid, status in per_assessment.items():
            requirement = catalogue.by_id[rid]
            tallies.setdefault(requirement.section, Tally()).add(status, requirement.severity)
    return tuple(
        SectionCompliance(s.id, s.title.get(lang), tallies[s.id])
        for s in catalogue.sections
        if s.id in tallies
    )
