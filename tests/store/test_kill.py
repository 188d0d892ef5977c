"""A writer killed with SIGKILL at random moments leaves the old file or the new one, never a mix."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

WRITER = r"""
import sys
from pathlib import Path
from vendorrisk.store.storage import atomic_write, digest_of

path = Path(sys.argv[1])
versions = [Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()]
print("ready", flush=True)
i = 0
while True:
    current = path.read_bytes()
    atomic_write(path, versions[i % 2], expected_digest=digest_of(current))
    i += 1
"""


@pytest.mark.slow
def test_sigkill_during_saves_never_leaves_a_partial_file(tmp_path: Path) -> None:
    # Large, different versions so that a kill often lands in the middle of writing one.
    old = b"".join(b'note_%d = "%s"\n' % (i, b"a" * 200) for i in range(2000))
    new = b"".join(b'note_%d = "%s"\n' % (i, b"b" * 180) for i in range(2100))
    (tmp_path / "old").write_bytes(old)
    (tmp_path / "new").write_bytes(new)
    target = tmp_path / "work" / "assessment.toml"
    target.parent.mkdir()
    target.write_bytes(old)
    rng = random.Random(9116)
    seen = set()
    for _ in range(40):
        with subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                str(target),
                str(tmp_path / "old"),
                str(tmp_path / "new"),
            ],
            stdout=subprocess.PIPE,
        ) as child:
            assert child.stdout is not None
            assert child.stdout.readline() == b"ready\n"
            time.sleep(rng.uniform(0.0, 0.05))
            child.send_signal(signal.SIGKILL)
            child.wait()
        content = target.read_bytes()
        assert content in (old, new), "a killed save left a partial file"
        seen.add(content)
    # The test only means something if saves actually happened while we were killing.
    assert seen == {old, new}
