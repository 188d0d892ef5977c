"""The codec: model → canonical document → TOML text → model gives back the same model and
the same bytes; the checks JSON Schema cannot make name the key they concern."""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.codec.full_model import full_assessment
from tests.conftest import REPO
from vendorrisk.core import model
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.codec import FIRST_YEAR, LAST_YEAR, from_document, to_document
from vendorrisk.core.codec.fields import written_fields
from vendorrisk.core.codec.reading import Reading, object_reader
from vendorrisk.core.codec.writing import object_writer
from vendorrisk.core.codes import phrase
from vendorrisk.core.history_codes import HistoryCode
from vendorrisk.core.model import (
    Answer,
    Assessment,
    Classification,
    Comment,
    Contact,
    Evidence,
    ExceptionGrant,
    HistoryEntry,
    Review,
    Service,
    Subcontractor,
    Vendor,
    VendorUrls,
)
from vendorrisk.core.schemas.shape import NOT_IN_FILE, OMITTED_AT_DEFAULT, FileKey
from vendorrisk.store import storage, toml_writer
from vendorrisk.store.tomlfile import parse_text

FULL_TOML = Path(__file__).with_name("full.toml")


def _parse(text: str) -> dict[str, Any]:
    data, syntax = parse_text(text)
    assert syntax is None and data is not None
    return data


def test_every_field_is_written_where_the_canonical_file_puts_it(catalogue: Catalogue) -> None:
    # full.toml pins the canonical layout (first written by the hand-written codec this one
    # replaced): same keys, same order, same bytes.
    assessment = full_assessment(catalogue.id, catalogue.version)
    text = toml_writer.dumps(to_document(assessment, catalogue.order))
    assert text == FULL_TOML.read_text("utf-8")
    assert from_document(_parse(text)) == (assessment, [])


@pytest.mark.parametrize(
    "path", sorted((REPO / "assessments").glob("*.toml")), ids=lambda p: p.stem
)
def test_each_example_renders_back_byte_for_byte(path: Path, catalogue: Catalogue) -> None:
    assessment, problems = from_document(_parse(path.read_text("utf-8")))
    assert problems == []
    assert storage.render(assessment, catalogue, path) == path.read_bytes()


# (id, change to the full document, problem code, key it names); ids name the check.
def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


