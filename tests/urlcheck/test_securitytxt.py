"""Every RFC 9116 rule of the pure validator, one file per rule."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vendorrisk.urlcheck.securitytxt import Source, validate_security_txt

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
GOOD = (
    "Contact: mailto:security@example.jp\n"
    "Expires: 2025-12-31T23:59:59Z\n"
    "Preferred-Languages: ja, en\n"
)
URL = "https://example.jp/.well-known/security.txt"


def codes(text: str | bytes, source: Source | None = None) -> dict[str, tuple[str, int | None]]:
    data = text.encode() if isinstance(text, str) else text
    report = validate_security_txt(data, source, now=NOW)
    return {p.code: (p.severity, p.line) for p in report.problems}


def test_a_minimal_valid_file_is_valid_with_only_the_unsigned_note():
    report = validate_security_txt(
        GOOD.encode(), Source(url=URL, content_type="text/plain; charset=utf-8"), now=NOW
    )
    assert report.valid
    assert [p.code for p in report.problems] == ["unsigned"]
    assert report.to_json()["fields"] == {
        "contact": ["mailto:security@example.jp"],
        "expires": ["2025-12-31T23:59:59Z"],
        "preferred-languages": ["ja, en"],
    }


@pytest.mark.parametrize(
    ("text", "code", "severity", "line"),
    [
        ("Expires: 2025-12-31T23:59:59Z\n", "missing-contact", "error", None),
        ("Contact: mailto:a@example.jp\n", "missing-expires", "error", None),
        (GOOD + "Expires: 2025-11-30T00:00:00Z\n", "duplicate-expires", "error", 4),
        (GOOD.replace("2025-12-31T23:59:59Z", "31/12/2025"), "invalid-expires", "error", 2),
        (GOOD.replace("2025-12-31T23:59:59Z", "2025-12-31"), "invalid-expires", "error", 2),
        (GOOD.replace("2025-12-31T23:59:59Z", "2025-01-01T00:00:00+09:00"), "expired", "error", 2),
        (
            GOOD.replace("2025-12-31T23:59:59Z", "2027-01-01T00:00:00Z"),
            "expires-too-far",
            "warning",
            2,
        ),
        (
            GOOD.replace("mailto:security@example.jp", "security@example.jp"),
            "contact-not-uri",
            "error",
            1,
        ),
        (
            GOOD.replace("mailto:security@example.jp", "http://example.jp/c"),
            "insecure-uri",
            "error",
            1,
        ),
        (GOOD.replace("mailto:security@example.jp", "not a uri"), "invalid-uri", "error", 1),
        (GOOD + "Policy: http://example.jp/p\n", "insecure-uri", "error", 4),
        (GOOD + "Acknowledgments: https://\n", "invalid-uri", "error", 4),
        (GOOD + "Hiring: ftp ://x\n", "invalid-uri", "error", 4),
        (
            GOOD + "Encryption: -----BEGIN PGP PUBLIC KEY BLOCK-----\n",
            "encryption-not-uri",
            "error",
            4,
        ),
        (GOOD + "Encryption: http://example.jp/key.asc\n", "insecure-uri", "error", 4),
        (
            GOOD + "CSAF: https://example.jp/csaf/index.html\n",
            "csaf-not-provider-metadata",
            "warning",
            4,
        ),
        (GOOD + "CSAF: http://example.jp/provider-metadata.json\n", "insecure-uri", "error", 4),
        (GOOD + "Preferred-Languages: en\n", "duplicate-preferred-languages", "error", 4),
        (GOOD.replace("ja, en", "ja, english_US"), "invalid-language-tag", "error", 3),
        (GOOD.replace("ja, en", "ja,,en"), "invalid-language-tag", "error", 3),
        (GOOD + "Favourite-Colour: blue\n", "unknown-field", "info", 4),
        (GOOD + "Contact:mailto:b@example.jp\n", "missing-space", "warning", 4),
        (GOOD + "Policy: \n", "empty-value", "error", 4),
        (GOOD + "this is not a field\n", "invalid-line", "error", 4),
        (GOOD + " Contact: mailto:x@example.jp\n", "invalid-line", "error", 4),
        (GOOD + "Policy: https://example.jp/\x07\n", "invalid-character", "error", 4),
        (GOOD + "Policy: https://example.jp/" + "a" * 2100 + "\n", "field-too-long", "error", 4),
        (GOOD.rstrip("\n"), "no-final-newline", "warning", 3),
        (GOOD.replace("\n", "\r\n", 1), "mixed-line-endings", "info", None),
        (GOOD.replace("\n", "\r", 1), "bare-cr", "error", 1),
        (GOOD, "unsigned", "info", None),
    ],
)
def test_each_rule_is_reported_with_its_code_severity_and_line(text, code, severity, line):
    found = codes(text)
    assert code in found, found
    assert found[code] == (severity, line)


def test_a_byte_order_mark_is_an_error():
    assert codes(b"\xef\xbb\xbf" + GOOD.encode())["bom"] == ("error", 1)


def test_invalid_utf8_names_the_line():
    assert codes(GOOD.encode() + b"# caf\xe9\n")["invalid-utf8"] == ("error", 4)


def test_the_size_and_line_limits_stop_parsing():
    huge = codes(GOOD + "# " + "x" * 33_000 + "\n")
    assert huge["too-large"][0] == "error"
    assert "missing-contact" not in huge  # not parsed at all (§5.4)
    many = codes(GOOD + "#\n" * 1000)
    assert many["too-many-lines"][0] == "error"


def test_canonical_must_list_the_fetch_url_and_be_https():
    source = Source(url=URL)
    assert "canonical-mismatch" not in codes(GOOD + f"Canonical: {URL}\n", source)
    # Default port and host case do not matter.
    assert "canonical-mismatch" not in codes(
        GOOD + "Canonical: https://EXAMPLE.jp:443/.well-known/security.txt\n", source
    )
    assert codes(GOOD + "Canonical: https://other.example/.well-known/security.txt\n", source)[
        "canonical-mismatch"
    ] == ("error", 4)
    assert codes(GOOD + "Canonical: http://example.jp/.well-known/security.txt\n")[
        "insecure-uri"
    ] == ("error", 4)


def _signed(body: str, after: str = "", before: str = "") -> str:
    return (
        before
        + "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n"
        + body
        + "-----BEGIN PGP SIGNATURE-----\n\niQEzBAEBCAAdFiEE\n=abcd\n-----END PGP SIGNATURE-----\n"
        + after
    )


def test_a_signed_file_is_unwrapped_and_line_numbers_kept():
    report = validate_security_txt(
        _signed(GOOD + f"Canonical: {URL}\n").encode(), Source(url=URL), now=NOW
    )
    assert report.valid and report.signed
    assert "unsigned" not in [p.code for p in report.problems]
    assert report.fields["contact"] == ["mailto:security@example.jp"]


def test_signature_structure_rules():
    assert codes(_signed(GOOD))["signed-without-canonical"] == ("warning", None)
    assert (
        codes(_signed(GOOD, after="Contact: mailto:evil@example.com\n"))["data-after-signature"][0]
        == "error"
    )
    assert codes(_signed(GOOD, before="Contact: mailto:evil@example.com\n"))[
        "data-before-signature"
    ] == ("error", 1)
    missing = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n" + GOOD
    assert codes(missing)["signature-missing"] == ("error", 1)
    no_blank = (
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n"
        + GOOD
        + "-----BEGIN PGP SIGNATURE-----\n-----END PGP SIGNATURE-----\n"
    )
    assert codes(no_blank)["signature-malformed"][0] == "error"
    dash = _signed("- Contact: mailto:dash@example.jp\n" + GOOD)
    assert "signature-malformed" not in codes(dash)
    assert codes(_signed("-Contact: x\n" + GOOD))["signature-malformed"][0] == "error"


@pytest.mark.parametrize(
    ("source", "code", "severity"),
    [
        (Source(url="http://example.jp/.well-known/security.txt"), "not-https", "error"),
        (Source(url=URL, content_type="text/html"), "content-type", "error"),
        (Source(url=URL, content_type="text/plain"), "charset-missing", "error"),
        (
            Source(url=URL, content_type="text/plain; charset=Shift_JIS"),
            "charset-not-utf8",
            "error",
        ),
        (Source(url=URL, legacy_location=True), "legacy-location", "warning"),
        (Source(url=URL, redirected_elsewhere=True), "redirected-elsewhere", "warning"),
    ],
)
def test_how_the_file_was_served_is_checked(source, code, severity):
    assert codes(GOOD, source)[code] == (severity, None)


def test_a_local_file_skips_the_serving_rules():
    found = codes(GOOD, Source())
    assert not {"not-https", "content-type", "charset-missing", "canonical-mismatch"} & set(found)


def test_field_names_are_case_insensitive():
    report = validate_security_txt(GOOD.replace("Contact", "CONTACT").encode(), now=NOW)
    assert report.valid


def test_problems_are_ordered_errors_first():
    report = validate_security_txt(b"Favourite: x\nnot a field\n", now=NOW)
    severities = [p.severity for p in report.problems]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_crash_the_validator(data):
    report = validate_security_txt(data, Source(url=URL, content_type="text/plain"), now=NOW)
    assert report.to_json()["valid"] in (True, False)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text_never_crashes_the_validator(text):
    validate_security_txt(text.encode("utf-8", "surrogatepass"), now=NOW)
