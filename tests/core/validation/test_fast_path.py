"""The compiled fast path (jsonschema-rs) may only ever accept what jsonschema accepts,
and accepts every valid example, so a valid batch never loads jsonschema."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from tests.conftest import REPO
from vendorrisk.core.schemas import SCHEMA_NAMES, load_schema
from vendorrisk.core.validation.schema_check import surely_valid
from vendorrisk.store.tomlfile import jsonable, parse_text


def _strict(name: str) -> Draft202012Validator:
    schema = load_schema(name)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _example_documents() -> list[dict[str, Any]]:
    docs = []
    for path in sorted((REPO / "assessments").glob("*.toml")):
        data, _ = parse_text(path.read_text("utf-8"))
        assert data is not None
        docs.append(jsonable(data))
    return docs


EXAMPLES = _example_documents()


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_our_schemas_compile_for_the_fast_path(name: str) -> None:
    assert isinstance(surely_valid(name, {}), bool)


def test_valid_examples_take_the_fast_path() -> None:
    for doc in EXAMPLES:
        assert _strict("assessment").is_valid(doc)
        assert surely_valid("assessment", doc)


# Values that probe the edges of the schema: wrong types, near-miss strings, odd numbers.
_odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False),
    st.just(1.0),
    st.sampled_from(
        [
            "",
            "met",
            "na",
            "draft",
            "2",
            "3B",
            "2026-02-30",
            "2026-11-27",
            "2026-11-27T10:00:00+09:00",
            "2026-11-27 10:00:00",
            "https://x.example",
            "http://",
            "a\nb",
            "x" * 600,
            "A-01",
            "a.b",
        ]
    ),
    st.lists(st.sampled_from(["a", "a", "met", 1]), max_size=3),
    st.dictionaries(
        st.sampled_from(["value", "ref", "kind", "x"]),
        st.sampled_from(["met", 1, True]),
        max_size=2,
    ),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(range(len(EXAMPLES))),
    st.data(),
    st.sampled_from(["replace", "delete", "add"]),
    _odd_values,
)
def test_whatever_the_fast_check_accepts_jsonschema_accepts(
    index: int, data: st.DataObject, action: str, value: Any
) -> None:
    doc = copy.deepcopy(EXAMPLES[index])
    paths = [p for p in _paths(doc) if p]
    path = data.draw(st.sampled_from(paths))
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent[f"{last}_extra"] = value
    else:
        parent.append(value)
    if surely_valid("assessment", doc):
        assert _strict("assessment").is_valid(doc), path


@pytest.mark.parametrize(
    ("value", "valid"), [("2026-11-27", True), ("2026-02-30", False), ("2026-1-1", False)]
)
def test_dates_are_checked_as_the_standard_does(value: str, valid: bool) -> None:
    doc = copy.deepcopy(EXAMPLES[0])
    doc["answers"][next(iter(doc["answers"]))]["answered_at"] = value
    assert surely_valid("assessment", doc) is valid
    assert _strict("assessment").is_valid(doc) is valid
