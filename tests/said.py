"""Checking a coded error by its words: the core raises codes, the test reads them as a
face would (in the language the test session set)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from vendorrisk.codes import CodedError
from vendorrisk.messages import say


@contextmanager
def raises_said(kind: type[CodedError], match: str | None = None) -> Iterator[None]:
    """Like ``pytest.raises(kind, match=...)``, matching the error's phrase said in words."""
    try:
        yield
    except kind as exc:
        words = say(exc.phrase)
        assert match is None or re.search(match, words), f"{match!r} not in {words!r}"
    else:
        raise AssertionError(f"{kind.__name__} not raised")
