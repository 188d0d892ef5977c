"""One problem found in a security.txt file: a severity, a stable code, a line, and the
facts the face needs to word it (``phrase``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from vendorrisk.core.codes import Code, Phrase, phrase_of

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class SecurityTxtCode(Code):
    """What RFC 9116 checks found; the value is ``sectxt.`` and the problem's code."""

    BARE_CR = "sectxt.bare-cr"
    BOM = "sectxt.bom"
    CANONICAL_MISMATCH = "sectxt.canonical-mismatch"
    CHARSET_MISSING = "sectxt.charset-missing"
    CHARSET_NOT_UTF8 = "sectxt.charset-not-utf8"
    CONTACT_NOT_URI = "sectxt.contact-not-uri"
    CONTENT_TYPE = "sectxt.content-type"
    CSAF_NOT_PROVIDER_METADATA = "sectxt.csaf-not-provider-metadata"
    DATA_AFTER_SIGNATURE = "sectxt.data-after-signature"
    DATA_BEFORE_SIGNATURE = "sectxt.data-before-signature"
    DUPLICATE_EXPIRES = "sectxt.duplicate-expires"
    DUPLICATE_PREFERRED_LANGUAGES = "sectxt.duplicate-preferred-languages"
    EMPTY_VALUE = "sectxt.empty-value"
    ENCRYPTION_NOT_URI = "sectxt.encryption-not-uri"
    EXPIRED = "sectxt.expired"
    EXPIRES_TOO_FAR = "sectxt.expires-too-far"
    EXTRA_SPACE = "sectxt.extra-space"
    FETCH_FAILED = "sectxt.fetch-failed"
    FIELD_TOO_LONG = "sectxt.field-too-long"
    HTML_RESPONSE = "sectxt.html-response"
    INSECURE_URI = "sectxt.insecure-uri"
    INVALID_CHARACTER = "sectxt.invalid-character"
    INVALID_EXPIRES = "sectxt.invalid-expires"
    INVALID_LANGUAGE_TAG = "sectxt.invalid-language-tag"
    INVALID_LINE = "sectxt.invalid-line"
    INVALID_URI = "sectxt.invalid-uri"
    INVALID_UTF8 = "sectxt.invalid-utf8"
    LEGACY_LOCATION = "sectxt.legacy-location"
    MISSING_CONTACT = "sectxt.missing-contact"
    MISSING_EXPIRES = "sectxt.missing-expires"
    MISSING_SPACE = "sectxt.missing-space"
    MIXED_LINE_ENDINGS = "sectxt.mixed-line-endings"
    NO_FINAL_NEWLINE = "sectxt.no-final-newline"
    NOT_FOUND = "sectxt.not-found"
    NOT_HTTPS = "sectxt.not-https"
    REDIRECTED_ELSEWHERE = "sectxt.redirected-elsewhere"
    SIGNATURE_ARMOR_HEADER = "sectxt.signature-armor-header"
    SIGNATURE_BASE64 = "sectxt.signature-base64"
    SIGNATURE_CHECKSUM = "sectxt.signature-checksum"
    SIGNATURE_MALFORMED = "sectxt.signature-malformed"
    SIGNATURE_MISSING = "sectxt.signature-missing"
    SIGNATURE_NO_CHECKSUM = "sectxt.signature-no-checksum"
    SIGNATURE_NOT_A_SIGNATURE = "sectxt.signature-not-a-signature"
    SIGNED_WITHOUT_CANONICAL = "sectxt.signed-without-canonical"
    TOO_LARGE = "sectxt.too-large"
    TOO_MANY_LINES = "sectxt.too-many-lines"
    UNKNOWN_FIELD = "sectxt.unknown-field"
    UNSIGNED = "sectxt.unsigned"


@dataclass(frozen=True, slots=True)
class Problem:
    severity: Severity
    code: str
    line: int | None
    params: Mapping[str, str | int] = field(default_factory=dict)

    @property
    def phrase(self) -> Phrase:
        return phrase_of(SecurityTxtCode(f"sectxt.{self.code}"), self.params)

    def to_json(self) -> dict[str, Any]:
        # No null anywhere: a file-level problem simply has no "line", one without facts
        # no "params".
        out: dict[str, Any] = {"severity": self.severity, "code": self.code}
        if self.line is not None:
            out["line"] = self.line
        if self.params:
            out["params"] = dict(self.params)
        return out


def problem(
    severity: Severity, code: str, *, line: int | None = None, **params: str | int
) -> Problem:
    SecurityTxtCode(f"sectxt.{code}")  # an unknown code is a programming error: fail here
    return Problem(severity, code, line, params)
