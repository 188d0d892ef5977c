"""The human-readable table of ``vendorrisk check --format text``, built from records only
(so the same table can be printed for results read back from a file)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from vendorrisk.messages import has, t

_URL_WIDTH = 48


def cell_width(text: str) -> int:
    # Japanese is double width in a terminal; len() would misalign every column.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int) -> str:
    if cell_width(text) <= width:
        return text + " " * (width - cell_width(text))
    out = ""
    for char in text:
        if cell_width(out + char) > width - 1:
            break
        out += char
    return out + "…" + " " * (width - 1 - cell_width(out))


def _row(record: Mapping[str, Any]) -> list[str]:
    if record.get("refused"):
        result = t("urlcheck.cli.result_refused")
    else:
        result = t("urlcheck.cli.result_ok" if record.get("ok") else "urlcheck.cli.result_fail")
    status = str(record.get("status", "-"))
    enforced = record.get("https_enforced")
    https = "-" if enforced is None else t("urlcheck.cli.yes" if enforced else "urlcheck.cli.no")
    tls = record.get("tls")
    if tls is None:
        tls_text = "-"
    elif not tls.get("verified"):
        tls_text = t("urlcheck.cli.tls_bad", reason=tls.get("error", "?"))
    else:
        tls_text = t("urlcheck.cli.days", days=tls.get("days_left", "?"))
    verdicts = [h["verdict"] for h in record.get("headers", [])]
    headers = (
        "-"
        if not verdicts
        else f"P{verdicts.count('pass')} W{verdicts.count('warn')} F{verdicts.count('fail')}"
    )
    sectxt = record.get("security_txt")
    if sectxt is None:
        sectxt_text = "-"
    elif not sectxt.get("found"):
        sectxt_text = t("urlcheck.cli.sectxt_none")
    else:
        sectxt_text = t(
            "urlcheck.cli.sectxt_ok" if sectxt.get("valid") else "urlcheck.cli.sectxt_bad"
        )
    mentions = record.get("certifications", {}).get("mentions", [])
    certs = ", ".join(t(f"urlcheck.cert.{m['id']}") for m in mentions) or "-"
    return [result, record.get("url", ""), status, https, tls_text, headers, sectxt_text, certs]


def render_table(records: Sequence[Mapping[str, Any]]) -> str:
    header = [t(f"urlcheck.cli.col_{name}") for name in _COLUMNS]
    rows = [_row(r) for r in records]
    widths = [max(cell_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    widths[1] = min(widths[1], _URL_WIDTH)
    lines = []
    for row in [header, *rows]:
        cells = [_fit(cell, widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    details = _details(records)
    if details:
        lines.append("")
        lines.extend(details)
    if any(r.get("certifications", {}).get("mentions") for r in records):
        lines.append("")
        lines.append(t("urlcheck.cert_note"))
    passed = sum(1 for r in records if r.get("ok"))
    refused = sum(1 for r in records if r.get("refused"))
    lines.append("")
    lines.append(
        t(
            "urlcheck.cli.summary",
            total=len(records),
            passed=passed,
            failed=len(records) - passed - refused,
            refused=refused,
        )
    )
    return "\n".join(lines) + "\n"


_COLUMNS = ("result", "url", "status", "https", "tls", "headers", "sectxt", "certs")


def _details(records: Sequence[Mapping[str, Any]]) -> list[str]:
    out: list[str] = []
    for record in records:
        if record.get("ok"):
            continue
        out.append(str(record.get("url", "")))
        error = record.get("error")
        if error is not None:
            out.append(f"  {error.get('code')}: {_words('urlcheck.error.', error.get('code'))}")
        for code in record.get("failures", []):
            if error is not None and code == error.get("code"):
                continue
            out.append(f"  {code}: {describe(code, record)}")
    return out


def _words(prefix: str, code: object) -> str:
    # A code this version has no text for (a record made by a newer one) is shown as is.
    return t(f"{prefix}{code}") if has(f"{prefix}{code}") else str(code)


def describe(code: str, record: Mapping[str, Any]) -> str:
    """A sentence for a failure or warning code of a record."""
    if code.startswith("header-"):
        messages = [
            _words("urlcheck.header.", h["code"])
            for h in record.get("headers", [])
            if f"header-{h['id']}" == code and h["verdict"] != "pass"
        ]
        return "; ".join(dict.fromkeys(messages))
    for prefix in ("urlcheck.finding.", "urlcheck.error."):
        if has(prefix + code):
            return t(prefix + code)
    return code
