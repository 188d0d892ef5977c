"""The shared hostile corpus: text an attacker would put in a vendor's answers, names and
files, and the assessments that carry it into every output.

Two kinds of carrier:

* ``hostile_assessment`` builds the model in memory, bypassing validation, as a hand-edited
  or older file would reach the outputs: every free-text field holds the payload.
* ``write_hostile_file`` writes a file through the normal save path, so it holds only what
  the schema accepts (Markdown and HTML payloads are ordinary text).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Final

from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.model import (
    Answer,
    Assessment,
    Comment,
    Evidence,
    ExceptionGrant,
    HistoryEntry,
    Review,
)

# Terminal control: each would act on the reviewer's terminal if written raw.
OSC52_HIDE: Final = "ok\x1b]52;c;ZXZpbA==\x07\x1b[1A\x1b[2K"  # clipboard write, up, erase
TERMINAL: Final = {
    "osc52-clipboard-cursor-erase": OSC52_HIDE,
    "bel": "ring\x07ring",
    "c1-csi": "red\x9b31mtext",
    "c1-osc-st": "\x9d0;title\x9c",
    "nul-del-backspace": "a\x00b\x7fc\x08d",
    "carriage-return-overwrite": "harmless\rEVIL",
    "vertical-tab-form-feed": "a\x0bb\x0cc",
    "line-separators": "a\u2028b\u2029c\x85d",
    "bidi-override": "x\u202egpj.exe",
    "bidi-embedding-isolate": "\u202bab\u202c \u2067cd\u2069 \u200fe\u200e",
}
# A line break that would forge a line of its own in textconv or diff output.
FORGED_LINE: Final = "B-09d   answer: met (verified by city staff)"
LINE_FORGE: Final = {"forged-line": f"fine\n{FORGED_LINE}", "forged-crlf": f"fine\r\n{FORGED_LINE}"}
MARKDOWN: Final = {
    "image": "![logo](https://evil.invalid/track.png)",
    "link": "[approve here](https://evil.invalid/)",
    "autolink": "<https://evil.invalid/>",
    "details": "<details><summary>ok</summary>hidden</details>",
    "img-tag": '<img src="x" onerror="alert(1)">',
    "emphasis": "**bold** __strong__ *em* _em_ ~~gone~~",
    "table-pipes": "a | b || c",
    "heading": "# Approved",
    "lists": "- item\n+ item\n1. item\n2) item",
    "code": "`code` ```fence```",
    "quote-rule": "> quoted\n---\n***",
    "entity": "&#x202e;&lt;b&gt;&amp;",
    "math": "$x^2$",
    "footnote": "[^1] text",
    "indent-code": "    indented code",
}
HTML: Final = {
    "script": "<script>alert(1)</script>",
    "attribute-break": '" onmouseover="alert(1)" x="',
    "single-quote-break": "' onfocus='alert(1)",
    "cdata-comment": "]]> <!-- --> <![CDATA[x]]>",
    "style": "<style>body{display:none}</style>",
}
CSV: Final = {
    "formula-equals": "=cmd|' /C calc'!A0",
    "formula-plus": "+1+1",
    "formula-minus": "-1+1",
    "formula-at": "@SUM(A1)",
    "formula-tab": "\t=1",
    "forged-row": f'x",evil\r\n{FORGED_LINE}',
}
HUGE: Final = {"huge": "長い回答" * 4_000 + "<b>end</b>"}

# Whole files that are no assessment: textconv must still show them, encoded.
SPECIAL_FILES: Final = {
    "deep-arrays": b"a = " + b"[" * 5_000 + b"]" * 5_000 + b"\n",
    "deep-inline-tables": b"a = " + b"{b = " * 2_000 + b"1" + b"}" * 2_000 + b"\n",
    "binary": bytes(range(256)) * 4,
    "empty": b"",
    "bom-and-nul": b"\xef\xbb\xbfschema_version = 1\x00\n",
    "conflict": b"<<<<<<< HEAD\nrevision = 2\n=======\nrevision = 3\n>>>>>>> other\n",
    "toml-1.1-escape": b'name = "\\e[2K"\n',
}

PAYLOADS: Final = {**TERMINAL, **LINE_FORGE, **MARKDOWN, **HTML, **CSV, **HUGE}
# What the schema accepts: no controls, no bidi, no line separators.
SCHEMA_VALID: Final = {
    **MARKDOWN,
    **HTML,
    **{k: v for k, v in CSV.items() if k.startswith("formula-") and "\t" not in v},
}

# Characters that must never reach a terminal raw (newline and tab are text).
UNSAFE_ON_TERMINAL: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def unsafe_characters(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in UNSAFE_ON_TERMINAL.findall(text)})


def first_line(payload: str) -> str:
    return payload.splitlines()[0] if payload.strip() else payload


def hostile_assessment(base: Assessment, catalogue: Catalogue, payload: str) -> Assessment:
    """``base`` with ``payload`` in every field a vendor or reviewer writes freely."""
    compliance = [r.id for r in catalogue.requirements if r.answer.type == "compliance"]
    text_ids = [r.id for r in catalogue.requirements if r.answer.type == "text"]
    at = dt.date(2026, 11, 2)
    answers = dict(base.answers)
    answers[compliance[0]] = Answer(
        value="not_met",
        note=payload,
        answered_by=payload,
        evidence=(Evidence(kind="document", ref=payload, note=payload),),
        comments=(Comment(by=payload, at=at, text=payload),),
    )
    answers[compliance[1]] = Answer(value="na", reason=payload, source="city")
    if text_ids:
        answers[text_ids[0]] = Answer(value=payload)
    return dataclasses.replace(
        base,
        vendor=dataclasses.replace(base.vendor, name=payload),
        service=dataclasses.replace(base.service, name=payload, description=payload),
        answers=answers,
        review=Review(status="in_review", reviewer=payload, conditions=(payload,), next_review=at),
        exceptions=(
            ExceptionGrant(
                requirement=compliance[0],
                compensating_control=payload,
                approved_by=payload,
                until=dt.date(2027, 3, 31),
            ),
        ),
        url_checks=({"url": payload, "checked_at": payload},),
        history=(
            HistoryEntry(
                revision=1,
                at=dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC),
                by=payload,
                comment=payload,
            ),
        ),
    )


def write_hostile_file(path: Path, base: Assessment, catalogue: Catalogue, payload: str) -> Path:
    """A schema-valid file holding ``payload`` wherever the schema lets it stand."""
    from vendorrisk.store import storage

    one_line = " ".join(payload.split()) or "x"
    hostile = hostile_assessment(base, catalogue, payload)
    hostile = dataclasses.replace(
        hostile,
        vendor=dataclasses.replace(hostile.vendor, name=one_line),
        service=dataclasses.replace(hostile.service, name=one_line),
        review=dataclasses.replace(hostile.review, reviewer=one_line),
        exceptions=tuple(dataclasses.replace(e, approved_by=one_line) for e in hostile.exceptions),
        url_checks=(),
        history=(),
        answers={
            rid: dataclasses.replace(
                a,
                answered_by=one_line if a.answered_by else None,
                evidence=tuple(dataclasses.replace(e, ref=one_line) for e in a.evidence),
                comments=tuple(dataclasses.replace(c, by=one_line) for c in a.comments),
            )
            for rid, a in hostile.answers.items()
        },
    )
    storage.create(
        path,
        hostile,
        catalogue,
        by=one_line[:100],
        at=dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC),
    )
    return path
