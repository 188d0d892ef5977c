"""What applies is worked out from a plan kept per profile (issue 15, speed); the answers
still decide every condition, so the plan must give exactly what a walk over the whole
catalogue gives, for any profile and any answers, asked in any order."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.catalog.applicability import (
    Profile,
    applicable_requirements,
    applies,
    effective_severity,
    matches_profile,
)
from vendorrisk.core.catalog.conditions import Value, evaluate
from vendorrisk.core.model import Answer, Assessment, Classification
from vendorrisk.store import storage

CATALOGUE = load_catalog()

profiles = st.builds(
    Profile,
    kind=st.sampled_from(["contractor", "cloud", "social", "designated_manager"]),
    tier=st.sampled_from(["mynumber", "lgwan", "internet"]),
    confidentiality=st.sampled_from(["1", "2", "3C", "3B", "3A"]),
    integrity=st.sampled_from(["1", "2"]),
    availability=st.sampled_from(["1", "2"]),
    terminal_model=st.sampled_from([None, "alpha", "alpha_prime", "beta", "beta_prime"]),
    personal_data=st.booleans(),
    mynumber_data=st.booleans(),
    contract_date=st.sampled_from([None, dt.date(2020, 1, 1), dt.date(2030, 1, 1)]),
)
# The answers the catalogue's conditions read, with values that switch them either way.
READ_IDS = ["P-01", "P-02", "P-03", "P-05", "P-06", "P-08", "P-09"]
answer_values = st.one_of(
    st.booleans(),
    st.sampled_from([0, 1, 1.0, 0.0]),
    st.sampled_from(["ismap", "ismap_liu", "none", "city", "own", "both"]),
    st.lists(
        st.sampled_from(
            ["system_build", "operations", "equipment_supply", "social_media_operation"]
        ),
        max_size=2,
    ).map(tuple),
)
answer_sets = st.dictionaries(st.sampled_from(READ_IDS), answer_values)


def walk_everything(catalogue: Catalogue, profile: Profile, answers: dict[str, Any]) -> list[str]:
    """The rule as docs/catalog-format.md states it, with no plan."""
    env: dict[str, Value] = profile.environment()
    found = []
    for requirement in catalogue.requirements:
        if not matches_profile(requirement, profile):
            continue
        if requirement.condition is not None and not evaluate(requirement.condition, env):
            continue
        if requirement.id in answers:
            value = answers[requirement.id]
            env[requirement.id] = list(value) if isinstance(value, tuple) else value
        found.append(f"{requirement.id}:{effective_severity(requirement, profile).severity}")
    return found


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(profiles, answer_sets), min_size=1, max_size=4))
def test_the_plan_gives_what_a_walk_over_the_catalogue_gives(
    asked: list[tuple[Profile, dict[str, Any]]],
) -> None:
    # Several questions in a row: a plan kept from one must not leak into the next.
    for profile, answers in asked:
        planned = [
            f"{r.id}:{r.severity}" for r in applicable_requirements(CATALOGUE, profile, answers)
        ]
        assert planned == walk_everything(CATALOGUE, profile, answers)


def test_same_profile_other_answers_other_questions() -> None:
    profile = Profile(
        kind="contractor", tier="lgwan", confidentiality="2", integrity="1", availability="1"
    )
    with_operations = {
        r.id for r in applicable_requirements(CATALOGUE, profile, {"P-02": ("operations",)})
    }
    without = {
        r.id for r in applicable_requirements(CATALOGUE, profile, {"P-02": ("equipment_supply",)})
    }
    assert with_operations != without


SAMPLE = storage.load(REPO / "assessments" / "2026-contractor-juki-zeimu-hoshu.toml", CATALOGUE)


def assessment_of(profile: Profile, answers: dict[str, Any]) -> Assessment:
    base = SAMPLE.assessment
    service = replace(
        base.service,
        kind=profile.kind,
        tier=profile.tier,
        classification=Classification(
            profile.confidentiality, profile.integrity, profile.availability
        ),
        terminal_model=profile.terminal_model,
        personal_data=profile.personal_data,
        mynumber_data=profile.mynumber_data,
        contract_date=profile.contract_date,
    )
    kept = {rid: a for rid, a in base.answers.items() if rid not in READ_IDS}
    return replace(
        base,
        service=service,
        answers={**kept, **{rid: Answer(value=v) for rid, v in answers.items()}},
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(profiles, answer_sets), min_size=1, max_size=6))
def test_what_applies_is_kept_by_the_read_answers_and_is_what_a_walk_gives(
    asked: list[tuple[Profile, dict[str, Any]]],
) -> None:
    # Asked twice: the second answer comes from what the first kept (True, 1 and 1.0 are
    # equal keys of a dict, so the answers' types are part of what is kept).
    for profile, answers in asked:
        for _ in range(2):
            found = applies(CATALOGUE, assessment_of(profile, answers))
            assert [f"{rid}:{r.severity}" for rid, r in found.items()] == walk_everything(
                CATALOGUE, profile, answers
            )


def test_what_applies_is_the_callers_own_to_change() -> None:
    first = applies(CATALOGUE, SAMPLE.assessment)
    expected = dict(first)
    first.clear()
    assert applies(CATALOGUE, SAMPLE.assessment) == expected
