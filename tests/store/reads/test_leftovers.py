"""Temporary files a killed save left: named by validate, removed by the next save."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from vendorrisk.core.catalog import Catalogue
from vendorrisk.store import storage
from vendorrisk.store.files import MAX_NAME_BYTES, leftover_temp_files, name_problem

SAMPLE = REPO / "assessments" / "2026-cloud-fumikura-lgwan.toml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(SAMPLE, tmp_path / "a.toml")
    # What a save killed between writing and renaming leaves (tempfile's 8-character tag).
    (tmp_path / ".a.toml.k3x_9qzt.tmp").write_bytes(b"half a file")
    (tmp_path / ".gone.toml.abcdefgh.tmp").write_bytes(b"")  # its file no longer exists
    (tmp_path / ".a.toml.notours.tmp").write_bytes(b"")  # not the pattern: left alone
    (tmp_path / ".a.toml.nowsaved.tmp").write_bytes(b"")  # too young: a save in progress
    an_hour_ago = time.time() - 3600
    for name in (".a.toml.k3x_9qzt.tmp", ".gone.toml.abcdefgh.tmp", ".a.toml.notours.tmp"):
        os.utime(tmp_path / name, (an_hour_ago, an_hour_ago))
    return tmp_path


def test_validate_names_each_leftover_and_the_file_it_was_saving(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, _ = run_cli(capsys, "validate", "--no-cache", folder)
    assert code == 0  # a warning, not a finding
    assert ".a.toml.k3x_9qzt.tmp" in out and "interrupted save of a.toml" in out
    assert ".gone.toml.abcdefgh.tmp" in out
    assert "notours" not in out and "nowsaved" not in out
    code, data = run_cli(capsys, "validate", "--no-cache", folder, "--format", "json")[:2]
    paths = [f["path"] for f in json.loads(data)["files"]]
    assert str(folder / ".a.toml.k3x_9qzt.tmp") in paths


def test_the_next_successful_save_of_that_file_removes_its_leftovers(
    folder: Path, catalogue: Catalogue
) -> None:
    loaded = storage.load(folder / "a.toml", catalogue)
    assert leftover_temp_files(folder / "a.toml") == [folder / ".a.toml.k3x_9qzt.tmp"]
    review = replace(loaded.assessment.review, reviewer="情報政策課 佐藤")
    storage.save(loaded, replace(loaded.assessment, review=review), catalogue, summary="担当変更")
    assert leftover_temp_files(folder / "a.toml") == []
    assert (folder / ".gone.toml.abcdefgh.tmp").exists()  # another file's: not this save's
    assert (folder / ".a.toml.notours.tmp").exists()
    assert (folder / ".a.toml.nowsaved.tmp").exists()


def test_a_name_that_could_never_be_saved_is_named_as_such(tmp_path: Path) -> None:
    assert name_problem(tmp_path / ("x" * (MAX_NAME_BYTES - 5) + ".toml")) is None
    refused = name_problem(tmp_path / ("x" * (MAX_NAME_BYTES - 4) + ".toml"))
    assert refused is not None and refused.code == "name-too-long"
    # Bytes, not characters: a Japanese character is three bytes in UTF-8.
    assert name_problem(tmp_path / ("あ" * 80 + ".toml")) is not None


def test_generated_file_names_stay_well_under_the_limit() -> None:
    name = storage.suggested_file_name(
        "cloud", "V" * 500 + "あ" * 500, "S" * 500, dt.date(2026, 1, 1)
    )
    assert len(name.encode()) <= 100
