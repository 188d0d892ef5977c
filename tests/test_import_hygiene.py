"""What import-linter cannot see: which modules a command loads when it runs.

The static boundaries (the layers; no UI toolkit or HTTP client below the faces) are
import-linter contracts in pyproject.toml, checked by `lint-imports`. The command line
imports the UI lazily, for `vendorrisk tui` only, so the contracts allow cli to reach
textual; this test holds the other commands to not loading it."""

from __future__ import annotations

import subprocess
import sys


def test_validate_command_does_not_load_the_ui_or_http_client() -> None:
    code = "import sys; from vendorrisk.cli import main; main(['validate', '--help'])"
    probe = (
        "import sys, runpy, atexit\n"
        "atexit.register(lambda: print('LOADED:' + ','.join(sorted(m for m in ('textual','rich','httpx') if m in sys.modules)), file=sys.stderr))\n"
        + code
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "LOADED:\n" in result.stderr + "\n"
