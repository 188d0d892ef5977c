"""A small catalogue written for the scoring tests, so each rule can be shown in isolation."""

from __future__ import annotations

from pathlib import Path

import pytest

from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.model import (
    Answer,
    AnswerSource,
    Assessment,
    Classification,
    ExceptionGrant,
    Service,
    Vendor,
)

REQUIREMENT = """
[[requirements]]
id = "{id}"
section = "{section}"
title = {{ ja = "{id} の題", en = "{id} title" }}
question = {{ ja = "{id} の質問", en = "{id} question" }}
guidance = {{ ja = "案内", en = "guidance" }}
severity = "{severity}"
kinds = ["contractor", "cloud", "social"]
audience = "vendor"
{extra}
answer = {{ type = "{type}" }}
"""
CRITERIA = """
[requirements.criteria]
met = { ja = "満たす", en = "met because" }
partial = { ja = "一部", en = "partly because" }
not_met = { ja = "満たさない", en = "not met because" }
"""


def write_catalogue(folder: Path) -> Path:
    parts = [
        'id = "test-catalogue"\nversion = "1.0.0"\neffective = 2026-04-01\n'
        'title = { ja = "試験", en = "test" }\n'
        "[schedule]\ninterval_months = { low = 12, medium = 12, high = 6, critical = 3 }\n"
        "fiscal_year = true\ndue_soon_days = 60\n"
        '[[sections]]\nid = "6.3"\ntitle = { ja = "三層", en = "tiers" }\n'
        '[[sections]]\nid = "6.9"\ntitle = { ja = "委託", en = "outsourcing" }\n'
    ]
    rows = [
        ("P-01", "6.9", "may", "boolean", ""),
        ("G-01", "6.3", "must", "compliance", "gate = true"),
        ("M-01", "6.9", "must", "compliance", 'refs = { law = ["番号法10条"] }'),
        ("M-02", "6.9", "must", "compliance", ""),
        ("S-01", "6.9", "should", "compliance", ""),
        ("Y-01", "6.9", "may", "compliance", ""),
    ]
    for rid, section, severity, kind, extra in rows:
        parts.append(
            REQUIREMENT.format(id=rid, section=section, severity=severity, type=kind, extra=extra)
        )
        if kind == "compliance":
            parts.append(CRITERIA)
    path = folder / "catalogue.toml"
    path.write_text("".join(parts), "utf-8")
    return path


@pytest.fixture(scope="session")
def small(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return load_catalog(write_catalogue(tmp_path_factory.mktemp("catalogue")))


def make(
    catalogue: Catalogue,
    statuses: dict[str, str],
    *,
    confidentiality: str = "2",
    tier: str = "internet",
    integrity: str = "1",
    availability: str = "1",
    personal: bool = False,
    mynumber: bool = False,
    exceptions: tuple[ExceptionGrant, ...] = (),
    fact: bool | None = True,
    vendor_only: tuple[str, ...] = (),
) -> Assessment:
    """An assessment with these answers. Gate answers are recorded as verified by city staff
    (rule B3) unless listed in ``vendor_only``; other answers are the vendor's."""

    def source(rid: str) -> AnswerSource:
        gate = rid in catalogue.by_id and catalogue.by_id[rid].gate
        return "city" if gate and rid not in vendor_only else "vendor"

    answers = {
        rid: Answer(value=value, reason="理由" if value == "na" else None, source=source(rid))
        for rid, value in statuses.items()
    }
    if fact is not None:
        answers["P-01"] = Answer(value=fact)
    return Assessment(
        catalog_id=catalogue.id,
        catalog_version=catalogue.version,
        vendor=Vendor(name="試験株式会社"),
        service=Service(
            name="試験サービス",
            kind="cloud",
            tier=tier,  # type: ignore[arg-type]
            classification=Classification(
                confidentiality=confidentiality,  # type: ignore[arg-type]
                integrity=integrity,  # type: ignore[arg-type]
                availability=availability,  # type: ignore[arg-type]
            ),
            personal_data=personal,
            mynumber_data=mynumber,
        ),
        answers=answers,
        exceptions=exceptions,
    )


ALL_MET = {"G-01": "met", "M-01": "met", "M-02": "met", "S-01": "met", "Y-01": "met"}
