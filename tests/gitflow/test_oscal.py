"""``export --format oscal-ar``: valid against the OSCAL assessment-results subset schema
and accepted by compliance-trestle's model of the published one."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from jsonschema import Draft202012Validator

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.model import Evidence, ExceptionGrant
from vendorrisk.core.schemas import load_schema
from vendorrisk.core.scoring import score_assessment
from vendorrisk.store import storage

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


# --- checked by a real OSCAL implementation -------------------------------------------------

JST = dt.timezone(dt.timedelta(hours=9))
CHATBOT = REPO / "assessments" / "2026-cloud-chatbot-rejected.toml"
EVIDENCE_URL = "https://example.jp/証跡/監査 報告書.pdf?版=2#頁3"


def _trestle_accepts(document: dict[str, Any]) -> None:
    model = pytest.importorskip("trestle.oscal.assessment_results").AssessmentResults
    model.model_validate(document["assessment-results"])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_compliance_trestle_accepts_every_export(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    code, out, err = run_cli(
        capsys, "export", "--format", "oscal-ar", path, "--today", "2026-11-27"
    )
    assert code == 0, err
    _trestle_accepts(json.loads(out))


@pytest.fixture
def with_url_and_exception(tmp_path: Path, catalogue: Catalogue) -> tuple[Path, str]:
    """The rejected chatbot, with a Japanese evidence URL and an exception on one of its
    blockers (until 2027-03-31)."""
    path = tmp_path / CHATBOT.name
    shutil.copy(CHATBOT, path)
    loaded = storage.load(path, catalogue)
    result = score_assessment(loaded.assessment, catalogue, today=dt.date(2026, 11, 27))
    rid = next(f.requirement for f in result.findings if f.blocker)  # exceptions waive blockers
    answer = loaded.assessment.answers[rid]
    url = Evidence(kind="document", ref=EVIDENCE_URL, collected=dt.date(2026, 11, 1))
    edited = replace(
        loaded.assessment.with_answer(rid, replace(answer, evidence=(*answer.evidence, url))),
        exceptions=(
            ExceptionGrant(
                requirement=rid,
                compensating_control="月次で操作記録を確認する",
                approved_by="情報政策課長",
                until=dt.date(2027, 3, 31),
                approved_at=dt.date(2026, 11, 20),
            ),
        ),
    )
    storage.save(
        loaded, edited, catalogue, summary="test", at=dt.datetime(2026, 12, 3, 9, 0, tzinfo=JST)
    )
    return path, rid


def test_non_ascii_evidence_urls_are_percent_encoded_and_valid_oscal(
    capsys: pytest.CaptureFixture[str], with_url_and_exception: tuple[Path, str]
) -> None:
    path, rid = with_url_and_exception
    code, out, err = run_cli(
        capsys, "export", "--format", "oscal-ar", path, "--today", "2026-11-27"
    )
    assert code == 0, err
    document = json.loads(out)
    _trestle_accepts(document)
    observations = document["assessment-results"]["results"][0]["observations"]
    observation = next(o for o in observations if o["title"] == rid)
    hrefs = [e["href"] for e in observation["relevant-evidence"] if "href" in e]
    assert hrefs == [
        "https://example.jp/%E8%A8%BC%E8%B7%A1/%E7%9B%A3%E6%9F%BB%20%E5%A0%B1%E5%91%8A%E6%9B%B8.pdf"
        "?%E7%89%88=2#%E9%A0%813"
    ]
    assert unquote(hrefs[0]) == EVIDENCE_URL
    assert urlsplit(hrefs[0]).path.startswith("/%E8%A8%BC")  # the structure is kept


def test_an_exceptions_deadline_is_the_end_of_its_last_day_in_japan(
    capsys: pytest.CaptureFixture[str], with_url_and_exception: tuple[Path, str]
) -> None:
    path, rid = with_url_and_exception
    out = run_cli(capsys, "export", "--format", "oscal-ar", path, "--today", "2026-11-27")[1]
    risks = json.loads(out)["assessment-results"]["results"][0]["risks"]
    risk = next(r for r in risks if r["title"].startswith(f"{rid} "))
    assert risk["status"] == "deviation-approved"
    assert risk["deadline"] == "2027-03-31T23:59:59+09:00"


def test_import_ap_points_at_the_assessment_plan_in_the_back_matter(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run_cli(capsys, "export", "--format", "oscal-ar", CHATBOT, "--today", "2026-11-27")[1]
    document = json.loads(out)["assessment-results"]
    href = document["import-ap"]["href"]
    assert href.startswith("#")
    (plan,) = document["back-matter"]["resources"]
    assert plan["uuid"] == href[1:]
    assert plan["title"].startswith("Assessment plan")
    assert plan["rlinks"] == [{"href": CHATBOT.name, "media-type": "application/toml"}]
    assert "urn:" not in json.dumps(document["import-ap"])
