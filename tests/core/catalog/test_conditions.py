from __future__ import annotations

import pytest

from vendorrisk.core.catalog.conditions import (
    MAX_DEPTH,
    ConditionError,
    evaluate,
    names_in,
    parse_condition,
)
from vendorrisk.messages import say


@pytest.mark.parametrize(
    ("condition", "env", "expected"),
    [
        ("P-01 == true", {"P-01": True}, True),
        ("P-01 == true", {"P-01": False}, False),
        ("P-01 == true", {}, False),
        ('"system_build" in P-02', {"P-02": ["system_build", "other"]}, True),
        ('"system_build" in P-02', {"P-02": ["operations"]}, False),
        ('P-03 in ["ismap", "ismap_liu"]', {"P-03": "ismap_liu"}, True),
        ('P-03 not in ["ismap", "ismap_liu"]', {"P-03": "none"}, True),
        ('P-03 != "none"', {"P-03": "ismap"}, True),
        ('P-03 != "none"', {}, False),
        ('tier == "lgwan" and not P-01', {"tier": "lgwan", "P-01": False}, True),
        (
            '(P-01 == true or P-06 == true) and kind != "cloud"',
            {"P-06": True, "kind": "social"},
            True,
        ),
        ("P-10 == 3", {"P-10": 3}, True),
        ("P-10 == 2.5", {"P-10": 2.5}, True),
        ("P-01", {"P-01": True}, True),
        ("P-01", {}, False),
        ("'single quoted' == x", {"x": "single quoted"}, True),
    ],
)
def test_conditions_evaluate_as_documented(
    condition: str, env: dict[str, object], expected: bool
) -> None:
    assert evaluate(parse_condition(condition), env) is expected  # type: ignore[arg-type]


def test_an_unanswered_question_makes_no_comparison_true() -> None:
    for text in ("P-01 == true", "P-01 != true", '"a" in P-02', '"a" not in P-02'):
        assert evaluate(parse_condition(text), {}) is False


@pytest.mark.parametrize(
    "bad", ["P-01 ==", "P-01 = true", "(P-01", "[1, 2", "P-01 == true)", "@", "not", ""]
)
def test_malformed_conditions_are_refused_with_a_reason(bad: str) -> None:
    with pytest.raises(ConditionError) as excinfo:
        parse_condition(bad)
    assert say(excinfo.value.phrase, "en")


def test_names_in_lists_every_name_read() -> None:
    expr = parse_condition('P-01 == true and ("x" in P-02 or tier == "lgwan")')
    assert names_in(expr) == {"P-01", "P-02", "tier"}


@pytest.mark.parametrize(
    "deep",
    [
        "(" * 200 + "P-01" + ")" * 200,
        "P-03 in " + "[" * 499 + "]" * 499,
        "not " * 1000 + "P-01",
    ],
    ids=["200-parentheses", "499-brackets", "1000-nots"],
)
def test_deep_nesting_is_refused_with_a_reason_not_a_recursion_error(deep: str) -> None:
    with pytest.raises(ConditionError) as excinfo:
        parse_condition(deep)
    assert say(excinfo.value.phrase, "en") == f"nested more than {MAX_DEPTH} levels deep"


def test_nesting_up_to_the_limit_is_accepted() -> None:
    expr = parse_condition("(" * MAX_DEPTH + "P-01" + ")" * MAX_DEPTH)
    assert evaluate(expr, {"P-01": True}) is True
