"""The git-flow core modules load neither the UI toolkit nor the HTTP client."""

from __future__ import annotations

import subprocess
import sys

MODULES = (
    "vendorrisk.diff",
    "vendorrisk.textconv",
    "vendorrisk.gitfiles",
    "vendorrisk.evolution.plan",
    "vendorrisk.exchange.recording",
    "vendorrisk.exchange.questionnaire",
    "vendorrisk.oscal",
    "vendorrisk.scaffold",
    "vendorrisk.repository",
    "vendorrisk.diff.versions",
    "vendorrisk.exchange.assessment_questions",
)


def test_core_modules_load_neither_textual_nor_rich_nor_httpx() -> None:
    code = (
        f"import sys, {', '.join(MODULES)}; "
        "print(','.join(m for m in ('textual', 'rich', 'httpx') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
