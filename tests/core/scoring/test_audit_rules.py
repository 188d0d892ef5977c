"""Rules whose interplay docs/scoring.md now states outright (found by the audit of issue 9):
a gate met without its evidence blocks (S4 with B2), and a critical risk suggests rejection
without refusing an approval with conditions (D2 with W2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tests.conftest import REPO
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.scoring import score_assessment
from vendorrisk.core.workflow import transition
from vendorrisk.messages import say
from vendorrisk.store import storage

TODAY = dt.date(2026, 12, 2)


def test_rules_S4_B2_a_gate_verified_without_its_evidence_is_a_blocker(
    catalogue: Catalogue,
) -> None:
    a = storage.load(REPO / "assessments" / "2026-cloud-fumikura-lgwan.toml", catalogue).assessment
    gate = a.answers["B-T2a"]
    assert catalogue.by_id["B-T2a"].gate and gate.source == "city" and gate.evidence
    bare = a.with_answer("B-T2a", replace(gate, evidence=()))
    result = score_assessment(bare, catalogue, today=TODAY)
    (blocker,) = [f for f in result.blockers if f.requirement == "B-T2a"]
    assert blocker.status == "partial" and "evidence" in say(blocker.message)
    assert result.decision == "reject"


def test_rules_D2_W2_a_critical_risk_suggests_rejection_but_may_be_approved_with_conditions(
    catalogue: Catalogue,
) -> None:
    """No blocker, but so many questions open that the risk is critical: the
    suggestion is reject (D2); the reviewer may still approve with conditions, which then
    have to name the open findings (C1) and the next review comes after 3 months (N1)."""
    path = REPO / "assessments" / "2026-contractor-juki-zeimu-hoshu.toml"
    a = storage.load(path, catalogue).assessment
    for rid, answer in list(a.answers.items()):
        requirement = catalogue.by_id[rid]
        if answer.value != "met" or requirement.gate or requirement.severity == "may":
            continue
        # Partly met musts and unmet shoulds: open findings, none of them a blocker.
        value = "partial" if requirement.severity == "must" else "not_met"
        a = a.with_answer(rid, replace(answer, value=value, note="未対応"))
    result = score_assessment(a, catalogue, today=TODAY)
    assert result.risk_level == "critical" and not result.blockers
    assert result.decision == "reject" and result.decision_reasons == ("critical_risk",)
    a = replace(a, review=replace(a.review, status="in_review"))
    done, _ = transition(
        a,
        catalogue,
        "approved_with_conditions",
        reviewer="情報政策課 鈴木",
        conditions=(", ".join(result.conditions_needed),),
        today=TODAY,
    )
    assert done.review.next_review == dt.date(2027, 3, 2)
