"""Fetching against real loopback servers: redirects, TLS, bodies that misbehave, retries."""

from __future__ import annotations

import asyncio
import datetime as dt
import errno
import os
import zlib

from .servers import GOOD_HEADERS, Request, redirect, response


async def test_redirect_chain_is_recorded_hop_by_hop(serve, run):
    site = await serve(
        {"/a": redirect("/b", 301), "/b": redirect("/c", 307), "/c": response(200, "hi")}
    )
    [record] = await run([site.url("/a")])
    assert record["status"] == 200
    assert record["final_url"] == site.url("/c")
    assert [(h["status"], h["location"]) for h in record["redirects"]] == [(301, "/b"), (307, "/c")]
    assert record["ip"] == "127.0.0.1"
    assert all(h["ip"] == "127.0.0.1" for h in record["redirects"])


async def test_a_redirect_loop_is_reported_as_a_loop(serve, run):
    site = await serve({"/a": redirect("/b"), "/b": redirect("/a")})
    [record] = await run([site.url("/a")])
    assert record["error"]["code"] == "redirect-loop"
    assert record["ok"] is False and record["refused"] is False
    assert site.hits["/a"] == 1 and site.hits["/b"] == 1


async def test_more_than_five_redirects_are_not_followed(serve, run):
    routes = {f"/{i}": redirect(f"/{i + 1}") for i in range(10)}
    site = await serve(routes)
    [record] = await run([site.url("/0")])
    assert record["error"]["code"] == "too-many-redirects"
    assert len(record["redirects"]) == 6
    assert site.hits["/7"] == 0


async def test_http_redirected_to_https_is_enforced_and_tls_facts_recorded(serve, run):
    secure = await serve({"/": response(200, "ok", GOOD_HEADERS)}, tls=True)
    plain = await serve({"/": redirect(secure.url("/"), 301)})
    [record] = await run([plain.url("/")])
    assert record["https_enforced"] is True
    assert record["final_url"] == secure.url("/")
    tls = record["tls"]
    assert tls["verified"] is True
    assert tls["version"].startswith("TLSv1.")
    assert tls["days_left"] > 0
    assert tls["not_after"].endswith("Z")
    assert "not-https" not in record["failures"]


async def test_https_redirecting_back_to_http_is_a_downgrade(serve, run):
    plain = await serve({"/": response(200, "plain")})
    secure = await serve({"/": redirect(plain.url("/"))}, tls=True)
    [record] = await run([secure.url("/")])
    assert record["https_enforced"] is False
    assert "https-downgrade" in record["failures"]
    assert "not-https" in record["failures"]
    assert "tls" not in record  # the final response came over plain HTTP


async def test_an_expired_certificate_is_a_finding_and_no_content_is_read(serve, run):
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    site = await serve({"/": response(200, "ISMAP")}, tls=True, not_after=past)
    [record] = await run([site.url("/")])
    assert record["error"]["code"] == "tls-invalid"
    assert record["tls"] == {
        "verified": False,
        "error": "expired",
        "detail": record["tls"]["detail"],
    }
    assert "status" not in record
    assert record["certifications"]["mentions"] == []
    assert site.hits["/"] == 0


async def test_a_certificate_for_another_host_is_a_hostname_mismatch(serve, run):
    site = await serve({"/": response(200, "x")}, tls=True, names=("other.test",))
    [record] = await run([site.url("/")])
    assert record["tls"]["error"] == "hostname-mismatch"
    assert record["ok"] is False


async def test_without_the_test_ca_the_certificate_is_untrusted(serve, run):
    site = await serve({"/": response(200, "x")}, tls=True)
    [record] = await run([site.url("/")], ca_bundle=None)
    assert record["tls"]["verified"] is False
    assert record["tls"]["error"] in ("untrusted", "self-signed-chain")


