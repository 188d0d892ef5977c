"""Import httpx without its command-line client.

The httpx package loads its own command-line client (click, pygments, rich) whenever those
are installed, as they are here: about 30 ms of the checker's start-up, for a function the
checker never calls. httpx falls back to a stub when that import fails, as it does on an
install without its ``cli`` extra; marking click absent for the length of the first import
of httpx takes that path. Nothing else is affected: click is importable again afterwards.
"""

from __future__ import annotations

import sys


def import_httpx_without_its_cli() -> None:
    if "httpx" in sys.modules or "click" in sys.modules:
        return
    sys.modules["click"] = None  # type: ignore[assignment]  # None makes `import click` fail
    try:
        import httpx  # noqa: F401
    finally:
        del sys.modules["click"]
