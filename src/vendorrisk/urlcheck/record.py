"""The URL-check record: one plain tree per URL, valid against urlcheck-result.schema.json.

The same record is printed as JSON Lines, shown in the UI, and kept in assessment TOML
files, so it holds only str / int / bool / list / dict, never None (TOML has no null):
absent facts are left out. It holds codes and facts, never words: whoever shows a record
(the text table, a report, the UI) words the codes in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from vendorrisk import __version__

# Format 2 dropped the words format 1 kept beside the codes (messages, the certification note).
from vendorrisk.core.urlcheck_record import SCHEMA_VERSION
from vendorrisk.urlcheck.certifications import Mention
from vendorrisk.urlcheck.errors import CheckError
from vendorrisk.urlcheck.fetch import Fetched, Hop
from vendorrisk.urlcheck.headers import HeaderCheck
from vendorrisk.urlcheck.sectxt_fetch import SecurityTxtResult

SCHEMA_NAME = "urlcheck-result"
CERT_EXPIRY_WARNING_DAYS = 30


@dataclass(slots=True)
class HttpProbe:
    """What plain HTTP on the same host does, for an https:// URL."""

    url: str
    outcome: str  # redirects-to-https, serves-http, no-http-service, unknown
    status: int | None = None
    location: str = ""

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"url": self.url, "outcome": self.outcome}
        if self.status is not None:
            out["status"] = self.status
        if self.location:
            out["location"] = self.location
        return out


@dataclass(slots=True)
class Parts:
    """Everything found for one URL, before it becomes a record."""

    url: str
    checked_at: dt.datetime
    elapsed_ms: int = 0
    page: Fetched | None = None
    error: CheckError | None = None  # an error before any fetch (invalid or refused URL)
    headers: list[HeaderCheck] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    security_txt: SecurityTxtResult | None = None
    probe: HttpProbe | None = None


def rfc3339(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def error_record(error: CheckError) -> dict[str, Any]:
    out: dict[str, Any] = {"code": error.code}
    if error.url:
        out["url"] = error.url[:2048]
    if error.address:
        out["address"] = error.address
    if error.detail:
        out["detail"] = error.detail[:500]
    return out


def build_record(parts: Parts) -> dict[str, Any]:
    page = parts.page
    error = parts.error or (page.error if page else None)
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "url": parts.url,
        "ok": False,
        "refused": bool(error and error.refused),
    }
    if page is not None and page.status is not None:
        record["final_url"] = page.final_url
    if page is not None and page.status is not None:
        record["status"] = page.status
    if error is not None:
        record["error"] = error_record(error)
    record["redirects"] = [_hop(h) for h in page.hops] if page else []
    if page is not None and page.ip:
        record["ip"] = page.ip
    enforced = https_enforced(parts)
    if enforced is not None:
        record["https_enforced"] = enforced
    if parts.probe is not None:
        record["http_probe"] = parts.probe.to_record()
    if page is not None and page.tls is not None:
        record["tls"] = page.tls.to_record()
    record["headers"] = [c.to_record() for c in parts.headers]
    if parts.security_txt is not None:
        record["security_txt"] = parts.security_txt.to_record()
    record["certifications"] = {"mentions": [m.to_record() for m in parts.mentions]}
    if page is not None and page.body is not None and page.headers is not None:
        content: dict[str, Any] = {"bytes": len(page.body.data), "truncated": page.body.truncated}
        content_type = page.headers.get("content-type")
        if content_type:
            content["type"] = content_type[:200]
        if page.body.encoding_problem:
            content["encoding_problem"] = page.body.encoding_problem
        record["content"] = content
    failures, warnings = judge(parts, enforced)
    record["failures"] = failures
    record["warnings"] = warnings
    record["ok"] = not failures
    record["checked_at"] = rfc3339(parts.checked_at)
    record["elapsed_ms"] = parts.elapsed_ms
    record["checker"] = f"vendorrisk/{__version__}"
    return record


def _hop(hop: Hop) -> dict[str, Any]:
    out: dict[str, Any] = {"url": hop.url, "status": hop.status, "location": hop.location}
    if hop.ip:
        out["ip"] = hop.ip
    return out


def https_enforced(parts: Parts) -> bool | None:
    """True when a visitor ends on HTTPS whatever they type; None when it cannot be told."""
    page = parts.page
    if page is None or page.status is None:
        return None
    started_https = parts.url.lower().startswith("https://")
    if not page.final_url.startswith("https://"):
        return False
    if not started_https:
        return True
    if parts.probe is None or parts.probe.outcome == "unknown":
        return None
    return parts.probe.outcome in ("redirects-to-https", "no-http-service")


def judge(parts: Parts, enforced: bool | None) -> tuple[list[str], list[str]]:
    """Codes of what failed (makes ``ok`` false) and of what deserves a look."""
    failures: list[str] = []
    warnings: list[str] = []
    page = parts.page
    error = parts.error or (page.error if page else None)
    if error is not None:
        failures.append(error.code)
    if page is not None and page.status is not None and page.status >= 400:
        failures.append("http-status")
    if page is not None and page.status is not None and page.final_url.startswith("http://"):
        failures.append("not-https")
    elif enforced is False:
        failures.append("https-not-enforced")
    if page is not None and _downgraded(page):
        failures.append("https-downgrade")
    tls = page.tls if page is not None else None
    if tls is not None and tls.days_left is not None and tls.days_left < CERT_EXPIRY_WARNING_DAYS:
        warnings.append("certificate-expiring")
    for check in parts.headers:
        code = f"header-{check.id}"
        bucket = (
            failures if check.verdict == "fail" else warnings if check.verdict == "warn" else None
        )
        if bucket is not None and code not in bucket:
            bucket.append(code)
    if parts.security_txt is not None:
        report = parts.security_txt.report
        if not report.found:
            warnings.append("security-txt-missing")
        elif not report.valid:
            warnings.append("security-txt-invalid")
    if page is not None and page.body is not None and page.body.truncated:
        warnings.append("body-truncated")
    return failures, warnings


def _downgraded(page: Fetched) -> bool:
    urls = [h.url for h in page.hops] + [page.final_url]
    seen_https = False
    for url in urls:
        if url.startswith("https://"):
            seen_https = True
        elif seen_https:
            return True
    return False


def validate_record(record: Mapping[str, Any]) -> list[str]:
    """Schema problems of a record (empty when valid), each as "path: message".

    For records that come from elsewhere (``import-checks``): validate before trusting.
    """
    import jsonschema

    from vendorrisk.core.schemas import load_schema

    schema = load_schema(SCHEMA_NAME)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    problems: list[str] = []
    for err in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in err.absolute_path) or "(record)"
        problems.append(f"{path}: {err.message}")
    return problems


def summary_counts(records: Sequence[Mapping[str, Any]]) -> tuple[int, int, int]:
    """(passed, failed, refused) over a batch."""
    passed = sum(1 for r in records if r.get("ok"))
    refused = sum(1 for r in records if r.get("refused"))
    return passed, len(records) - passed - refused, refused
