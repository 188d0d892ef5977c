"""The approval properties of issue 9 on the built-in catalogue and the example files
(docs/scoring.md, rules W2, W8, W9), with changes of every kind a file can take:

- no approved file with open blockers (or any other reason its approval does not stand)
  survives a load-save as approved, and every reader sees it as invalid before that;
- changing anything an approval covers (any answer's value, reason, note, source or
  evidence, removing or adding answers, the service profile, the exceptions, the vendor) of
  an approved file leaves it not approved, one change or several at once.

tests/core/scoring/test_approval_properties.py shows the same on a six-question catalogue; this
file makes sure the real catalogue's answer types, conditions and gates are exercised.
"""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from tests.said import entry as said_entry
from tests.said import history_of
from vendorrisk.core.approval import (
    APPROVED_STATUSES,
    INVALID_STANDING,
    approval_basis,
    approval_problems,
    approval_stands,
    standing,
)
from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.model import Requirement
from vendorrisk.core.model import (
    Answer,
    Assessment,
    Classification,
    Evidence,
    ExceptionGrant,
    HistoryEntry,
    Review,
)
from vendorrisk.core.workflow import add_comment, transition
from vendorrisk.store import storage

TODAY = dt.date(2026, 12, 2)
AT = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)
EXAMPLES = sorted((REPO / "assessments").glob("*.toml"))
COMPLIANCE = ("met", "partial", "not_met", "na")


@functools.cache
def _catalogue() -> Catalogue:
    return load_catalog()


@functools.cache
def _example(name: str) -> Assessment:
    return storage.load(REPO / "assessments" / name, _catalogue()).assessment


@functools.cache
def _approved_examples() -> tuple[Assessment, ...]:
    """The approved example as it is, and the conditional one approved through review."""
    catalogue = _catalogue()
    social = _example("2026-social-kosodate-account.toml")
    fumikura = _example("2026-cloud-fumikura-lgwan.toml")
    decided, summary = transition(
        fumikura,
        catalogue,
        "approved_with_conditions",
        reviewer="情報政策課 鈴木",
        conditions=("B-09d, B-14b, B-19: 2027 年度中に改善",),
        today=TODAY,
    )
    entry = HistoryEntry(fumikura.revision + 1, AT, "情報政策課 鈴木", (summary,))
    decided = replace(decided, revision=entry.revision, history=(*fumikura.history, entry))
    assert not approval_problems(social, catalogue, TODAY)
    assert not approval_problems(decided, catalogue, TODAY)
    return social, decided


def _other_value(requirement: Requirement, old: Any, pick: int) -> Answer:
    """A valid answer to ``requirement`` whose value differs from ``old``."""
    spec = requirement.answer
    match spec.type:
        case "compliance":
            value: Any = [v for v in COMPLIANCE if v != old][pick % 3]
            return Answer(value, reason="該当しない" if value == "na" else None, note="変更")
        case "boolean":
            return Answer(not old)
        case "choice":
            options = [o.id for o in spec.options if o.id != old]
            return Answer(options[pick % len(options)])
        case "multi":
            options = [o.id for o in spec.options]
            subsets = [(o,) for o in options if (o,) != old] or [tuple(options)]
            return Answer(subsets[pick % len(subsets)])
        case "date":
            return Answer((old or TODAY) + dt.timedelta(days=1 + pick))
        case _:
            return Answer(f"{old or ''}x"[-(spec.max_length or 64) :])


def _change(a: Assessment, catalogue: Catalogue, kind: str, pick: int) -> Assessment:
    """One change to what an approval covers; ``pick`` chooses where."""
    answered = sorted(a.answers)
    rid = answered[pick % len(answered)]
    old = a.answers[rid]
    requirement = catalogue.by_id[rid]
    match kind:
        case "value":
            new = _other_value(requirement, old.value, pick)
            return a.with_answer(rid, replace(new, source=old.source))
        case "note":
            return a.with_answer(rid, replace(old, note=f"{old.note or ''}（追記）"))
        case "source":
            flipped = "vendor" if old.source == "city" else "city"
            return a.with_answer(rid, replace(old, source=flipped))
        case "evidence-add":
            item = Evidence(kind="document", ref="追加資料", expires=TODAY.replace(year=2028))
            return a.with_answer(rid, replace(old, evidence=(*old.evidence, item)))
        case "evidence-edit":
            with_evidence = [r for r in answered if a.answers[r].evidence] or [rid]
            target = with_evidence[pick % len(with_evidence)]
            answer = a.answers[target]
            if not answer.evidence:
                return a.with_answer(target, replace(answer, evidence=(Evidence("document", "x"),)))
            first = replace(answer.evidence[0], ref=f"{answer.evidence[0].ref} 改")
            return a.with_answer(target, replace(answer, evidence=(first, *answer.evidence[1:])))
        case "remove":
            return a.with_answer(rid, None)
        case "add":
            missing = [r for r in applies(catalogue, a) if r not in a.answers]
            if not missing:
                return a.with_answer(rid, None)
            target = missing[pick % len(missing)]
            return a.with_answer(target, _other_value(catalogue.by_id[target], None, pick))
        case "classification":
            c = a.service.classification
            flipped = replace(c, integrity="1" if c.integrity == "2" else "2")
            return replace(a, service=replace(a.service, classification=flipped))
        case "contract-date":
            day = dt.date(2027, 7, 1) + dt.timedelta(days=pick)
            return replace(a, service=replace(a.service, contract_date=day))
        case "description":
            text = f"{a.service.description or ''}（更新）"
            return replace(a, service=replace(a.service, description=text))
        case "exception":
            grant = ExceptionGrant(rid, "代替措置", "CISO", until=dt.date(2027, 3, 31))
            return replace(a, exceptions=(*a.exceptions, grant))
        case _:  # "vendor"
            return replace(a, vendor=replace(a.vendor, name=f"{a.vendor.name}（別）"))


