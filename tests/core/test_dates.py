"""Dates as clerks type them (vendorrisk.core.dates): ISO, slashes, unpadded parts, 和暦."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vendorrisk.core.dates import parse_date


@pytest.mark.parametrize(
    "text",
    [
        "2029-03-31",
        "2029/03/31",
        "2029-3-31",
        "2029/3/31",
        "2029.3.31",
        "2029年3月31日",
        "令和11年3月31日",
        "令和11年 3月 31日",
        "R11.3.31",
        "r11/3/31",
        "Ｒ１１．３．３１",
        "２０２９／３／３１",
    ],
)
def test_every_form_a_clerk_types_gives_the_same_day(text: str) -> None:
    assert parse_date(text) == dt.date(2029, 3, 31)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("平成31年4月30日", dt.date(2019, 4, 30)),
        ("H1.1.8", dt.date(1989, 1, 8)),
        ("昭和64年1月7日", dt.date(1989, 1, 7)),
    ],
)
def test_era_boundaries(text: str, day: dt.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "text",
    ["", "x", "2029-02-30", "平成32年1月1日", "R1.4.30", "令和0年1月1日", "29/3/31", "2029-13-01"],
)
def test_what_names_no_day_is_refused(text: str) -> None:
    assert parse_date(text) is None


@given(st.dates(min_value=dt.date(2019, 5, 1), max_value=dt.date(2099, 12, 31)))
def test_reiwa_dates_read_back_as_written(day: dt.date) -> None:
    year = day.year - 2018
    for text in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"令和{year}年{day.month}月{day.day}日",
        f"R{year}.{day.month}.{day.day}",
    ):
        assert parse_date(text) == day, text
