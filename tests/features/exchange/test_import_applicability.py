"""import-answers: vendor input cannot remove the city's findings (issue 9 §3), and a dry
run reports exactly what the real run does."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.features.exchange.conftest import DAY, city, vendor, write_assessment
from vendorrisk.cli.questionnaire_command import import_words
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.model import Answer, Assessment
from vendorrisk.features.exchange.importing import read_vendor_file
from vendorrisk.features.exchange.recording import plan_import
from vendorrisk.messages import say
from vendorrisk.store import storage


def vendor_csv(folder: Path, rows: dict[str, str], name: str = "vendor.csv") -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["id", "value", "reason", "note", "evidence"])
    for rid, value in rows.items():
        writer.writerow([rid, value, "", "", ""])
    path = folder / name
    path.write_text(buffer.getvalue(), "utf-8")
    return path


def import_cli(
    capsys: pytest.CaptureFixture[str], catalog: Path, source: Path, target: Path, *extra: str
) -> tuple[int, str, str]:
    return run_cli(
        capsys,
        "import-answers",
        source,
        "--into",
        target,
        "--catalog",
        catalog,
        "--today",
        "2026-11-27",
        *extra,
    )


RE_SUBCONTRACTING = {"P-01": vendor(True), "R-01": vendor("met"), "R-02": vendor("partial")}


def test_a_city_verified_answer_that_would_stop_applying_refuses_the_whole_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, small_path: Path, small: Catalogue
) -> None:
    target = write_assessment(tmp_path, small, {**RE_SUBCONTRACTING, "R-01": city("met")})
    before = target.read_bytes()
    source = vendor_csv(tmp_path, {"P-01": "no", "R-03": "met"})
    for extra in ((), ("--accept-applicability-changes",)):
        code, out, err = import_cli(capsys, small_path, source, target, *extra)
        assert code == 1
        assert "import refused: the answers to P-01 would make R-01 stop applying" in err
        assert "city staff verified" in err and "Nothing was imported" in err
        assert "stops applying: R-01" in out and "stops applying: R-02" in out
        assert "updated: P-01" not in out and "imported: R-03" not in out
        assert target.read_bytes() == before


def test_other_applicability_changes_are_listed_and_held_back_without_the_flag(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, small_path: Path, small: Catalogue
) -> None:
    target = write_assessment(tmp_path, small, RE_SUBCONTRACTING)
    before = target.read_bytes()
    source = vendor_csv(tmp_path, {"P-01": "false"})
    code, out, err = import_cli(capsys, small_path, source, target)
    assert code == 1
    assert out.splitlines() == [
        "stops applying: R-01 (its answer stays but is no longer assessed)",
        "stops applying: R-02 (its answer stays but is no longer assessed)",
    ]
    assert "held back: the answers to P-01 change which questions apply" in err
    assert "--accept-applicability-changes" in err
    assert target.read_bytes() == before

    code, out, err = import_cli(
        capsys, small_path, source, target, "--accept-applicability-changes"
    )
    assert code == 0
    assert out.splitlines()[0] == "updated: P-01"
    assert "stops applying: R-01 (its answer stays but is no longer assessed)" in out
    saved = storage.load(target, small).assessment
    assert saved.answers["P-01"].value is False
    assert saved.answers["R-01"] == RE_SUBCONTRACTING["R-01"]  # kept, only no longer applies


def test_questions_that_start_applying_are_listed_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, small_path: Path, small: Catalogue
) -> None:
    target = write_assessment(tmp_path, small, {"R-03": vendor("met")})
    source = vendor_csv(tmp_path, {"P-01": "yes", "R-01": "met"})
    code, out, err = import_cli(capsys, small_path, source, target)
    assert code == 1
    assert "starts applying: R-01" in out and "starts applying: R-02" in out
    code, out, _ = import_cli(capsys, small_path, source, target, "--accept-applicability-changes")
    assert code == 0
    assert "imported: P-01" in out and "imported: R-01" in out


def test_an_import_that_changes_nothing_of_what_applies_needs_no_flag(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, small_path: Path, small: Catalogue
) -> None:
    target = write_assessment(tmp_path, small, {**RE_SUBCONTRACTING, "R-01": city("met")})
    source = vendor_csv(tmp_path, {"P-01": "true", "R-02": "met", "R-03": "not_met"})
    code, out, err = import_cli(capsys, small_path, source, target)
    assert code == 0, err
    assert "applying" not in out


# Each scenario: answers in the file, the vendor's rows, extra options.
SCENARIOS = {
    "city-verified-stop": ({**RE_SUBCONTRACTING, "R-01": city("met")}, {"P-01": "no"}, ()),
    "held-back": (RE_SUBCONTRACTING, {"P-01": "no", "R-03": "met"}, ()),
    "accepted": (
        RE_SUBCONTRACTING,
        {"P-01": "no", "R-03": "met"},
        ("--accept-applicability-changes",),
    ),
    "rows-refused": (
        {"R-03": vendor("met")},
        {"R-03": "partial", "K-01": "met", "ZZ-1": "met", "N-01": "inf", "R-01": "met"},
        (),
    ),
    "starts": ({}, {"P-01": "yes", "R-01": "met", "T-01": "text"}, ()),
    "unchanged": ({"R-03": vendor("met")}, {}, ()),
}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=list(SCENARIOS))
def test_dry_run_reports_exactly_what_the_real_run_does(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    small_path: Path,
    small: Catalogue,
    scenario: str,
) -> None:
    answers, rows, extra = SCENARIOS[scenario]
    target = write_assessment(tmp_path, small, answers)
    source = vendor_csv(tmp_path, rows)
    before = target.read_bytes()
    loaded = storage.load(target, small)
    predicted = plan_import(
        loaded,
        small,
        read_vendor_file(source),
        by="試験株式会社",
        day=DAY.replace(day=27),
        words=import_words(),
        accept_applicability_changes=bool(extra),
    )

    dry = import_cli(capsys, small_path, source, target, "--dry-run", *extra)
    assert target.read_bytes() == before
    real = import_cli(capsys, small_path, source, target, *extra)

    assert dry[0] == real[0]
    assert dry[1] == real[1]
    assert dry[2] == real[2] + "dry run: nothing written\n"
    saved = storage.load(target, small).assessment
    assert dict(saved.answers) == dict(predicted.assessment.answers)
    assert (target.read_bytes() != before) == predicted.writes


def test_the_outcome_names_the_answers_that_cause_the_change(
    tmp_path: Path, small: Catalogue
) -> None:
    target = write_assessment(tmp_path, small, {**RE_SUBCONTRACTING, "R-02": city("met")})
    source = vendor_csv(tmp_path, {"P-01": "no", "R-03": "met"})
    outcome = plan_import(
        storage.load(target, small),
        small,
        read_vendor_file(source),
        by="x",
        day=DAY,
        words=import_words(),
    )
    assert outcome.blocked == "city-verified"
    assert outcome.changes.stops == ("R-01", "R-02")
    assert outcome.changes.city_verified == ("R-02",)
    assert outcome.changes.caused_by == ("P-01",)
    assert not outcome.writes
    assert outcome.assessment.answers["P-01"] == Answer(
        value=True, source="vendor", answered_by="事業者", answered_at=DAY
    )


def test_a_row_the_save_would_reject_is_refused_with_the_save_s_reason(
    tmp_path: Path, small: Catalogue
) -> None:
    from vendorrisk.core.problems import Problem
    from vendorrisk.features.exchange.recording import record_answers

    target = write_assessment(tmp_path, small, {})
    source = vendor_csv(tmp_path, {"R-03": "met", "T-01": "text"})
    seen: list[set[str]] = []

    def check(candidate: Assessment) -> list[Problem]:
        seen.append(set(candidate.answers))
        if "T-01" not in candidate.answers:
            return []
        return [Problem(code="schema", message="too odd to save", key="answers.T-01.value")]

    outcome = record_answers(
        storage.load(target, small).assessment,
        small,
        read_vendor_file(source),
        by="x",
        day=DAY,
        words=import_words(),
        check=check,
    )
    assert [(r.id, say(r.where), say(r.reason)) for r in outcome.refused] == [
        ("T-01", "line 3", "invalid answer: too odd to save")
    ]
    assert outcome.imported == [("R-03", "added")]
    assert seen == [{"R-03", "T-01"}, {"R-03"}]  # checked again without the refused row
