"""Validate a security.txt file against RFC 9116.

Pure: bytes in, a report out, no network and no httpx, so the same rules serve a fetched
file and a file on disk (``vendorrisk securitytxt ./security.txt --url https://…``).
How the file was served (URL, Content-Type, location, redirects) is passed in as a
:class:`Source`; leave it empty for a local file and those rules are skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from vendorrisk.urlcheck.securitytxt.fields import check_fields, parse_fields
from vendorrisk.urlcheck.securitytxt.lines import MAX_BYTES, read_document
from vendorrisk.urlcheck.securitytxt.problems import SEVERITY_ORDER, Problem, Severity, problem

__all__ = [
    "MAX_BYTES",
    "Problem",
    "SecurityTxtReport",
    "Severity",
    "Source",
    "missing_report",
    "validate_security_txt",
]


@dataclass(frozen=True, slots=True)
class Source:
    url: str | None = None  # where the file was fetched from (the final URL)
    content_type: str | None = None  # None: not served over HTTP, so not checked
    legacy_location: bool = False  # found at /security.txt, not /.well-known/
    redirected_elsewhere: bool = False  # a redirect led to another host (§5.2)


@dataclass(slots=True)
class SecurityTxtReport:
    problems: list[Problem] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)
    signed: bool = False
    found: bool = True

    @property
    def valid(self) -> bool:
        return self.found and not any(p.severity == "error" for p in self.problems)

    def to_json(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "problems": [p.to_json() for p in self.problems],
            "fields": {name: list(values) for name, values in self.fields.items()},
        }


def validate_security_txt(
    data: bytes, source: Source | None = None, *, now: dt.datetime | None = None
) -> SecurityTxtReport:
    source = source or Source()
    now = now or dt.datetime.now(dt.UTC)
    report = SecurityTxtReport()
    problems = report.problems
    _check_source(source, problems)
    doc = read_document(data)
    problems.extend(doc.problems)
    report.signed = doc.signed
    if doc.parseable:
        fields = parse_fields(doc.lines, problems)
        check_fields(fields, problems, fetch_url=source.url, signed=doc.signed, now=now)
        for f in fields:
            report.fields.setdefault(f.name, []).append(f.value)
    problems.sort(key=lambda p: (SEVERITY_ORDER[p.severity], p.line or 0, p.code))
    return report


def missing_report(status: int | None, error_code: str = "") -> SecurityTxtReport:
    """The report for a file that could not be fetched (no file, or the fetch failed)."""
    if status is not None:
        item = problem("error", "not-found", status=status)
    else:
        item = problem("error", "fetch-failed", reason=error_code)
    return SecurityTxtReport(problems=[item], found=False)


def _check_source(source: Source, problems: list[Problem]) -> None:
    if source.url is not None and not source.url.lower().startswith("https://"):
        problems.append(problem("error", "not-https", url=source.url))
    if source.legacy_location:
        problems.append(problem("warning", "legacy-location"))
    if source.redirected_elsewhere:
        problems.append(problem("warning", "redirected-elsewhere"))
    if source.content_type is None:
        return
    media, _, params = source.content_type.partition(";")
    if media.strip().lower() != "text/plain":
        problems.append(problem("error", "content-type", value=source.content_type[:100]))
        return
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    if charset is None:
        problems.append(problem("error", "charset-missing"))
    elif charset != "utf-8":
        problems.append(problem("error", "charset-not-utf8", value=charset))
