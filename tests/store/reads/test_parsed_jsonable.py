"""The compiled round trip for the schema check gives exactly what the general walk gives."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
import rtoml
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from vendorrisk.store.tomlfile import jsonable, parsed_jsonable

# Every form of TOML date and time, as both parsers read them.
TEMPORALS = """
offset-utc = 1979-05-27T07:32:00Z
offset-negative = 1979-05-27T00:32:00-07:00
offset-half-hour = 1979-05-27T00:32:00.5+09:30
offset-fraction = 1979-05-27T00:32:00.999999-07:00
offset-nanoseconds = 1979-05-27T00:32:00.123456789Z
offset-zero = 1979-05-27T00:32:00.100-00:00
offset-space = 1979-05-27 07:32:00Z
offset-far = 9999-12-31T23:59:59.000001-23:59
offset-early = 0001-01-01T00:00:00+14:00
local-datetime = 1979-05-27T07:32:00
local-datetime-fraction = 1979-05-27T00:32:00.999999
local-date = 1979-05-27
local-date-early = 0999-01-01
local-time = 07:32:00
local-time-fraction = 00:32:00.123
local-time-micro = 00:32:00.999999
local-time-hundredths = 00:00:00.01
in-array = [1979-05-27, 07:32:00, 1979-05-27T07:32:00+09:00]
in-table = { at = 2026-10-01T09:30:00+09:00, day = 2026-10-01 }
"""


def same(a: Any, b: Any) -> bool:
    """Equal, with the same types throughout (1 and 1.0 and True are not the same here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b) and (not isinstance(a, float) or math.copysign(1, a) == math.copysign(1, b))


@pytest.mark.parametrize("loads", [rtoml.loads, tomli.loads], ids=["rtoml", "tomli"])
def test_every_date_and_time_form_is_written_as_isoformat(loads: Any) -> None:
    document = loads(TEMPORALS)
    assert same(parsed_jsonable(document), jsonable(document))


@pytest.mark.parametrize(
    "text",
    [
        "value = nan",
        "value = -inf",
        "value = [1.0, inf]",
        'note = "null"',
        "value = -0.0",
        "value = 1e300",
        "value = 9223372036854775807",
        "value = -9223372036854775808",
        'value = "\\u2028 \\u0000 ε"',
    ],
)
def test_values_json_has_no_word_for_are_the_walks(text: str) -> None:
    document = rtoml.loads(text)
    assert same(parsed_jsonable(document), jsonable(document))


def test_what_orjson_refuses_is_walked() -> None:
    document = {"too-large": 2**70, "day": dt.date(2026, 1, 2)}  # tomli reads any integer
    assert same(parsed_jsonable(document), {"too-large": 2**70, "day": "2026-01-02"})


# TOML offsets are whole minutes within a day.
_OFFSETS = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
_LEAVES = (
    st.text()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()
    | st.booleans()
    | st.dates()
    | st.times()
    | st.datetimes()
    | st.datetimes(timezones=_OFFSETS)
)
_TREES = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), _TREES, max_size=5))
def test_any_parsed_document_comes_out_as_the_walks(document: dict[str, Any]) -> None:
    assert same(parsed_jsonable(document), jsonable(document))
