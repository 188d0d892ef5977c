"""The core never loads the UI toolkit or the HTTP client (PRODUCT.md: layering)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "vendorrisk.catalog",
    "vendorrisk.model",
    "vendorrisk.codec",
    "vendorrisk.storage",
    "vendorrisk.validation.batch",
    "vendorrisk.messages",
    "vendorrisk.corporate_number",
    "vendorrisk.toml_writer",
    "vendorrisk.scoring",
    "vendorrisk.schedule",
    "vendorrisk.workflow",
    "vendorrisk.reports",
    "vendorrisk.session",
    "vendorrisk.summaries",
    "vendorrisk.url_evidence",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_loads_neither_textual_nor_rich_nor_httpx(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = sorted(m for m in ('textual', 'rich', 'httpx') if m in sys.modules); "
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_validate_command_does_not_load_the_ui_or_http_client() -> None:
    code = "import sys; from vendorrisk.cli import main; main(['validate', '--help'])"
    probe = (
        "import sys, runpy, atexit\n"
        "atexit.register(lambda: print('LOADED:' + ','.join(sorted(m for m in ('textual','rich') if m in sys.modules)), file=sys.stderr))\n"
        + code
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "LOADED:\n" in result.stderr + "\n"
