"""TLS facts of a verified connection, and the reason when verification failed.

Verification is never turned off: a bad certificate ends the request and becomes a finding.
That is why the facts of a failed handshake are limited to the reason OpenSSL gives.
"""

from __future__ import annotations

import datetime as dt
import ssl
from dataclasses import dataclass, field
from typing import Any

# OpenSSL X509_V_ERR_* codes -> our stable reasons.
_VERIFY_REASONS = {
    9: "not-yet-valid",
    10: "expired",
    18: "self-signed",
    19: "self-signed-chain",
    20: "untrusted",
    21: "untrusted",
    62: "hostname-mismatch",
    64: "hostname-mismatch",  # IP address mismatch
}


@dataclass(frozen=True, slots=True)
class TlsFacts:
    verified: bool
    version: str = ""
    cipher: str = ""
    subject: str = ""
    issuer: str = ""
    not_before: str = ""  # RFC 3339
    not_after: str = ""  # RFC 3339
    days_left: int | None = None
    san: tuple[str, ...] = field(default_factory=tuple)
    error: str = ""  # a reason from _VERIFY_REASONS, or "handshake"
    detail: str = ""

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"verified": self.verified}
        for key in ("version", "cipher", "subject", "issuer", "not_before", "not_after"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.days_left is not None:
            out["days_left"] = self.days_left
        if self.san:
            out["san"] = list(self.san)
        if self.error:
            out["error"] = self.error
        if self.detail:
            out["detail"] = self.detail[:500]
        return out


def facts_from_ssl_object(ssl_object: Any, now: dt.datetime) -> TlsFacts:
    """Facts of an established (hence verified) connection."""
    cert: dict[str, Any] = ssl_object.getpeercert() or {}
    cipher = ssl_object.cipher()
    not_after = _cert_time(cert.get("notAfter"))
    not_before = _cert_time(cert.get("notBefore"))
    days_left = None if not_after is None else (not_after - now).days
    san = tuple(f"{kind}:{value}" for kind, value in cert.get("subjectAltName", ())[:20])
    return TlsFacts(
        verified=True,
        version=ssl_object.version() or "",
        cipher=cipher[0] if cipher else "",
        subject=_name(cert.get("subject", ())),
        issuer=_name(cert.get("issuer", ())),
        not_before=_rfc3339(not_before),
        not_after=_rfc3339(not_after),
        days_left=days_left,
        san=san,
    )


def facts_from_error(exc: BaseException) -> TlsFacts | None:
    """The TLS reason behind a connect error, or None when it was not a TLS problem."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            reason = _VERIFY_REASONS.get(cause.verify_code, "untrusted")
            return TlsFacts(verified=False, error=reason, detail=str(cause.verify_message))
        if isinstance(cause, ssl.SSLError):
            return TlsFacts(verified=False, error="handshake", detail=str(cause.reason or cause))
        cause = cause.__cause__ or cause.__context__
    return None


def _name(rdns: Any) -> str:
    parts = []
    for rdn in rdns:
        for key, value in rdn:
            parts.append(f"{key}={value}")
    return ", ".join(parts)[:500]


def _cert_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromtimestamp(ssl.cert_time_to_seconds(value), tz=dt.UTC)
    except ValueError:
        return None


def _rfc3339(value: dt.datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%dT%H:%M:%SZ")
