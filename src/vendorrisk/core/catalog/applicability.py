"""Which requirements apply to a service, given its profile and the answers so far."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from vendorrisk.core.catalog.conditions import Value, evaluate, names_in
from vendorrisk.core.catalog.model import Catalogue, Clause, Requirement
from vendorrisk.core.classification import (
    Confidentiality,
    Kind,
    TerminalModel,
    Tier,
    TwoLevel,
    confidentiality_rank,
)
from vendorrisk.core.model import AnswerValue, Assessment


@dataclass(frozen=True, slots=True)
class Profile:
    """What the catalogue's applicability rules look at."""

    kind: Kind
    tier: Tier
    confidentiality: Confidentiality
    integrity: TwoLevel
    availability: TwoLevel
    terminal_model: TerminalModel | None = None
    personal_data: bool = False
    mynumber_data: bool = False
    contract_date: dt.date | None = None

    @classmethod
    def of(cls, assessment: Assessment) -> Profile:
        service = assessment.service
        return cls(
            kind=service.kind,
            tier=service.tier,
            confidentiality=service.classification.confidentiality,
            integrity=service.classification.integrity,
            availability=service.classification.availability,
            terminal_model=service.terminal_model,
            personal_data=service.personal_data,
            mynumber_data=service.mynumber_data,
            contract_date=service.contract_date,
        )

    def environment(self) -> dict[str, Value]:
        return {
            "kind": self.kind,
            "tier": self.tier,
            "terminal_model": self.terminal_model,
            "confidentiality": self.confidentiality,
            "integrity": self.integrity,
            "availability": self.availability,
            "personal_data": self.personal_data,
            "mynumber_data": self.mynumber_data,
        }


def _condition_value(value: AnswerValue) -> Value:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, str | bool | int | float):
        return value
    return value.isoformat()


def matches_profile(item: Requirement | Clause, profile: Profile) -> bool:
    """The static rules a question or a clause is chosen by: kind, tier, terminal model,
    classification, data flags."""
    if profile.kind not in item.kinds:
        return False
    if item.tiers is not None and profile.tier not in item.tiers:
        return False
    models = item.terminal_models if isinstance(item, Requirement) else None
    if models is not None and profile.terminal_model not in models:
        return False
    rank = confidentiality_rank(profile.confidentiality)
    if item.min_confidentiality is not None and rank < confidentiality_rank(
        item.min_confidentiality
    ):
        return False
    if item.max_confidentiality is not None and rank > confidentiality_rank(
        item.max_confidentiality
    ):
        return False
    if item.min_integrity == "2" and profile.integrity != "2":
        return False
    if item.min_availability == "2" and profile.availability != "2":
        return False
    if item.personal_data and not profile.personal_data:
        return False
    return not (item.mynumber_data and not profile.mynumber_data)


def effective_severity(requirement: Requirement, profile: Profile) -> Requirement:
    """The requirement as it binds this service: a rule with an effective date holds a contract
    made before that date to its lower severity. An unknown contract date binds fully, so
    that leaving the date out can never soften a rule."""
    binding = requirement.binding_from
    before = requirement.severity_before
    if binding is None or before is None or profile.contract_date is None:
        return requirement
    if profile.contract_date >= binding:
        return requirement
    return replace(requirement, severity=before)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What of a catalogue depends on the profile alone, worked out once per profile: the
    requirements it matches (with their binding severity), and which of them a later
    condition reads, so that only those answers are put into the conditions' names."""

    catalogue: Catalogue
    steps: tuple[tuple[Requirement, bool], ...]
    environment: dict[str, Value]
    # The questions of those steps whose answers a later condition reads: nothing else of
    # the answers decides what applies, so what ``applies`` found is kept by their answers.
    read: tuple[str, ...]
    found: dict[tuple[object, ...], dict[str, Requirement]]


# Keyed by the catalogue's identity (a Catalogue hashes all its requirements) and the
# profile; the plan holds the catalogue, so an id is never reused while its plan is kept.
_plans: dict[tuple[int, Profile], _Plan] = {}
_MAX_PLANS = 256


def _plan(catalogue: Catalogue, profile: Profile) -> _Plan:
    key = (id(catalogue), profile)
    found = _plans.get(key)
    if found is not None and found.catalogue is catalogue:
        return found
    read = frozenset().union(
        *(names_in(r.condition) for r in catalogue.requirements if r.condition is not None)
    )
    steps = tuple(
        (effective_severity(r, profile), r.id in read)
        for r in catalogue.requirements
        if matches_profile(r, profile)
    )
    if len(_plans) >= _MAX_PLANS:
        _plans.clear()
    read_ids = tuple(requirement.id for requirement, is_read in steps if is_read)
    plan = _plans[key] = _Plan(catalogue, steps, profile.environment(), read_ids, {})
    return plan


def iter_applicable(
    catalogue: Catalogue, profile: Profile, answers: Mapping[str, AnswerValue]
) -> Iterator[Requirement]:
    """Applicable requirements in catalogue order, each with the severity that binds this
    service (see ``effective_severity``).

    Conditions see only the answers of earlier questions that apply themselves: an answer
    left behind by a question that no longer applies must not switch others on.
    """
    plan = _plan(catalogue, profile)
    env = dict(plan.environment)
    for requirement, read in plan.steps:
        condition = requirement.condition
        if condition is not None and not evaluate(condition, env):
            continue
        if read and requirement.id in answers:
            env[requirement.id] = _condition_value(answers[requirement.id])
        yield requirement


def applicable_requirements(
    catalogue: Catalogue, profile: Profile, answers: Mapping[str, AnswerValue]
) -> list[Requirement]:
    return list(iter_applicable(catalogue, profile, answers))


_MAX_FOUND = 1024


def applies(catalogue: Catalogue, assessment: Assessment) -> dict[str, Requirement]:
    """The requirements that apply to ``assessment`` now, by id, in catalogue order.

    A batch of assessments of one kind of service answers the few questions that conditions
    read in few ways: what applies is worked out once for each way (``_Plan.found``)."""
    profile = Profile.of(assessment)
    plan = _plan(catalogue, profile)
    answers = assessment.answers
    # Each read answer with its type: equal values of different types (1, 1.0, True) are
    # one key of a dict, and conditions compare them alike, but nothing is left to that.
    key: tuple[object, ...] | None = tuple(
        None if (answer := answers.get(rid)) is None else (type(answer.value), answer.value)
        for rid in plan.read
    )
    try:
        found = plan.found.get(key) if key is not None else None
    except TypeError:  # a value that cannot be a key: worked out every time
        found, key = None, None
    if found is None:
        values = {rid: answer.value for rid, answer in answers.items()}
        found = {r.id: r for r in iter_applicable(catalogue, profile, values)}
        if key is not None:
            if len(plan.found) >= _MAX_FOUND:
                plan.found.clear()
            plan.found[key] = found
    return dict(found)  # the caller's own: what is kept stays as it was found