KINDS = (
    "value",
    "note",
    "source",
    "evidence-add",
    "evidence-edit",
    "remove",
    "add",
    "classification",
    "contract-date",
    "description",
    "exception",
    "vendor",
)
changes = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(min_value=0, max_value=500)),
    min_size=1,
    max_size=3,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, 1), edits=changes)
def test_changing_anything_an_approval_covers_leaves_it_not_approved(
    which: int, edits: list[tuple[str, int]]
) -> None:
    catalogue = _catalogue()
    approved = _approved_examples()[which]
    edited = approved
    for kind, pick in edits:
        edited = _change(edited, catalogue, kind, pick)
    if approval_basis(edited) == approval_basis(approved):
        return  # no change left (only vendor edits of an old basis, or they cancelled out)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.toml"
        path.write_bytes(storage.render(approved, catalogue, path))
        loaded = storage.load(path, catalogue)
        # By hand: the file says approved, no reader counts it as such.
        hand = Path(tmp) / "hand.toml"
        hand.write_bytes(storage.render(edited, catalogue, hand))
        try:
            reread = storage.load(hand, catalogue).assessment
        except storage.InvalidAssessment:
            reread = None  # a file that does not load is counted by no one
        if reread is not None:
            assert standing(reread, catalogue, TODAY) == INVALID_STANDING
        # Through the tool: saved back into review, or refused with the file untouched.
        try:
            saved = storage.save(loaded, edited, catalogue, summary="変更", at=AT)
        except storage.InvalidAssessment:
            assert storage.load(path, catalogue).assessment == loaded.assessment
            return
        assert saved.assessment.review.status == "in_review"
        assert "back in review" in history_of(saved.assessment.history[-1])


def _perturbed(a: Assessment, catalogue: Catalogue, values: list[tuple[int, int]]) -> Assessment:
    answered = sorted(a.answers)
    for position, pick in values:
        rid = answered[position % len(answered)]
        old = a.answers[rid]
        new = _other_value(catalogue.by_id[rid], old.value, pick)
        a = a.with_answer(rid, replace(new, source=old.source))
    return a


def _forged(a: Assessment, status: str) -> Assessment:
    """Recorded as approved as the workflow would have: a matching basis and a history entry
    for the move, so only the re-derived rules can catch it."""
    review = Review(
        status=status,  # type: ignore[arg-type]
        reviewer="情報政策課 鈴木",
        decision="approve" if status == "approved" else "approve_with_conditions",
        decided_at=TODAY,
        conditions=("条件",) if status == "approved_with_conditions" else (),
        next_review=dt.date(2027, 6, 1),
        submitted_by=a.review.submitted_by,
    )
    entry = said_entry(a.revision + 1, AT, "情報政策課 鈴木", f"in_review → {status}")
    forged = replace(a, review=review, revision=entry.revision, history=(*a.history, entry))
    return replace(forged, review=replace(review, basis=approval_basis(forged)))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    example=st.sampled_from([p.name for p in EXAMPLES]),
    status=st.sampled_from(APPROVED_STATUSES),
    values=st.lists(st.tuples(st.integers(0, 500), st.integers(0, 2)), max_size=6),
)
def test_no_approved_file_that_does_not_stand_survives_a_load_save(
    example: str, status: str, values: list[tuple[int, int]]
) -> None:
    catalogue = _catalogue()
    forged = _forged(_perturbed(_example(example), catalogue, values), status)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / example
        path.write_bytes(storage.render(forged, catalogue, path))
        try:
            loaded = storage.load(path, catalogue)
        except storage.InvalidAssessment:
            return  # not loaded, not counted
        problems = approval_problems(loaded.assessment, catalogue, TODAY)
        stands = approval_stands(problems)
        result_blocked = any(p.code == "open-blockers" for p in problems)
        assert standing(loaded.assessment, catalogue, TODAY) == (
            status if stands else INVALID_STANDING
        )
        rid = sorted(loaded.assessment.answers)[0]
        remarked = add_comment(loaded.assessment, rid, by="鈴木", text="確認", today=TODAY)
        saved = storage.save(loaded, remarked, catalogue, summary="確認", at=AT)
        after = storage.load(saved.path, catalogue).assessment
        if not stands:
            assert after.review.status == "in_review"
        if result_blocked:
            assert after.review.status not in APPROVED_STATUSES
        if after.review.status in APPROVED_STATUSES:
            assert approval_stands(approval_problems(after, catalogue, TODAY))


def test_the_strategies_reach_both_outcomes() -> None:
    """Not a vacuous property: among the examples, forged approvals both stand and fall."""
    catalogue = _catalogue()
    outcomes = {
        approval_stands(approval_problems(_forged(_example(p.name), s), catalogue, TODAY))
        for p in EXAMPLES
        for s in APPROVED_STATUSES
    }
    assert outcomes == {True, False}
    # And a classification as the examples have is a valid one to start from.
    assert isinstance(_example(EXAMPLES[0].name).service.classification, Classification)
