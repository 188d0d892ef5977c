"""What the checker loads before its first requests leave (in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import sys
import vendorrisk.urlcheck.runner
from vendorrisk.urlcheck.targets import parse_target
parse_target("http://127.0.0.1:8080/page/1")
print("before:", type(sys.modules["httpx"]).__name__)
import httpx
print("after:", type(sys.modules["httpx"]).__name__, httpx.URL("http://a/b"), "click" in sys.modules)
"""


def test_httpx_is_loaded_on_first_use_and_without_its_command_line_client():
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "before: _LazyModule"
    assert out[1] == "after: module http://a/b False"
