"""Issue 9: a finding that rests on a statute names it in every report format, written
through the format's own encoding, as ``score`` does."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.render.reports.conftest import TODAY

JUKI = "assessments/2026-contractor-juki-zeimu-hoshu.toml"
XHTML = "{http://www.w3.org/1999/xhtml}"
# A-12a (approval before re-subcontracting) rests on 番号法10条 in the built-in catalogue.
CITED = "A-12a"


def _break_consent_clause(workdir: Path) -> None:
    path = workdir / JUKI
    text = path.read_text("utf-8")
    old = '[answers.A-12a]\nvalue = "met"\n'
    assert old in text
    new = '[answers.A-12a]\nvalue = "not_met"\nnote = "再委託の承認条項がない"\n'
    path.write_text(text.replace(old, new), "utf-8")


def _report(capsys: pytest.CaptureFixture[str], lang: str, fmt: str) -> str:
    code, out, err = run_cli(
        capsys, "--lang", lang, "report", JUKI, "--format", fmt, "--today", TODAY
    )
    assert code == 0, err
    return out


@pytest.mark.parametrize(
    ("lang", "label"), [("ja", "根拠法令: 番号法10条"), ("en", "Legal basis: 番号法10条")]
)
def test_markdown_and_html_reports_cite_the_law_under_the_finding(
    capsys: pytest.CaptureFixture[str], workdir: Path, lang: str, label: str
) -> None:
    _break_consent_clause(workdir)
    markdown = _report(capsys, lang, "md")
    (row,) = [line for line in markdown.splitlines() if line.startswith(f"| {CITED} |")][:1]
    assert row.endswith(f"<br>{label} |")

    root = ET.fromstring(_report(capsys, lang, "html").split("\n", 1)[1])
    rows = [r for r in root.iter(f"{XHTML}tr") if r.find(f"{XHTML}td") is not None]
    finding = next(r for r in rows if r[0].text == CITED and len(r) == 5)
    assert (finding[4].text or "").endswith(f"\n{label}")


def test_findings_without_a_statute_carry_no_citation(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    _break_consent_clause(workdir)
    markdown = _report(capsys, "ja", "md")
    assert markdown.count("根拠法令") == 1


def test_json_report_lists_the_statutes_of_each_finding(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    _break_consent_clause(workdir)
    data = json.loads(_report(capsys, "ja", "json"))
    findings = {f["requirement"]: f for g in data["findings"] for f in g["findings"]}
    assert findings[CITED]["law"] == ["番号法10条"]
    assert all(f["law"] == [] for rid, f in findings.items() if rid != CITED)


def test_a_citation_from_a_custom_catalogue_cannot_become_markup(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    from vendorrisk.core.scoring import Finding
    from vendorrisk.render.reports import facts
    from vendorrisk.render.reports.html import table as html_table
    from vendorrisk.render.reports.markdown import table as md_table

    finding = Finding(
        requirement="X-01",
        section="1",
        severity="must",
        status="not_met",
        message="m",
        law=("<b>法</b> | *1条*",),
    )
    row = facts.finding_row(finding, "ja")
    assert "<b>" not in "".join(html_table(facts.finding_header("ja"), [row]))
    markdown = "".join(md_table(facts.finding_header("ja"), [row]))
    assert "\\<b\\>" in markdown and "\\|" in markdown and "\\*1条\\*" in markdown
