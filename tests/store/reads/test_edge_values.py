"""Nothing the validator accepts makes a read-only command crash.

Assessments are generated at the edges of what the schema and the rules allow (first and
last dates, the largest revision, the longest texts, every answer type at its limits) and
every read-only command runs on them through the command-line entry point: each must
answer with exit 0 or 1, never with an exception.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from vendorrisk.cli import main
from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.catalog.model import Requirement
from vendorrisk.core.codec import FIRST_YEAR, LAST_YEAR, to_document
from vendorrisk.core.model import (
    Answer,
    AnswerValue,
    Assessment,
    Classification,
    Comment,
    Contact,
    Evidence,
    ExceptionGrant,
    HistoryEntry,
    Review,
    Service,
    Vendor,
    VendorUrls,
)
from vendorrisk.store import toml_writer
from vendorrisk.store.assessment_check import check_assessment_bytes

CATALOGUE = load_catalog()
FIRST = dt.date(FIRST_YEAR, 1, 1)
LAST = dt.date(LAST_YEAR, 12, 31)
DATES = st.one_of(
    st.sampled_from([FIRST, LAST, dt.date(2000, 2, 29), dt.date(2026, 12, 31)]),
    st.dates(FIRST, LAST),
)
OFFSETS = st.sampled_from(
    [dt.timedelta(hours=h) for h in (-12, -1, 0, 9, 14)] + [dt.timedelta(minutes=345)]
)
LINE_CHARS = st.sampled_from(
    ["a", "あ", " ", "|", "*", "<", "&", "`", "#", '"', "'", "\\", "é", "😀"]
)
LINE = st.one_of(
    st.sampled_from(["x", "あ" * 500, "a" * 499 + "é", "<b>x</b> | *y*"]),
    st.text(LINE_CHARS, min_size=1, max_size=40).filter(str.strip),
)
LONG = st.one_of(
    st.none(),
    st.sampled_from(["", "\n", "a\nb\r\nc", "長" * 20_000, "x\t" * 10_000, '"""' + "'''"]),
    st.text(st.sampled_from(["a", "\n", "\t", "あ", '"', "\\", "|"]), max_size=60),
)
URLS = st.sampled_from(
    [None, "https://example.jp/", "https://e.jp/" + "a" * 2030, "http://例え.jp/パス?q=1#f"]
)


def _value(requirement: Requirement, draw: st.DrawFn) -> AnswerValue:
    spec = requirement.answer
    match spec.type:
        case "compliance":
            return draw(st.sampled_from(["met", "partial", "not_met", "na"]))
        case "boolean":
            return draw(st.booleans())
        case "choice":
            return draw(st.sampled_from(spec.option_ids()))
        case "multi":
            return tuple(draw(st.lists(st.sampled_from(spec.option_ids()), unique=True)))
        case "text":
            limit = spec.max_length or 20_000
            return draw(st.sampled_from(["x", "あ" * limit, "a\nb"]))
        case "date":
            return draw(DATES)
        case "number":
            low = spec.minimum if spec.minimum is not None else -1e15
            high = spec.maximum if spec.maximum is not None else 1e15
            return draw(st.sampled_from([low, high, 0, int(low), int(high)]))
        case "url":
            return draw(st.sampled_from(["https://example.jp/", "https://e.jp/" + "a" * 2000]))
    raise AssertionError(spec.type)


@st.composite
def answers(draw: st.DrawFn, requirement: Requirement) -> Answer:
    value = _value(requirement, draw)
    evidence = draw(
        st.lists(
            st.builds(
                Evidence,
                kind=st.sampled_from(["document", "url_check", "certificate"]),
                ref=st.sampled_from(["r", "https://example.jp/", "参" * 2000]),
                note=LONG,
                collected=st.none() | DATES,
                expires=st.none() | DATES,
            ),
            max_size=3,
        )
    )
    comments = draw(st.lists(st.builds(Comment, by=LINE, at=DATES, text=st.just("c")), max_size=2))
    return Answer(
        value=value,
        reason="理由" if value == "na" else draw(LONG),
        note=draw(LONG),
        source=draw(st.sampled_from(["vendor", "city"])),
        answered_by=draw(st.none() | LINE),
        answered_at=draw(st.none() | DATES),
        evidence=tuple(evidence),
        comments=tuple(comments),
    )


