"""A small catalogue of the tests' own for the import safeguards, so that the ids the
tests name stay put whatever happens to the built-in catalogue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.model import Answer, Assessment, Classification, Service, Vendor
from vendorrisk.store import storage

HEAD = """\
id = "import-test"
version = "1.0.0"
effective = 2026-04-01
title = { ja = "取込試験", en = "import test" }
[schedule]
interval_months = { low = 12, medium = 12, high = 6, critical = 3 }
fiscal_year = true
due_soon_days = 60
[[sections]]
id = "6.9"
title = { ja = "委託", en = "outsourcing" }
"""
QUESTION = """
[[requirements]]
id = "{id}"
section = "6.9"
title = {{ ja = "{id} の題", en = "{id} title" }}
question = {{ ja = "{id} の質問", en = "{id} question" }}
guidance = {{ ja = "案内", en = "guidance" }}
severity = "{severity}"
kinds = ["contractor"]
audience = "{audience}"
{extra}
answer = {{ type = "{type}"{options} }}
"""
CRITERIA = """
[requirements.criteria]
met = { ja = "満たす", en = "met because" }
partial = { ja = "一部", en = "partly because" }
not_met = { ja = "満たさない", en = "not met because" }
"""
OPTIONS = (
    ', options = [{ id = "yes", label = { ja = "はい", en = "yes" } },'
    ' { id = "no", label = { ja = "いいえ", en = "no" } }]'
)
# (id, type, severity, audience, extra)
QUESTIONS = [
    ("P-01", "boolean", "may", "vendor", ""),  # re-subcontracts?
    ("R-01", "compliance", "must", "vendor", 'condition = "P-01 == true"'),
    ("R-02", "compliance", "should", "vendor", 'condition = "P-01 == true"'),
    ("R-03", "compliance", "must", "vendor", ""),
    ("K-01", "compliance", "must", "city", ""),
    ("N-01", "number", "may", "vendor", ""),
    ("T-01", "text", "may", "vendor", ""),
    ("C-01", "choice", "may", "vendor", ""),
    ("M-01", "multi", "may", "vendor", ""),
]


def write_catalogue(folder: Path) -> Path:
    parts = [HEAD]
    for rid, kind, severity, audience, extra in QUESTIONS:
        parts.append(
            QUESTION.format(
                id=rid,
                type=kind,
                severity=severity,
                audience=audience,
                extra=extra,
                options=OPTIONS if kind in ("choice", "multi") else "",
            )
        )
        if kind == "compliance":
            parts.append(CRITERIA)
    path = folder / "catalogue.toml"
    path.write_text("".join(parts), "utf-8")
    return path


@pytest.fixture(scope="session")
def small_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_catalogue(tmp_path_factory.mktemp("import-catalogue"))


@pytest.fixture(scope="session")
def small(small_path: Path) -> Catalogue:
    return load_catalog(small_path)


DAY = dt.date(2026, 11, 2)


def city(value: object) -> Answer:
    return Answer(value=value, source="city", answered_by="市 職員", answered_at=DAY)  # type: ignore[arg-type]


def vendor(value: object) -> Answer:
    return Answer(value=value, source="vendor", answered_by="事業者", answered_at=DAY)  # type: ignore[arg-type]


def write_assessment(folder: Path, catalogue: Catalogue, answers: dict[str, Answer]) -> Path:
    assessment = Assessment(
        catalog_id=catalogue.id,
        catalog_version=catalogue.version,
        vendor=Vendor(name="試験株式会社"),
        service=Service(
            name="保守",
            kind="contractor",
            tier="lgwan",
            classification=Classification(confidentiality="2"),
        ),
        answers=answers,
    )
    path = folder / "assessment.toml"
    storage.create(path, assessment, catalogue, by="tester")
    return path
