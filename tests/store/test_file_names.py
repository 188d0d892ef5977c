"""Suggested file names: readable for Japanese vendors, unique per vendor and service."""

from __future__ import annotations

import datetime as dt

import pytest

from vendorrisk.store.storage import suggested_file_name

DAY = dt.date(2026, 4, 1)


@pytest.mark.parametrize(
    ("vendor", "service", "name"),
    [
        ("Acme", "Doc Box", "2026-cloud-acme-doc-box.toml"),
        ("株式会社クラウド文書", "DocuBox Pro", "2026-cloud-クラウド文書-docubox-pro.toml"),
        ("ふみくら株式会社", "文書管理 SaaS", "2026-cloud-ふみくら-文書管理-saas.toml"),
        ("(株)ABC/テスト", "x:y", "2026-cloud-abc-テスト-x-y.toml"),
    ],
)
def test_names_are_the_names_themselves(vendor: str, service: str, name: str) -> None:
    assert suggested_file_name("cloud", vendor, service, DAY) == name


def test_a_cut_name_keeps_a_hash_so_two_long_names_differ() -> None:
    long = "一般財団法人寝屋川市行政情報システム共同利用推進機構"
    a = suggested_file_name("contractor", long + "甲", "保守", DAY)
    b = suggested_file_name("contractor", long + "乙", "保守", DAY)
    assert a != b and a.startswith("2026-contractor-寝屋川市行政情報システム")
