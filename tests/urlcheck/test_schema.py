"""The URL-check record schema: a valid 2020-12 schema, published and packaged identically."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from vendorrisk.urlcheck.record import validate_record

REPO = Path(__file__).resolve().parents[2]
PUBLISHED = REPO / "schemas" / "urlcheck-result.schema.json"
PACKAGED = REPO / "src" / "vendorrisk" / "core" / "schemas" / "urlcheck-result.schema.json"

MINIMAL = {
    "schema_version": 2,
    "url": "https://example.jp/",
    "ok": True,
    "refused": False,
    "redirects": [],
    "headers": [],
    "certifications": {"mentions": []},
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
    assert validate_record({**MINIMAL, "error": {"code": "x", "url": None}})


def test_a_record_keeps_codes_and_facts_never_words():
    """Format 2: a record shown in another language must not carry the first one's words."""
    assert validate_record({**MINIMAL, "error": {"code": "x", "message": "m"}})
    assert validate_record({**MINIMAL, "certifications": {"note": "n", "mentions": []}})
    problem = {"severity": "error", "code": "empty-value", "line": 3, "params": {"field": "x"}}
    sectxt = {"url": "https://example.jp/.well-known/security.txt", "found": True}
    sectxt |= {"valid": False, "signed": False, "fields": {}}
    assert validate_record({**MINIMAL, "security_txt": {**sectxt, "problems": [problem]}}) == []
    worded = {**problem, "message": "x has an empty value"}
    assert validate_record({**MINIMAL, "security_txt": {**sectxt, "problems": [worded]}})


def test_a_format_1_record_is_upgraded_to_codes():
    from vendorrisk.store.upgrades.check_records import upgrade_record

    problem = {"severity": "error", "code": "empty-value", "line": 3, "message": "words"}
    sectxt = {"url": "https://example.jp/.well-known/security.txt", "found": True}
    sectxt |= {"valid": False, "signed": False, "fields": {}, "problems": [problem]}
    old = {
        **MINIMAL,
        "schema_version": 1,
        "error": {"code": "timeout", "message": "timed out"},
        "headers": [{"id": "hsts", "verdict": "fail", "code": "hsts-missing", "message": "m"}],
        "certifications": {"note": "n", "mentions": []},
        "security_txt": sectxt,
    }
    upgraded = upgrade_record(old)
    assert validate_record(upgraded) == []
    assert upgraded["error"] == {"code": "timeout"}
    assert upgraded["headers"] == [{"id": "hsts", "verdict": "fail", "code": "hsts-missing"}]
    assert upgraded["certifications"] == {"mentions": []}
    assert upgraded["security_txt"]["problems"][0]["comment"] == "words"


def test_a_bad_timestamp_is_rejected():
    assert validate_record({**MINIMAL, "checked_at": "yesterday"})
