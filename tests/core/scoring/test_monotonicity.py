"""Answering a requirement better never makes the risk worse (docs/scoring.md, after R3)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.scoring.conftest import make
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.scoring import RISK_LEVELS, score_assessment
from vendorrisk.core.scoring.evaluate import STATUS_ORDER

SCORED = ["G-01", "M-01", "M-02", "S-01", "Y-01"]
_status = st.sampled_from([*STATUS_ORDER, "na"])
_profile = st.fixed_dictionaries(
    {
        "confidentiality": st.sampled_from(["1", "2", "3C", "3B", "3A"]),
        "tier": st.sampled_from(["internet", "lgwan", "mynumber"]),
        "integrity": st.sampled_from(["1", "2"]),
        "availability": st.sampled_from(["1", "2"]),
        "personal": st.booleans(),
        "mynumber": st.booleans(),
    }
)


@settings(
    max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    statuses=st.fixed_dictionaries(dict.fromkeys(SCORED, _status)),
    profile=_profile,
    target=st.sampled_from(SCORED),
    data=st.data(),
)
def test_a_better_answer_never_raises_the_risk(
    small: Catalogue,
    statuses: dict[str, str],
    profile: dict[str, object],
    target: str,
    data: st.DataObject,
) -> None:
    current = statuses[target]
    if current == "na" or current == "met":
        return
    better = data.draw(st.sampled_from(STATUS_ORDER[STATUS_ORDER.index(current) + 1 :]))
    answered = {k: v for k, v in statuses.items() if v != "unanswered"}
    improved = {**answered, target: better}
    today = dt.date(2026, 11, 27)
    before = score_assessment(make(small, answered, **profile), small, today=today)  # type: ignore[arg-type]
    after = score_assessment(make(small, improved, **profile), small, today=today)  # type: ignore[arg-type]
    assert RISK_LEVELS.index(after.risk_level) <= RISK_LEVELS.index(before.risk_level)
    assert after.score >= before.score
    assert len(after.blockers) <= len(before.blockers)


DECISION_ORDER = ("reject", "approve_with_conditions", "approve")


@settings(
    max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    others=st.fixed_dictionaries(
        dict.fromkeys(SCORED, st.sampled_from(["not_met", "partial", "met", "na"]))
    ),
    current=st.sampled_from(["not_met", "partial"]),
    profile=_profile,
    target=st.sampled_from(SCORED),
    data=st.data(),
)
def test_a_better_answer_never_worsens_the_decision_of_a_complete_assessment(
    small: Catalogue,
    others: dict[str, str],
    current: str,
    profile: dict[str, object],
    target: str,
    data: st.DataObject,
) -> None:
    # Rules D2, D4, D5: with every question answered and the gate verified, the suggestion
    # only moves from reject towards approve as answers improve.
    before_statuses = {**others, target: current}
    better = data.draw(st.sampled_from(STATUS_ORDER[STATUS_ORDER.index(current) + 1 :]))
    today = dt.date(2026, 11, 27)
    before = score_assessment(make(small, before_statuses, **profile), small, today=today)  # type: ignore[arg-type]
    after = score_assessment(
        make(small, {**before_statuses, target: better}, **profile),  # type: ignore[arg-type]
        small,
        today=today,
    )
    assert DECISION_ORDER.index(after.decision) >= DECISION_ORDER.index(before.decision)
