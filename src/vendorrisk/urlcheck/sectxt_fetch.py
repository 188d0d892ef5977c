"""Fetch an origin's security.txt (RFC 9116 §3) and hand it to the pure validator."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vendorrisk.urlcheck.errors import FetchFailure, Refusal
from vendorrisk.urlcheck.fetch import Fetched, Fetcher
from vendorrisk.urlcheck.securitytxt import (
    MAX_BYTES,
    SecurityTxtReport,
    Source,
    missing_report,
    validate_security_txt,
)
from vendorrisk.urlcheck.securitytxt.problems import problem
from vendorrisk.urlcheck.targets import parse_target

WELL_KNOWN = "/.well-known/security.txt"
LEGACY = "/security.txt"


@dataclass(slots=True)
class SecurityTxtResult:
    url: str  # the URL the file was (or was looked for) at
    report: SecurityTxtReport
    status: int | None = None

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"url": self.url, "found": self.report.found}
        if self.status is not None:
            out["status"] = self.status
        out.update(self.report.to_json())
        out["signed"] = self.report.signed
        return out


async def fetch_security_txt(
    fetcher: Fetcher, origin_url: str, *, deadline: float
) -> SecurityTxtResult:
    """``origin_url`` is ``scheme://host[:port]``; the well-known path first, then legacy."""
    first = await _get(fetcher, origin_url + WELL_KNOWN, deadline)
    if first.status == 200 or first.error is not None:
        return _result(first, legacy=False)
    legacy = await _get(fetcher, origin_url + LEGACY, deadline)
    if legacy.status == 200:
        return _result(legacy, legacy=True)
    # Report the well-known location: that is where the file belongs.
    return _result(first, legacy=False)


async def fetch_one(
    fetcher: Fetcher, url: str, deadline: float, *, legacy: bool
) -> SecurityTxtResult:
    """One given location, no fallback (``vendorrisk securitytxt https://…/path``)."""
    return _result(await _get(fetcher, url, deadline), legacy=legacy)


async def _get(fetcher: Fetcher, url: str, deadline: float) -> Fetched:
    return await fetcher.fetch(url, cap=MAX_BYTES + 1, deadline=deadline, accept="text/plain")


def _result(fetched: Fetched, *, legacy: bool) -> SecurityTxtResult:
    url = fetched.final_url or fetched.url
    if fetched.error is not None or fetched.status is None:
        code = fetched.error.code if fetched.error else "no-response"
        return SecurityTxtResult(url, missing_report(None, code), fetched.status)
    if fetched.status != 200 or fetched.body is None:
        return SecurityTxtResult(url, missing_report(fetched.status), fetched.status)
    content_type = fetched.headers.get("content-type", "") if fetched.headers else ""
    if content_type.split(";")[0].strip().lower() == "text/html":
        # Many sites answer every path with their home page ("soft 404").
        report = SecurityTxtReport(problems=[problem("error", "html-response")], found=False)
        return SecurityTxtResult(url, report, fetched.status)
    source = Source(
        url=url,
        content_type=content_type,
        legacy_location=legacy,
        redirected_elsewhere=_host_changed(fetched),
    )
    report = validate_security_txt(fetched.body.data, source)
    return SecurityTxtResult(url, report, fetched.status)


def _host_changed(fetched: Fetched) -> bool:
    try:
        start = parse_target(fetched.url).host
        end = parse_target(fetched.final_url).host
    except (Refusal, FetchFailure):
        return False
    return start != end
