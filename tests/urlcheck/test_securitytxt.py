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
        (GOOD + "Contact:mailto:b@example.jp\n", "missing-space", "error", 4),
        (GOOD + "Contact:\tmailto:b@example.jp\n", "missing-space", "error", 4),
        (GOOD + "Contact:  mailto:b@example.jp\n", "extra-space", "error", 4),
        (GOOD + "Contact: \tmailto:b@example.jp\n", "extra-space", "error", 4),
        (GOOD + "Policy: \n", "empty-value", "error", 4),
        (GOOD + "this is not a field\n", "invalid-line", "error", 4),
        (GOOD + " Contact: mailto:x@example.jp\n", "invalid-line", "error", 4),
        (GOOD + "Policy: https://example.jp/\x07\n", "invalid-character", "error", 4),
        (GOOD + "Policy: https://example.jp/" + "a" * 2100 + "\n", "field-too-long", "error", 4),
        (GOOD.rstrip("\n"), "no-final-newline", "error", 3),
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


# A real signature block, made with GnuPG 2.2 (`gpg --clearsign`, Ed25519 key): the armor
# is checked for integrity (headers, base64, CRC-24, packet type), not cryptographically,
# so it serves for any body.
SIGNATURE = """\
-----BEGIN PGP SIGNATURE-----

iHUEARYIAB0WIQTlBI8XIaUYWd3bL5CNbuwjDgZvsgUCaw/q9AAKCRCNbuwjDgZv
slidAPwJcUOh2FByvY1qon8JnSJ7G/I0tQ9m4jc4yrCDmFutWgD8D46QkUaHmmNm
TiSBO2hZWxzkhUXPgxlrOzr7ZQ0XdAA=
=1oe4
-----END PGP SIGNATURE-----
"""


def _signed(body: str, after: str = "", before: str = "", signature: str = SIGNATURE) -> str:
    return (
        before + "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n" + body + signature + after
    )


def test_a_signed_file_is_unwrapped_and_line_numbers_kept():
    report = validate_security_txt(
        _signed(GOOD + f"Canonical: {URL}\n").encode(), Source(url=URL), now=NOW
    )
    assert report.valid and report.signed
    assert [p.code for p in report.problems] == []
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


def _armor(signature: str, old: str, new: str) -> str:
    assert old in signature
    return signature.replace(old, new, 1)


@pytest.mark.parametrize(
    ("signature", "code", "severity", "line"),
    [
        # one character of the body changed: the CRC-24 no longer matches
        (_armor(SIGNATURE, "iHUEARYI", "iHUEARYJ"), "signature-checksum", "error", 13),
        (_armor(SIGNATURE, "=1oe4", "=1oe5"), "signature-checksum", "error", 13),
        (_armor(SIGNATURE, "=1oe4\n", ""), "signature-no-checksum", "warning", 8),
        (_armor(SIGNATURE, "TiSBO2hZ", "TiSB*2hZ"), "signature-base64", "error", 12),
        (_armor(SIGNATURE, "XdAA=", "XdAA"), "signature-base64", "error", 10),
        (_armor(SIGNATURE, "=1oe4\n", "=1oe4\nAAAA\n"), "signature-base64", "error", 14),
        (_armor(SIGNATURE, "iHUEARYI", "iHUEARYI" + "A" * 76), "signature-base64", "error", 10),
        (
            _armor(SIGNATURE, "\n\niHUE", "\nComment made by hand\n\niHUE"),
            "signature-armor-header",
            "error",
            9,
        ),
        (_armor(SIGNATURE, "\n\niHUE", "\niHUE"), "signature-armor-header", "error", 9),
        # base64 of a literal-data packet (tag 11), not a signature
        (
            "-----BEGIN PGP SIGNATURE-----\n\nywZiAAAAAAA=\n-----END PGP SIGNATURE-----\n",
            "signature-not-a-signature",
            "error",
            10,
        ),
    ],
)
def test_the_signature_armor_is_checked_for_integrity(signature, code, severity, line):
    found = codes(_signed(GOOD + f"Canonical: {URL}\n", signature=signature))
    assert found.get(code) == (severity, line), found


def test_armor_headers_of_the_signature_are_allowed_and_the_frame_takes_only_hash():
    with_version = _armor(SIGNATURE, "\n\niHUE", "\nVersion: GnuPG v2\n\niHUE")
    assert not _errors(_signed(GOOD + f"Canonical: {URL}\n", signature=with_version))
    framed = _signed(GOOD).replace("Hash: SHA256", "Charset: UTF-8", 1)
    assert codes(framed)["signature-armor-header"] == ("error", 2)


def _errors(text: str) -> list[str]:
    report = validate_security_txt(text.encode(), None, now=NOW)
    return [p.code for p in report.problems if p.severity == "error"]


@pytest.mark.parametrize(
    "tag",
    [
        "ja",
        "en",
        "en-US",
        "zh-Hant-TW",
        "sr-Latn-RS",
        "de-CH-1901",
        "sl-rozaj-biske",
        "es-419",
        "zh-yue-HK",
        "hy-Latn-IT-arevela",
        "en-a-bbb-x-a-ccc",
        "x-whatever",
        "qaa-Qaaa-QM-x-southern",
        "i-klingon",
        "zh-min-nan",
        "en-GB-oed",
        "de-1996",
        "ja-JP-u-ca-japanese",
        "EN-us",
    ],
)
def test_well_formed_language_tags_are_accepted(tag):
    assert "invalid-language-tag" not in codes(GOOD.replace("ja, en", tag))


@pytest.mark.parametrize(
    "tag",
    [
        "english_US",
        "a",
        "en-",
        "-en",
        "en--US",
        "abcdefghi",
        "en-USA-x",
        "de-1996-1996",
        "en-a-bbb-a-ccc",
        "en-a",
        "en-x",
        "x",
        "ja-JP-",
        "12",
        "en-US-u",
        "zh-Hant-Hans",
        "ｊａ",
        "en-ü",
        "sgn-BE-FR-x",
        "i-notregistered",
        "en-gb-oed-x-y",
    ],
)
def test_malformed_language_tags_are_errors(tag):
    assert codes(GOOD.replace("ja, en", tag))["invalid-language-tag"][0] == "error"
