"""和暦: the Japanese era dates a 決裁 document shows beside the ISO date."""

from __future__ import annotations

import datetime as dt

import pytest

from vendorrisk.render.reports.wareki import format_date, wareki

CONVERSIONS = [
    (dt.date(1873, 1, 1), "明治6年1月1日"),
    (dt.date(1912, 7, 29), "明治45年7月29日"),
    (dt.date(1912, 7, 30), "大正元年7月30日"),
    (dt.date(1926, 12, 24), "大正15年12月24日"),
    (dt.date(1926, 12, 25), "昭和元年12月25日"),
    (dt.date(1989, 1, 7), "昭和64年1月7日"),
    (dt.date(1989, 1, 8), "平成元年1月8日"),
    (dt.date(2019, 4, 30), "平成31年4月30日"),
    (dt.date(2019, 5, 1), "令和元年5月1日"),
    (dt.date(2020, 1, 1), "令和2年1月1日"),
    (dt.date(2026, 11, 27), "令和8年11月27日"),
    (dt.date(2027, 3, 31), "令和9年3月31日"),
]


@pytest.mark.parametrize(
    ("day", "expected"), CONVERSIONS, ids=[c[0].isoformat() for c in CONVERSIONS]
)
def test_each_date_is_written_in_the_era_it_falls_in(day: dt.date, expected: str) -> None:
    assert wareki(day) == expected


def test_dates_before_the_gregorian_calendar_in_japan_have_no_era_rendering() -> None:
    assert wareki(dt.date(1872, 12, 31)) is None
    assert format_date(dt.date(1872, 12, 31), "ja") == "1872-12-31"


def test_japanese_output_shows_both_forms_and_english_only_the_iso_date() -> None:
    day = dt.date(2026, 11, 27)
    assert format_date(day, "ja") == "2026-11-27（令和8年11月27日）"
    assert format_date(day, "en") == "2026-11-27"
