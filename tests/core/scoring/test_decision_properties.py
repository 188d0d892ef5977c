"""Properties of the suggested decision (docs/scoring.md, rules B3, C1, D1–D5, R4)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.scoring.conftest import make
from tests.core.scoring.test_monotonicity import SCORED, _profile, _status
from vendorrisk.core.catalog import Catalogue, Requirement, applies
from vendorrisk.core.model import Answer, AnswerValue, Assessment, Evidence
from vendorrisk.core.scoring import score_assessment

TODAY = dt.date(2026, 11, 27)
SETTINGS = settings(
    max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)


@SETTINGS
@given(profile=_profile, na=st.sets(st.sampled_from(SCORED), max_size=len(SCORED) - 1))
def test_D5_R4_a_fully_met_verified_assessment_is_approved_at_any_impact(
    small: Catalogue, profile: dict[str, object], na: set[str]
) -> None:
    statuses = {rid: "na" if rid in na else "met" for rid in SCORED}
    result = score_assessment(make(small, statuses, **profile), small, today=TODAY)  # type: ignore[arg-type]
    assert result.decision == "approve"
    assert result.conditions_needed == ()


@SETTINGS
@given(
    statuses=st.fixed_dictionaries(dict.fromkeys(SCORED, _status)),
    profile=_profile,
    vendor_only=st.sets(st.just("G-01")),
)
def test_B1_B2_B3_an_open_blocker_or_unverified_gate_is_never_approved(
    small: Catalogue, statuses: dict[str, str], profile: dict[str, object], vendor_only: set[str]
) -> None:
    answered = {k: v for k, v in statuses.items() if v != "unanswered"}
    result = score_assessment(
        make(small, answered, vendor_only=tuple(vendor_only), **profile),  # type: ignore[arg-type]
        small,
        today=TODAY,
    )
    if result.blockers or result.unverified_gates:
        assert result.decision not in ("approve", "approve_with_conditions")
    if result.decision == "approve_with_conditions":
        assert result.conditions_needed != ()  # rule C1: the conditions have something to name
    if result.decision == "approve":
        assert result.conditions_needed == () and result.blockers == ()


# The same two properties on the built-in catalogue, for any kind, tier and classification.


def _plain_answer(requirement: Requirement, draw: st.DrawFn) -> AnswerValue:
    spec = requirement.answer
    if spec.type == "boolean":
        return draw(st.booleans())
    if spec.type == "choice":
        return draw(st.sampled_from(spec.option_ids()))
    if spec.type == "multi":
        return (draw(st.sampled_from(spec.option_ids())),)
    if spec.type == "date":
        return dt.date(2028, 3, 31)
    if spec.type == "number":
        return int(spec.minimum or 0)
    if spec.type == "url":
        return "https://example.jp/"
    return "記載あり"


@st.composite
def fully_met(draw: st.DrawFn, catalogue: Catalogue) -> Assessment:
    """An assessment of a drawn service whose every applicable question is answered: facts as
    drawn, compliance questions met with evidence, gates verified by city staff. Answering a
    profile question can make more questions apply, so answer until nothing new applies."""
    from tests.conftest import sample_assessment
    from vendorrisk.core.model import Classification, Service

    kind = draw(st.sampled_from(["contractor", "cloud", "social"]))
    confidentiality = draw(st.sampled_from(["1", "2", "3C", "3B", "3A"]))
    mynumber = draw(st.booleans()) and confidentiality != "1"
    assessment = sample_assessment(catalogue)
    service = Service(
        name="試験",
        kind=kind,  # type: ignore[arg-type]
        tier=draw(st.sampled_from(["internet", "lgwan", "mynumber"])),
        classification=Classification(
            confidentiality=confidentiality,  # type: ignore[arg-type]
            integrity=draw(st.sampled_from(["1", "2"])),  # type: ignore[arg-type]
            availability=draw(st.sampled_from(["1", "2"])),  # type: ignore[arg-type]
        ),
        personal_data=draw(st.booleans()) or mynumber,
        mynumber_data=mynumber,
    )
    answers: dict[str, Answer] = {}
    proof = (Evidence(kind="document", ref="提出資料"),)
    while True:
        current = Assessment(
            catalog_id=assessment.catalog_id,
            catalog_version=assessment.catalog_version,
            vendor=assessment.vendor,
            service=service,
            answers=dict(answers),
        )
        missing = [r for r in applies(catalogue, current).values() if r.id not in answers]
        if not missing:
            return current
        for r in missing:
            if r.scored:
                answers[r.id] = Answer(
                    value="met", evidence=proof, source="city" if r.gate else "vendor"
                )
            else:
                answers[r.id] = Answer(value=_plain_answer(r, draw))


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(data=st.data())
def test_D5_a_fully_met_service_of_the_builtin_catalogue_is_approved(
    catalogue: Catalogue, data: st.DataObject
) -> None:
    assessment = data.draw(fully_met(catalogue))
    result = score_assessment(assessment, catalogue, today=TODAY)
    assert (result.decision, result.findings, result.unverified_gates) == ("approve", (), ())


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(data=st.data())
def test_B3_any_gate_left_to_the_vendors_word_stops_approval_in_the_builtin_catalogue(
    catalogue: Catalogue, data: st.DataObject
) -> None:
    assessment = data.draw(fully_met(catalogue))
    gates = [rid for rid in assessment.answers if catalogue.by_id[rid].gate]
    if not gates:
        return
    rid = data.draw(st.sampled_from(gates))
    answer = assessment.answers[rid]
    vendor_said = Answer(value=answer.value, evidence=answer.evidence, source="vendor")
    result = score_assessment(assessment.with_answer(rid, vendor_said), catalogue, today=TODAY)
    assert result.unverified_gates == (rid,)
    assert (result.decision, result.decision_reasons) == ("incomplete", ("unverified_gates",))
