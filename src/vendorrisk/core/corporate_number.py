"""法人番号 (corporate number): 13 digits, the first a check digit over the other twelve.

The rule is the National Tax Agency's: with P(n) the n-th digit of the 12-digit base counted
from the right and Q(n) = 1 for odd n, 2 for even n, the check digit is
9 - (sum of P(n) * Q(n) mod 9).
"""

from __future__ import annotations

import re

_FORMAT = re.compile(r"[1-9][0-9]{12}")


def check_digit(base: str) -> int:
    """The check digit for a 12-digit base number."""
    if len(base) != 12 or not base.isdigit():
        raise ValueError("a corporate number base has exactly 12 digits")
    total = sum(int(digit) * (1 if n % 2 else 2) for n, digit in enumerate(reversed(base), start=1))
    return 9 - total % 9


def is_valid(number: str) -> bool:
    """True for a well-formed 法人番号 whose check digit matches."""
    return bool(_FORMAT.fullmatch(number)) and int(number[0]) == check_digit(number[1:])


def with_check_digit(base: str) -> str:
    return f"{check_digit(base)}{base}"
