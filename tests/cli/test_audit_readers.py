"""Readers that must not count an approval that does not stand (docs/scoring.md, rule W9),
and list rows that must follow a hand edit: found by the audit of issue 9."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli, run_json
from tests.conftest import REPO
from vendorrisk.core.catalog import Catalogue

SOCIAL = "2026-social-kosodate-account.toml"


@pytest.fixture
def stale_folder(tmp_path: Path) -> Path:
    """The approved example with one answer changed by hand after the approval."""
    folder = tmp_path / "assessments"
    folder.mkdir()
    text = (REPO / "assessments" / SOCIAL).read_text("utf-8")
    old = "[answers.C-01]\n"
    assert old in text
    (folder / SOCIAL).write_text(text.replace(old, f'{old}note = "追記"\n', 1), "utf-8")
    return folder


def test_rule_W9_export_json_does_not_count_an_invalid_approval(
    capsys: pytest.CaptureFixture[str], stale_folder: Path
) -> None:
    code, data = run_json(capsys, "export", "--dir", stale_folder, "--format", "json")
    (row,) = data["rows"]
    assert (row["status"], row["decision"]) == ("approval_invalid", None)


def test_rule_W9_export_csv_shows_an_invalid_approval_as_such(
    capsys: pytest.CaptureFixture[str], stale_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rows.csv"
    code, _, err = run_cli(capsys, "export", "--dir", stale_folder, "-o", out)
    header, row = out.read_text("utf-8-sig").splitlines()
    cells = dict(zip(header.split(","), row.split(","), strict=True))
    assert (cells["status"], cells["decision"]) == ("approval invalid", "")


def test_rule_W9_oscal_does_not_record_an_invalid_approval_as_approved(
    capsys: pytest.CaptureFixture[str], stale_folder: Path
) -> None:
    code, out, _ = run_cli(capsys, "export", "--format", "oscal-ar", stale_folder / SOCIAL)
    doc = json.loads(out)
    (result,) = doc["assessment-results"]["results"]
    props = {p["name"]: p["value"] for p in result["props"]}
    assert props["review-status"] == "approval_invalid"


def test_a_list_row_is_recomputed_after_a_hand_edit_that_keeps_size_and_time(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """The list's cache knows a file by size, time and inode; an edit of the same length
    with the modification time put back (cp -p, rsync -t, touch -r, an editor that keeps
    it) must still be seen. The change time cannot be put back."""
    from vendorrisk.features.summaries import load_all

    folder = tmp_path / "assessments"
    folder.mkdir()
    path = folder / SOCIAL
    shutil.copy(REPO / "assessments" / SOCIAL, path)
    day = dt.date(2026, 12, 2)
    (first,) = load_all(folder, catalogue, day)
    assert first.status == "approved"
    before = path.stat()
    text = path.read_text("utf-8")
    # Same length: a partly met may answer read as met, by hand.
    edited = text.replace(
        '[answers.C-09]\nvalue = "partial"', '[answers.C-09]\nvalue = "met"    ', 1
    )
    assert edited != text and len(edited.encode()) == len(text.encode())
    with path.open("r+b") as handle:  # the same inode, as an in-place editor writes
        handle.write(edited.encode("utf-8"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_mtime_ns == before.st_mtime_ns and path.stat().st_size == before.st_size
    (second,) = load_all(folder, catalogue, day)
    assert second.status == "approval_invalid"


@pytest.mark.parametrize("rid", ["Z-99", "A-01a"], ids=["unknown", "not-answered"])
def test_verify_of_an_id_without_an_answer_says_so_in_its_own_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, rid: str
) -> None:
    path = tmp_path / SOCIAL
    shutil.copy(REPO / "assessments" / SOCIAL, path)
    code, _, err = run_cli(capsys, "review", path, "--verify", rid, "--reviewer", "鈴木")
    assert code == 1
    assert f"{rid}: no answer to verify" in err and "comment" not in err
