"""Dates as clerks type them: ISO, slashes, unpadded parts, and Japanese era dates (和暦).

``2029-03-31``, ``2029/3/31``, ``2029年3月31日``, ``令和11年3月31日``, ``R11.3.31`` and
``令和元年5月1日`` all give the same kind of answer; full-width digits are accepted. A date
outside its era (``平成32年``) is refused rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# (names, first day, last day or None): the eras a living document may cite.
_ERAS: tuple[tuple[tuple[str, ...], dt.date, dt.date | None], ...] = (
    (("令和", "R"), dt.date(2019, 5, 1), None),
    (("平成", "H"), dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    (("昭和", "S"), dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
)
_WESTERN = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_ERA = re.compile(
    r"(令和|平成|昭和|[RHS])\s*(\d{1,2}|元)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
)


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` names, or None when it names none."""
    normal = unicodedata.normalize("NFKC", text).strip().upper()
    western = _WESTERN.fullmatch(normal)
    if western:
        return _date(*(int(part) for part in western.groups()))
    era = _ERA.fullmatch(normal)
    if era is None:
        return None
    name, year_text, month, day = era.groups()
    year = 1 if year_text == "元" else int(year_text)
    for names, first, last in _ERAS:
        if name in names:
            found = _date(first.year + year - 1, int(month), int(day))
            if found is None or found < first or (last is not None and found > last):
                return None
            return found
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
