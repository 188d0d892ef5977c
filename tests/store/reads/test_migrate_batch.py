"""migrate writes a batch all or nothing: a failure, a long name or a kill leaves no file
half migrated, and --dry-run finds what the real run would trip on."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from vendorrisk.features.evolution import transaction
from vendorrisk.store import storage

LONG_NAME = "x" * 237 + ".toml"  # 242 bytes: a save's temporary name would pass 255


def _batch(folder: Path, count: int) -> list[Path]:
    samples = sorted((REPO / "assessments").glob("*.toml"))
    paths = []
    for i in range(count):
        path = folder / f"{i:03d}-{samples[i % len(samples)].name}"
        shutil.copy(samples[i % len(samples)], path)
        paths.append(path)
    return paths


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _versions(folder: Path) -> set[str]:
    return {
        tomllib.loads(p.read_text("utf-8"))["catalog"]["version"] for p in folder.glob("*.toml")
    }


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "assessments"
    folder.mkdir()
    _batch(folder, 49)
    return folder


def _migrate(capsys: pytest.CaptureFixture[str], v120: tuple[Path, Path], *args: Any) -> Any:
    return run_cli(capsys, "migrate", *args, "--catalog", v120[0])


def test_a_name_too_long_to_save_stops_the_batch_and_the_dry_run_says_so(
    capsys: pytest.CaptureFixture[str], batch: Path, v120: tuple[Path, Path]
) -> None:
    shutil.copy(REPO / "assessments" / "2026-cloud-fumikura-lgwan.toml", batch / LONG_NAME)
    before = _snapshot(batch)
    dry_code, _, dry_err = _migrate(capsys, v120, "--dir", batch, "--dry-run")
    code, _, err = _migrate(capsys, v120, "--dir", batch)
    assert dry_code == code != 0
    for text in (dry_err, err):
        assert LONG_NAME in text and "name-too-long" in text
    assert _snapshot(batch) == before


def test_a_failure_while_writing_leaves_every_file_as_it_was(
    capsys: pytest.CaptureFixture[str],
    batch: Path,
    v120: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _snapshot(batch)
    real_save = storage.save
    calls: list[Path] = []

    def failing_save(loaded: storage.Loaded, *args: Any, **kwargs: Any) -> storage.Loaded:
        calls.append(loaded.path)
        if len(calls) == 30:
            raise storage.StorageError(f"cannot write {loaded.path}: No space left on device")
        return real_save(loaded, *args, **kwargs)

    monkeypatch.setattr(storage, "save", failing_save)
    code, _, err = _migrate(capsys, v120, "--dir", batch)
    assert code == 2
    assert "no file was changed" in err and "No space left" in err
    assert _snapshot(batch) == before  # no new file, no journal, nothing replaced


def test_the_dry_run_tries_the_writes_and_removes_them(
    capsys: pytest.CaptureFixture[str],
    batch: Path,
    v120: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _snapshot(batch)
    real_stage = transaction._stage
    staged: list[Path] = []

    def watching(item: transaction.Item) -> transaction.Staged:
        result = real_stage(item)
        staged.append(result.staged)
        assert result.staged.is_file()
        return result

    monkeypatch.setattr(transaction, "_stage", watching)
    code, out, _ = _migrate(capsys, v120, "--dir", batch, "--dry-run")
    assert code == 0 and "dry run" in out
    assert len(staged) == 49
    assert _snapshot(batch) == before


def test_a_run_killed_after_the_commit_mark_is_finished_by_the_next_command(
    capsys: pytest.CaptureFixture[str],
    batch: Path,
    v120: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with monkeypatch.context() as patch:
        # As if killed right after marking the journal: every new file written, none renamed.
        patch.setattr(transaction, "_commit", lambda journal, entries: None)
        assert _migrate(capsys, v120, "--dir", batch)[0] == 0
    assert (batch / transaction.JOURNAL_NAME).exists()
    assert _versions(batch) == {"1.1.0"}
    code, _, err = run_cli(capsys, "outdated", "--dir", batch, "--catalog", v120[0])
    assert "interrupted migration was finished" in err
    assert code == 0 and _versions(batch) == {"1.2.0"}
    assert not [p for p in batch.iterdir() if p.name.startswith(".")]


def test_a_run_killed_while_writing_is_rolled_back_by_the_next_command(
    capsys: pytest.CaptureFixture[str],
    batch: Path,
    v120: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _snapshot(batch)
    with monkeypatch.context() as patch:
        # As if killed in the first phase: journal and some new files left behind.
        patch.setattr(transaction, "_remove", lambda paths: None)
        real_stage = transaction._stage
        count = [0]

        def dying(item: transaction.Item) -> transaction.Staged:
            count[0] += 1
            if count[0] == 20:
                raise OSError(5, "Input/output error")
            return real_stage(item)

        patch.setattr(transaction, "_stage", dying)
        assert _migrate(capsys, v120, "--dir", batch)[0] == 2
    assert len([p for p in batch.iterdir() if p.name.startswith(".")]) == 20
    code, _, err = _migrate(capsys, v120, "--dir", batch, "--dry-run")
    assert "rolled back" in err and code == 0
    assert _snapshot(batch) == before


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_a_migration_never_leaves_a_batch_half_migrated(
    tmp_path: Path, v120: tuple[Path, Path]
) -> None:
    env = {**os.environ, "VENDORRISK_LANG": "en", "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "vendorrisk"]
    # Kill at growing delays: early ones land while planning or writing, later ones while
    # renaming or after the end. Whatever the moment, the next command settles it.
    for attempt, delay in enumerate((0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0)):
        folder = tmp_path / f"run{attempt}"
        folder.mkdir()
        _batch(folder, 120)
        process = subprocess.Popen(
            [*command, "migrate", "--dir", str(folder), "--catalog", str(v120[0])],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        after = subprocess.run(
            [*command, "outdated", "--dir", str(folder), "--catalog", str(v120[0])],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert "Traceback" not in after.stderr
        assert len(_versions(folder)) == 1, (delay, _versions(folder))
        assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_a_disk_error_while_renaming_is_reported_and_finished_by_the_next_run(
    capsys: pytest.CaptureFixture[str],
    batch: Path,
    v120: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_replace = os.replace
    calls = [0]

    def failing_replace(source: Any, target: Any) -> None:
        if str(source).endswith(".migrating"):
            calls[0] += 1
            if calls[0] == 10:
                raise OSError(5, "Input/output error")
        real_replace(source, target)

    with monkeypatch.context() as patch:
        patch.setattr(transaction.os, "replace", failing_replace)
        code, _, err = _migrate(capsys, v120, "--dir", batch)
    assert code == 2 and "run vendorrisk migrate again" in err and "Traceback" not in err
    code, _, err = _migrate(capsys, v120, "--dir", batch)
    assert "interrupted migration was finished" in err and code == 0
    assert _versions(batch) == {"1.2.0"}
