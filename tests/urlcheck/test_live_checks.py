"""The checks on what came back: headers, security.txt, certification mentions, HTTPS
enforcement, and the politeness limits, against real loopback servers."""

from __future__ import annotations

from .servers import GOOD_HEADERS, redirect, response, valid_security_txt


def _verdicts(record):
    return {h["id"]: (h["verdict"], h["code"]) for h in record["headers"]}


async def test_a_well_configured_https_site_passes(serve, run):
    site = await serve({"/": response(200, "<p>ok</p>", GOOD_HEADERS)}, tls=True)
    site.routes["/.well-known/security.txt"] = response(
        200,
        valid_security_txt(canonical=site.url("/.well-known/security.txt")),
        content_type="text/plain; charset=utf-8",
    )
    [record] = await run([site.url("/")])
    assert record["ok"] is True, record["failures"]
    assert record["failures"] == [] and record["warnings"] == []
    assert {v for v, _ in _verdicts(record).values()} == {"pass"}
    assert record["security_txt"]["valid"] is True
    assert record["security_txt"]["fields"]["preferred-languages"] == ["ja, en"]


async def test_missing_and_malformed_headers_are_judged(serve, run):
    bad = {
        "Strict-Transport-Security": "max-age=abc",
        "X-Content-Type-Options": "sniff-please",
        "X-Frame-Options": "SOMETIMES",
        "Referrer-Policy": "whatever",
        "Set-Cookie": "sid=1; Path=/",
    }
    site = await serve({"/": response(200, "x", bad)}, tls=True)
    [record] = await run([site.url("/")], security_txt=False)
    verdicts = _verdicts(record)
    assert verdicts["hsts"] == ("fail", "hsts-invalid")
    assert verdicts["csp"] == ("warn", "csp-missing")
    assert verdicts["x-content-type-options"] == ("fail", "xcto-invalid")
    assert verdicts["framing"] == ("fail", "framing-invalid")
    assert verdicts["referrer-policy"] == ("fail", "referrer-invalid")
    assert verdicts["cookie"] == ("fail", "cookie-not-secure")
    cookie = next(h for h in record["headers"] if h["id"] == "cookie")
    assert cookie["subject"] == "sid" and "value" not in cookie  # never the cookie's value
    assert "header-hsts" in record["failures"] and record["ok"] is False


async def test_short_hsts_is_a_warning_and_no_hsts_a_failure(serve, run):
    short = await serve(
        {"/": response(200, "x", {"Strict-Transport-Security": "max-age=86400"})}, tls=True
    )
    none = await serve({"/": response(200, "x")}, tls=True)
    records = await run([short.url("/"), none.url("/")], security_txt=False)
    assert _verdicts(records[0])["hsts"] == ("warn", "hsts-short")
    assert _verdicts(records[1])["hsts"] == ("fail", "hsts-missing")


async def test_security_txt_is_fetched_once_per_origin(serve, run):
    site = await serve({f"/{i}": response(200, "x") for i in range(4)})
    site.routes["/.well-known/security.txt"] = response(
        200, valid_security_txt(), content_type="text/plain; charset=utf-8"
    )
    records = await run([site.url(f"/{i}") for i in range(4)])
    assert site.hits["/.well-known/security.txt"] == 1
    assert all(r["security_txt"]["found"] for r in records)
    # Served over plain http: found, but RFC 9116 §3 wants https.
    codes = [p["code"] for p in records[0]["security_txt"]["problems"]]
    assert "not-https" in codes
    assert "security-txt-invalid" in records[0]["warnings"]


async def test_security_txt_at_the_legacy_location_is_found_with_a_warning(serve, run):
    site = await serve(
        {
            "/": response(200, "x"),
            "/security.txt": response(
                200, valid_security_txt(), content_type="text/plain; charset=utf-8"
            ),
        },
        tls=True,
    )
    [record] = await run([site.url("/")])
    sectxt = record["security_txt"]
    assert sectxt["found"] is True
    assert sectxt["url"] == site.url("/security.txt")
    assert "legacy-location" in [p["code"] for p in sectxt["problems"]]


