"""The URL-check record schema: a valid 2020-12 schema, published and packaged identically."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from vendorrisk.urlcheck.record import validate_record

REPO = Path(__file__).resolve().parents[2]
PUBLISHED = REPO / "schemas" / "urlcheck-result.schema.json"
PACKAGED = REPO / "src" / "vendorrisk" / "schemas" / "urlcheck-result.schema.json"

MINIMAL = {
    "schema_version": 1,
    "url": "https://example.jp/",
    "ok": True,
    "refused": False,
    "redirects": [],
    "headers": [],
    "certifications": {"note": "n", "mentions": []},
    "failures": [],
    "warnings": [],
    "checked_at": "2025-06-01T00:00:00Z",
    "elapsed_ms": 12,
    "checker": "vendorrisk/0.1.0",
}


def test_the_schema_is_a_valid_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(json.loads(PUBLISHED.read_text("utf-8")))


def test_the_published_copy_equals_the_packaged_one():
    assert PUBLISHED.read_bytes() == PACKAGED.read_bytes()


def test_a_minimal_record_is_valid():
    assert validate_record(MINIMAL) == []


def test_null_and_unknown_keys_are_rejected():
    assert validate_record({**MINIMAL, "status": None})
    assert validate_record({**MINIMAL, "extra": 1})
    assert validate_record({**MINIMAL, "error": {"code": "x", "message": "m", "url": None}})


def test_a_bad_timestamp_is_rejected():
    assert validate_record({**MINIMAL, "checked_at": "yesterday"})
