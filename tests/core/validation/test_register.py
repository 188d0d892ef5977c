"""The 再委託承認 register's rules G1–G9 (docs/validation.md), one table row per case, on the
juki example (My Number work, re-subcontracted) with its register and answers varied."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from tests.conftest import REPO
from vendorrisk.core.approval import approval_basis, changed_parts
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.model import Answer, Assessment, Subcontractor
from vendorrisk.core.validation.semantics import semantic_problems
from vendorrisk.messages.said import problem_text
from vendorrisk.store import storage

JUKI = REPO / "assessments" / "2026-contractor-juki-zeimu-hoshu.toml"
REGISTER_CODES = (
    "subcontractor-",
    "register-",
    "corporate-number",
)

FIRST = Subcontractor(
    name="一次工房",
    work="保守",
    data="住民記録",
    mynumber_data=True,
    requested=dt.date(2025, 3, 1),
    consented=dt.date(2025, 3, 10),
    approver="住民課長",
)
SECOND = replace(FIRST, name="二次工房", level=2, parent="一次工房")
PENDING = replace(FIRST, name="申請中工房", consented=None, approver=None)
PLAIN_PENDING = replace(PENDING, name="一般工房", mynumber_data=False)


@pytest.fixture(scope="module")
def juki(catalogue: Catalogue) -> Assessment:
    return storage.load(JUKI, catalogue).assessment


def register_findings(
    catalogue: Catalogue, subject: Assessment
) -> set[tuple[str, str, str | None]]:
    return {
        (p.code, p.severity, p.key)
        for p in semantic_problems(subject, catalogue)
        if p.code.startswith(REGISTER_CODES)
    }


def answers_with(juki: Assessment, **values: Any) -> dict[str, Answer]:
    answers = dict(juki.answers)
    for rid, value in values.items():
        rid = rid.replace("_", "-")
        answers[rid] = replace(answers[rid], value=value)
    return answers


# id: (register, answer changes, expected (code, severity, key))
CASES: dict[str, tuple[tuple[Subcontractor, ...], dict[str, Any], set[Any]]] = {
    "consented-tree-is-clean": ((FIRST, SECOND), {}, set()),
    "G1-duplicate-name": (
        (FIRST, FIRST),
        {},
        {("subcontractor-duplicate", "error", "subcontractors[0].name")},
    ),
    "G2-parent-at-level-1": (
        (FIRST, replace(SECOND, level=1)),
        {},
        {("subcontractor-parent-at-level-1", "error", "subcontractors[1].parent")},
    ),
    "G2-level-2-without-parent": (
        (FIRST, replace(SECOND, parent=None)),
        {},
        {("subcontractor-parent-missing", "error", "subcontractors[1].level")},
    ),
    "G3-parent-not-in-register": (
        (FIRST, replace(SECOND, parent="どこか")),
        {},
        {("subcontractor-parent-unknown", "error", "subcontractors[1].parent")},
    ),
    "G3-parent-two-levels-up": (
        (FIRST, replace(SECOND, level=3)),
        {},
        {("subcontractor-parent-level", "error", "subcontractors[1].level")},
    ),
    "G4-corporate-number-check-digit": (
        (replace(FIRST, corporate_number="1234567890123"),),
        {},
        {("corporate-number", "error", "subcontractors[0].corporate_number")},
    ),
    "G5-consent-without-approver": (
        (replace(FIRST, approver=None),),
        {},
        {
            ("subcontractor-consent-incomplete", "error", "subcontractors[0].approver"),
            ("register-consent-missing-all", "warning", "answers.A-12a"),
            ("register-consent-missing-mynumber", "warning", "answers.A-24c"),
        },
    ),
    "G5-consent-before-request": (
        (replace(FIRST, consented=dt.date(2025, 2, 1)),),
        {},
        {("subcontractor-consent-before-request", "error", "subcontractors[0].consented")},
    ),
    "G6-empty-register-while-met": (
        (),
        {},
        {("register-empty-answer-met", "warning", "answers.A-12a")},
    ),
    "G6-empty-register-nothing-met": (
        (),
        {"A_12a": "partial", "A_12b": "partial", "A_13a": "not_met", "A_13b": "partial"}
        | {"A_13c": "partial", "A_24c": "partial"},
        set(),
    ),
    "G6-mynumber-consent-pending-second-level": (
        (FIRST, replace(SECOND, consented=None, approver=None)),
        {},
        {
            ("register-consent-missing-all", "warning", "answers.A-12a"),
            ("register-consent-missing-mynumber", "warning", "answers.A-24c"),
        },
    ),
    "G6-pending-without-mynumber-only-breaks-A12a": (
        (FIRST, PLAIN_PENDING),
        {},
        {("register-consent-missing-all", "warning", "answers.A-12a")},
    ),
    "G6-pending-while-A24c-partial": (
        (FIRST, PENDING),
        {"A_12a": "partial", "A_24c": "partial"},
        set(),
    ),
    "G7-register-although-no-resubcontracting": (
        (FIRST,),
        {"P_01": False},
        {("register-without-resubcontracting", "warning", "answers.P-01")},
    ),
    "G9-mynumber-below-a-plain-parent": (
        (replace(FIRST, mynumber_data=False), SECOND),
        {},
        {("subcontractor-mynumber-chain", "warning", "subcontractors[1].mynumber_data")},
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_register_rules(catalogue: Catalogue, juki: Assessment, case: str) -> None:
    register, changes, expected = CASES[case]
    subject = replace(juki, subcontractors=register, answers=answers_with(juki, **changes))
    assert register_findings(catalogue, subject) == expected


def test_G8_mynumber_entry_in_a_service_without_mynumber_data(
    catalogue: Catalogue, juki: Assessment
) -> None:
    service = replace(juki.service, mynumber_data=False)
    subject = replace(juki, service=service, subcontractors=(FIRST,))
    found = register_findings(catalogue, subject)
    assert (
        "subcontractor-mynumber-outside-service",
        "warning",
        "subcontractors[0].mynumber_data",
    ) in found


def test_the_warnings_name_the_entries_without_consent(
    catalogue: Catalogue, juki: Assessment
) -> None:
    subject = replace(juki, subcontractors=(FIRST, PENDING))
    (a24c,) = [p for p in semantic_problems(subject, catalogue) if p.code.endswith("-mynumber")]
    said = problem_text(a24c, "en")
    assert "申請中工房" in said and "一次工房" not in said
    assert a24c.line is None or a24c.line > 0


def test_a_register_is_part_of_the_approval_basis_only_once_it_exists(
    catalogue: Catalogue, juki: Assessment
) -> None:
    # An approval recorded before registers existed keeps its digest: no false "stale".
    social = storage.load(REPO / "assessments" / "2026-social-kosodate-account.toml", catalogue)
    assert social.assessment.review.basis == approval_basis(social.assessment)
    empty = replace(juki, subcontractors=())
    with_one = replace(juki, subcontractors=(FIRST,))
    assert approval_basis(empty) != approval_basis(with_one)
    assert changed_parts(empty, with_one) == ["subcontractors"]
    consented_later = replace(juki, subcontractors=(replace(FIRST, consented=dt.date(2025, 4, 1)),))
    assert changed_parts(with_one, consented_later) == ["subcontractors"]
    # A note is not what was approved.
    noted = replace(juki, subcontractors=(replace(FIRST, note="連絡済み"),))
    assert approval_basis(noted) == approval_basis(with_one)
