"""validate's cross-checks and consistency checks (issue 9 §1), one table row per finding,
on a small catalogue of the tests' own: the built-in catalogue's ids may move."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.cli.helpers import run_json
from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.model import (
    Answer,
    Assessment,
    Classification,
    Evidence,
    Service,
    Subcontractor,
    Vendor,
)
from vendorrisk.core.validation.consistency import (
    EXCLUSIVE_ANSWERS,
    ISMAP_NUMBER,
    ISMAP_NUMBER_ANSWER,
    ISMAP_STATUS,
    inconsistencies,
)
from vendorrisk.core.validation.crosschecks import says_something
from vendorrisk.core.validation.semantics import semantic_problems
from vendorrisk.messages.said import problem_text
from vendorrisk.store import storage

HEAD = """\
id = "crosscheck-test"
version = "1.0.0"
effective = 2026-04-01
title = { ja = "照合試験", en = "cross-check test" }
[[sections]]
id = "6.9"
title = { ja = "委託", en = "outsourcing" }
"""
QUESTION = """
[[requirements]]
id = "{id}"
section = "6.9"
title = {{ ja = "{id}", en = "{id}" }}
question = {{ ja = "{id}", en = "{id}" }}
guidance = {{ ja = "案内", en = "guidance" }}
severity = "must"
kinds = {kinds}
audience = "vendor"
{extra}
answer = {{ type = "{type}"{options} }}
"""
CRITERIA = """
[requirements.criteria]
met = { ja = "満たす", en = "met" }
partial = { ja = "一部", en = "partly" }
not_met = { ja = "満たさない", en = "not met" }
"""
ISMAP_OPTIONS = (
    ', options = [{ id = "ismap", label = { ja = "ISMAP", en = "ISMAP" } },'
    ' { id = "ismap_liu", label = { ja = "LIU", en = "LIU" } },'
    ' { id = "none", label = { ja = "未登録", en = "none" } }]'
)
BOTH = '["contractor", "cloud"]'
QUESTIONS = [
    ("P-01", "boolean", BOTH, ""),
    ("P-03", "choice", BOTH, ""),
    ("P-04", "text", BOTH, 'condition = "P-03 in [\\"ismap\\", \\"ismap_liu\\"]"'),
    ("P-05", "boolean", BOTH, ""),
    ("A-13a", "compliance", BOTH, 'condition = "P-01 == true"'),
    ("A-24c", "compliance", BOTH, 'condition = "P-01 == true"\nmynumber_data = true'),
    ("A-25", "compliance", BOTH, "personal_data = true"),
    ("B-14a", "compliance", BOTH, 'condition = "integrity == \\"2\\""'),
    ("B-21", "compliance", BOTH, ""),
    ("B-29", "compliance", BOTH, 'condition = "P-05 == true"'),
    ("R-01", "compliance", BOTH, ""),
    ("N-01", "number", BOTH, ""),
]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    parts = [HEAD]
    for rid, kind, kinds, extra in QUESTIONS:
        options = ISMAP_OPTIONS if rid == "P-03" else ""
        parts.append(QUESTION.format(id=rid, type=kind, kinds=kinds, extra=extra, options=options))
        if kind == "compliance":
            parts.append(CRITERIA)
    path = tmp_path_factory.mktemp("crosscheck") / "catalogue.toml"
    path.write_text("".join(parts), "utf-8")
    return load_catalog(path)


def answer(value: Any, note: str | None = "確認済み", **extra: Any) -> Answer:
    return Answer(value=value, note=note, **extra)


def assessment(
    catalogue: Catalogue, answers: dict[str, Answer] | None = None, **service: Any
) -> Assessment:
    base = Service(
        name="試験",
        kind="contractor",
        tier="mynumber",
        classification=Classification(confidentiality="3B"),
        personal_data=True,
        mynumber_data=True,
    )
    level = service.pop("confidentiality", None)
    if level is not None:
        base = replace(base, classification=Classification(confidentiality=level))
    return Assessment(
        catalog_id=catalogue.id,
        catalog_version=catalogue.version,
        vendor=Vendor(name="試験株式会社"),
        service=replace(base, **service),
        answers=answers or {},
    )


def findings(catalogue: Catalogue, subject: Assessment) -> set[tuple[str, str, str | None]]:
    return {(p.code, p.severity, p.key) for p in semantic_problems(subject, catalogue)}


CONF = "service.classification.confidentiality"

# id: (service fields, answers, findings expected: (code, severity, key))
CLASSIFICATION: dict[str, tuple[dict[str, Any], dict[str, Answer], set[Any]]] = {
    "consistent-mynumber-3b": ({}, {}, set()),
    "consistent-mynumber-3a": ({"confidentiality": "3A"}, {}, set()),
    "personal-data-public": (
        {"mynumber_data": False, "tier": "lgwan", "confidentiality": "1"},
        {},
        {("personal-data-public", "error", CONF)},
    ),
    "personal-data-below-3": (
        {"mynumber_data": False, "tier": "lgwan", "confidentiality": "2"},
        {},
        {("personal-data-below-3", "warning", CONF)},
    ),
    "personal-data-at-3c": (
        {"mynumber_data": False, "tier": "lgwan", "confidentiality": "3C"},
        {},
        set(),
    ),
    "mynumber-data-below-3b": (
        {"confidentiality": "3C"},
        {},
        {("mynumber-data-below-3b", "error", CONF)},
    ),
    "mynumber-data-at-2-says-only-the-stronger-finding": (
        {"confidentiality": "2"},
        {},
        {("mynumber-data-below-3b", "error", CONF)},
    ),
    "mynumber-data-outside-tier": (
        {"tier": "lgwan"},
        {},
        {("mynumber-data-outside-tier", "error", "service.tier")},
    ),
    "mynumber-without-personal-data": (
        {"personal_data": False},
        {},
        {("mynumber-without-personal-data", "error", "service.personal_data")},
    ),
    "social-above-level-1": (
        {
            "kind": "social",
            "tier": "internet",
            "personal_data": False,
            "mynumber_data": False,
            "confidentiality": "2",
        },
        {},
        {("social-above-level-1", "warning", CONF)},
    ),
    "social-at-level-1": (
        {
            "kind": "social",
            "tier": "internet",
            "personal_data": False,
            "mynumber_data": False,
            "confidentiality": "1",
        },
        {},
        set(),
    ),
}


@pytest.mark.parametrize("case", CLASSIFICATION, ids=list(CLASSIFICATION))
def test_classification_cross_checks(small: Catalogue, case: str) -> None:
    service, answers, expected = CLASSIFICATION[case]
    assert findings(small, assessment(small, answers, **service)) == expected


NO_DATA = {"personal_data": False, "mynumber_data": False, "tier": "lgwan", "confidentiality": "2"}

PROFILE: dict[str, tuple[dict[str, Any], dict[str, Answer], set[Any]]] = {
    "personal-data-answer-without-personal-data": (
        NO_DATA,
        {"A-25": answer("met")},
        {("answer-contradicts-profile", "warning", "answers.A-25")},
    ),
    "mynumber-answer-without-mynumber-data": (
        {**NO_DATA, "personal_data": True, "confidentiality": "3B"},
        {"P-01": answer(True), "A-24c": answer("met")},
        {("answer-contradicts-profile", "warning", "answers.A-24c")},
    ),
    "na-answer-is-no-contradiction": (
        NO_DATA,
        {"A-25": answer("na", reason="個人情報を扱わない")},
        {("not-applicable", "warning", "answers.A-25")},
    ),
    "answer-against-the-re-subcontracting-answer": (
        {},
        {"P-01": answer(False), "A-13a": answer("met")},
        {("answer-contradicts-condition", "warning", "answers.A-13a")},
    ),
    "answer-against-a-profile-condition-merely-does-not-apply": (
        {},
        {"B-14a": answer("met")},
        {("not-applicable", "warning", "answers.B-14a")},
    ),
    "partial-without-note": (
        {},
        {"R-01": answer("partial", note=None)},
        {("note-missing", "warning", "answers.R-01")},
    ),
    "not-met-with-only-the-import-provenance": (
        {},
        {
            "R-01": answer(
                "not_met",
                note="vendor-stated: imported from questionnaire q.csv (SHA-256 0123456789ab)",
            )
        },
        {("note-missing", "warning", "answers.R-01")},
    ),
    "partial-with-a-note-and-provenance": (
        {},
        {
            "R-01": answer(
                "partial",
                note="一次のみ\n事業者申告: 質問票 q.csv（SHA-256 0123456789ab）から取込",
            )
        },
        set(),
    ),
    "met-without-note-is-fine": ({}, {"R-01": answer("met", note=None)}, set()),
}


@pytest.mark.parametrize("case", PROFILE, ids=list(PROFILE))
def test_answers_against_the_profile_and_notes(small: Catalogue, case: str) -> None:
    service, answers, expected = PROFILE[case]
    assert findings(small, assessment(small, answers, **service)) == expected


CLOUD = {
    "kind": "cloud",
    "tier": "lgwan",
    "mynumber_data": False,
    "personal_data": True,
    "confidentiality": "3B",
}


def registration(ref: str) -> Evidence:
    return Evidence(kind="registration", ref=ref)


CONSISTENCY: dict[str, tuple[dict[str, Any], dict[str, Answer], set[Any]]] = {
    "one-ismap-number-everywhere": (
        CLOUD,
        {
            "P-03": answer("ismap"),
            "P-04": answer("C22-0123-1"),
            "R-01": answer("met", evidence=(registration("リスト 登録番号 C22-0123-1"),)),
        },
        set(),
    ),
    "three-ismap-numbers": (
        CLOUD,
        {
            "P-03": answer("ismap"),
            "P-04": answer("C22-0123-1"),
            "R-01": answer("met", evidence=(registration("登録番号 C22-0025-1"),)),
            "B-21": answer("met", note="ISMAP C22-0032-1 の範囲"),
        },
        {("ismap-number-conflict", "warning", "answers.P-04")},
    ),
    "ismap-number-without-p04": (
        CLOUD,
        {
            "R-01": answer("met", evidence=(registration("C22-0025-1"),)),
            "B-21": answer("met", note="L23-0002-1"),
        },
        {("ismap-number-conflict", "warning", "answers.R-01.evidence[0].ref")},
    ),
    "number-although-unregistered": (
        CLOUD,
        {"P-03": answer("none"), "R-01": answer("met", evidence=(registration("C22-0123-1"),))},
        {("ismap-number-unregistered", "warning", "answers.P-03")},
    ),
    "second-tier-unknown-while-consent-met": (
        {},
        {"P-01": answer(True), "A-13a": answer("partial"), "A-24c": answer("met")},
        {("subcontractors-unknown-consent-met", "warning", "answers.A-24c")},
    ),
    "second-tier-known-and-consent-met": (
        {},
        {"P-01": answer(True), "A-13a": answer("met"), "A-24c": answer("met")},
        set(),
    ),
    "training-on-inputs-while-no-secondary-use-met": (
        CLOUD,
        {"P-05": answer(True), "B-21": answer("met"), "B-29": answer("not_met")},
        {("ai-training-vs-no-secondary-use", "warning", "answers.B-21")},
    ),
    "no-training-and-no-secondary-use": (
        CLOUD,
        {"P-05": answer(True), "B-21": answer("met"), "B-29": answer("met")},
        set(),
    ),
}


CONSENTED = Subcontractor(
    name="試験工房",
    work="保守",
    data="住民記録",
    consented=dt.date(2026, 4, 1),
    approver="住民課長",
)


@pytest.mark.parametrize("case", CONSISTENCY, ids=list(CONSISTENCY))
def test_the_same_fact_answered_differently(small: Catalogue, case: str) -> None:
    service, answers, expected = CONSISTENCY[case]
    # A register with every consent on record, so that only the answers can disagree here
    # (the register's own rules are tests/core/validation/test_register.py).
    subject = replace(assessment(small, answers, **service), subcontractors=(CONSENTED,))
    assert findings(small, subject) == expected
    # The core function the review screen and the CLI can show says the same.
    assert {(p.code, p.severity, p.key) for p in inconsistencies(subject, small)} == expected


def test_the_conflict_message_names_every_number_and_where_it_is(small: Catalogue) -> None:
    _, answers, _ = CONSISTENCY["three-ismap-numbers"]
    (found,) = inconsistencies(assessment(small, answers, **CLOUD), small)
    said = problem_text(found, "en")
    assert said.startswith("3 different ISMAP registration numbers")
    for part in ("C22-0123-1 (answers.P-04.value)", "C22-0025-1 (answers.R-01.evidence[0].ref)"):
        assert part in said


def test_the_checks_name_questions_of_the_built_in_catalogue(catalogue: Catalogue) -> None:
    named = {ISMAP_STATUS, ISMAP_NUMBER_ANSWER}
    for rule in EXCLUSIVE_ANSWERS:
        named |= {rule.first, rule.second}
    assert named <= set(catalogue.by_id)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_number_answer_must_be_finite(small: Catalogue, value: float) -> None:
    subject = assessment(small, {"N-01": Answer(value=value)})
    assert findings(small, subject) == {("answer-not-finite", "error", "answers.N-01.value")}


# The registration number's pattern as first written, with its look-behind in front.
_ISMAP_AS_WRITTEN = re.compile(r"(?<![A-Za-z0-9])[CL]\d{2}-\d{4}-\d{1,2}(?![0-9])")


@given(st.text(st.sampled_from(["C", "L", "c", "x", "0", "1", "-", " ", "あ", "\n"]), max_size=40))
def test_the_registration_number_pattern_finds_what_it_was_written_to_find(text: str) -> None:
    for sample in (text, f"C22-0123-{text}", f"{text}L01-2345-6"):
        assert ISMAP_NUMBER.findall(sample) == _ISMAP_AS_WRITTEN.findall(sample)


def test_says_something_ignores_only_the_provenance_line() -> None:
    assert not says_something(None)
    assert not says_something("  \n")
    assert says_something("一次のみ")
    assert not says_something("vendor-stated: imported from questionnaire a.toml (SHA-256 x)")


def test_validate_reports_the_findings_with_their_codes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue
) -> None:
    subject = assessment(catalogue, tier="lgwan", mynumber_data=False, confidentiality="2")
    path = tmp_path / "a.toml"
    storage.create(path, subject, catalogue, by="tester")
    code, report = run_json(capsys, "validate", "--no-cache", path)
    assert code == 0  # warnings never change the exit code
    (entry,) = report["files"]
    assert [p["code"] for p in entry["problems"]] == ["personal-data-below-3"]
