"""Safe by default: refusals happen before any packet is sent, at every hop."""

from __future__ import annotations

import pytest

from .servers import redirect, response


async def test_a_loopback_server_is_refused_without_allow_private(serve, run):
    site = await serve({"/": response(200, "x")})
    [record] = await run([site.url("/")], allow_private=False)
    assert record["refused"] is True
    assert record["error"]["code"] == "refused-loopback"
    assert record["error"]["address"] == "127.0.0.1"
    assert record["failures"] == ["refused-loopback"]
    assert site.hits.total() == 0


async def test_a_hostname_resolving_to_loopback_is_refused(serve, run):
    site = await serve({"/": response(200, "x")})
    [record] = await run([site.url("/", host="localhost")], allow_private=False)
    assert record["error"]["code"] == "refused-loopback"
    assert site.hits.total() == 0


async def test_a_fake_dns_answer_is_checked_and_then_pinned(serve, run):
    site = await serve({"/": response(200, "x"), "/2": response(200, "y")})
    lookups: list[str] = []

    async def resolver(host: str) -> list[str]:
        lookups.append(host)
        # A rebinding DNS would answer differently the second time; there is none.
        return ["127.0.0.1"] if len(lookups) == 1 else ["10.0.0.1"]

    records = await run(
        [site.url("/", host="vendor.test"), site.url("/2", host="vendor.test")],
        resolver=resolver,
    )
    assert lookups == ["vendor.test"]
    assert [r["status"] for r in records] == [200, 200]
    assert site.requests[0].headers["host"] == f"vendor.test:{site.port}"


async def test_a_mixed_dns_answer_is_refused_as_a_whole(serve, run):
    site = await serve({"/": response(200, "x")})

    async def resolver(host: str) -> list[str]:
        return ["93.184.216.34", "127.0.0.1"]

    [record] = await run(
        [site.url("/", host="vendor.test")], allow_private=False, resolver=resolver
    )
    assert record["error"]["code"] == "refused-loopback"


async def test_a_redirect_from_an_allowed_host_to_a_refused_one_is_refused(serve, run):
    site = await serve({"/": redirect("http://127.0.0.2:9/admin")})
    [record] = await run([site.url("/")], allow_private=False, allowed_networks=("127.0.0.1/32",))
    assert record["refused"] is True
    assert record["error"]["code"] == "refused-loopback"
    assert record["error"]["url"] == "http://127.0.0.2:9/admin"
    assert [h["status"] for h in record["redirects"]] == [302]


async def test_a_redirect_to_cloud_metadata_is_refused_even_with_allow_private(serve, run):
    site = await serve({"/": redirect("http://169.254.169.254/latest/meta-data/")})
    [record] = await run([site.url("/")])
    assert record["error"]["code"] == "refused-metadata"


@pytest.mark.parametrize(
    ("location", "code"),
    [
        ("ftp://127.0.0.1/", "refused-scheme"),
        ("file:///etc/passwd", "refused-scheme"),
        ("http://user:pw@127.0.0.1/", "refused-userinfo"),
        ("http://0x7f.0.0.2:9/", "refused-loopback"),
        ("http://2130706434:9/", "refused-loopback"),
        ("http://0177.0.0.2:9/", "refused-loopback"),
        ("http://[::ffff:127.0.0.2]:9/", "refused-loopback"),
        ("http://10.1.2.3/", "refused-private"),
    ],
)
async def test_a_redirect_to_a_forbidden_target_is_refused(serve, run, location, code):
    site = await serve({"/": redirect(location)})
    [record] = await run([site.url("/")], allow_private=False, allowed_networks=("127.0.0.1/32",))
    assert record["error"]["code"] == code
    assert record["refused"] is True


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://127.0.0.1/", "refused-loopback"),
        ("http://[::1]/", "refused-loopback"),
        ("http://10.0.0.1/", "refused-private"),
        ("http://172.16.0.1/", "refused-private"),
        ("http://192.168.1.1/", "refused-private"),
        ("http://100.64.0.1/", "refused-cgnat"),
        ("http://169.254.10.10/", "refused-link-local"),
        ("http://169.254.169.254/", "refused-metadata"),
        ("http://[fe80::1]/", "refused-link-local"),
        ("http://[fd12:3456::1]/", "refused-unique-local"),
        ("http://0.0.0.0/", "refused-unspecified"),
        ("http://[::]/", "refused-unspecified"),
        ("http://224.0.0.1/", "refused-multicast"),
        ("http://[ff02::1]/", "refused-multicast"),
        ("http://255.255.255.255/", "refused-broadcast"),
        ("http://240.0.0.1/", "refused-reserved"),
        ("http://192.0.2.10/", "refused-documentation"),
        ("http://[2001:db8::1]/", "refused-documentation"),
        ("http://198.18.0.1/", "refused-benchmarking"),
        ("http://[::ffff:10.0.0.1]/", "refused-private"),
        ("http://[64:ff9b::7f00:1]/", "refused-loopback"),
        ("http://[2002:a9fe:a9fe::]/", "refused-metadata"),
        ("http://017700000001/", "refused-loopback"),
        ("http://0177.0.0.1/", "refused-loopback"),
        ("http://127.1/", "refused-loopback"),
        ("gopher://example.jp/", "refused-scheme"),
        ("https://a:b@example.jp/", "refused-userinfo"),
    ],
)
async def test_every_forbidden_range_is_refused_before_connecting(run, url, code):
    [record] = await run([url], allow_private=False)
    assert record["error"]["code"] == code
    assert record["refused"] is True


async def test_a_malformed_url_is_an_error_not_a_refusal(run):
    [record] = await run(["http://256.1.1.1/"])
    assert record["error"]["code"] == "invalid-url"
    assert record["refused"] is False
