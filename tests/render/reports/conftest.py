"""Shared set-up for the report, export and summary tests: the example assessments copied
into a temporary folder, and golden-file comparison.

Golden files live in tests/render/reports/golden/. After an intended change to the output (or to
the example assessments), regenerate them and read the diff before committing:

    VENDORRISK_UPDATE_GOLDEN=1 python -m pytest tests/render/reports
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO

GOLDEN = Path(__file__).parent / "golden"
TODAY = "2026-11-27"  # fixed, so that risk, due dates and 和暦 never depend on the run day


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding ``assessments/`` with copies of the examples, as the current folder,
    so that paths in the output are the same relative paths on every machine."""
    target = tmp_path / "assessments"
    target.mkdir()
    for example in sorted((REPO / "assessments").glob("*.toml")):
        shutil.copyfile(example, target / example.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("VENDORRISK_UPDATE_GOLDEN") == "1":
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"{path} missing: run with VENDORRISK_UPDATE_GOLDEN=1 to create it"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs from its golden file"
