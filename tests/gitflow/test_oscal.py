"""``export --format oscal-ar``: valid against the OSCAL assessment-results subset schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from vendorrisk.schemas import load_schema

EXAMPLES = sorted((REPO / "assessments").glob("*.toml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_exports_a_valid_document(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    code, out, err = run_cli(
        capsys, "export", "--format", "oscal-ar", path, "--today", "2026-11-27"
    )
    assert code == 0, err
    document = json.loads(out)
    validator = Draft202012Validator(
        load_schema("oscal-assessment-results"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    assert list(validator.iter_errors(document)) == []


def test_findings_observations_and_risks_are_linked(capsys: pytest.CaptureFixture[str]) -> None:
    path = REPO / "assessments" / "2026-cloud-chatbot-rejected.toml"
    code, out, _ = run_cli(capsys, "export", "--format", "oscal-ar", path, "--today", "2026-11-27")
    assert code == 0
    result = json.loads(out)["assessment-results"]["results"][0]
    states = {f["target"]["status"]["state"] for f in result["findings"]}
    assert states == {"satisfied", "not-satisfied"}
    failing = next(f for f in result["findings"] if "related-risks" in f)
    assert failing["target"]["status"]["remarks"]
    risk_ids = {r["uuid"] for r in result["risks"]}
    assert failing["related-risks"][0]["risk-uuid"] in risk_ids
    observation_ids = {o["uuid"] for o in result["observations"]}
    linked = [f for f in result["findings"] if "related-observations" in f]
    assert all(f["related-observations"][0]["observation-uuid"] in observation_ids for f in linked)
    assert all("collected" in o for o in result["observations"])


def test_the_export_is_reproducible(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES[0]
    first = run_cli(capsys, "export", "--format", "oscal-ar", path, "--today", "2026-11-27")[1]
    second = run_cli(capsys, "export", "--format", "oscal-ar", path, "--today", "2026-11-27")[1]
    assert first == second


def test_path_and_format_must_go_together(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "export", "--format", "oscal-ar")[0] == 2
    assert run_cli(capsys, "export", "--format", "json", EXAMPLES[0])[0] == 2
