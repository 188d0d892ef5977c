"""The city's clock and the person at the keyboard: history entries and decisions are dated
in Japan time, and attributed to the login name unless a name is given."""

from __future__ import annotations

import datetime as dt
import getpass

JST = dt.timezone(dt.timedelta(hours=9), "JST")


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def now() -> dt.datetime:
    """Current time in Japan, to the second: history entries are for people to read."""
    return dt.datetime.now(JST).replace(microsecond=0)


def today() -> dt.date:
    return now().date()
