"""Properties of approval integrity (docs/scoring.md, rules W2 and W8), through real files.

- No approved file with open blockers loads as approved, or survives a save as approved.
- Changing any answer of an approved file leaves it not approved: saved through the tool it
  goes back into review; edited by hand it no longer stands.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.scoring.conftest import ALL_MET, make
from tests.core.scoring.test_workflow import TODAY, verified
from tests.said import history_of
from vendorrisk.core.approval import (
    APPROVED_STATUSES,
    approval_basis,
    approval_problems,
    approval_stands,
)
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.model import Answer, Assessment, Review
from vendorrisk.core.scoring import score_assessment
from vendorrisk.core.workflow import add_comment, transition
from vendorrisk.store import storage

STATUSES = ("met", "partial", "not_met", "na")
AT = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)


def _forged(catalogue: Catalogue, statuses: dict[str, str], source: str, status: str) -> Assessment:
    """An assessment with any answers, recorded as approved as if the workflow had done it:
    the basis matches, so only the re-derived legality can catch it."""
    a = make(catalogue, statuses)
    a = replace(
        a,
        answers={
            rid: replace(ans, source=source, note="理由")  # type: ignore[arg-type]
            for rid, ans in a.answers.items()
        },
    )
    review = Review(
        status=status,  # type: ignore[arg-type]
        reviewer="鈴木",
        decision="approve" if status == "approved" else "approve_with_conditions",
        decided_at=TODAY,
        conditions=("c",) if status == "approved_with_conditions" else (),
        next_review=dt.date(2027, 3, 31),
        basis=approval_basis(a),
    )
    return replace(a, review=review)


def _file(folder: Path, assessment: Assessment, catalogue: Catalogue) -> storage.Loaded:
    return storage.create(folder / "a.toml", assessment, catalogue, by="試験", at=AT)


answers = st.fixed_dictionaries({rid: st.sampled_from(STATUSES) for rid in ALL_MET})


@settings(max_examples=60, deadline=None)
@given(
    statuses=answers,
    source=st.sampled_from(("vendor", "city")),
    status=st.sampled_from(APPROVED_STATUSES),
)
def test_no_approved_file_with_open_blockers_loads_or_saves_as_approved(
    small: Catalogue, statuses: dict[str, str], source: str, status: str
) -> None:
    forged = _forged(small, statuses, source, status)
    result = score_assessment(forged, small, today=TODAY)
    with tempfile.TemporaryDirectory() as tmp:
        loaded = _file(Path(tmp), forged, small)
        reloaded = storage.load(loaded.path, small)
        problems = approval_problems(reloaded.assessment, small, TODAY)
        if result.blockers or result.unverified_gates:
            assert not approval_stands(problems)
        # Any later save (here: a reviewer's remark) writes no approval that does not stand.
        remarked = add_comment(reloaded.assessment, "M-01", by="鈴木", text="確認", today=TODAY)
        saved = storage.save(reloaded, remarked, small, summary="確認", at=AT)
        after = storage.load(saved.path, small).assessment
        if result.blockers:
            assert after.review.status not in APPROVED_STATUSES
        if after.review.status in APPROVED_STATUSES:
            assert approval_stands(approval_problems(after, small, TODAY))


def _approved(small: Catalogue) -> Assessment:
    a = replace(verified(make(small, ALL_MET)), review=Review(status="in_review"))
    done, _ = transition(a, small, "approved", reviewer="鈴木", today=TODAY)
    return done


changes = st.one_of(
    st.tuples(st.sampled_from(sorted(ALL_MET)), st.sampled_from(("partial", "not_met", "na"))),
    st.tuples(st.sampled_from(sorted(ALL_MET)), st.just("note")),
    st.tuples(st.sampled_from(sorted(ALL_MET)), st.just("source")),
    st.tuples(st.just("P-01"), st.just("flip")),
)


def _changed(a: Assessment, rid: str, how: str) -> Assessment:
    old = a.answers[rid]
    match how:
        case "note":
            new = replace(old, note=f"{old.note or ''}追記")
        case "source":
            new = replace(old, source="vendor" if old.source == "city" else "city")
        case "flip":
            new = replace(old, value=not old.value)
        case value:
            new = Answer(value, reason="理由" if value == "na" else None, note="理由")
    return a.with_answer(rid, new)


@settings(max_examples=60, deadline=None)
@given(change=changes)
def test_changing_any_answer_of_an_approved_file_leaves_it_not_approved(
    small: Catalogue, change: tuple[str, str]
) -> None:
    rid, how = change
    with tempfile.TemporaryDirectory() as tmp:
        loaded = _file(Path(tmp), _approved(small), small)
        edited = _changed(loaded.assessment, rid, how)
        # Through the tool (UI, review, import, migrate all save this way).
        saved = storage.save(loaded, edited, small, summary="変更", at=AT)
        assert saved.assessment.review.status == "in_review"
        assert rid in history_of(saved.assessment.history[-1])
        # By hand: the file keeps saying "approved", but that approval no longer stands.
        hand = Path(tmp) / "hand.toml"
        hand.write_bytes(storage.render(edited, small, hand))
        problems = approval_problems(storage.load(hand, small).assessment, small, TODAY)
        assert "stale" in [p.code for p in problems] and not approval_stands(problems)
