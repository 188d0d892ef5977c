"""``vendorrisk score`` names what the decision rules found (docs/scoring.md B3, B4, C1,
D3, D4) and the statutes behind each finding, in text and JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import (
    NA_REASON,
    juki_with_subcontractors_partly_known,
    run_cli,
    run_json,
    social_with_a_must_not_applicable,
)
from tests.conftest import REPO
from vendorrisk.messages import set_language

EXAMPLES = REPO / "assessments"
CITY_VERIFIED_GATE = '[answers.B-T2a]\nvalue = "met"\nsource = "city"\n'


def _gate_on_the_vendors_word(tmp_path: Path) -> Path:
    text = (EXAMPLES / "2026-cloud-fumikura-lgwan.toml").read_text("utf-8")
    assert CITY_VERIFIED_GATE in text
    path = tmp_path / "a.toml"
    path.write_text(text.replace(CITY_VERIFIED_GATE, CITY_VERIFIED_GATE.replace("city", "vendor")))
    return path


def test_rule_B3_D3_score_lists_gates_awaiting_the_citys_verification(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _gate_on_the_vendors_word(tmp_path)
    code, result = run_json(capsys, "score", path)
    assert code == 0
    assert result["decision"] == "incomplete"
    assert result["decision_reasons"] == ["unverified_gates"]
    assert result["unverified_gates"] == [
        {"requirement": "B-T2a", "reason": "not_verified_by_city"}
    ]
    assert result["blockers"] == []
    code, out, _ = run_cli(capsys, "score", path)
    assert code == 0
    assert "rules B3, D3" in out
    assert "  B-T2a: met (the vendor's answer only; not verified by city staff)" in out.splitlines()


def test_rule_B4_score_lists_not_applicable_musts_with_their_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = social_with_a_must_not_applicable(tmp_path)
    code, result = run_json(capsys, "score", path)
    assert code == 0 and result["decision"] == "approve"
    assert result["na_to_confirm"] == [{"requirement": "C-02b", "reason": NA_REASON}]
    _, out, _ = run_cli(capsys, "score", path)
    assert "(rule B4)" in out
    assert f"  C-02b: {NA_REASON}" in out.splitlines()


def test_rule_C1_D4_score_names_the_findings_the_conditions_must_cover(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = juki_with_subcontractors_partly_known(tmp_path)
    code, result = run_json(capsys, "score", path)
    assert code == 0
    assert (result["decision"], result["decision_reasons"]) == (
        "approve_with_conditions",
        ["conditions_needed"],
    )
    assert result["conditions_needed"] == ["D-06", "A-13a", "A-28"]
    by_id = {f["requirement"]: f for f in result["findings"]}
    assert by_id["D-06"]["condition"] == "should_open"
    assert by_id["A-26a"]["condition"] is None  # a "may" gap is a note only
    _, out, _ = run_cli(capsys, "score", path)
    assert "findings the conditions of approval must name: D-06, A-13a, A-28" in out
    (line,) = [x for x in out.splitlines() if " D-06 " in x]
    assert line.startswith("! ") and "[condition: a should question not fully met]" in line


@pytest.mark.parametrize(
    ("lang", "shown"), [("en", "[law: 番号法11条]"), ("ja", "[根拠法令: 番号法11条]")]
)
def test_score_shows_the_statute_behind_each_finding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, shown: str
) -> None:
    path = juki_with_subcontractors_partly_known(tmp_path)
    set_language(lang)  # type: ignore[arg-type]
    _, out, _ = run_cli(capsys, "score", path)
    (line,) = [x for x in out.splitlines() if " A-13a " in x]
    assert line.endswith(shown)
    set_language("en")
    _, result = run_json(capsys, "score", path)
    by_id = {f["requirement"]: f for f in result["findings"]}
    assert by_id["A-13a"]["law"] == ["番号法11条"]
    assert by_id["D-06"]["law"] == []
