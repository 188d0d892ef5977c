from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vendorrisk.core.corporate_number import check_digit, is_valid, with_check_digit


def test_a_published_corporate_number_is_valid() -> None:
    # 国税庁 (National Tax Agency) publishes its own number: 7000012050002.
    assert is_valid("7000012050002")


@pytest.mark.parametrize(
    "number",
    ["8000012050002", "700001205000", "70000120500021", "0000012050002", "7OOOO12050002", ""],
)
def test_wrong_check_digit_length_or_characters_are_refused(number: str) -> None:
    assert not is_valid(number)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_every_base_gets_a_check_digit_between_1_and_9(base: str) -> None:
    digit = check_digit(base)
    assert 1 <= digit <= 9
    assert is_valid(with_check_digit(base))


@given(
    st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(0, 11), st.integers(1, 9)
)
def test_changing_one_digit_of_the_base_is_detected(base: str, position: int, delta: int) -> None:
    number = with_check_digit(base)
    digits = list(number)
    digits[position + 1] = str((int(digits[position + 1]) + delta) % 10)
    changed = "".join(digits)
    # Weights 1 and 2 modulo 9 catch every single-digit change except a swap of 0 and 9
    # at a weight-1 position (0*1 and 9*1 are equal mod 9).
    if {number[position + 1], changed[position + 1]} != {"0", "9"}:
        assert not is_valid(changed)
