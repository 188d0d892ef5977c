"""Field syntax and the rules of RFC 9116 §2.5 for each field."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vendorrisk.urlcheck.securitytxt import syntax
from vendorrisk.urlcheck.securitytxt.problems import Problem, problem

MAX_FIELD_CHARS = 2048  # RFC 9116 §5.4

# field-name (RFC 5322 §3.6.8): printable ASCII except the colon.
_FIELD = re.compile(r"^([\x21-\x39\x3b-\x7e]+):(.*)$")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")

KNOWN_FIELDS = (
    "acknowledgments",
    "canonical",
    "contact",
    "csaf",
    "encryption",
    "expires",
    "hiring",
    "policy",
    "preferred-languages",
)
_URI_FIELDS = ("acknowledgments", "canonical", "csaf", "hiring", "policy")


@dataclass(frozen=True, slots=True)
class Field:
    name: str  # lower case
    value: str
    line: int


def parse_fields(lines: list[tuple[int, str]], problems: list[Problem]) -> list[Field]:
    fields: list[Field] = []
    for number, text in lines:
        if not text.strip(" \t"):
            continue
        if _CONTROL.search(text):
            problems.append(problem("error", "invalid-character", line=number))
            continue
        if text.startswith("#"):
            continue
        if len(text) > MAX_FIELD_CHARS:
            problems.append(problem("error", "field-too-long", line=number, limit=MAX_FIELD_CHARS))
            continue
        match = _FIELD.match(text)
        if not match:
            problems.append(problem("error", "invalid-line", line=number))
            continue
        name, rest = match.group(1), match.group(2)
        if not rest.startswith(" "):
            # The ABNF (RFC 9116 §4) is exactly `name ":" SP value`: lenient parsers read
            # this line, strict ones drop it, so the file means different things to each.
            problems.append(problem("error", "missing-space", line=number))
        elif rest[1:2] in (" ", "\t"):
            problems.append(problem("error", "extra-space", line=number))
        value = rest.strip(" \t")
        if not value:
            problems.append(problem("error", "empty-value", line=number, field=name))
            continue
        fields.append(Field(name.lower(), value, number))
    return fields


def check_fields(
    fields: list[Field],
    problems: list[Problem],
    *,
    fetch_url: str | None,
    signed: bool,
    now: dt.datetime,
) -> None:
    by_name: dict[str, list[Field]] = {}
    for f in fields:
        by_name.setdefault(f.name, []).append(f)
        if f.name not in KNOWN_FIELDS:
            # RFC 9116 §2.4: unknown fields are ignored, so this is only a note.
            problems.append(problem("info", "unknown-field", line=f.line, field=f.name))
    _contact(by_name.get("contact", []), problems)
    _expires(by_name.get("expires", []), problems, now)
    _encryption(by_name.get("encryption", []), problems)
    for name in _URI_FIELDS:
        for f in by_name.get(name, []):
            _web_uri(f, problems)
    problems.extend(
        problem("warning", "csaf-not-provider-metadata", line=f.line)
        for f in by_name.get("csaf", [])
        if syntax.is_uri(f.value)
        and not f.value.split("?", 1)[0].endswith("provider-metadata.json")
    )
    _canonical(by_name.get("canonical", []), problems, fetch_url, signed)
    _languages(by_name.get("preferred-languages", []), problems)


def _web_uri(f: Field, problems: list[Problem]) -> bool:
    if not syntax.is_uri(f.value):
        problems.append(problem("error", "invalid-uri", line=f.line, field=f.name))
        return False
    if syntax.uri_scheme(f.value) == "http":
        # RFC 9116 §2.5: a web URI MUST begin with "https://".
        problems.append(problem("error", "insecure-uri", line=f.line, field=f.name))
        return False
    return True


def _contact(contacts: list[Field], problems: list[Problem]) -> None:
    if not contacts:
        problems.append(problem("error", "missing-contact"))
        return
    for f in contacts:
        if syntax.looks_like_email(f.value):
            problems.append(problem("error", "contact-not-uri", line=f.line, value=f.value))
        else:
            _web_uri(f, problems)


def _expires(expires: list[Field], problems: list[Problem], now: dt.datetime) -> None:
    if not expires:
        problems.append(problem("error", "missing-expires"))
        return
    problems.extend(problem("error", "duplicate-expires", line=x.line) for x in expires[1:])
    first = expires[0]
    moment = syntax.parse_date_time(first.value)
    if moment is None:
        problems.append(problem("error", "invalid-expires", line=first.line, value=first.value))
    elif moment <= now:
        problems.append(problem("error", "expired", line=first.line, value=first.value))
    elif moment > syntax.one_year_after(now):
        problems.append(problem("warning", "expires-too-far", line=first.line, value=first.value))


def _encryption(fields: list[Field], problems: list[Problem]) -> None:
    for f in fields:
        if f.value.startswith("-----BEGIN") or not syntax.is_uri(f.value):
            # RFC 9116 §2.5.4: the key itself MUST NOT be in the field, only where to get it.
            problems.append(problem("error", "encryption-not-uri", line=f.line))
        elif syntax.uri_scheme(f.value) == "http":
            problems.append(problem("error", "insecure-uri", line=f.line, field=f.name))


def _canonical(
    fields: list[Field], problems: list[Problem], fetch_url: str | None, signed: bool
) -> None:
    if signed and not fields:
        # RFC 9116 §2.3: signed files SHOULD say where they belong, or the signature
        # proves nothing about the location they were fetched from.
        problems.append(problem("warning", "signed-without-canonical"))
    if not fields or fetch_url is None:
        return
    wanted = _normalise_url(fetch_url)
    if not any(_normalise_url(f.value) == wanted for f in fields):
        # RFC 9116 §2.5.2: the contents SHOULD NOT be trusted.
        problems.append(problem("error", "canonical-mismatch", line=fields[0].line, url=fetch_url))


def _normalise_url(url: str) -> str:
    scheme, sep, rest = url.strip().partition("://")
    if not sep:
        return url.strip()
    authority, slash, path = rest.partition("/")
    authority = authority.lower()
    default = {"https": ":443", "http": ":80"}.get(scheme.lower(), "")
    if default and authority.endswith(default):
        authority = authority[: -len(default)]
    return f"{scheme.lower()}://{authority}{slash or '/'}{path}"


def _languages(fields: list[Field], problems: list[Problem]) -> None:
    problems.extend(
        problem("error", "duplicate-preferred-languages", line=x.line) for x in fields[1:]
    )
    if not fields:
        return
    first = fields[0]
    tags = [tag.strip() for tag in first.value.split(",")]
    problems.extend(
        problem("error", "invalid-language-tag", line=first.line, tag=tag)
        for tag in tags
        if not tag or not syntax.is_language_tag(tag)
    )
