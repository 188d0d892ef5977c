"""The self-inspection roll-up across all assessments (policy §7), and what it suggests for
the policy review (§8).

Built from assessments that validated and were scored; the command line supplies the
reassessment dates, worked out by the same code as ``vendorrisk due``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from vendorrisk.core.approval import INVALID_STANDING
from vendorrisk.core.assessed import Assessed
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.classification import KINDS
from vendorrisk.core.scoring import RISK_LEVELS
from vendorrisk.core.workflow import STATUSES as REVIEW_STATUSES
from vendorrisk.features.rounds.yearly import RoundStatus
from vendorrisk.messages import Lang
from vendorrisk.render.reports.compliance import SectionCompliance, Tally, tally_sections

TOP_PER_KIND = 5
DECISIONS = ("approve", "approve_with_conditions", "reject", "incomplete")


@dataclass(frozen=True, slots=True)
class DueEntry:
    path: str
    vendor: str
    service: str
    due: dt.date
    overdue: bool


@dataclass(slots=True)
class RequirementFailures:
    requirement: str
    section: str
    title: str
    severity: str
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def applies(self) -> int:
        """Assessments it applies to, leaving out those that answered "not applicable"."""
        return sum(n for status, n in self.counts.items() if status != "na")

    @property
    def failing(self) -> int:
        return self.counts["partial"] + self.counts["not_met"] + self.counts["unanswered"]

    @property
    def answered(self) -> int:
        return self.applies - self.counts["unanswered"]

    @property
    def answered_failing(self) -> int:
        return self.counts["partial"] + self.counts["not_met"]

    @property
    def failure_rate(self) -> float:
        """Share of the answers that fall short; unanswered questions say nothing about the
        rule itself, so they are left out here (they still count in ``failing``)."""
        return self.answered_failing / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class KindRollup:
    kind: str
    assessments: int
    tally: Tally
    top: tuple[RequirementFailures, ...]


@dataclass(frozen=True, slots=True)
class ExceptionEntry:
    path: str
    vendor: str
    service: str
    requirement: str
    title: str
    until: dt.date
    active: bool
    expiring: bool  # in force, but ends within the catalogue's due-soon window


@dataclass(frozen=True, slots=True)
class Summary:
    generated: dt.date
    catalogue_id: str
    catalogue_version: str
    due_soon_days: int
    total: int
    by_status: dict[str, int]
    by_risk: dict[str, int]
    by_decision: dict[str, int]
    requirements: tuple[RequirementFailures, ...]  # those failing at least once, worst first
    sections: tuple[SectionCompliance, ...]
    kinds: tuple[KindRollup, ...]
    overdue: tuple[DueEntry, ...]
    due_soon: tuple[DueEntry, ...]
    exceptions: tuple[ExceptionEntry, ...]
    policy_review: tuple[RequirementFailures, ...]
    lang: Lang  # the language catalogue texts were resolved in, and the renderers write
    # The 年度's self-inspection round (policy §7), when one was started.
    round: RoundStatus | None = None


def _failures(
    items: Sequence[Assessed], catalogue: Catalogue, lang: Lang
) -> dict[str, RequirementFailures]:
    found: dict[str, RequirementFailures] = {}
    for item in items:
        for rid, status in item.statuses.items():
            if rid not in found:
                r = catalogue.by_id[rid]
                found[rid] = RequirementFailures(rid, r.section, r.title.get(lang), r.severity)
            found[rid].counts[status] += 1
    return found


def _worst_first(
    failures: Sequence[RequirementFailures], catalogue: Catalogue
) -> tuple[RequirementFailures, ...]:
    failing = [f for f in failures if f.failing]
    failing.sort(key=lambda f: (-f.failing, -f.counts["not_met"], catalogue.order[f.requirement]))
    return tuple(failing)


def _kinds(items: Sequence[Assessed], catalogue: Catalogue, lang: Lang) -> tuple[KindRollup, ...]:
    rollups = []
    for kind in KINDS:
        of_kind = [i for i in items if i.assessment.service.kind == kind]
        if not of_kind:
            continue
        tally = Tally()
        for item in of_kind:
            for rid, status in item.statuses.items():
                tally.add(status, catalogue.by_id[rid].severity)
        failures = _failures(of_kind, catalogue, lang).values()
        top = _worst_first(list(failures), catalogue)[:TOP_PER_KIND]
        rollups.append(KindRollup(kind, len(of_kind), tally, top))
    return tuple(rollups)


def _exceptions(
    items: Sequence[Assessed], catalogue: Catalogue, today: dt.date, lang: Lang
) -> tuple[ExceptionEntry, ...]:
    horizon = today + dt.timedelta(days=catalogue.schedule.due_soon_days)
    entries = []
    for item in items:
        for state in item.result.exceptions:
            grant = state.grant
            requirement = catalogue.by_id.get(grant.requirement)
            entries.append(
                ExceptionEntry(
                    path=item.path,
                    vendor=item.assessment.vendor.name,
                    service=item.assessment.service.name,
                    requirement=grant.requirement,
                    title=requirement.title.get(lang) if requirement else "",
                    until=grant.until,
                    active=state.active,
                    expiring=state.active and grant.until <= horizon,
                )
            )
    entries.sort(key=lambda e: (e.until, e.path, e.requirement))
    return tuple(entries)


def _count(order: Sequence[str], values: Iterable[str]) -> dict[str, int]:
    """Counts in the vocabulary's own order, zeros included, so tables keep their shape."""
    counted = Counter(values)
    return {key: counted[key] for key in order}


def _by_standing(items: Sequence[Assessed]) -> dict[str, int]:
    """Counts by review status, where an approval that does not stand is not counted as one;
    its own row appears only when there is such a file, so the usual table keeps its shape."""
    found = [i.standing for i in items]
    counts = _count(REVIEW_STATUSES, found)
    invalid = found.count(INVALID_STANDING)
    return {**counts, INVALID_STANDING: invalid} if invalid else counts


def build_summary(
    items: Sequence[Assessed],
    catalogue: Catalogue,
    due: Sequence[DueEntry],
    *,
    today: dt.date,
    lang: Lang,
    round_status: RoundStatus | None = None,
) -> Summary:
    failures = _failures(items, catalogue, lang)
    ranked = _worst_first(list(failures.values()), catalogue)
    # Rule of thumb for §8: a requirement most vendors fall short of is as likely to be
    # unclear or unrealistic as to be ignored, so it goes to the policy review.
    review = [f for f in failures.values() if f.answered and 2 * f.answered_failing >= f.answered]
    review.sort(key=lambda f: (-f.failure_rate, -f.answered, catalogue.order[f.requirement]))
    return Summary(
        generated=today,
        catalogue_id=catalogue.id,
        catalogue_version=catalogue.version,
        due_soon_days=catalogue.schedule.due_soon_days,
        total=len(items),
        by_status=_by_standing(items),
        by_risk=_count(RISK_LEVELS, (i.result.risk_level for i in items)),
        by_decision=_count(DECISIONS, (i.result.decision for i in items)),
        requirements=ranked,
        sections=tally_sections(catalogue, [i.statuses for i in items], lang),
        kinds=_kinds(items, catalogue, lang),
        overdue=tuple(d for d in due if d.overdue),
        due_soon=tuple(d for d in due if not d.overdue),
        exceptions=_exceptions(items, catalogue, today, lang),
        policy_review=tuple(review),
        lang=lang,
        round=round_status,
    )
