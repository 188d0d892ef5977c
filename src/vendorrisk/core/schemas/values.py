"""The kinds of value the assessment and round files share: a line, a text, a date, an id.

Each is a ``str`` (or date, or int) with the rule its file's schema states. The patterns
end with ``(?![\\s\\S])`` rather than ``$``, which would let a final newline through.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final

from vendorrisk.core.schemas.shape import Rule, describe

END: Final = r"(?![\s\S])"
# C0, DEL, C1, line and paragraph separators, bidi controls: never in one line of text.
LINE_FORBIDDEN: Final = (
    r"\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
)
# As above, but line breaks and tabs are allowed in a text of several lines.
TEXT_FORBIDDEN: Final = (
    r"\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
)

ONE_LINE_PATTERN: Final = f"^[^{LINE_FORBIDDEN}]*{END}"
TEXT_PATTERN: Final = f"^[^{TEXT_FORBIDDEN}]*{END}"

REVISION: Final = Rule(
    {
        "description": "A TOML integer (3, not 3.0: vendorrisk refuses a float, which JSON "
        "Schema cannot tell from an integer)",
        "minimum": 1,
        "maximum": 1000000,
    },
    name="revision",
)
Revision = Annotated[int, REVISION]

Date = Annotated[
    dt.date,
    Rule(
        {
            "description": "A TOML local date, unquoted (2026-04-01), in the years 1900-2999. "
            'JSON Schema sees a TOML date as this string, so a quoted "2026-04-01" passes '
            "here; vendorrisk refuses it.",
            "pattern": "^(19|2[0-9])[0-9]{2}-",
        },
        name="date",
    ),
]
DateTime = Annotated[
    dt.datetime,
    Rule(
        {
            "description": "A TOML offset date-time with seconds (2026-04-01T09:30:00+09:00), "
            "in the years 1900-2999; a local date-time without an offset is refused",
            "pattern": f"^(19|2[0-9])[0-9]{{2}}-.*([Zz]|[+-][0-9]{{2}}:[0-9]{{2}}){END}",
        },
        name="dateTime",
    ),
]
# A date with no year range: the register's request and consent days.
PlainDate = Annotated[dt.date, Rule({"type": "string", "format": "date"}, whole=True)]

IDENTIFIER: Final = Rule(
    {"type": "string", "pattern": f"^[A-Za-z][A-Za-z0-9_-]{{0,63}}{END}"}, name="identifier"
)
Identifier = Annotated[str, IDENTIFIER]

LINE: Final = Rule(
    {
        "description": "One line of text: not blank, no control characters (C0, DEL, C1), "
        "line separators or bidi controls",
        "minLength": 1,
        "maxLength": 500,
        "pattern": f"^(?=[^{LINE_FORBIDDEN}]*\\S)[^{LINE_FORBIDDEN}]*{END}",
    },
    name="line",
)
Line = Annotated[str, LINE]

LongText = Annotated[
    str,
    Rule(
        {
            "description": "Text of several lines: line breaks and tabs allowed, other control "
            "characters and bidi controls not",
            "maxLength": 20000,
            "pattern": TEXT_PATTERN,
        },
        name="longText",
    ),
]
Statement = Annotated[
    str,
    Rule(
        {
            "description": "Free text that must say something (not blank); characters as in "
            "longText",
            "minLength": 1,
            "maxLength": 20000,
            "pattern": f"^(?=[\\s\\S]*\\S)[^{TEXT_FORBIDDEN}]*{END}",
        },
        name="statement",
    ),
]
Url = Annotated[
    str,
    Rule(
        {"pattern": f"^https?://[^\\s{LINE_FORBIDDEN}]+{END}", "maxLength": 2048},
        name="url",
    ),
]
CorporateNumber = Annotated[
    str,
    describe("法人番号: 13 digits, the first a check digit (validated by the tool)"),
    Rule({"pattern": f"^[1-9][0-9]{{12}}{END}"}),
]
