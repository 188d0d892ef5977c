"""The HTML report printed on A4: identifier, severity, state and date columns never break
per character (they are kept whole, and the free-text columns give way)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from vendorrisk.render.reports.html import STYLE

CHATBOT = REPO / "assessments" / "2026-cloud-chatbot-rejected.toml"
XHTML = "{http://www.w3.org/1999/xhtml}"
RULE_ID = re.compile(r"^[A-Z]+-\d+[a-z0-9]*$")


def _rule(selector: str) -> str:
    match = re.search(re.escape(selector) + r"[^{]*\{([^}]*)\}", STYLE)
    assert match, selector
    return match.group(1)


def test_short_columns_are_kept_whole_in_the_style() -> None:
    kept = _rule("th.id, td.id, th.short, td.short")
    assert "white-space: nowrap" in kept
    assert "word-break: keep-all" in kept
    assert "overflow-wrap: normal" in kept
    assert "min-width" in _rule("td.id {")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_identifier_severity_and_state_cell_is_marked_short(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    code, out, err = run_cli(
        capsys, "--lang", lang, "report", CHATBOT, "--format", "html", "--today", "2026-11-27"
    )
    assert code == 0, err
    root = ET.fromstring(out.split("\n", 1)[1])  # after the doctype
    rows = [row for row in root.iter(f"{XHTML}tr") if row.find(f"{XHTML}td") is not None]
    id_cells = [row[0] for row in rows if RULE_ID.match(row[0].text or "")]
    assert len(id_cells) > 40
    assert all("id" in (cell.get("class") or "").split() for cell in id_cells)
    findings = [
        table
        for table in root.iter(f"{XHTML}table")
        if [th.text for th in table.iter(f"{XHTML}th")][1:2] in (["重要度"], ["Severity"])
    ]
    assert findings
    for table in findings:
        for row in table.iter(f"{XHTML}tr"):
            assert [(c.get("class") or "") for c in row][:4] == ["id", "short", "short", "mark"]
