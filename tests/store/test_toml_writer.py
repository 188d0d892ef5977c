from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from vendorrisk.store.toml_writer import dumps

JST = dt.timezone(dt.timedelta(hours=9))


def test_mappings_become_tables_and_lists_of_mappings_arrays_of_tables() -> None:
    text = dumps(
        {
            "revision": 2,
            "answers": {"A-01": {"value": "met", "evidence": [{"ref": "a"}, {"ref": "b"}]}},
            "history": [{"revision": 1, "at": dt.datetime(2026, 1, 1, 9, 0, tzinfo=JST)}],
        }
    )
    assert text.splitlines() == [
        "revision = 2",
        "",
        "[answers.A-01]",
        'value = "met"',
        "",
        "[[answers.A-01.evidence]]",
        'ref = "a"',
        "",
        "[[answers.A-01.evidence]]",
        'ref = "b"',
        "",
        "[[history]]",
        "revision = 1",
        "at = 2026-01-01 09:00:00+09:00",
    ]


def test_layout_does_not_depend_on_the_length_of_values() -> None:
    short = dumps({"history": [{"summary": "x"}]})
    long = dumps({"history": [{"summary": "x" * 500}]})
    assert short.splitlines()[0] == long.splitlines()[0] == "[[history]]"


def test_multiline_text_is_written_as_a_multiline_string() -> None:
    text = dumps({"note": "一行目\n二行目"})
    assert '"""' in text
    assert tomllib.loads(text) == {"note": "一行目\n二行目"}


def test_keys_that_are_not_bare_are_quoted() -> None:
    text = dumps({"a.b": {"c d": 1}})
    assert tomllib.loads(text) == {"a.b": {"c d": 1}}


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40).map(
    lambda s: s.replace("\r\n", "\n")
)
_scalar = st.one_of(_text, st.integers(-(2**63), 2**63 - 1), st.booleans(), st.dates())
_key = st.text(min_size=1, max_size=8)


@st.composite
def _documents(draw: st.DrawFn) -> dict[str, Any]:
    leaf = st.dictionaries(_key, st.one_of(_scalar, st.lists(_text, max_size=3)), max_size=4)
    return draw(
        st.dictionaries(
            _key,
            st.one_of(
                _scalar,
                leaf,
                st.lists(leaf.filter(bool), min_size=1, max_size=3),
                st.dictionaries(_key, leaf, max_size=3),
            ),
            max_size=5,
        )
    )


@given(_documents())
def test_what_is_written_reads_back_unchanged(document: dict[str, Any]) -> None:
    assert tomllib.loads(dumps(document)) == document
