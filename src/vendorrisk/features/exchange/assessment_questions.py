"""The blank questionnaire for one assessment: exactly the vendor questions its answers can
be imported into (``questionnaire export --assessment PATH``).

A question is left out when the import would refuse its answer: it does not match the
service's profile (kind, tier, classification, data flags, terminal model); city staff
already verified its answer (never overwritten); or its condition is false and nothing the
vendor answers in this questionnaire can make it true (it depends on questions the city
answers, or on verified answers). A question whose condition turns on the vendor's own
answers (P-03 before P-04) stays, with its condition shown as in every questionnaire.
"""

from __future__ import annotations

from vendorrisk.core.catalog.applicability import Profile, matches_profile
from vendorrisk.core.catalog.conditions import Value, evaluate, names_in
from vendorrisk.core.catalog.model import Catalogue, Requirement
from vendorrisk.core.model import Assessment


def _value(value: object) -> Value:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, str | bool | int | float):
        return value
    return str(value)


def questions_for(catalogue: Catalogue, assessment: Assessment) -> list[Requirement]:
    profile = Profile.of(assessment)
    env: dict[str, Value] = profile.environment()
    env.update({rid: _value(a.value) for rid, a in assessment.answers.items()})
    verified = {rid for rid, a in assessment.answers.items() if a.source == "city"}
    out: list[Requirement] = []
    askable: set[str] = set()  # vendor questions in this questionnaire, so far
    for requirement in catalogue.requirements:
        if requirement.audience != "vendor" or not matches_profile(requirement, profile):
            continue
        if requirement.id in verified:
            continue
        condition = requirement.condition
        if condition is not None and not evaluate(condition, env):
            if not names_in(condition) & askable:
                continue
        askable.add(requirement.id)
        out.append(requirement)
    return out
