"""Applicability rules of catalogue 1.1.0 (issue 9 §1): the light path for click-through
cloud services, B-T3b in every tier, the α'/β/β' precondition, and rule effective dates
compared with the contract date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from tests.conftest import sample_assessment
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.catalog.applicability import Profile, applicable_requirements, applies
from vendorrisk.core.model import Answer, Classification, Evidence, Service
from vendorrisk.core.scoring.evaluate import score_assessment

# The contract clauses a service on standard terms (約款) can never sign.
CONTRACT_CLAUSES = [
    "A-02", "A-15a", "A-15b", "A-16", "A-17", "A-18", "A-22a", "A-22b", "A-22c", "A-23",
    "B-10c", "B-12", "B-15", "B-17", "B-19", "B-23", "D-01a", "D-04a", "D-06",
]  # fmt: skip


def profile(kind: str = "cloud", tier: str = "internet", **kw: Any) -> Profile:
    base: dict[str, Any] = {
        "kind": kind,
        "tier": tier,
        "confidentiality": "1",
        "integrity": "1",
        "availability": "1",
    }
    base.update(kw)
    return Profile(**base)


def ids(catalogue: Catalogue, p: Profile, answers: dict[str, Any] | None = None) -> set[str]:
    return {r.id for r in applicable_requirements(catalogue, p, answers or {})}


@pytest.mark.parametrize("rid", CONTRACT_CLAUSES)
def test_contract_clauses_apply_to_cloud_only_from_level_2(catalogue: Catalogue, rid: str) -> None:
    assert rid not in ids(catalogue, profile(confidentiality="1"))
    assert rid in ids(catalogue, profile(confidentiality="2", availability="2"))


@pytest.mark.parametrize("rid", [r for r in CONTRACT_CLAUSES if not r.startswith("B-")])
def test_contractors_keep_the_contract_clauses_at_level_1(catalogue: Catalogue, rid: str) -> None:
    assert rid in ids(catalogue, profile("contractor", "lgwan", availability="2"))


@pytest.mark.parametrize("availability", ["1", "2"])
@pytest.mark.parametrize("tier", ["internet", "lgwan"])
def test_the_level_1_cloud_path_asks_no_contract_clause_and_the_terms_judgement_is_a_must(
    catalogue: Catalogue, tier: str, availability: str
) -> None:
    found = applicable_requirements(catalogue, profile(tier=tier, availability=availability), {})
    by_id = {r.id: r for r in found}
    assert not set(CONTRACT_CLAUSES) & set(by_id)
    assert by_id["B-27a"].severity == "must"
    musts = {r.id for r in found if r.severity == "must" and r.scored}
    # The only must resting on a contract clause is the SLA at availability 2, which a
    # standard SLA forming part of the terms can meet (B-13b's guidance says so).
    clauses = {r for r in musts if by_id[r].evidence.kinds == ("contract_clause",)}
    assert clauses == ({"B-13b"} if availability == "2" else set())


def _fully_met(catalogue: Catalogue, tier: str) -> Any:
    assessment = sample_assessment(catalogue)
    assessment = replace(
        assessment,
        service=Service(
            name="市ホームページ用 画像編集サービス",
            kind="cloud",
            tier=tier,
            classification=Classification(confidentiality="1", integrity="1", availability="1"),
        ),
    )
    evidence = (Evidence(kind="document", ref="約款 2026-11-01 版の確認記録"),)
    for _ in range(5):  # profile answers can switch further questions on
        for rid, r in applies(catalogue, assessment).items():
            if rid in assessment.answers:
                continue
            if r.answer.type == "compliance":
                answer = Answer(value="met", source="city", evidence=evidence)
            elif r.answer.type == "boolean":
                answer = Answer(value=False, source="city")
            elif r.answer.type == "choice":
                answer = Answer(value=r.answer.options[-1].id, source="city")
            elif r.answer.type == "date":
                answer = Answer(value=dt.date(2028, 3, 31), source="city")
            else:
                answer = Answer(value="x", source="city")
            assessment = assessment.with_answer(rid, answer)
    return assessment


@pytest.mark.parametrize("tier", ["internet", "lgwan"])
def test_a_level_1_cloud_service_can_be_fully_answered_and_meets_every_must(
    catalogue: Catalogue, tier: str
) -> None:
    result = score_assessment(_fully_met(catalogue, tier), catalogue, today=dt.date(2026, 12, 2))
    assert result.complete and not result.unanswered
    assert not [f for f in result.findings if f.blocker]
    assert result.decision != "reject"


@pytest.mark.parametrize("tier", ["mynumber", "lgwan", "internet"])
def test_b_t3b_holds_in_every_tier(catalogue: Catalogue, tier: str) -> None:
    assert "B-T3b" in ids(catalogue, profile(tier=tier, confidentiality="2"))
    assert "B-T3b" not in ids(catalogue, profile(tier=tier, confidentiality="1"))


@pytest.mark.parametrize(
    ("model", "applies_"),
    [("alpha", False), ("alpha_prime", True), ("beta", True), ("beta_prime", True)],
)
@pytest.mark.parametrize("tier", ["lgwan", "internet"])
def test_one_external_audit_precondition_for_alpha_prime_beta_and_beta_prime(
    catalogue: Catalogue, tier: str, model: str, applies_: bool
) -> None:
    found = ids(catalogue, profile(tier=tier, confidentiality="2", terminal_model=model))
    assert ("B-T3c" in found) is applies_


def test_no_gate_promises_conditional_approval_when_partly_met(catalogue: Catalogue) -> None:
    for r in catalogue.requirements:
        if r.gate and r.criteria is not None:
            assert "条件付き" not in r.criteria.partial.ja, r.id
            assert "conditional" not in r.criteria.partial.en, r.id


def test_alpha_prime_destinations_are_ismap_registered(catalogue: Catalogue) -> None:
    for rid in ("B-T2a", "B-11b"):
        criteria = catalogue.by_id[rid].criteria
        assert criteria is not None and "ISMAP" in criteria.met.en and "ISMAP" in criteria.met.ja


def test_an_on_premise_lgwan_contractor_has_a_way_to_meet_b_t2a(catalogue: Catalogue) -> None:
    criteria = catalogue.by_id["B-T2a"].criteria
    assert criteria is not None
    assert "on site" in criteria.met.en and "closed route" in criteria.met.en


# ---- rule effective dates (binding_from / severity_before against service.contract_date)

BINDING = dt.date(2027, 7, 1)


@pytest.mark.parametrize(
    ("contract_date", "severity"),
    [
        (None, "must"),  # unknown contract date: the rule binds
        (dt.date(2025, 4, 1), "should"),
        (BINDING - dt.timedelta(days=1), "should"),
        (BINDING, "must"),
        (dt.date(2028, 4, 1), "must"),
    ],
)
def test_b04_binds_contracts_from_2027_07_01(
    catalogue: Catalogue, contract_date: dt.date | None, severity: str
) -> None:
    requirement = catalogue.by_id["B-04"]
    assert (requirement.binding_from, requirement.severity_before) == (BINDING, "should")
    found = applicable_requirements(
        catalogue, profile(confidentiality="2", contract_date=contract_date), {}
    )
    assert next(r for r in found if r.id == "B-04").severity == severity


def test_an_assessment_carries_its_contract_date_to_the_rules(catalogue: Catalogue) -> None:
    base = sample_assessment(catalogue, P_02=Answer(value=("equipment_supply",)))
    for contract_date, severity in ((dt.date(2026, 4, 1), "should"), (BINDING, "must")):
        assessment = replace(base, service=replace(base.service, contract_date=contract_date))
        assert applies(catalogue, assessment)["A-29"].severity == severity
    # the catalogue itself keeps the binding severity
    assert catalogue.by_id["A-29"].severity == "must"


def test_a_not_met_b04_on_an_older_contract_is_no_blocker(catalogue: Catalogue) -> None:
    assessment = _fully_met(catalogue, "internet")
    service = replace(
        assessment.service,
        classification=Classification(confidentiality="2", integrity="1", availability="1"),
    )
    old = replace(assessment, service=replace(service, contract_date=dt.date(2026, 4, 1)))
    old = old.with_answer("B-04", Answer(value="not_met", note="未登録、判断の記録なし"))
    new = replace(old, service=replace(service, contract_date=BINDING))
    today = dt.date(2026, 12, 2)
    old_b04 = next(
        f for f in score_assessment(old, catalogue, today=today).findings if f.requirement == "B-04"
    )
    new_b04 = next(
        f for f in score_assessment(new, catalogue, today=today).findings if f.requirement == "B-04"
    )
    assert (old_b04.severity, old_b04.blocker) == ("should", False)
    assert (new_b04.severity, new_b04.blocker) == ("must", True)


@pytest.mark.parametrize(
    ("answers", "shown"),
    [({"P-08": True}, True), ({"P-08": False}, False), ({}, False)],
)
def test_secure_area_items_follow_p08(
    catalogue: Catalogue, answers: dict[str, Any], shown: bool
) -> None:
    found = ids(catalogue, profile("contractor", "lgwan"), answers)
    assert ({"A-27a", "A-27b"} <= found) is shown


def test_continuity_applies_to_contractors_at_availability_2(catalogue: Catalogue) -> None:
    assert "A-28" in ids(catalogue, profile("contractor", "lgwan", availability="2"))
    assert "A-28" not in ids(catalogue, profile("contractor", "lgwan", availability="1"))


def test_sla_has_one_severity_for_contractors_and_cloud(catalogue: Catalogue) -> None:
    a07, b13b = catalogue.by_id["A-07"], catalogue.by_id["B-13b"]
    assert a07.severity == b13b.severity == "must"
    assert a07.min_availability == b13b.min_availability == "2"
    assert a07.kinds == {"contractor"} and b13b.kinds == {"cloud"}
