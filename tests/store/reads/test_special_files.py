"""FIFOs, devices and huge sparse files given to every command that reads a file.

Each command runs in its own process with a timeout: a command that blocks on a FIFO or
reads /dev/zero fails the test instead of hanging the whole run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from vendorrisk.store.files import ReadRefused, read_limited

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")

SAMPLE = REPO / "assessments" / "2026-cloud-fumikura-lgwan.toml"
TIMEOUT = 120  # seconds: generous on a loaded machine; a hang is what it catches


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VENDORRISK_LANG": "en", "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "vendorrisk", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """A folder with one valid assessment, a FIFO named *.toml beside it, and a folder
    holding only the FIFO."""
    shutil.copy(SAMPLE, tmp_path / "valid.toml")
    os.mkfifo(tmp_path / "fifo.toml")
    (tmp_path / "only").mkdir()
    os.mkfifo(tmp_path / "only" / "pipe.toml")
    return tmp_path


FIFO_COMMANDS: list[tuple[str, list[str]]] = [
    ("validate", ["validate", "fifo.toml"]),
    ("validate-dir", ["validate", "only"]),
    ("fmt", ["fmt", "fifo.toml"]),
    ("fmt-check", ["fmt", "--check", "only"]),
    ("export", ["export", "--dir", "only"]),
    ("export-file", ["export", "--format", "oscal-ar", "fifo.toml"]),
    ("due", ["due", "--dir", "only"]),
    ("summary", ["summary", "--dir", "only"]),
    ("outdated", ["outdated", "--dir", "only"]),
    ("migrate", ["migrate", "fifo.toml"]),
    ("migrate-dir", ["migrate", "--dir", "only"]),
    ("textconv", ["textconv", "fifo.toml"]),
    ("diff", ["diff", "fifo.toml", "valid.toml"]),
    ("import-answers", ["import-answers", "fifo.toml", "--into", "valid.toml"]),
    ("import-answers-into", ["import-answers", "valid.toml", "--into", "fifo.toml"]),
    ("catalog", ["validate", "--catalog", "fifo.toml", "valid.toml"]),
    ("report", ["report", "fifo.toml"]),
    ("report-o", ["report", "valid.toml", "-o", "fifo.toml"]),
    ("export-o", ["export", "--format", "oscal-ar", "valid.toml", "-o", "fifo.toml"]),
    ("securitytxt", ["securitytxt", "fifo.toml"]),
    ("check-file", ["check", "--file", "fifo.toml"]),
    ("import-checks", ["import-checks", "fifo.toml", "--dir", "only"]),
]


@pytest.mark.parametrize(("name", "args"), FIFO_COMMANDS, ids=[n for n, _ in FIFO_COMMANDS])
def test_a_fifo_is_refused_at_once_by_every_command(
    place: Path, name: str, args: list[str]
) -> None:
    done = _run(*args, cwd=place)
    assert done.returncode in (1, 2), (name, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert "not a regular file" in done.stdout + done.stderr


@pytest.mark.parametrize(
    "args",
    [["check", "--file", "/dev/zero"], ["report", "valid.toml", "-o", "/dev/zero"]],
    ids=["check-file", "report-o"],
)
def test_dev_zero_is_refused_not_read_or_written(place: Path, args: list[str]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    done = _run(*args, cwd=place)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "not a regular file" in done.stderr
    assert "Traceback" not in done.stderr


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


HUGE = 2 * 1024**3


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "huge"],
        ["textconv", "huge/big.toml"],
        ["diff", "huge/big.toml", "valid.toml"],
        ["outdated", "--dir", "huge"],
        ["migrate", "--dir", "huge"],
        ["report", "huge/big.toml"],
        ["validate", "--catalog", "huge/big.toml", "valid.toml"],
        ["check", "--file", "huge/big.toml"],
        ["import-answers", "huge/big.toml", "--into", "valid.toml"],
    ],
    ids=lambda a: "-".join(a[:2]),
)
def test_a_huge_sparse_file_is_refused_by_its_size(place: Path, args: list[str]) -> None:
    (place / "huge").mkdir()
    _sparse(place / "huge" / "big.toml", HUGE)
    done = _run(*args, cwd=place)
    assert done.returncode in (1, 2), (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert "too large" in done.stdout + done.stderr


def test_the_reader_refuses_a_huge_file_before_reading_a_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = _sparse(tmp_path / "big.toml", HUGE)

    def no_read(fd: int, size: int) -> bytes:
        raise AssertionError("read a file its size already refuses")

    monkeypatch.setattr(os, "read", no_read)
    with pytest.raises(ReadRefused) as excinfo:
        read_limited(big, 1024 * 1024)
    assert excinfo.value.problem.code == "too-large"


def test_the_reader_gives_a_file_at_the_limit_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"x" * 4096)
    assert read_limited(path, 4096) == b"x" * 4096
    with pytest.raises(ReadRefused):
        read_limited(path, 4095)


def test_the_reader_refuses_folders_and_fifos_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.toml")
    for path, code in ((tmp_path, "is-directory"), (tmp_path / "p.toml", "not-a-file")):
        with pytest.raises(ReadRefused) as excinfo:
            read_limited(path, 100)
        assert excinfo.value.problem.code == code
