"""The built-in catalogue covers every item of DOMAIN.md section 2, with criteria for each."""

from __future__ import annotations

import re

import pytest

from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.catalog.applicability import Profile, applicable_requirements

# DOMAIN.md section 2: A 28 + B 29 + B-T 3 + C 13 + D 10 + E 4 + F 8 = 95 items, of which
# F-01…F-06 are checks of the catalogue itself (catalog/checks.py), not questions.
DOMAIN_ITEMS = (
    [f"A-{i:02d}" for i in range(1, 29)]
    + [f"B-{i:02d}" for i in range(1, 30)]
    + ["B-T1", "B-T2", "B-T3"]
    + [f"C-{i:02d}" for i in range(1, 14)]
    + [f"D-{i:02d}" for i in range(1, 11)]
    + [f"E-{i:02d}" for i in range(1, 5)]
    + ["F-07", "F-08"]
)
CATALOGUE_RULES = [f"F-{i:02d}" for i in range(1, 7)]


def test_the_domain_list_has_95_items() -> None:
    assert len(DOMAIN_ITEMS) + len(CATALOGUE_RULES) == 95


@pytest.mark.parametrize("item", CATALOGUE_RULES)
def test_rules_on_how_the_catalogue_is_built_are_not_asked(catalogue: Catalogue, item: str) -> None:
    assert not [r.id for r in catalogue.requirements if r.id.startswith(item)]


@pytest.mark.parametrize("item", DOMAIN_ITEMS)
def test_every_domain_item_is_in_the_catalogue_whole_or_split(
    catalogue: Catalogue, item: str
) -> None:
    ids = [r.id for r in catalogue.requirements if re.fullmatch(re.escape(item) + "[a-z]?", r.id)]
    assert ids, f"{item} is missing"


def test_the_catalogue_has_an_id_a_version_and_an_effective_date(catalogue: Catalogue) -> None:
    assert catalogue.id == "neyagawa-vendor-standard"
    assert re.fullmatch(r"\d+\.\d+\.\d+", catalogue.version)
    assert catalogue.effective.year >= 2026


def test_every_scored_question_has_criteria_and_bilingual_texts(catalogue: Catalogue) -> None:
    for r in catalogue.requirements:
        assert r.question.ja and r.question.en and r.guidance.ja and r.guidance.en, r.id
        if r.answer.type == "compliance":
            assert r.criteria is not None, r.id
            assert r.criteria.met.ja and r.criteria.partial.ja and r.criteria.not_met.ja, r.id


def test_every_question_cites_a_section_of_the_city_policy(catalogue: Catalogue) -> None:
    sections = {s.id for s in catalogue.sections}
    assert {r.section for r in catalogue.requirements} <= sections
    assert {"6.2", "6.3", "6.9", "7", "8", "9", "10"} <= sections


def test_tier_rules_are_gates_that_must_be_met_and_the_city_verifies(
    catalogue: Catalogue,
) -> None:
    gates = [r for r in catalogue.requirements if r.gate]
    assert {r.id[:4] for r in gates} == {"B-T1", "B-T2", "B-T3"}
    assert all(r.severity == "must" and r.section == "6.3" for r in gates)
    assert all(r.audience == "city" for r in gates)


def _profile(kind: str, tier: str = "lgwan", **kw: object) -> Profile:
    base: dict[str, object] = {
        "kind": kind,
        "tier": tier,
        "confidentiality": "3B",
        "integrity": "2",
        "availability": "2",
    }
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


def test_re_subcontracting_questions_appear_only_when_the_vendor_re_subcontracts(
    catalogue: Catalogue,
) -> None:
    profile = _profile("contractor")
    hidden = {r.id for r in applicable_requirements(catalogue, profile, {})}
    no = {r.id for r in applicable_requirements(catalogue, profile, {"P-01": False})}
    yes = {r.id for r in applicable_requirements(catalogue, profile, {"P-01": True})}
    assert "A-12a" not in hidden and "A-12a" not in no
    assert {"A-12a", "A-12b", "A-13a"} <= yes


def test_questions_follow_kind_and_tier(catalogue: Catalogue) -> None:
    cloud = {r.id for r in applicable_requirements(catalogue, _profile("cloud", "internet"), {})}
    social = {
        r.id
        for r in applicable_requirements(
            catalogue, _profile("social", "internet", confidentiality="1"), {}
        )
    }
    contractor = {
        r.id for r in applicable_requirements(catalogue, _profile("contractor", "mynumber"), {})
    }
    assert "B-04" in cloud and "C-01" not in cloud and "B-T3a" in cloud and "B-T2a" not in cloud
    assert "C-01" in social and "B-04" not in social
    assert "A-05" in contractor and "B-T1a" in contractor and "B-04" not in contractor


def test_the_light_path_applies_only_to_public_data(catalogue: Catalogue) -> None:
    public = {
        r.id
        for r in applicable_requirements(
            catalogue, _profile("cloud", "internet", confidentiality="1"), {}
        )
    }
    secret = {r.id for r in applicable_requirements(catalogue, _profile("cloud", "internet"), {})}
    assert any(r.startswith("B-27") for r in public)
    assert not any(r.startswith("B-27") for r in secret)
    assert "B-04" in secret and "B-04" not in public


def test_a_users_own_catalogue_file_can_be_loaded(tmp_path, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    from vendorrisk.core.catalog.loader import builtin_catalog_path

    text = (
        builtin_catalog_path()
        .read_text("utf-8")
        .replace('id = "neyagawa-vendor-standard"', 'id = "my-city"', 1)
    )
    own = tmp_path / "own.toml"
    own.write_text(text, "utf-8")
    assert load_catalog(own).id == "my-city"
