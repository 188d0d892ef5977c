from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.model import (
    Answer,
    Assessment,
    Classification,
    Evidence,
    Service,
    Vendor,
    VendorUrls,
)
from vendorrisk.messages import set_language

REPO = Path(__file__).resolve().parent.parent
JST = dt.timezone(dt.timedelta(hours=9))


@pytest.fixture(autouse=True)
def _english_and_private_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    # Messages in a known language, and a cache that no other test run shares.
    monkeypatch.setenv("VENDORRISK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalog()


def sample_assessment(catalogue: Catalogue, **answers: Answer) -> Assessment:
    return Assessment(
        catalog_id=catalogue.id,
        catalog_version=catalogue.version,
        vendor=Vendor(
            name="株式会社サンプル情報システム",
            corporate_number="7000012050002",
            urls=VendorUrls(security="https://example.jp/security"),
        ),
        service=Service(
            name="住民記録システム保守",
            kind="contractor",
            tier="lgwan",
            classification=Classification(confidentiality="3B", integrity="2", availability="2"),
            personal_data=True,
        ),
        answers={k.replace("_", "-"): v for k, v in answers.items()},
    )


@pytest.fixture
def assessment(catalogue: Catalogue) -> Assessment:
    return sample_assessment(
        catalogue,
        P_01=Answer(value=True, source="city", answered_at=dt.date(2026, 11, 2)),
        A_05=Answer(
            value="met",
            note="契約書 第12条\n特記仕様書 3.1",
            evidence=(Evidence(kind="contract_clause", ref="契約書 第12条"),),
            answered_by="山田",
            answered_at=dt.date(2026, 11, 2),
        ),
    )