_EVIDENCE = ("answers", "A-01", "evidence", 0)
DAMAGE = [
    ("revision-float", ("revision",), 3.0, "integer-expected", "revision"),
    ("history-revision-float", ("history", 1, "revision"), 3.0, "integer-expected", "history[1].revision"),
    ("level-float", ("subcontractors", 1, "level"), 2.0, "integer-expected", "subcontractors[1].level"),
    ("date-quoted", (*_EVIDENCE, "collected"), "2026-04-01", "date-quoted", "answers.A-01.evidence[0].collected"),
    ("date-is-datetime", ("review", "decided_at"), dt.datetime(2026, 4, 1, 9), "date-expected", "review.decided_at"),
    ("date-range", ("service", "contract_date"), dt.date(1899, 12, 31), "date-range", "service.contract_date"),
    ("required-date-quoted", ("exceptions", 0, "until"), "2027-03-31", "date-quoted", "exceptions[0].until"),
    ("comment-date-quoted", ("answers", "A-01", "comments", 0, "at"), "x", "date-quoted", "answers.A-01.comments[0].at"),
    ("register-date-range", ("subcontractors", 0, "consented"), dt.date(3000, 1, 1), "date-range", "subcontractors[0].consented"),
    ("datetime-local", ("history", 0, "at"), dt.datetime(2026, 4, 1, 9), "datetime-offset", "history[0].at"),
    ("datetime-quoted", ("history", 0, "at"), "2026-04-01T09:00:00+09:00", "datetime-expected", "history[0].at"),
    ("datetime-range", ("history", 0, "at"), dt.datetime(3000, 1, 1, tzinfo=dt.UTC), "date-range", "history[0].at"),
    ("value-nan", ("answers", "A-03", "value"), math.nan, "number-not-finite", "answers.A-03.value"),
    ("value-date-range", ("answers", "A-05", "value"), dt.date(9999, 12, 31), "date-range", "answers.A-05.value"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("where", "value", "code", "key"), [case[1:] for case in DAMAGE], ids=[c[0] for c in DAMAGE]
)
def test_a_value_of_the_wrong_toml_type_is_named_by_its_key(
    where: tuple[str | int, ...], value: Any, code: str, key: str
) -> None:
    doc = _parse(FULL_TOML.read_text("utf-8"))
    _set(where, value)(doc)
    _, problems = from_document(doc)
    assert [(p.code, p.key) for p in problems] == [(code, key)]


def test_what_a_refused_value_becomes_keeps_the_model_whole() -> None:
    doc = _parse(FULL_TOML.read_text("utf-8"))
    for change in (
        _set(("revision",), 3.0),
        _set(("exceptions", 0, "until"), "2027-03-31"),
        _set(("history", 0, "at"), "x"),
        _set(("answers", "A-03", "value"), math.inf),
    ):
        change(doc)
    assessment, problems = from_document(doc)
    assert len(problems) == 4
    assert assessment.revision == 3 and type(assessment.revision) is int
    assert assessment.exceptions[0].until == dt.date.min
    assert assessment.history[0].at == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    assert assessment.answers["A-03"].value == 0.0


def test_every_model_class_names_only_its_own_fields_in_file_order() -> None:
    classes = [
        cls
        for _, cls in inspect.getmembers(model, inspect.isclass)
        if dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__
    ]
    assert Assessment in classes
    for cls in classes:
        names = [f.name for f in written_fields(cls)]
        assert sorted(names) == sorted(f.name for f in dataclasses.fields(cls))


# A model the codec has never seen: keys, order, defaults and nesting come from its
# annotations alone, so a field added to the assessment needs no change in the codec.
@dataclasses.dataclass(frozen=True, slots=True)
class _Part:
    label: str
    count: Annotated[int, OMITTED_AT_DEFAULT] = 1


@dataclasses.dataclass(frozen=True, slots=True)
class _Thing:
    FILE_ORDER: ClassVar[str] = "when name"

    name: str
    when: dt.date | None = None
    code: Annotated[str, FileKey("meta.code")] = "x"
    parts: tuple[_Part, ...] = ()
    by_id: Mapping[str, _Part] = dataclasses.field(default_factory=dict)
    words: Mapping[str, str] = dataclasses.field(default_factory=dict)
    derived: Annotated[int, NOT_IN_FILE] = 0


def test_a_class_the_codec_has_never_seen_round_trips() -> None:
    thing = _Thing(
        name="a\r\nb",
        when=dt.date(2026, 1, 2),
        code="y",
        parts=(_Part("p"), _Part("q", 3)),
        by_id={"k2": _Part("r"), "k1": _Part("s", 2)},
        words={"z": "1\r\n", "a": "2"},
        derived=7,
    )
    doc = object_writer(_Thing)(thing, {"k1": 0, "k2": 1})
    assert doc == {
        "when": dt.date(2026, 1, 2),
        "name": "a\nb",
        "meta": {"code": "y"},
        "parts": [{"label": "p"}, {"label": "q", "count": 3}],
        "by_id": {"k1": {"label": "s", "count": 2}, "k2": {"label": "r"}},
        "words": {"z": "1\n", "a": "2"},
    }
    assert list(doc) == ["when", "name", "meta", "parts", "by_id", "words"]
    # Tables keyed by id follow the catalogue; other mappings keep their order.
    assert list(doc["by_id"]) == ["k1", "k2"]
    assert list(doc["words"]) == ["z", "a"]
    read = Reading()
    again = object_reader(_Thing)(doc, read, None, "")
    assert read.problems == []
    assert again == dataclasses.replace(thing, name="a\nb", words={"z": "1\n", "a": "2"}, derived=0)


# Any model the schema accepts, with text free of CR (which the file keeps as LF only:
# tests/store/test_roundtrip.py).
DATES = st.dates(dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31))
TEXT = st.text(st.sampled_from(["a", "あ", " ", "\n", "\t", '"', "\\", "'", "#"]), max_size=12)
LINE = st.text(st.sampled_from(["a", "あ", " ", '"', "\\", "é"]), min_size=1, max_size=12)
OPTIONAL_TEXT = st.none() | TEXT
OPTIONAL_LINE = st.none() | LINE
OPTIONAL_DATE = st.none() | DATES
URL = st.none() | st.sampled_from(["https://example.jp/", "http://例え.jp/パス?q=1"])
OFFSETS = st.sampled_from(
    [dt.UTC, dt.timezone(dt.timedelta(hours=9)), dt.timezone(-dt.timedelta(hours=3, minutes=30))]
)
VALUES = st.one_of(
    TEXT,
    st.booleans(),
    st.integers(-(10**15), 10**15),
    st.floats(-1e15, 1e15, allow_nan=False),
    DATES,
    st.lists(LINE, min_size=1, max_size=3).map(tuple),
)
IDS = st.from_regex(r"[A-Z]-[0-9]{2}[a-z]?", fullmatch=True)
RECORDS = st.dictionaries(
    st.sampled_from(["url", "status", "checked_at", "headers"]),
    st.one_of(LINE, st.integers(0, 999), st.lists(LINE, max_size=2), st.booleans()),
    max_size=4,
)
EVIDENCE = st.builds(
    Evidence,
    kind=st.sampled_from(model.EVIDENCE_KINDS),
    ref=LINE,
    note=OPTIONAL_TEXT,
    collected=OPTIONAL_DATE,
    expires=OPTIONAL_DATE,
)
ANSWERS = st.builds(
    Answer,
    value=VALUES,
    reason=OPTIONAL_TEXT,
    note=OPTIONAL_TEXT,
    source=st.sampled_from(["vendor", "city"]),
    answered_by=OPTIONAL_LINE,
    answered_at=OPTIONAL_DATE,
    evidence=st.lists(EVIDENCE, max_size=2).map(tuple),
    comments=st.lists(st.builds(Comment, by=LINE, at=DATES, text=LINE), max_size=2).map(tuple),
)
SUBCONTRACTORS = st.builds(
    Subcontractor,
    name=LINE,
    work=LINE,
    data=LINE,
    level=st.integers(1, 9),
    parent=OPTIONAL_LINE,
    corporate_number=st.none() | st.just("7000012050002"),
    tier=st.none() | st.sampled_from(["mynumber", "lgwan", "internet"]),
    mynumber_data=st.booleans(),
    requested=OPTIONAL_DATE,
    consented=OPTIONAL_DATE,
    approver=OPTIONAL_LINE,
    note=OPTIONAL_TEXT,
)
ASSESSMENTS = st.builds(
    Assessment,
    catalog_id=IDS,
    catalog_version=LINE,
    revision=st.integers(1, 1_000_000),
    vendor=st.builds(
        Vendor,
        name=LINE,
        corporate_number=st.none() | st.just("7000012050002"),
        contact=st.builds(
            Contact,
            name=OPTIONAL_LINE,
            department=OPTIONAL_LINE,
            email=st.none() | st.just("a@b.jp"),
            phone=st.none() | st.just("06-1234-5678"),
        ),
        urls=st.builds(VendorUrls, website=URL, security=URL, privacy=URL, trust=URL, status=URL),
    ),
    service=st.builds(
        Service,
        name=LINE,
        kind=st.sampled_from(["contractor", "cloud", "social"]),
        tier=st.sampled_from(["mynumber", "lgwan", "internet"]),
        classification=st.builds(
            Classification,
            confidentiality=st.sampled_from(["1", "2", "3C", "3B", "3A"]),
            integrity=st.sampled_from(["1", "2"]),
            availability=st.sampled_from(["1", "2"]),
        ),
        description=OPTIONAL_TEXT,
        terminal_model=st.none() | st.sampled_from(["alpha", "beta"]),
        data_location=OPTIONAL_LINE,
        personal_data=st.booleans(),
        mynumber_data=st.booleans(),
        contract_date=OPTIONAL_DATE,
    ),
    answers=st.dictionaries(IDS, ANSWERS, max_size=4),
    review=st.builds(
        Review,
        status=st.sampled_from(model.REVIEW_STATUSES),
        reviewer=OPTIONAL_LINE,
        decision=st.none() | st.sampled_from(["approve", "approve_with_conditions", "reject"]),
        decided_at=OPTIONAL_DATE,
        conditions=st.lists(TEXT, max_size=2).map(tuple),
        next_review=OPTIONAL_DATE,
        submitted_by=OPTIONAL_LINE,
        confirmed_na=st.lists(IDS, max_size=2).map(tuple),
        basis=st.none() | st.just("0123456789abcdef0123456789abcdef"),
    ),
    exceptions=st.lists(
        st.builds(
            ExceptionGrant,
            requirement=IDS,
            compensating_control=LINE,
            approved_by=LINE,
            until=DATES,
            approved_at=OPTIONAL_DATE,
        ),
        max_size=2,
    ).map(tuple),
    url_checks=st.lists(RECORDS, max_size=2).map(tuple),
    subcontractors=st.lists(SUBCONTRACTORS, max_size=3).map(tuple),
    history=st.lists(
        st.builds(
            HistoryEntry,
            revision=st.integers(1, 1_000_000),
            at=st.datetimes(
                dt.datetime(FIRST_YEAR, 1, 2), dt.datetime(LAST_YEAR, 12, 30), timezones=OFFSETS
            ),
            by=LINE,
            events=st.sampled_from([(), (phrase(HistoryCode.CREATED),)]),
            comment=st.one_of(st.none(), LINE),
        ),
        min_size=1,
        max_size=3,
    ).map(tuple),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessment=ASSESSMENTS, order=st.lists(IDS, unique=True, max_size=6))
def test_model_to_toml_and_back_is_the_same_model_and_the_same_bytes(
    assessment: Assessment, order: list[str]
) -> None:
    catalogue_order = {rid: i for i, rid in enumerate(order)}
    document = to_document(assessment, catalogue_order)
    text = toml_writer.dumps(document)
    again, problems = from_document(_parse(text))
    assert problems == []
    assert again == assessment
    assert toml_writer.dumps(to_document(again, catalogue_order)) == text
