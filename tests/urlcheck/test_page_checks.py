"""Header verdicts and certification mentions as pure functions (no server needed)."""

from __future__ import annotations

import httpx
import pytest

from vendorrisk.urlcheck.certifications import find_mentions, page_text
from vendorrisk.urlcheck.fetch import retry_after_seconds
from vendorrisk.urlcheck.headers import check_headers


def verdicts(headers: dict[str, str] | list[tuple[str, str]], https: bool = True) -> dict[str, str]:
    return {c.id: c.code for c in check_headers(httpx.Headers(headers), https=https)}


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("max-age=15552000", "hsts-ok-no-subdomains"),
        ("max-age=31536000; includeSubDomains", "hsts-ok"),
        ("max-age=63072000; includeSubDomains; preload", "hsts-ok-preload"),
        ('max-age="31536000"; includeSubDomains', "hsts-ok"),
        ("max-age=15551999", "hsts-short"),
        ("max-age=0", "hsts-disabled"),
        ("includeSubDomains", "hsts-invalid"),
    ],
)
def test_hsts_uses_six_months_as_the_bar(value, code):
    assert verdicts({"Strict-Transport-Security": value})["hsts"] == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("default-src 'self'", "csp-ok"),
        ("script-src 'self' 'unsafe-inline'", "csp-unsafe-inline"),
        ("script-src 'nonce-abc' 'unsafe-inline'", "csp-ok"),
        ("default-src 'self' 'unsafe-eval'", "csp-unsafe-eval"),
        ("img-src *", "csp-no-script-policy"),
        (";", "csp-invalid"),
    ],
)
def test_csp(value, code):
    assert verdicts({"Content-Security-Policy": value})["csp"] == code


def test_frame_ancestors_supersedes_x_frame_options():
    assert (
        verdicts({"Content-Security-Policy": "frame-ancestors 'self'"})["framing"]
        == "framing-ok-csp"
    )
    assert verdicts({"Content-Security-Policy": "frame-ancestors *"})["framing"] == "framing-any"
    assert (
        verdicts({"X-Frame-Options": "ALLOW-FROM https://a.example"})["framing"]
        == "framing-allow-from"
    )


def test_referrer_policy_uses_the_last_known_token():
    assert verdicts({"Referrer-Policy": "no-referrer, bogus"})["referrer-policy"] == "referrer-ok"
    assert (
        verdicts({"Referrer-Policy": "no-referrer, unsafe-url"})["referrer-policy"]
        == "referrer-unsafe-url"
    )


def test_cookies_are_judged_one_by_one_by_name():
    checks = check_headers(
        httpx.Headers([("Set-Cookie", "a=1; Secure; HttpOnly"), ("Set-Cookie", "b=2; Secure")]),
        https=True,
    )
    assert [(c.subject, c.code) for c in checks if c.id == "cookie"] == [
        ("a", "cookie-ok"),
        ("b", "cookie-not-httponly"),
    ]
    plain = check_headers(httpx.Headers([("Set-Cookie", "a=1; Secure; HttpOnly")]), https=False)
    assert [c.code for c in plain if c.id == "cookie"] == ["cookie-over-http"]


def test_hsts_over_plain_http_does_not_count():
    assert (
        verdicts({"Strict-Transport-Security": "max-age=31536000"}, https=False)["hsts"]
        == "hsts-not-https"
    )


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("ISMAP-LIU に登録", {"ismap-liu"}),
        ("ISMAPに登録済み", {"ismap"}),
        ("JIS Q 27001:2014 (ISO/IEC 27001:2013)", {"iso27001"}),
        ("ISMSクラウドセキュリティ認証", {"iso27017"}),
        ("ISO/IEC 27018 certified", {"iso27018"}),
        ("SOC 2 Type I report", {"soc2-type1"}),
        ("SOC2 タイプ2", {"soc2-type2"}),
        ("SOC 2 report and SOC 2 Type II", {"soc2", "soc2-type2"}),
        ("ﾌﾟﾗｲﾊﾞｼｰﾏｰｸ", {"privacy-mark"}),
        ("JIS Q 15001", {"jisq15001"}),
        ("CSA STAR Level 2", {"csa-star"}),
        ("ISO 270010 and SOC 20 and PRISMAP", set()),
    ],
)
def test_certification_patterns(text, ids):
    assert {m.id for m in find_mentions(text)} == ids


def test_page_text_drops_scripts_and_keeps_alt_text():
    html = b"<script>ISMAP</script><p>a &amp; b</p><img alt='ISO 27001'>"
    text = page_text(html, "text/html; charset=utf-8")
    assert "ISMAP" not in text and "a & b" in text and "ISO 27001" in text


def test_retry_after_accepts_seconds_and_http_dates():
    import datetime as dt

    now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 01 Jan 2025 00:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None
