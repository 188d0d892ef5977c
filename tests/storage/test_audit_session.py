"""An editing sitting that reopens an approval keeps the reason in the history (rule W8),
however often it autosaves afterwards. Found by the audit of issue 9."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tests.conftest import REPO
from vendorrisk import storage
from vendorrisk.catalog import Catalogue
from vendorrisk.session import EditSession

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
    reopened = [e for e in history if "back in review: changed after approved (C-09)" in e.summary]
    assert len(reopened) == 1
    assert "C-07" in history[-1].summary
