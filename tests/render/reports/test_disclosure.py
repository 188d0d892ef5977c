"""Disclosure-safe output (issue 14 §7): nothing the catalogue or the rules mark non-public
appears in any format, and what was left out is listed.

Every withheld field of the juki example is given a distinctive marker string; every output
of ``report --disclosure`` and ``export --disclosure`` is then searched for every marker.
Markers in public fields are searched for too, so the test cannot pass by printing nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import JST, REPO
from tests.render.reports.conftest import TODAY, check_golden
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.model import Comment, Contact, Evidence, ExceptionGrant
from vendorrisk.store import storage

JUKI = REPO / "assessments" / "2026-contractor-juki-zeimu-hoshu.toml"
SECRET = "ZQXJ"  # the prefix of every marker in a withheld field
PUBLIC = "PUBQ"  # the prefix of markers in public fields, which must appear
URL = "https://zqxj-check.example.jp/"


@pytest.fixture
def marked(tmp_path: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "assessments"
    folder.mkdir()
    path = folder / JUKI.name
    shutil.copy(JUKI, path)
    loaded = storage.load(path, catalogue)
    a = loaded.assessment
    answers = {}
    for rid, answer in a.answers.items():
        requirement = catalogue.by_id[rid]
        withheld = requirement.audience == "city" or requirement.disclosure == "withhold"
        tag = SECRET if withheld else PUBLIC
        answers[rid] = replace(
            answer,
            note=f"{tag}NOTE-{rid}",
            answered_by=f"{SECRET}WHO",
            evidence=(
                Evidence(kind="document", ref=f"{tag}REF-{rid}", expires=dt.date(2027, 1, 31)),
            ),
            comments=(
                Comment(by=f"{SECRET}REVIEWER", at=dt.date(2026, 11, 1), text=f"{SECRET}COMMENT"),
            ),
        )
    record = {
        "schema_version": 2,
        "url": URL,
        "ok": True,
        "refused": False,
        "redirects": [],
        "headers": [],
        "certifications": {"mentions": [{"id": "ismap", "snippet": f"{SECRET}CERT", "count": 1}]},
        "failures": [],
        "warnings": [],
        "checked_at": "2026-11-01T00:00:00Z",
        "elapsed_ms": 12,
        "checker": "vendorrisk/0.1.0",
        "tls": {"verified": True, "issuer": f"{SECRET}ISSUER", "not_after": "2027-01-15T00:00:00Z"},
    }
    edited = replace(
        a,
        vendor=replace(
            a.vendor,
            contact=Contact(
                name=f"{SECRET}PERSON",
                department=f"{SECRET}DEPT",
                email="zqxjmail@kitakawachi-ss.example.jp",
                phone="06-9999-0417",
            ),
        ),
        answers=answers,
        review=replace(a.review, conditions=(f"{SECRET}CONDITION",)),
        exceptions=(
            ExceptionGrant(
                requirement="A-21a",
                compensating_control=f"{SECRET}CONTROL",
                approved_by=f"{SECRET}APPROVER",
                until=dt.date(2027, 3, 31),
            ),
        ),
        url_checks=(record,),
    )
    storage.save(
        loaded, edited, catalogue, summary="markers", at=dt.datetime(2026, 12, 3, 9, tzinfo=JST)
    )
    monkeypatch.chdir(tmp_path)
    return Path("assessments") / JUKI.name


SECRETS = (SECRET, SECRET.lower(), "06-9999-0417", "zqxj-check")


def outputs(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, str]:
    found = {}
    for fmt in ("md", "html", "json"):
        code, out, err = run_cli(
            capsys, "report", path, "--disclosure", "--format", fmt, "--today", TODAY
        )
        assert code == 0, err
        found[f"report.{fmt}"] = out
    for fmt in ("csv", "json"):
        code, out, err = run_cli(
            capsys,
            "export",
            "--dir",
            path.parent,
            "--disclosure",
            "--format",
            fmt,
            "--today",
            TODAY,
        )
        assert code == 0, err
        found[f"export.{fmt}"] = out
    code, out, err = run_cli(
        capsys, "export", "--format", "oscal-ar", path, "--disclosure", "--today", TODAY
    )
    assert code == 0, err
    found["oscal"] = out
    return found


def test_nothing_withheld_appears_in_any_format(
    capsys: pytest.CaptureFixture[str], marked: Path
) -> None:
    for name, text in outputs(capsys, marked).items():
        for secret in SECRETS:
            assert secret not in text, f"{secret} in {name}"
    # Without --disclosure the same markers are there: the test is not vacuous.
    _, full, _ = run_cli(capsys, "report", marked, "--format", "json", "--today", TODAY)
    for secret in (
        "ZQXJNOTE-A-21a",
        "ZQXJNOTE-B-T1a",
        "ZQXJCOMMENT",
        "ZQXJCONDITION",
        "ZQXJCONTROL",
    ):
        assert secret in full
    _, oscal, _ = run_cli(capsys, "export", "--format", "oscal-ar", marked, "--today", TODAY)
    assert "ZQXJREF-A-21a" in oscal


def test_public_answers_stay_and_the_omissions_are_listed(
    capsys: pytest.CaptureFixture[str], marked: Path
) -> None:
    found = outputs(capsys, marked)
    for name in ("report.md", "report.html", "report.json"):
        assert "PUBQNOTE-A-12a" in found[name] and "PUBQREF-A-12a" in found[name], name
    assert "PUBQNOTE-A-12a" in found["oscal"]
    report = json.loads(found["report.json"])
    omitted = {o["category"]: o for o in report["disclosure"]["omissions"]}
    assert set(omitted) == {
        "withheld-controls",
        "city-items",
        "contacts",
        "comments",
        "conditions",
        "url-checks",
    }
    assert "A-21a" in omitted["withheld-controls"]["ids"]
    assert "B-T1a" in omitted["city-items"]["ids"]
    assert omitted["url-checks"]["count"] == 1 and omitted["conditions"]["count"] == 1
    answered = {row["requirement"] for s in report["answers"] for row in s["rows"]}
    assert not answered & (
        set(omitted["withheld-controls"]["ids"]) | set(omitted["city-items"]["ids"])
    )
    assert report["review"]["conditions"] == []
    rows = json.loads(found["export.json"])
    assert rows["disclosure"] is True and rows["rows"][0]["omissions"]
    assert "Left out" in found["export.csv"].splitlines()[0]
    oscal = json.loads(found["oscal"])
    (result,) = oscal["assessment-results"]["results"]
    assert "left out" in result["remarks"]
    targets = {f["target"]["target-id"] for f in result["findings"]}
    assert "A-21a" not in targets and "A-12a" in targets


def test_the_example_disclosure_report_matches_its_golden_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "assessments").mkdir()
    shutil.copy(JUKI, tmp_path / "assessments" / JUKI.name)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(
        capsys,
        "--lang",
        "ja",
        "report",
        Path("assessments") / JUKI.name,
        "--disclosure",
        "--today",
        TODAY,
    )
    assert code == 0
    check_golden("report-disclosure-2026-contractor-juki-zeimu-hoshu.ja.md", out)
