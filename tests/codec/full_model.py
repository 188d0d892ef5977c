"""An assessment that fills every field the file has, each with a value unlike its default."""

from __future__ import annotations

import datetime as dt

from vendorrisk.core.codes import phrase
from vendorrisk.core.history_codes import HistoryCode
from vendorrisk.core.localtime import JST
from vendorrisk.core.model import (
    Answer,
    Assessment,
    Classification,
    Comment,
    Contact,
    Evidence,
    ExceptionGrant,
    HistoryEntry,
    Review,
    Service,
    Subcontractor,
    Vendor,
    VendorUrls,
)

DAY = dt.date(2026, 4, 1)
AT = dt.datetime(2026, 4, 1, 9, 30, tzinfo=JST)


def full_assessment(catalog_id: str, catalog_version: str) -> Assessment:
    return Assessment(
        catalog_id=catalog_id,
        catalog_version=catalog_version,
        revision=3,
        vendor=Vendor(
            name="株式会社例",
            corporate_number="7000012050002",
            contact=Contact(
                name="担当 太郎", department="営業部", email="a@example.jp", phone="06-1234-5678"
            ),
            urls=VendorUrls(
                website="https://example.jp/",
                security="https://example.jp/security",
                privacy="https://example.jp/privacy",
                trust="https://example.jp/trust",
                status="https://status.example.jp/",
            ),
        ),
        service=Service(
            name="例サービス",
            kind="cloud",
            tier="lgwan",
            classification=Classification(confidentiality="3B", integrity="2", availability="2"),
            description="一行目\n二行目",
            terminal_model="beta",
            data_location="日本国内",
            personal_data=True,
            mynumber_data=True,
            contract_date=DAY,
        ),
        answers={
            "B-01": Answer(value=("a", "b")),
            "A-01": Answer(
                value="partial",
                reason="理由",
                note="メモ\n続き",
                source="city",
                answered_by="調達担当",
                answered_at=DAY,
                evidence=(
                    Evidence(
                        kind="document",
                        ref="契約書 第3条",
                        note="注記",
                        collected=DAY,
                        expires=dt.date(2027, 3, 31),
                    ),
                    Evidence(kind="url_check", ref="https://example.jp/security"),
                ),
                comments=(Comment(by="審査者", at=DAY, text="確認してください"),),
            ),
            "A-02": Answer(value=False),
            "A-03": Answer(value=2.5),
            "A-04": Answer(value=12),
            "A-05": Answer(value=dt.date(2029, 3, 31)),
        },
        review=Review(
            status="approved_with_conditions",
            reviewer="審査者",
            decision="approve_with_conditions",
            decided_at=DAY,
            conditions=("条件一", "条件二"),
            next_review=dt.date(2027, 4, 1),
            submitted_by="申請者",
            confirmed_na=("A-09",),
            basis="0123456789abcdef0123456789abcdef",
        ),
        exceptions=(
            ExceptionGrant(
                requirement="A-01",
                compensating_control="代替策",
                approved_by="課長",
                until=dt.date(2027, 3, 31),
                approved_at=DAY,
            ),
        ),
        url_checks=({"url": "https://example.jp/security", "status": 200, "z": ["x"]},),
        subcontractors=(
            Subcontractor(
                name="下請A",
                work="保守",
                data="住民情報",
                corporate_number="7000012050002",
                tier="mynumber",
                mynumber_data=True,
                requested=DAY,
                consented=DAY,
                approver="課長",
                note="注",
            ),
            Subcontractor(name="下請B", work="運用", data="ログ", level=2, parent="下請A"),
        ),
        history=(
            HistoryEntry(revision=1, at=AT, by="作成者", events=(phrase(HistoryCode.CREATED),)),
            HistoryEntry(
                revision=3,
                at=AT,
                by="審査者",
                events=(phrase(HistoryCode.ANSWERS_UPDATED, ids="A-01, A-02"),),
                comment="承認",
            ),
        ),
    )
