"""Each rule of docs/scoring.md, table by table. Test names cite the rule numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.scoring.conftest import ALL_MET, make
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.catalog.applicability import Profile
from vendorrisk.core.model import ExceptionGrant
from vendorrisk.core.scoring import impact_level, impact_points, risk_level, score_assessment
from vendorrisk.core.scoring.risk import gap_band
from vendorrisk.messages import say

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


HIGH = {
    "confidentiality": "3B",
    "tier": "lgwan",
    "integrity": "2",
    "availability": "2",
    "personal": True,
}
VERY_HIGH = {**HIGH, "tier": "mynumber", "confidentiality": "3A", "mynumber": True}


@pytest.mark.parametrize(
    ("statuses", "kwargs", "decision", "reasons"),
    [
        (
            {k: v for k, v in ALL_MET.items() if k != "Y-01"},
            {},
            "incomplete",
            ("unanswered",),
        ),
        (ALL_MET, {"fact": None}, "incomplete", ("unanswered",)),
        (dict.fromkeys(ALL_MET, "na"), {}, "incomplete", ("nothing_to_judge",)),
        ({**ALL_MET, "M-01": "not_met"}, {}, "reject", ("open_blockers",)),
        (
            {**ALL_MET, "S-01": "not_met", "Y-01": "not_met", "M-02": "partial"},
            VERY_HIGH,
            "reject",
            ("critical_risk",),
        ),
        (
            {**ALL_MET, "M-01": "not_met", "S-01": "not_met", "M-02": "partial"},
            VERY_HIGH,
            "reject",
            ("open_blockers", "critical_risk"),
        ),
        (ALL_MET, {"vendor_only": ("G-01",)}, "incomplete", ("unverified_gates",)),
        (
            {**ALL_MET, "G-01": "na"},
            {"vendor_only": ("G-01",)},
            "incomplete",
            ("unverified_gates",),
        ),
        (
            {**ALL_MET, "M-01": "not_met"},
            {"vendor_only": ("G-01",)},
            "reject",
            ("open_blockers",),
        ),
        ({**ALL_MET, "M-02": "partial"}, {}, "approve_with_conditions", ("conditions_needed",)),
        ({**ALL_MET, "S-01": "not_met"}, {}, "approve_with_conditions", ("conditions_needed",)),
        ({**ALL_MET, "S-01": "partial"}, {}, "approve_with_conditions", ("conditions_needed",)),
        ({**ALL_MET, "S-01": "not_met"}, HIGH, "approve_with_conditions", ("conditions_needed",)),
        (ALL_MET, {}, "approve", ()),
        (ALL_MET, HIGH, "approve", ()),
        (ALL_MET, VERY_HIGH, "approve", ()),
        ({**ALL_MET, "Y-01": "partial"}, {}, "approve", ()),
        ({**ALL_MET, "Y-01": "not_met"}, VERY_HIGH, "approve", ()),
        ({**ALL_MET, "S-01": "na", "M-02": "na"}, HIGH, "approve", ()),
    ],
    ids=[
        "D1-unanswered",
        "D1-profile-question",
        "D1-nothing-to-judge",
        "D2-blocker",
        "D2-critical",
        "D2-blocker-and-critical",
        "D3-B3-gate-met-by-vendor-only",
        "D3-B3-gate-na-by-vendor-only",
        "D2-before-D3-a-blocker-rejects-whatever-the-verification",
        "D4-C1-must-partial",
        "D4-C1-should-not-met",
        "D4-C1-should-partial",
        "D4-C1-should-not-met-at-high-impact",
        "D5-all-met",
        "D5-R2-all-met-at-high-impact",
        "D5-R2-all-met-at-very-high-impact",
        "D5-C1-may-gap",
        "D5-C1-may-gap-at-very-high-impact",
        "D5-B4-na-answers",
    ],
)
def test_rules_D1_to_D5_suggested_decision_and_its_reasons(
    small: Catalogue,
    statuses: dict[str, str],
    kwargs: dict[str, object],
    decision: str,
    reasons: tuple[str, ...],
) -> None:
    result = score_assessment(make(small, statuses, **kwargs), small, today=TODAY)  # type: ignore[arg-type]
    assert (result.decision, result.decision_reasons) == (decision, reasons)


@pytest.mark.parametrize(
    ("kwargs", "risk"),
    [({}, "low"), (HIGH, "medium"), (VERY_HIGH, "medium")],
    ids=["R2-low-impact", "R2-high-impact", "R2-very-high-impact"],
)
def test_rule_R4_risk_informs_but_a_fully_met_service_is_approved(
    small: Catalogue, kwargs: dict[str, object], risk: str
) -> None:
    # The matrix still says how much is at stake (and sets the interval, rule N1), but with
    # nothing open there is nothing for a condition to name.
    result = score_assessment(make(small, ALL_MET, **kwargs), small, today=TODAY)  # type: ignore[arg-type]
    assert (result.risk_level, result.decision, result.conditions_needed) == (risk, "approve", ())


@pytest.mark.parametrize(
    ("statuses", "vendor_only", "unverified"),
    [
        (ALL_MET, (), ()),
        (ALL_MET, ("G-01",), ("G-01",)),
        ({**ALL_MET, "G-01": "na"}, ("G-01",), ("G-01",)),
        ({**ALL_MET, "G-01": "not_met"}, ("G-01",), ()),
        ({**ALL_MET, "G-01": "partial"}, ("G-01",), ()),
        ({k: v for k, v in ALL_MET.items() if k != "G-01"}, (), ()),
        # Only gates rest on the city's verification; a vendor's "met" elsewhere counts.
        (ALL_MET, ("M-01",), ()),
    ],
    ids=[
        "B3-verified",
        "B3-met-by-vendor",
        "B3-na-by-vendor",
        "B3-not-met-is-a-blocker-instead",
        "B3-partial-is-a-blocker-instead",
        "B3-unanswered-is-a-blocker-instead",
        "B3-not-a-gate",
    ],
)
def test_rule_B3_gates_rest_on_the_citys_verification(
    small: Catalogue,
    statuses: dict[str, str],
    vendor_only: tuple[str, ...],
    unverified: tuple[str, ...],
) -> None:
    result = score_assessment(make(small, statuses, vendor_only=vendor_only), small, today=TODAY)
    assert result.unverified_gates == unverified
    if unverified:
        assert result.decision not in ("approve", "approve_with_conditions")
        # Not a blocker: the vendor is not at fault, the city has yet to look.
        assert "G-01" not in [f.requirement for f in result.blockers]


@pytest.mark.parametrize(
    ("requirement", "listed"),
    [("G-01", True), ("M-01", True), ("S-01", False), ("Y-01", False)],
    ids=["B4-gate", "B4-must", "B4-should-not-listed", "B4-may-not-listed"],
)
def test_rule_B4_not_applicable_on_a_must_or_a_gate_is_for_the_reviewer_to_confirm(
    small: Catalogue, requirement: str, listed: bool
) -> None:
    result = score_assessment(make(small, {**ALL_MET, requirement: "na"}), small, today=TODAY)
    assert result.na_to_confirm == ((requirement,) if listed else ())
    assert result.decision == "approve"  # B4 asks for a confirmation; it suggests nothing


@pytest.mark.parametrize(
    ("statuses", "conditions"),
    [
        (ALL_MET, {}),
        ({**ALL_MET, "M-01": "partial"}, {"M-01": "must_partial"}),
        ({**ALL_MET, "M-01": "not_met"}, {"M-01": None}),
        ({**ALL_MET, "G-01": "partial"}, {"G-01": None}),
        ({**ALL_MET, "S-01": "partial"}, {"S-01": "should_open"}),
        ({**ALL_MET, "S-01": "not_met"}, {"S-01": "should_open"}),
        ({**ALL_MET, "Y-01": "partial"}, {"Y-01": None}),
        ({**ALL_MET, "Y-01": "not_met"}, {"Y-01": None}),
        (
            {k: v for k, v in ALL_MET.items() if k != "S-01"},
            {"S-01": None},
        ),
    ],
    ids=[
        "C1-nothing-open",
        "C1-must-partial",
        "C1-must-not-met-blocks-instead",
        "C1-gate-partial-blocks-instead",
        "C1-should-partial",
        "C1-should-not-met",
        "C1-may-partial-is-a-note",
        "C1-may-not-met-is-a-note",
        "C1-unanswered-waits-for-its-answer",
    ],
)
def test_rule_C1_which_findings_need_a_condition(
    small: Catalogue, statuses: dict[str, str], conditions: dict[str, str | None]
) -> None:
    result = score_assessment(make(small, statuses), small, today=TODAY)
    assert {f.requirement: f.condition for f in result.findings} == conditions
    assert result.conditions_needed == tuple(r for r, c in conditions.items() if c is not None)


def test_rule_C1_an_excepted_blocker_needs_a_condition(small: Catalogue) -> None:
    assessment = make(small, {**ALL_MET, "M-01": "not_met"}, exceptions=(_grant(TODAY),))
    result = score_assessment(assessment, small, today=TODAY)
    assert [(f.requirement, f.condition) for f in result.findings] == [("M-01", "excepted_blocker")]
    assert result.conditions_needed == ("M-01",)


def test_rule_C1_missing_evidence_needs_a_condition(catalogue: Catalogue) -> None:
    from tests.conftest import sample_assessment
    from vendorrisk.core.model import Answer

    result = score_assessment(
        sample_assessment(catalogue, A_05=Answer(value="met")), catalogue, today=TODAY
    )
    (finding,) = [f for f in result.findings if f.requirement == "A-05"]
    assert finding.condition == "evidence_missing"
    assert "A-05" in result.conditions_needed


def test_findings_carry_the_statutes_their_requirement_rests_on(small: Catalogue) -> None:
    result = score_assessment(
        make(small, {**ALL_MET, "M-01": "partial", "M-02": "partial"}), small, today=TODAY
    )
    assert {f.requirement: f.law for f in result.findings} == {
        "M-01": ("番号法10条",),
        "M-02": (),
    }


def test_findings_name_requirement_section_severity_status_and_reason(small: Catalogue) -> None:
    result = score_assessment(
        make(small, {**ALL_MET, "S-01": "partial", "M-01": "not_met"}), small, today=TODAY
    )
    assert [(f.requirement, f.section, f.severity, f.status) for f in result.findings] == [
        ("M-01", "6.9", "must", "not_met"),
        ("S-01", "6.9", "should", "partial"),
    ]
    assert "not met because" in say(result.findings[0].message)
    assert "partly because" in say(result.findings[1].message)


def test_rule_S3_rounds_halves_up_as_by_hand() -> None:
    from fractions import Fraction

    from vendorrisk.core.scoring.evaluate import _one_decimal

    assert _one_decimal(Fraction(8125, 100)) == 81.3
    assert _one_decimal(Fraction(8124, 100)) == 81.2


def test_rule_S4_met_without_required_evidence_counts_as_partly_met(catalogue: Catalogue) -> None:
    from tests.conftest import sample_assessment
    from vendorrisk.core.model import Answer, Evidence

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
    assert [(f.status, "evidence" in say(f.message)) for f in finding] == [("partial", True)]
    assert "A-05" not in [
        f.requirement for f in score_assessment(proven, catalogue, today=TODAY).findings
    ]


def test_rule_D1_nothing_left_to_judge_by_is_incomplete(small: Catalogue) -> None:
    statuses = dict.fromkeys(ALL_MET, "na")
    assert score_assessment(make(small, statuses), small, today=TODAY).decision == "incomplete"
