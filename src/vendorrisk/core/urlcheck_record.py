"""The URL-check record's shape: typed plain trees, from which urlcheck-result.schema.json
is generated.

The record stays a dict (printed as JSON Lines, kept in TOML, so never None: an absent
fact is an absent key); these TypedDicts let its readers and writers be type-checked.
No ``from __future__ import annotations`` here: Python 3.11 only tells NotRequired keys
apart at run time when the annotations are evaluated.
"""

from typing import Annotated, Final, Literal, NotRequired, TypedDict

from vendorrisk.core.schemas.shape import FileShape, Rule, describe

SCHEMA_VERSION: Final = 2

URL: Final = Rule({"pattern": "^https?://", "maxLength": 2048}, name="url")
Url = Annotated[str, URL]
Status = Annotated[int, Rule({"minimum": 100, "maximum": 599}, name="status")]
Code = Annotated[str, Rule({"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 64}, name="code")]
Text = Annotated[str, Rule({"maxLength": 2000}, name="text")]
Moment = Annotated[
    str,
    Rule(
        {
            "format": "date-time",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$",
        },
        name="datetime",
    ),
]


def _up_to(length: int) -> Rule:
    return Rule({"maxLength": length})


class ErrorRecord(TypedDict):
    code: Code
    url: NotRequired[Annotated[str, _up_to(2048)]]
    address: NotRequired[Annotated[str, _up_to(64)]]
    detail: NotRequired[Annotated[str, _up_to(500)]]


class RedirectRecord(TypedDict):
    url: Url
    status: Status
    location: Annotated[str, _up_to(2048)]
    ip: NotRequired[Annotated[str, _up_to(64)]]


class HttpProbeRecord(TypedDict):
    url: Url
    outcome: Literal["redirects-to-https", "serves-http", "no-http-service", "unknown"]
    status: NotRequired[Status]
    location: NotRequired[Annotated[str, _up_to(2048)]]


class TlsRecord(TypedDict):
    verified: bool
    version: NotRequired[Annotated[str, _up_to(32)]]
    cipher: NotRequired[Annotated[str, _up_to(128)]]
    subject: NotRequired[Annotated[str, _up_to(500)]]
    issuer: NotRequired[Annotated[str, _up_to(500)]]
    not_before: NotRequired[Moment]
    not_after: NotRequired[Moment]
    days_left: NotRequired[int]
    san: NotRequired[Annotated[list[Annotated[str, _up_to(300)]], Rule({"maxItems": 20})]]
    error: NotRequired[
        Literal[
            "expired",
            "not-yet-valid",
            "self-signed",
            "self-signed-chain",
            "untrusted",
            "hostname-mismatch",
            "handshake",
        ]
    ]
    detail: NotRequired[Annotated[str, _up_to(500)]]


class HeaderRecord(TypedDict):
    id: Literal["hsts", "csp", "x-content-type-options", "framing", "referrer-policy", "cookie"]
    verdict: Literal["pass", "warn", "fail"]
    code: Code
    value: NotRequired[Annotated[str, _up_to(300)]]
    subject: NotRequired[Annotated[str, _up_to(300)]]


class SecurityTxtProblemRecord(TypedDict):
    severity: Literal["error", "warning", "info"]
    code: Code
    line: NotRequired[Annotated[int, Rule({"minimum": 1})]]
    params: NotRequired[
        Annotated[
            dict[
                Annotated[str, Rule({"pattern": "^[a-z][a-z_]{0,31}$"})],
                Annotated[str, _up_to(2048)] | int,
            ],
            describe(
                "The facts the problem's text is made of (a field name, a value from the file)"
            ),
            Rule({"maxProperties": 10}),
        ]
    ]
    comment: NotRequired[
        Annotated[
            Text,
            describe(
                "The words a format-1 record gave the problem, kept by the upgrade (its facts "
                "were not recorded apart)"
            ),
        ]
    ]


FieldName = Annotated[str, Rule({"pattern": "^[\\x21-\\x39\\x3b-\\x7e]+$"})]


class SecurityTxtRecord(TypedDict):
    url: Url
    found: bool
    status: NotRequired[Status]
    valid: bool
    signed: bool
    problems: Annotated[list[SecurityTxtProblemRecord], Rule({"maxItems": 2000})]
    fields: Annotated[
        dict[FieldName, list[Annotated[str, _up_to(2048)]]],
        describe("Field values by lower-case field name, in file order"),
    ]


class MentionRecord(TypedDict):
    id: Literal[
        "ismap",
        "ismap-liu",
        "iso27001",
        "iso27017",
        "iso27018",
        "soc2",
        "soc2-type1",
        "soc2-type2",
        "privacy-mark",
        "jisq15001",
        "csa-star",
    ]
    snippet: Annotated[str, _up_to(500)]
    count: Annotated[int, Rule({"minimum": 1})]


class CertificationsRecord(TypedDict):
    mentions: Annotated[list[MentionRecord], Rule({"maxItems": 20})]


class ContentRecord(TypedDict):
    type: NotRequired[Annotated[str, _up_to(200)]]
    bytes: Annotated[int, Rule({"minimum": 0})]
    truncated: bool
    encoding_problem: NotRequired[Literal["unsupported-encoding", "corrupt-encoding"]]


class UrlCheckRecord(TypedDict):
    schema_version: Annotated[int, Rule({"const": SCHEMA_VERSION}, whole=True)]
    url: Annotated[str, describe("The URL as given"), Rule({"minLength": 1, "maxLength": 2048})]
    ok: Annotated[bool, describe("Checked and passed: no entry in failures")]
    refused: Annotated[
        bool, describe("The safety rules forbade a request (error.code starts with refused-)")
    ]
    final_url: NotRequired[
        Annotated[Url, describe("The URL of the final response, after redirects")]
    ]
    status: NotRequired[Annotated[Status, describe("HTTP status of the final response")]]
    error: NotRequired[Annotated[ErrorRecord, describe("Why the check could not complete")]]
    redirects: Annotated[
        list[RedirectRecord], describe("Every redirect followed, in order"), Rule({"maxItems": 10})
    ]
    ip: NotRequired[
        Annotated[
            str, describe("The address the final response came from"), Rule({"maxLength": 64})
        ]
    ]
    https_enforced: NotRequired[
        Annotated[
            bool,
            describe("A visitor ends on HTTPS whatever they type (absent when it cannot be told)"),
        ]
    ]
    http_probe: NotRequired[
        Annotated[
            HttpProbeRecord, describe("What plain HTTP on the same host answered, for an https URL")
        ]
    ]
    tls: NotRequired[
        Annotated[
            TlsRecord,
            describe(
                "TLS of the final connection; verified false with an error when the certificate "
                "was refused"
            ),
        ]
    ]
    headers: Annotated[
        list[HeaderRecord],
        describe("Security headers of the final response, each with a verdict"),
        Rule({"maxItems": 30}),
    ]
    security_txt: NotRequired[
        Annotated[
            SecurityTxtRecord,
            describe("The origin's /.well-known/security.txt, validated against RFC 9116"),
        ]
    ]
    certifications: Annotated[
        CertificationsRecord,
        describe("Certifications named in the page text: evidence to verify, not proof"),
    ]
    content: NotRequired[Annotated[ContentRecord, describe("The final response body as examined")]]
    failures: Annotated[list[Code], describe("Codes of what made ok false")]
    warnings: Annotated[list[Code], describe("Codes of what deserves a look")]
    checked_at: Annotated[Moment, describe("When the check started (RFC 3339, UTC)")]
    elapsed_ms: Annotated[int, Rule({"minimum": 0})]
    checker: Annotated[
        str,
        describe("Tool and version that made the record"),
        Rule({"pattern": "^vendorrisk/", "maxLength": 64}),
    ]


URLCHECK_FILE: Final = FileShape(
    name="urlcheck-result",
    root=UrlCheckRecord,
    title="vendorrisk URL-check record",
    description="The facts found for one vendor URL by `vendorrisk check` (one JSON Lines "
    "record). Never contains null: an absent fact is an absent key, so the record can be "
    "stored in TOML. Codes and facts only, never words: whoever shows the record words its "
    "codes in the reader's language.",
)
