"""An app factory the UI tests share: a fixed day and user, a chosen language and folder."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from vendorrisk.core.catalog import load_catalog
from vendorrisk.messages import Lang, set_language
from vendorrisk.tui.app import VendorRiskApp

TODAY = dt.date(2026, 11, 27)
EXAMPLES = REPO / "assessments"


def make_app(directory: Path, lang: Lang = "ja", **kwargs: Any) -> VendorRiskApp:
    set_language(lang)
    return VendorRiskApp(directory, load_catalog(), today=TODAY, user="tester", **kwargs)


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    folder = tmp_path / "assessments"
    shutil.copytree(EXAMPLES, folder)
    return folder


async def settle(app: VendorRiskApp, pilot: Any) -> None:
    """Let background workers (summaries, checks) finish and the screen catch up."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
