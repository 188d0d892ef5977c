"""The fourth kind, designated_manager (指定管理者, 地方自治法244条の2): accepted by every
command, with the contractor items on data and systems, its own items and its gates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from vendorrisk.core.catalog import load_catalog
from vendorrisk.core.catalog.applicability import Profile, applicable_requirements
from vendorrisk.core.model import AnswerValue


def _ids(
    tier: str = "internet", answers: dict[str, AnswerValue] | None = None, **kw: object
) -> set[str]:
    profile = Profile(
        kind="designated_manager",
        tier=tier,  # type: ignore[arg-type]
        confidentiality=kw.pop("confidentiality", "3B"),  # type: ignore[arg-type]
        integrity="1",
        availability="1",
        **kw,  # type: ignore[arg-type]
    )
    return {r.id for r in applicable_requirements(load_catalog(), profile, answers or {})}


def test_new_validate_score_and_export_accept_the_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run_cli(
        capsys,
        "new",
        "--kind",
        "designated_manager",
        "--vendor",
        "公益財団法人テスト文化振興会",
        "--service",
        "市民会館の管理",
        "--personal-data",
        "--confidentiality",
        "3B",
        "--dir",
        tmp_path,
    )
    assert code == 0
    path = Path(out.strip())
    assert 'kind = "designated_manager"' in path.read_text("utf-8")
    assert 'tier = "internet"' in path.read_text("utf-8")  # the kind's usual tier
    assert run_cli(capsys, "validate", path)[0] == 0
    code, out, _ = run_cli(capsys, "score", path, "--format", "json")
    assert code == 0
    unanswered = json.loads(out)["unanswered"]
    assert {"DM-01", "DM-02", "DM-05", "P-09", "A-05"} <= set(unanswered)
    code, out, _ = run_cli(
        capsys,
        "--lang",
        "en",
        "questionnaire",
        "export",
        "--kind",
        "designated_manager",
        "--format",
        "md",
    )
    assert code == 0 and "DM-05" in out


def test_catalog_lists_the_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "catalog", "--kind", "designated_manager", "--format", "json")
    assert code == 0
    assert "DM-01" in out and "B-04" not in out


@pytest.mark.parametrize(
    ("applies", "absent"),
    [
        # The contractor items on handling data and systems apply...
        ({"A-01a", "A-05", "A-06a", "A-08", "A-10a", "A-11a", "A-14a", "A-15b", "A-16"}, set()),
        # ...the system-work, SLA and cloud items do not.
        (set(), {"A-03a", "A-07", "A-20a", "A-21a", "A-29", "B-04", "B-13b", "C-01"}),
        # Its own items, whatever the answers.
        ({"P-09", "DM-01", "DM-05"}, set()),
    ],
    ids=["contractor-items", "not-system-work-or-cloud", "own-items"],
)
def test_which_items_apply_to_a_designated_manager(applies: set[str], absent: set[str]) -> None:
    ids = _ids()
    assert applies <= ids
    assert not absent & ids


def test_its_duty_under_article_66_2_follows_the_personal_data_flag() -> None:
    assert "DM-02" in _ids(personal_data=True)
    assert "DM-02" not in _ids(personal_data=False)
    assert "A-25" not in _ids(personal_data=True)  # the contractor's item is not asked twice


def test_the_facility_systems_items_follow_the_answer_on_p09() -> None:
    assert {"DM-03"} <= _ids(answers={"P-09": "own"}) and "DM-04" not in _ids(
        answers={"P-09": "own"}
    )
    assert {"DM-03", "DM-04"} <= _ids(answers={"P-09": "both"})
    assert not {"DM-03", "DM-04"} & _ids(answers={"P-09": "none"})


@pytest.mark.parametrize(
    ("tier", "gates"),
    [
        ("mynumber", {"B-T1a", "B-T1b", "B-T1c"}),
        ("lgwan", {"B-T2a", "B-T2b"}),
        ("internet", {"B-T3a"}),
    ],
)
def test_the_tier_gates_bind_a_designated_manager(tier: str, gates: set[str]) -> None:
    catalogue = load_catalog()
    ids = _ids(tier)
    assert gates <= ids
    assert all(catalogue.by_id[g].gate for g in gates)
    assert "B-T3b" not in ids  # the cloud-only rule on standard terms
