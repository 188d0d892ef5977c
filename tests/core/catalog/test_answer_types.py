"""The answer-type registry (vendorrisk.core.answer_types): one entry per type of the catalogue,
each value read from a vendor's file is one its own check accepts, and a value is shown
the same way whichever face shows it."""

from __future__ import annotations

import datetime as dt

import pytest

from vendorrisk.core.answer_types import (
    ANSWER_TYPES,
    HTTPS_URL,
    AnswerValueError,
    AnswerWord,
    ReadCode,
    answer_kind,
)
from vendorrisk.core.catalog.model import ANSWER_TYPES as CATALOGUE_TYPES
from vendorrisk.core.catalog.model import AnswerSpec, Option, Text
from vendorrisk.core.codes import Code
from vendorrisk.core.model import Answer, AnswerValue


def _spoken(code: Code) -> list[str]:
    return ["met", "適合"] if code == AnswerWord.MET else []


SPECS = {
    "compliance": AnswerSpec("compliance"),
    "boolean": AnswerSpec("boolean"),
    "choice": AnswerSpec(
        "choice", options=(Option("a", Text("甲", "A")), Option("b", Text("乙", "B")))
    ),
    "multi": AnswerSpec(
        "multi", options=(Option("a", Text("甲", "A")), Option("b", Text("乙", "B")))
    ),
    "text": AnswerSpec("text", max_length=5),
    "date": AnswerSpec("date"),
    "number": AnswerSpec("number", minimum=0, maximum=10),
    "url": AnswerSpec("url"),
}


def test_every_catalogue_answer_type_is_registered_once() -> None:
    assert sorted(ANSWER_TYPES) == sorted(CATALOGUE_TYPES)
    assert {name: kind.name for name, kind in ANSWER_TYPES.items()} == {
        name: name for name in CATALOGUE_TYPES
    }


@pytest.mark.parametrize(
    ("kind", "raw", "value"),
    [
        ("compliance", " met ", "met"),
        ("compliance", "適合", "met"),
        ("boolean", "はい", True),
        ("boolean", False, False),
        ("choice", "b (乙)", "b"),
        ("choice", "A", "a"),
        ("multi", "a; B", ("a", "b")),
        ("multi", ["b"], ("b",)),
        ("text", "abc", "abc"),
        ("date", "2026-12-01", dt.date(2026, 12, 1)),
        ("number", "7", 7),
        ("number", "2.5", 2.5),
        ("url", " https://example.jp/x ", "https://example.jp/x"),
    ],
)
def test_a_value_read_from_a_vendor_file_passes_its_own_check(
    kind: str, raw: object, value: AnswerValue
) -> None:
    spec = SPECS[kind]
    read = answer_kind(spec).coerce(spec, raw, _spoken)
    assert read == value
    answer = Answer(value=read, reason="reason given")
    assert answer_kind(spec).problems(spec, answer, "answers.X", "X") == []


@pytest.mark.parametrize(
    ("kind", "raw", "code"),
    [
        ("compliance", "maybe", ReadCode.BAD_VALUE),
        ("boolean", "perhaps", ReadCode.WRONG_TYPE),
        ("date", "1 Dec", ReadCode.WRONG_TYPE),
        ("number", "nan", ReadCode.NOT_FINITE),
        ("number", float("inf"), ReadCode.NOT_FINITE),
        ("text", 3, ReadCode.WRONG_TYPE),
    ],
)
def test_a_value_of_another_type_is_refused_with_a_code(kind: str, raw: object, code: Code) -> None:
    spec = SPECS[kind]
    with pytest.raises(AnswerValueError) as caught:
        answer_kind(spec).coerce(spec, raw, _spoken)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("kind", "value", "problem"),
    [
        ("compliance", "na", "na-reason"),
        ("choice", "c", "answer-option"),
        ("text", "too long", "answer-too-long"),
        ("number", 11, "answer-range"),
        ("url", "http://example.jp", "answer-url"),
        ("date", "2026-12-01", "answer-type"),
    ],
)
def test_a_stored_value_that_does_not_fit_is_a_problem(
    kind: str, value: AnswerValue, problem: str
) -> None:
    spec = SPECS[kind]
    found = answer_kind(spec).problems(spec, Answer(value=value), "answers.X", "X")
    assert [p.code for p in found] == [problem]


def test_shown_as_plain_values_the_faces_put_into_words() -> None:
    assert answer_kind(SPECS["compliance"]).plain(SPECS["compliance"], "partial") == (
        AnswerWord.PARTIAL
    )
    # An unknown status from a hand edit is shown as written.
    assert answer_kind(SPECS["compliance"]).plain(SPECS["compliance"], "odd") == "odd"
    assert answer_kind(SPECS["boolean"]).plain(SPECS["boolean"], True) == AnswerWord.YES
    assert answer_kind(SPECS["choice"]).plain(SPECS["choice"], "a") == Text("甲", "A")
    assert answer_kind(SPECS["number"]).plain(SPECS["number"], 3.0) == 3


def test_typed_text_is_read_as_the_type_or_not_at_all() -> None:
    assert answer_kind(SPECS["number"]).parse(SPECS["number"], "4") == 4
    assert answer_kind(SPECS["number"]).parse(SPECS["number"], "four") is None
    assert answer_kind(SPECS["url"]).parse(SPECS["url"], "https://example.jp") == (
        "https://example.jp"
    )
    assert answer_kind(SPECS["text"]).parse(SPECS["text"], "toolong") is None


def test_one_https_test_for_typed_and_stored_urls() -> None:
    assert HTTPS_URL.fullmatch("https://example.jp/a?b#c")
    assert not HTTPS_URL.fullmatch("https:///path")
    assert not HTTPS_URL.fullmatch("https://example.jp/a b")
