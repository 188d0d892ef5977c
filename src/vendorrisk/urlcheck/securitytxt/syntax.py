"""Value syntaxes security.txt fields refer to: URIs (RFC 3986), dates (RFC 3339) and
language tags (RFC 5646, in :mod:`langtag`). Well-formedness only: nothing here touches
the network."""

from __future__ import annotations

import datetime as dt
import re

from vendorrisk.urlcheck.securitytxt.langtag import is_language_tag as is_language_tag

# RFC 3986 §3: scheme ":" then URI characters; percent signs must start a %XX escape.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$")

# RFC 3339 §5.6 date-time; "T" and "Z" may be lower case (§5.6 note).
_DATE_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)


def is_uri(value: str) -> bool:
    if not value.isascii() or not _URI.match(value) or _BAD_PERCENT.search(value):
        return False
    scheme, _, rest = value.partition(":")
    if scheme.lower() in ("http", "https"):
        # A web URI needs an authority with a host.
        return rest.startswith("//") and len(rest) > 2 and rest[2] not in "/?#"
    return True


def uri_scheme(value: str) -> str:
    return value.partition(":")[0].lower()


def looks_like_email(value: str) -> bool:
    return bool(_EMAIL.match(value))


def parse_date_time(value: str) -> dt.datetime | None:
    """An aware datetime for an RFC 3339 date-time, or None when it is not one."""
    match = _DATE_TIME.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    # RFC 3339 allows a leap second (:60); Python does not, and the difference is moot here.
    second = min(second, 59)
    zone = match.group(8)
    if zone in ("Z", "z"):
        tz = dt.UTC
    else:
        sign = 1 if zone[0] == "+" else -1
        hours, minutes = int(zone[1:3]), int(zone[4:6])
        if hours > 23 or minutes > 59:
            return None
        tz = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    fraction = match.group(7)
    micro = int((fraction[1:] + "000000")[:6]) if fraction else 0
    try:
        return dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
    except ValueError:
        return None


def one_year_after(moment: dt.datetime) -> dt.datetime:
    try:
        return moment.replace(year=moment.year + 1)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + 1, month=3, day=1)