_REVIEWS = [
    ("draft", None, False),
    ("in_review", None, False),
    ("approved", "approve", True),
    ("approved_with_conditions", "approve_with_conditions", True),
    ("rejected", "reject", False),
]


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    catalogue = CATALOGUE
    kind = draw(st.sampled_from(["contractor", "cloud", "social"]))
    chosen = draw(
        st.lists(
            st.sampled_from([r for r in catalogue.requirements if kind in r.kinds]),
            max_size=8,
            unique_by=lambda r: r.id,
        )
    )
    status, decision, needs_next = draw(st.sampled_from(_REVIEWS))
    decided = draw(DATES) if decision else None
    review = Review(
        status=status,  # type: ignore[arg-type]
        reviewer=draw(LINE) if decision else None,
        decision=decision,  # type: ignore[arg-type]
        decided_at=decided,
        conditions=("条件" * 100,) if status == "approved_with_conditions" else (),
        next_review=draw(DATES) if needs_next else None,
    )
    revision = draw(st.sampled_from([1, 2, 1_000_000]))
    offset = dt.timezone(draw(OFFSETS))
    first_at = dt.datetime(FIRST_YEAR, 1, 1, 12, tzinfo=offset)
    last_at = dt.datetime(LAST_YEAR, 12, 31, 11, 59, 59, 999999, tzinfo=offset)
    history = (
        (HistoryEntry(revision=1, at=first_at, by=draw(LINE), comment=draw(LINE)),)
        if revision == 1
        else (
            HistoryEntry(revision=1, at=first_at, by="a", comment="s"),
            HistoryEntry(revision=revision, at=last_at, by=draw(LINE), comment=draw(LINE)),
        )
    )
    grants = tuple(
        ExceptionGrant(
            requirement=r.id,
            compensating_control="代替" * 10,
            approved_by=draw(LINE),
            until=draw(DATES),
            approved_at=draw(st.none() | DATES),
        )
        for r in chosen[:2]
    )
    return Assessment(
        catalog_id=catalogue.id,
        catalog_version=catalogue.version,
        revision=revision,
        vendor=Vendor(
            name=draw(LINE),
            corporate_number=draw(st.sampled_from([None, "7000012050002"])),
            contact=Contact(
                name=draw(st.none() | LINE), email=draw(st.sampled_from([None, "a@b.jp"]))
            ),
            urls=VendorUrls(website=draw(URLS), security=draw(URLS)),
        ),
        service=Service(
            name=draw(LINE),
            kind=kind,  # type: ignore[arg-type]
            tier=draw(st.sampled_from(["mynumber", "lgwan", "internet"])),
            classification=Classification(
                confidentiality=draw(st.sampled_from(["1", "2", "3C", "3B", "3A"])),
                integrity=draw(st.sampled_from(["1", "2"])),
                availability=draw(st.sampled_from(["1", "2"])),
            ),
            description=draw(LONG),
            personal_data=draw(st.booleans()),
        ),
        answers={r.id: draw(answers(r)) for r in chosen},
        review=review,
        exceptions=grants,
        history=history,
    )


def _render(assessment: Assessment, catalogue: Catalogue) -> bytes:
    document = to_document(assessment, catalogue.order)
    return toml_writer.dumps(document).encode("utf-8")


COMMANDS = [
    ["validate", "--no-cache", "{file}"],
    ["score", "{file}"],
    ["report", "{file}", "--format", "md"],
    ["report", "{file}", "--format", "html"],
    ["report", "{file}", "--format", "json"],
    ["report", "{file}", "--format", "html", "-o", "{out}/r.html"],
    ["export", "--dir", "{dir}", "--format", "csv"],
    ["export", "--dir", "{dir}", "--format", "json"],
    ["export", "{file}", "--format", "oscal-ar"],
    ["due", "--dir", "{dir}"],
    ["summary", "--dir", "{dir}"],
    ["summary", "--dir", "{dir}", "--format", "json"],
    ["textconv", "{file}"],
    ["diff", "{file}", "{file}"],
    ["diff", "{other}", "{file}", "--format", "md"],
    ["outdated", "--dir", "{dir}"],
]


@pytest.mark.slow  # sixty files through every read-only command: about 6 s
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
@given(assessments(), st.sampled_from([dt.date(FIRST_YEAR, 1, 1), dt.date(2026, 12, 2), LAST]))
def test_every_read_only_command_answers_on_any_valid_file(
    assessment: Assessment, today: dt.date
) -> None:
    raw = _render(assessment, CATALOGUE)
    checked = check_assessment_bytes(raw, CATALOGUE)
    assume(checked.valid)
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        folder = root / "assessments"
        folder.mkdir()
        file = folder / "a.toml"
        file.write_bytes(raw)
        other = root / "other.toml"
        other.write_bytes(_render(replace(assessment, answers={}), CATALOGUE))
        for command in COMMANDS:
            args = [a.format(file=file, dir=folder, out=root, other=other) for a in command]
            if command[0] in ("report", "summary", "diff", "export"):
                args += ["--today", today.isoformat()]
            try:
                code = main(args)
            except SystemExit as exc:  # argparse's own exits
                code = exc.code if isinstance(exc.code, int) else 2
            assert code in (0, 1), (args, code)