async def test_an_html_soft_404_is_not_taken_for_a_security_txt(serve, run):
    site = await serve(
        {"/": response(200, "x"), "/.well-known/security.txt": response(200, "<html>home</html>")}
    )
    [record] = await run([site.url("/")])
    assert record["security_txt"]["found"] is False
    assert [p["code"] for p in record["security_txt"]["problems"]] == ["html-response"]
    assert "security-txt-missing" in record["warnings"]


async def test_certification_mentions_in_a_shift_jis_page_with_full_width_text(serve, run):
    page = (
        '<html><head><meta charset="Shift_JIS"></head><body>'
        "<p>当社はＩＳＭＡＰクラウドサービスリストに登録されています。</p>"
        "<p>ＩＳＯ／ＩＥＣ　２７００１及びISO/IEC 27017の認証を取得。</p>"
        '<img src="p.png" alt="プライバシーマーク">'
        "<script>var x = 'ISO 27018';</script>"
        "<p>SOC2 Type2 報告書</p></body></html>"
    ).encode("cp932")
    site = await serve({"/": response(200, page, content_type="text/html")})
    [record] = await run([site.url("/")], security_txt=False)
    mentions = {m["id"]: m for m in record["certifications"]["mentions"]}
    assert set(mentions) == {"ismap", "iso27001", "iso27017", "privacy-mark", "soc2-type2"}
    assert "ISMAP" in mentions["ismap"]["snippet"]
    assert "note" not in record["certifications"]  # the face words the note, not the record


async def test_plain_http_redirecting_to_https_counts_as_enforced(serve, run):
    secure = await serve({"/": response(200, "x", GOOD_HEADERS)}, tls=True)
    plain = await serve({"/": redirect(secure.url("/"), 301)})
    [record] = await run(
        [secure.url("/")], http_probe_ports={secure.port: plain.port}, security_txt=False
    )
    assert record["https_enforced"] is True
    assert record["http_probe"]["outcome"] == "redirects-to-https"


async def test_plain_http_serving_the_site_is_https_not_enforced(serve, run):
    secure = await serve({"/": response(200, "x", GOOD_HEADERS)}, tls=True)
    plain = await serve({"/": response(200, "same site, unencrypted")})
    [record] = await run(
        [secure.url("/")], http_probe_ports={secure.port: plain.port}, security_txt=False
    )
    assert record["https_enforced"] is False
    assert record["http_probe"]["outcome"] == "serves-http"
    assert "https-not-enforced" in record["failures"]


async def test_the_per_host_limit_holds(serve, run):
    site = await serve({f"/{i}": response(200, "x", delay=0.05) for i in range(12)})
    await run(
        [site.url(f"/{i}") for i in range(12)], per_host=2, concurrency=32, security_txt=False
    )
    assert site.max_active <= 2
    assert site.hits.total() == 12


async def test_the_global_limit_holds_across_hosts(serve, run):
    sites = [
        await serve({f"/{i}": response(200, "x", delay=0.05) for i in range(4)}) for _ in range(4)
    ]
    active = 0
    peak = 0
    # Count concurrency across all servers by wrapping their handlers.
    for site in sites:
        for path, handler in list(site.routes.items()):

            async def counted(request, writer, handler=handler):
                nonlocal active, peak
                active += 1
                peak = max(peak, active)
                try:
                    return await handler(request, writer)
                finally:
                    active -= 1

            site.routes[path] = counted
    urls = [s.url(f"/{i}") for s in sites for i in range(4)]
    records = await run(urls, concurrency=3, per_host=2, security_txt=False)
    assert peak <= 3
    assert [r["url"] for r in records] == urls  # input order kept