async def test_a_server_answering_the_handshake_in_plain_text_is_a_tls_handshake_error(run):
    # Not a certificate problem: the ssl error that ended the handshake still names it.
    async def answer_in_plain_text(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer_in_plain_text, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        [record] = await run([f"https://127.0.0.1:{port}/"], security_txt=False)
    finally:
        server.close()
        await server.wait_closed()
    assert record["error"]["code"] == "tls-handshake"
    assert record["tls"]["verified"] is False and record["tls"]["error"] == "handshake"
    assert record["tls"]["detail"]  # OpenSSL's reason, e.g. WRONG_VERSION_NUMBER


async def test_a_huge_body_is_capped_at_two_mebibytes(serve, run):
    site = await serve({"/": response(200, b"a" * (5 * 1024 * 1024))})
    [record] = await run([site.url("/")])
    assert record["content"] == {
        "bytes": 2 * 1024 * 1024,
        "truncated": True,
        "type": "text/html; charset=utf-8",
    }
    assert "body-truncated" in record["warnings"]


def _gzip_bomb(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"\0" * (1024 * 1024)
    parts = [packer.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join(parts) + packer.flush()


async def test_a_gzip_bomb_stops_at_the_cap_in_decompressed_bytes(serve, run):
    bomb = _gzip_bomb(64 * 1024 * 1024)
    assert len(bomb) < 100_000
    site = await serve({"/": response(200, bomb, {"Content-Encoding": "gzip"})})
    [record] = await run([site.url("/")])
    assert record["content"]["bytes"] == 2 * 1024 * 1024
    assert record["content"]["truncated"] is True


async def test_a_slow_drip_cannot_hold_a_slot_past_the_deadline(serve, run):
    async def drip(request: Request, writer: asyncio.StreamWriter) -> bool:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
        for _ in range(1000):
            writer.write(b"x")
            await writer.drain()
            await asyncio.sleep(0.05)
        return False

    site = await serve({"/": drip})
    [record] = await run([site.url("/")], timeout=1.0)
    assert record["error"]["code"] == "deadline-exceeded"
    assert record["ok"] is False


async def test_a_reset_mid_body_is_a_read_error_with_the_status_kept(serve, run):
    async def reset(request: Request, writer: asyncio.StreamWriter) -> bool:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"x" * 1000)
        await writer.drain()
        writer.transport.abort()
        return False

    site = await serve({"/": reset})
    [record] = await run([site.url("/")])
    assert record["error"]["code"] in ("read-error", "protocol-error")
    assert record["status"] == 200


async def test_429_with_a_short_retry_after_is_retried(serve, run):
    calls = 0

    async def busy_then_ok(request: Request, writer: asyncio.StreamWriter) -> bool:
        nonlocal calls
        calls += 1
        if calls == 1:
            return await response(429, "slow down", {"Retry-After": "1"})(request, writer)
        return await response(200, "ok")(request, writer)

    site = await serve({"/": busy_then_ok})
    [record] = await run([site.url("/")], security_txt=False)
    assert record["status"] == 200
    assert calls == 2


async def test_a_retry_after_beyond_the_bound_is_reported_not_waited_for(serve, run):
    site = await serve({"/": response(429, "later", {"Retry-After": "3600"})})
    [record] = await run([site.url("/")], security_txt=False)
    assert record["status"] == 429
    assert "http-status" in record["failures"]
    assert site.hits["/"] == 1


async def test_a_closed_port_is_a_connection_error(serve, run):
    site = await serve({})
    url = site.url("/")
    await site.close()
    [record] = await run([url])
    assert record["error"]["code"] == "connect-error"
    # Worded by the system, the same on either event loop.
    assert (
        record["error"]["detail"]
        == f"[Errno {errno.ECONNREFUSED}] {os.strerror(errno.ECONNREFUSED)}"
    )
    assert record["refused"] is False
    assert "security_txt" not in record  # a dead host is not asked twice


async def test_no_cookies_or_credentials_are_carried_and_the_user_agent_is_honest(serve, run):
    site = await serve(
        {
            "/": redirect("/next", headers={"Set-Cookie": "sid=secret; Path=/"}),
            "/next": response(200, "x"),
        }
    )
    await run([site.url("/")])
    for request in site.requests:
        assert "cookie" not in request.headers
        assert "authorization" not in request.headers
        assert request.headers["user-agent"].startswith("vendorrisk/")
