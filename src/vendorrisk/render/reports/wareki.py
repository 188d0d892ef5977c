"""Japanese era dates (和暦): a 決裁 document shows dates as 2026-11-27 and 令和8年11月27日.

Era boundaries are the first day of each era as counted since the Gregorian calendar was
adopted in Japan (明治6年 = 1873); dates before that have no 和暦 rendering here, because the
lunisolar calendar in use then needs more than an offset.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

# (first day, era name), newest first so that the first match wins.
ERAS: Final[tuple[tuple[dt.date, str], ...]] = (
    (dt.date(2019, 5, 1), "令和"),
    (dt.date(1989, 1, 8), "平成"),
    (dt.date(1926, 12, 25), "昭和"),
    (dt.date(1912, 7, 30), "大正"),
    (dt.date(1873, 1, 1), "明治"),
)
# Meiji years are counted from 1868 even though the Gregorian calendar starts in 明治6年.
_ERA_FIRST_YEAR: Final = {"令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912, "明治": 1868}


def era_of(day: dt.date) -> tuple[str, int] | None:
    """The era and its year for ``day``, or None before 1873."""
    for first, name in ERAS:
        if day >= first:
            return name, day.year - _ERA_FIRST_YEAR[name] + 1
    return None


def wareki(day: dt.date) -> str | None:
    """``令和8年11月27日``; the first year of an era is written 元年, as in official documents."""
    era = era_of(day)
    if era is None:
        return None
    name, year = era
    year_text = "元" if year == 1 else str(year)
    return f"{name}{year_text}年{day.month}月{day.day}日"


def format_date(day: dt.date, lang: str) -> str:
    """ISO date, followed in Japanese by the 和暦 in full-width parentheses."""
    iso = day.isoformat()
    if lang != "ja":
        return iso
    era = wareki(day)
    return f"{iso}（{era}）" if era else iso
