"""Security headers of the final response, each judged pass / warn / fail with a reason code.

The verdicts follow what a municipal reviewer can act on: a missing HSTS header or a session
cookie without ``Secure`` on an HTTPS site is a failure (data can leak in plain text); the
other headers reduce the damage of a flaw elsewhere, so their absence is a warning.
Values are recorded truncated; cookie values are never recorded, only cookie names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import httpx

Verdict = Literal["pass", "warn", "fail"]

HSTS_MIN_AGE = 15_552_000  # six months, the bar the HSTS preload list and most guides use
_VALUE_LIMIT = 300

_REFERRER_SAFE = frozenset(
    {
        "no-referrer",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
        "origin",
        "origin-when-cross-origin",
        "no-referrer-when-downgrade",
    }
)
_REFERRER_LEAKY = frozenset({"unsafe-url"})


@dataclass(frozen=True, slots=True)
class HeaderCheck:
    id: str  # hsts, csp, x-content-type-options, framing, referrer-policy, cookie
    verdict: Verdict
    code: str  # the reason, stable; the message is looked up from it
    value: str = ""
    subject: str = ""  # the cookie name for cookie checks

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "verdict": self.verdict, "code": self.code}
        if self.value:
            out["value"] = self.value[:_VALUE_LIMIT]
        if self.subject:
            out["subject"] = self.subject[:_VALUE_LIMIT]
        return out


def check_headers(headers: httpx.Headers, *, https: bool) -> list[HeaderCheck]:
    # One pass over the headers (a lookup per name would scan them all each time).
    values: dict[str, list[str]] = {}
    for name, value in headers.multi_items():
        values.setdefault(name, []).append(value)
    csp = _first(values, "content-security-policy")
    checks = [
        _hsts(_first(values, "strict-transport-security"), https=https),
        _csp(csp, _first(values, "content-security-policy-report-only")),
        _nosniff(_first(values, "x-content-type-options")),
        _framing(_first(values, "x-frame-options"), csp),
        _referrer(_first(values, "referrer-policy")),
    ]
    checks.extend(_cookies(values.get("set-cookie", []), https=https))
    return checks


def _first(values: dict[str, list[str]], name: str) -> str | None:
    found = values.get(name)
    return found[0].strip() if found else None


def _hsts(value: str | None, *, https: bool) -> HeaderCheck:
    if not https:
        # Browsers ignore HSTS received over plain HTTP (RFC 6797 §8.1).
        return HeaderCheck("hsts", "fail", "hsts-not-https", value or "")
    if value is None:
        return HeaderCheck("hsts", "fail", "hsts-missing")
    directives = _directives(value)
    max_age_text = directives.get("max-age")
    if max_age_text is None or not max_age_text.strip('"').isdigit():
        return HeaderCheck("hsts", "fail", "hsts-invalid", value)
    max_age = int(max_age_text.strip('"'))
    if max_age == 0:
        return HeaderCheck("hsts", "fail", "hsts-disabled", value)
    if max_age < HSTS_MIN_AGE:
        return HeaderCheck("hsts", "warn", "hsts-short", value)
    if "includesubdomains" not in directives:
        return HeaderCheck("hsts", "pass", "hsts-ok-no-subdomains", value)
    if "preload" in directives:
        return HeaderCheck("hsts", "pass", "hsts-ok-preload", value)
    return HeaderCheck("hsts", "pass", "hsts-ok", value)


def _directives(value: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in value.split(";"):
        name, _, arg = part.strip().partition("=")
        if name:
            out.setdefault(name.strip().lower(), arg.strip())
    return out


def _csp_directives(value: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in value.split(";"):
        tokens = part.split()
        if tokens:
            out.setdefault(tokens[0].lower(), [t.lower() for t in tokens[1:]])
    return out


def _csp(value: str | None, report_only: str | None) -> HeaderCheck:
    if value is None:
        if report_only is not None:
            return HeaderCheck("csp", "warn", "csp-report-only", report_only)
        return HeaderCheck("csp", "warn", "csp-missing")
    directives = _csp_directives(value)
    if not directives:
        return HeaderCheck("csp", "fail", "csp-invalid", value)
    scripts = directives.get("script-src", directives.get("default-src"))
    if scripts is None:
        return HeaderCheck("csp", "warn", "csp-no-script-policy", value)
    # A nonce or hash makes browsers ignore 'unsafe-inline' (CSP level 2).
    guarded = any(t.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-")) for t in scripts)
    if "'unsafe-inline'" in scripts and not guarded:
        return HeaderCheck("csp", "warn", "csp-unsafe-inline", value)
    if "'unsafe-eval'" in scripts:
        return HeaderCheck("csp", "warn", "csp-unsafe-eval", value)
    return HeaderCheck("csp", "pass", "csp-ok", value)


def _nosniff(value: str | None) -> HeaderCheck:
    if value is None:
        return HeaderCheck("x-content-type-options", "warn", "xcto-missing")
    if value.lower() != "nosniff":
        return HeaderCheck("x-content-type-options", "fail", "xcto-invalid", value)
    return HeaderCheck("x-content-type-options", "pass", "xcto-ok", value)


def _framing(xfo: str | None, csp: str | None) -> HeaderCheck:
    ancestors = _csp_directives(csp).get("frame-ancestors") if csp else None
    if ancestors is not None:
        # frame-ancestors supersedes X-Frame-Options in every current browser.
        if "*" in ancestors:
            return HeaderCheck("framing", "warn", "framing-any", csp or "")
        return HeaderCheck("framing", "pass", "framing-ok-csp", csp or "")
    if xfo is None:
        return HeaderCheck("framing", "warn", "framing-missing")
    token = xfo.strip().lower()
    if token in ("deny", "sameorigin"):
        return HeaderCheck("framing", "pass", "framing-ok", xfo)
    if token.startswith("allow-from"):
        return HeaderCheck("framing", "warn", "framing-allow-from", xfo)
    return HeaderCheck("framing", "fail", "framing-invalid", xfo)


def _referrer(value: str | None) -> HeaderCheck:
    if value is None:
        return HeaderCheck("referrer-policy", "warn", "referrer-missing")
    # Several comma-separated tokens are allowed; browsers use the last one they know.
    tokens = [t.strip().lower() for t in value.split(",") if t.strip()]
    known = [t for t in tokens if t in _REFERRER_SAFE or t in _REFERRER_LEAKY]
    if not known:
        return HeaderCheck("referrer-policy", "fail", "referrer-invalid", value)
    if known[-1] in _REFERRER_LEAKY:
        return HeaderCheck("referrer-policy", "warn", "referrer-unsafe-url", value)
    return HeaderCheck("referrer-policy", "pass", "referrer-ok", value)


_MAX_COOKIES = 20  # keeps a record bounded when a page sets dozens of tracking cookies
_COOKIE_NAME = re.compile(r"^\s*([^=;\s]+)\s*=")


def _cookies(values: list[str], *, https: bool) -> list[HeaderCheck]:
    checks: list[HeaderCheck] = []
    for raw in values[:_MAX_COOKIES]:
        match = _COOKIE_NAME.match(raw)
        name = match.group(1) if match else "?"
        attributes = {a.strip().split("=", 1)[0].lower() for a in raw.split(";")[1:]}
        if not https:
            checks.append(HeaderCheck("cookie", "fail", "cookie-over-http", subject=name))
        elif "secure" not in attributes:
            checks.append(HeaderCheck("cookie", "fail", "cookie-not-secure", subject=name))
        elif "httponly" not in attributes:
            # Some cookies must be readable by scripts; that is the reviewer's call.
            checks.append(HeaderCheck("cookie", "warn", "cookie-not-httponly", subject=name))
        else:
            checks.append(HeaderCheck("cookie", "pass", "cookie-ok", subject=name))
    return checks
