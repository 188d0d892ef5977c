"""Each rule of docs/scoring.md, table by table. Test names cite the rule numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.scoring.conftest import ALL_MET, make
from vendorrisk.catalog import Catalogue
from vendorrisk.catalog.applicability import Profile
from vendorrisk.model import ExceptionGrant
from vendorrisk.scoring import impact_level, impact_points, risk_level, score_assessment
from vendorrisk.scoring.risk import gap_band

TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    ("kwargs", "points", "level"),
    [
        ({}, 1, "low"),
        ({"confidentiality": "1"}, 0, "low"),
        ({"confidentiality": "3A"}, 4, "moderate"),
        ({"tier": "mynumber"}, 3, "moderate"),
        (
            {
                "tier": "lgwan",
                "confidentiality": "3B",
                "integrity": "2",
                "availability": "2",
                "personal": True,
            },
            7,
            "high",
        ),
        (
            {
                "tier": "mynumber",
                "confidentiality": "3B",
                "integrity": "2",
                "availability": "2",
                "personal": True,
                "mynumber": True,
            },
            10,
            "very_high",
        ),
        ({"confidentiality": "3C"}, 2, "low"),
        ({"confidentiality": "3C", "integrity": "2"}, 3, "moderate"),
    ],
)
def test_rule_I1_I2_impact_points_and_level(
    small: Catalogue, kwargs: dict[str, object], points: int, level: str
) -> None:
    profile = Profile.of(make(small, {}, **kwargs))  # type: ignore[arg-type]
    assert impact_points(profile) == points
    assert impact_level(profile) == level


@pytest.mark.parametrize(
    ("statuses", "score"),
    [
        (ALL_MET, 100.0),
        ({**ALL_MET, "S-01": "partial"}, round(100 * (3 + 3 + 3 + 1 + 1) / 12, 1)),
        ({**ALL_MET, "M-01": "not_met"}, 75.0),
        ({**ALL_MET, "Y-01": "na"}, 100.0),
        ({**ALL_MET, "Y-01": "not_met"}, round(100 * 11 / 12, 1)),
        ({"G-01": "met", "M-01": "met", "M-02": "met", "S-01": "partial"}, round(100 * 10 / 12, 1)),
        ({"G-01": "na", "M-01": "na", "M-02": "na", "S-01": "na", "Y-01": "na"}, 0.0),
    ],
)
def test_rules_S1_S2_S3_weighted_score(
    small: Catalogue, statuses: dict[str, str], score: float
) -> None:
    assert score_assessment(make(small, statuses), small, today=TODAY).score == score


def test_rule_S3_the_worked_example_of_the_document(small: Catalogue) -> None:
    # Two must met, one should partly met: 7/8 = 87.5. Leave the rest out with na.
    statuses = {"G-01": "na", "M-01": "met", "M-02": "met", "S-01": "partial", "Y-01": "na"}
    assert score_assessment(make(small, statuses), small, today=TODAY).score == 87.5


@pytest.mark.parametrize(
    ("statuses", "blockers"),
    [
        (ALL_MET, []),
        ({**ALL_MET, "M-01": "not_met"}, ["M-01"]),
        ({**ALL_MET, "M-01": "partial"}, []),
        ({k: v for k, v in ALL_MET.items() if k != "M-02"}, ["M-02"]),
        ({**ALL_MET, "S-01": "not_met"}, []),
    ],
)
def test_rule_B1_unmet_must_requirements_block(
    small: Catalogue, statuses: dict[str, str], blockers: list[str]
) -> None:
    result = score_assessment(make(small, statuses), small, today=TODAY)
    assert [f.requirement for f in result.blockers] == blockers


@pytest.mark.parametrize(
    ("status", "blocks"), [("met", False), ("na", False), ("partial", True), ("not_met", True)]
)
def test_rule_B2_a_tier_gate_must_be_fully_met(small: Catalogue, status: str, blocks: bool) -> None:
    result = score_assessment(make(small, {**ALL_MET, "G-01": status}), small, today=TODAY)
    assert (result.blockers != ()) is blocks
    if blocks:
        assert result.blockers[0].gate and result.decision == "reject"


def _grant(until: dt.date) -> ExceptionGrant:
    return ExceptionGrant(
        requirement="M-01",
        compensating_control="手作業で毎週確認する",
        approved_by="CISO",
        until=until,
    )


def test_rule_E1_an_exception_in_force_waives_the_blocker(small: Catalogue) -> None:
    assessment = make(small, {**ALL_MET, "M-01": "not_met"}, exceptions=(_grant(TODAY),))
    result = score_assessment(assessment, small, today=TODAY)
    assert result.blockers == ()
    (finding,) = [f for f in result.findings if f.requirement == "M-01"]
    assert finding.blocker and finding.excepted
    assert result.decision == "approve_with_conditions"


def test_rule_E2_an_expired_exception_blocks_again(small: Catalogue) -> None:
    assessment = make(
        small, {**ALL_MET, "M-01": "not_met"}, exceptions=(_grant(TODAY - dt.timedelta(days=1)),)
    )
    result = score_assessment(assessment, small, today=TODAY)
    assert [f.requirement for f in result.blockers] == ["M-01"]
    assert result.exceptions[0].active is False
    assert result.decision == "reject"


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (100.0, "A"),
        (90.0, "A"),
        (89.9, "B"),
        (75.0, "B"),
        (74.9, "C"),
        (50.0, "C"),
        (49.9, "D"),
        (0.0, "D"),
    ],
)
def test_rule_R1_score_bands(score: float, band: str) -> None:
    assert gap_band(score) == band


@pytest.mark.parametrize(
    ("impact", "score", "risk"),
    [
        ("low", 95, "low"),
        ("low", 80, "low"),
        ("low", 60, "medium"),
        ("low", 10, "high"),
        ("moderate", 95, "low"),
        ("moderate", 80, "medium"),
        ("moderate", 60, "high"),
        ("moderate", 10, "high"),
        ("high", 95, "medium"),
        ("high", 80, "medium"),
        ("high", 60, "high"),
        ("high", 10, "critical"),
        ("very_high", 95, "medium"),
        ("very_high", 80, "high"),
        ("very_high", 60, "critical"),
        ("very_high", 10, "critical"),
    ],
)
def test_rule_R2_risk_matrix(impact: str, score: float, risk: str) -> None:
    assert risk_level(impact, score, 0) == risk  # type: ignore[arg-type]


def test_rule_R3_an_open_blocker_makes_the_risk_at_least_high() -> None:
    assert risk_level("low", 100.0, 1) == "high"
    assert risk_level("very_high", 10.0, 1) == "critical"


@pytest.mark.parametrize(
    ("statuses", "kwargs", "decision"),
    [
        ({k: v for k, v in ALL_MET.items() if k != "Y-01"}, {}, "incomplete"),
        (ALL_MET, {"fact": None}, "incomplete"),
        ({**ALL_MET, "M-01": "not_met"}, {}, "reject"),
        (
            {**ALL_MET, "S-01": "not_met", "Y-01": "not_met", "M-02": "partial"},
            {
                "tier": "mynumber",
                "confidentiality": "3A",
                "integrity": "2",
                "availability": "2",
                "mynumber": True,
                "personal": True,
            },
            "reject",
        ),
        ({**ALL_MET, "M-02": "partial"}, {}, "approve_with_conditions"),
        (
            {**ALL_MET, "S-01": "not_met"},
            {
                "confidentiality": "3B",
                "tier": "lgwan",
                "integrity": "2",
                "availability": "2",
                "personal": True,
            },
            "approve_with_conditions",
        ),
        (ALL_MET, {}, "approve"),
        ({**ALL_MET, "Y-01": "partial"}, {}, "approve"),
    ],
    ids=[
        "D1-unanswered",
        "D1-profile-question",
        "D2-blocker",
        "D2-critical",
        "D3-must-partial",
        "D3-medium-risk",
        "D4-all-met",
        "D4-small-gap",
    ],
)
def test_rules_D1_to_D4_suggested_decision(
    small: Catalogue, statuses: dict[str, str], kwargs: dict[str, object], decision: str
) -> None:
    result = score_assessment(make(small, statuses, **kwargs), small, today=TODAY)  # type: ignore[arg-type]
    assert result.decision == decision


def test_findings_name_requirement_section_severity_status_and_reason(small: Catalogue) -> None:
    result = score_assessment(
        make(small, {**ALL_MET, "S-01": "partial", "M-01": "not_met"}), small, today=TODAY
    )
    assert [(f.requirement, f.section, f.severity, f.status) for f in result.findings] == [
        ("M-01", "6.9", "must", "not_met"),
        ("S-01", "6.9", "should", "partial"),
    ]
    assert "not met because" in result.findings[0].message
    assert "partly because" in result.findings[1].message


def test_rule_S3_rounds_halves_up_as_by_hand() -> None:
    from fractions import Fraction

    from vendorrisk.scoring.evaluate import _one_decimal

    assert _one_decimal(Fraction(8125, 100)) == 81.3
    assert _one_decimal(Fraction(8124, 100)) == 81.2


def test_rule_S4_met_without_required_evidence_counts_as_partly_met(catalogue: Catalogue) -> None:
    from tests.conftest import sample_assessment
    from vendorrisk.model import Answer, Evidence

    bare = sample_assessment(catalogue, A_05=Answer(value="met"))
    proven = sample_assessment(
        catalogue,
        A_05=Answer(value="met", evidence=(Evidence(kind="contract_clause", ref="第12条"),)),
    )
    assert catalogue.by_id["A-05"].evidence.required
    finding = [
        f
        for f in score_assessment(bare, catalogue, today=TODAY).findings
        if f.requirement == "A-05"
    ]
    assert [(f.status, "evidence" in f.message) for f in finding] == [("partial", True)]
    assert "A-05" not in [
        f.requirement for f in score_assessment(proven, catalogue, today=TODAY).findings
    ]


def test_rule_D1_nothing_left_to_judge_by_is_incomplete(small: Catalogue) -> None:
    statuses = dict.fromkeys(ALL_MET, "na")
    assert score_assessment(make(small, statuses), small, today=TODAY).decision == "incomplete"
