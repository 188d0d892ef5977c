"""When each vendor is due for reassessment (policy §7; docs/scoring.md, rules N1–N4).

The interval comes from the risk level and the catalogue; anything that expires earlier
(an exception, a piece of evidence, the contract, the vendor's TLS certificate) brings the
date forward, and so does a conditional approval; each such date is reported with its reason.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from vendorrisk.core.catalog.model import Schedule
from vendorrisk.core.model import Assessment, Decision
from vendorrisk.core.scoring.risk import RiskLevel

DueKind = Literal[
    "interval",
    "exception",
    "evidence",
    "contract_end",
    "tls_certificate",
    "conditions",
    "conditional_limit",
]

# The profile question that records when the contract (or period of use) ends.
CONTRACT_END_QUESTION = "P-07"
# Rule N4: the longest a conditional approval goes before it is looked at again.
CONDITIONAL_LIMIT_MONTHS = 6


@dataclass(frozen=True, slots=True)
class DueDate:
    date: dt.date
    kind: DueKind
    subject: str  # what expires: a requirement id, an evidence reference, a URL


def add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def fiscal_year(day: dt.date) -> int:
    """The Japanese fiscal year (April to March) ``day`` falls in, by its starting year."""
    return day.year if day.month >= 4 else day.year - 1


def interval_due(decided: dt.date, risk: RiskLevel, schedule: Schedule) -> dt.date:
    """Rule N1: the decision date plus the risk level's interval.

    With ``fiscal_year`` set, yearly intervals count fiscal years (毎年度): a vendor reviewed
    in one fiscal year is due again by 31 March at the end of the next one.
    """
    months = schedule.interval_months[risk]
    if schedule.fiscal_year and months % 12 == 0:
        return dt.date(fiscal_year(decided) + months // 12 + 1, 3, 31)
    return add_months(decided, months)


def _parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    return None


def expiries(assessment: Assessment) -> list[DueDate]:
    """Rule N2: every date on which something the approval relies on runs out."""
    found = [DueDate(g.until, "exception", g.requirement) for g in assessment.exceptions]
    found.extend(
        DueDate(evidence.expires, "evidence", f"{rid}: {evidence.ref}")
        for rid, answer in assessment.answers.items()
        for evidence in answer.evidence
        if evidence.expires is not None
    )
    contract = assessment.answers.get(CONTRACT_END_QUESTION)
    if contract is not None and isinstance(contract.value, dt.date):
        found.append(DueDate(contract.value, "contract_end", CONTRACT_END_QUESTION))
    for record in assessment.url_checks:
        tls = record.get("tls")
        if isinstance(tls, dict):
            not_after = _parse_date(tls.get("not_after"))
            if not_after is not None:
                url = str(record.get("final_url") or record.get("url") or "")
                found.append(DueDate(not_after, "tls_certificate", url))
    return sorted(found, key=lambda d: (d.date, d.kind, d.subject))


APPROVED = ("approved", "approved_with_conditions")


def due_reasons(assessment: Assessment, horizon: dt.date) -> tuple[DueDate, ...]:
    """What falls due by ``horizon``, earliest first.

    An approved vendor is due on its next review or when anything it relies on expires.
    One whose reassessment is under way (back to draft, submitted, in review) is still due
    on the date its last approval set; a rejected one is not in use.
    """
    review = assessment.review
    if review.status in APPROVED:
        dates = expiries(assessment)
    elif review.status != "rejected" and review.next_review is not None:
        dates = []
    else:
        return ()
    if review.next_review is not None:
        dates.append(DueDate(review.next_review, "interval", review.status))
    return tuple(sorted((d for d in dates if d.date <= horizon), key=lambda d: d.date))


def conditional_dates(
    decided: dt.date, decision: Decision, conditions_due: dt.date | None
) -> list[DueDate]:
    """Rule N4: an approval with conditions is looked at again when its conditions fall due,
    and at most six months after the decision; any other decision adds nothing."""
    if decision != "approve_with_conditions":
        return []
    dates = [DueDate(add_months(decided, CONDITIONAL_LIMIT_MONTHS), "conditional_limit", decision)]
    if conditions_due is not None and conditions_due >= decided:
        dates.append(DueDate(conditions_due, "conditions", decision))
    return dates


def next_review(
    assessment: Assessment,
    risk: RiskLevel,
    schedule: Schedule,
    decided: dt.date,
    *,
    decision: Decision = "approve",
    conditions_due: dt.date | None = None,
) -> tuple[dt.date, list[DueDate]]:
    """Rule N3: the earliest of the interval date, every expiry after ``decided`` and, for an
    approval with conditions, the dates of rule N4 (``conditions_due`` is the earliest date
    by which a condition is to be met, when the conditions carry dates)."""
    dates = [DueDate(interval_due(decided, risk, schedule), "interval", risk)]
    dates += [d for d in expiries(assessment) if d.date >= decided]
    dates += conditional_dates(decided, decision, conditions_due)
    dates.sort(key=lambda d: (d.date, d.kind, d.subject))
    return dates[0].date, dates
