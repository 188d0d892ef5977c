"""Checking a coded error by its words: the core raises codes, the test reads them as a
face would (in the language the test session set)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager

from vendorrisk.core.codes import CodedError
from vendorrisk.core.model import HistoryEntry
from vendorrisk.messages import say
from vendorrisk.render.history_words import history_text
from vendorrisk.store.upgrades.format1 import read_summary


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


def entry(revision: int, at: dt.datetime, by: str, summary: str) -> HistoryEntry:
    """A history entry as format 1 would have written ``summary``, read as format 2 reads
    it: tests state entries in the words a person would read."""
    events, comment = read_summary(summary)
    return HistoryEntry(revision, at, by, tuple(events), comment)


def history_of(history_entry: HistoryEntry) -> str:
    """The entry as the faces show it, in the test session's language."""
    return history_text(history_entry)
