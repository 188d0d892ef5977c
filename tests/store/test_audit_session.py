"""An editing sitting that reopens an approval keeps the reason in the history (rule W8),
however often it autosaves afterwards. Found by the audit of issue 9."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tests.conftest import REPO
from tests.said import entry as said_entry
from tests.said import history_of, raises_said
from vendorrisk.core.catalog import Catalogue
from vendorrisk.features.session import EditSession
from vendorrisk.store import storage

SOCIAL = "2026-social-kosodate-account.toml"
TODAY = dt.date(2026, 12, 2)


def test_rule_W8_later_autosaves_keep_the_reopening_in_the_history(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / SOCIAL
    shutil.copy(REPO / "assessments" / SOCIAL, path)
    session = EditSession.open(path, catalogue, user="広報プロモーション課 小林")
    session.set_answer("C-09", "met", today=TODAY)
    assert session.save()
    assert session.assessment.review.status == "in_review"
    session.set_answer("C-07", "partial", today=TODAY)
    session.set_details("C-07", note="一部のみ")
    assert session.save()
    history = storage.load(path, catalogue).assessment.history
    reopened = [
        e for e in history if "back in review: changed after approved (C-09)" in history_of(e)
    ]
    assert len(reopened) == 1
    assert "C-07" in history_of(history[-1])


def test_rule_W9_a_forged_approval_with_many_problems_can_still_be_saved(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """The reasons it did not stand go into the history entry of the save that reopens it;
    with many of them the entry outgrew the history's 500 characters and every save of the
    file was refused, so it could not be put right through the tool."""
    from dataclasses import replace

    from vendorrisk.core.approval import approval_basis
    from vendorrisk.core.model import Review
    from vendorrisk.core.workflow import add_comment

    path = tmp_path / "draft.toml"
    shutil.copy(REPO / "assessments" / "2026-cloud-anketo-draft.toml", path)
    loaded = storage.load(path, catalogue)
    a = loaded.assessment
    review = Review(
        status="approved",
        reviewer="誰か",
        decision="approve",
        decided_at=TODAY,
        next_review=dt.date(2027, 6, 1),
    )
    at = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)
    entry = said_entry(a.revision + 1, at, "誰か", "in_review → approved")
    forged = replace(a, review=review, revision=entry.revision, history=(*a.history, entry))
    # Recorded as the workflow would (a matching basis), with a must question not applicable
    # and findings that need conditions: five reasons, each naming up to ten questions.
    na = replace(forged.answers["A-04b"], value="na", reason="該当しない")
    forged = forged.with_answer("A-04b", na)
    for rid in ("A-01a", "A-01b", "A-02", "A-04a"):
        forged = forged.with_answer(rid, replace(forged.answers[rid], value="partial"))
    forged = replace(forged, review=replace(review, basis=approval_basis(forged)))
    path.write_bytes(storage.render(forged, catalogue, path))
    loaded = storage.load(path, catalogue)
    rid = sorted(loaded.assessment.answers)[0]
    remarked = add_comment(loaded.assessment, rid, by="鈴木", text="確認", today=TODAY)
    saved = storage.save(loaded, remarked, catalogue, summary="確認", at=at)
    last = history_of(saved.assessment.history[-1])
    assert saved.assessment.review.status == "in_review"
    assert last.startswith("確認; back in review: the recorded approved did not stand (")


def test_rule_W5_a_comment_too_long_for_the_history_is_refused_by_the_move(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    from vendorrisk.core.workflow import WorkflowError, transition

    a = storage.load(REPO / "assessments" / "2026-cloud-fumikura-lgwan.toml", catalogue)
    with raises_said(WorkflowError, match="too long for the history"):
        transition(a.assessment, catalogue, "draft", reviewer="x", comment="長" * 495, today=TODAY)
