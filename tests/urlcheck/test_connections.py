"""The checker's own connections: kept alive per origin, never reused in a doubtful state."""

from __future__ import annotations

import asyncio
import contextlib

from .servers import Handler, Request, response


async def test_pages_of_one_site_share_at_most_per_host_connections(serve, run):
    site = await serve({f"/{i}": response(200, "ok", delay=0.01) for i in range(8)}, tls=True)
    records = await run([site.url(f"/{i}") for i in range(8)], per_host=2)
    assert all(r["status"] == 200 and r["tls"]["verified"] for r in records)
    # Eight pages and a security.txt over two TLS connections, each handshake done once.
    assert site.connections == 2
    assert site.max_active <= 2


async def test_a_server_closing_after_each_answer_gets_a_new_connection_each_time(serve, run):
    async def answer_then_close(request: Request, writer: asyncio.StreamWriter) -> bool:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
        await writer.drain()
        return False

    site = await serve({f"/{i}": answer_then_close for i in range(4)})
    records = await run([site.url(f"/{i}") for i in range(4)], per_host=1, security_txt=False)
    assert [r["status"] for r in records] == [200] * 4
    assert site.connections == 4


async def test_a_body_left_unread_is_not_followed_by_a_request_on_that_connection(serve, run):
    big = b"x" * (3 * 1024 * 1024)
    site = await serve(
        {"/big": response(200, big, content_type="text/plain"), "/small": response(200, "ok")}
    )
    records = await run([site.url("/big"), site.url("/small")], per_host=1, security_txt=False)
    assert records[0]["content"]["truncated"] is True
    assert records[1]["status"] == 200
    assert site.connections == 2  # the capped body's connection was closed, not reused


# --- connecting ahead: the sites next in line, while the first answers are awaited ---------


def _waiting_until_connected(sites: list, seen: dict[str, int]) -> Handler:
    """A slow page that notes, just before it answers, how many connections each site has."""

    async def handle(request: Request, writer: asyncio.StreamWriter) -> bool:
        await asyncio.sleep(0.2)
        for name, site in zip("abcd", sites, strict=True):
            seen[name] = site.connections
        return await response(200, "ok")(request, writer)

    return handle


async def test_the_sites_next_in_line_are_connected_before_a_slot_frees(serve, run):
    seen: dict[str, int] = {}
    sites: list = []
    # Two slots, four sites: a and b are asked first; c and d wait for their slots.
    for name in "abcd":
        handler = _waiting_until_connected(sites, seen) if name == "a" else response(200, name)
        sites.append(await serve({"/": handler}))
    records = await run([s.url("/") for s in sites], concurrency=2, per_host=1, security_txt=False)
    assert [r["status"] for r in records] == [200] * 4
    # Before a's answer freed a slot, c and d already had their connection.
    assert seen == {"a": 1, "b": 1, "c": 1, "d": 1}
    # ... which their requests then used: one connection per site in all.
    assert [s.connections for s in sites] == [1, 1, 1, 1]


async def test_connecting_ahead_respects_the_address_guard(serve, run):
    slow = await serve({"/": response(200, "slow", delay=0.1)})
    refused = await serve({"/": response(200, "never")}, host="127.0.0.2")
    records = await run(
        [slow.url("/"), refused.url("/")],
        concurrency=1,
        allow_private=False,
        allowed_networks=("127.0.0.1/32",),
        security_txt=False,
    )
    assert records[0]["status"] == 200
    assert records[1]["error"]["code"] == "refused-loopback"
    assert refused.connections == 0  # not even ahead of time


async def test_a_site_that_refuses_the_early_connection_is_reported_by_its_check(serve, run):
    slow = await serve({"/": response(200, "slow", delay=0.1)})
    gone = await serve({"/": response(200, "gone")})
    url = gone.url("/")
    await gone.close()  # nothing listens there any more
    records = await run([slow.url("/"), url], concurrency=1, security_txt=False)
    assert records[0]["status"] == 200
    assert records[1]["error"]["code"] == "connect-error"


async def test_an_interrupted_run_leaves_no_early_connection_behind(serve, options):
    from vendorrisk.urlcheck.runner import iter_checks

    slow = await serve({"/": response(200, "slow", delay=5)})
    later = [await serve({"/": response(200, "later")}) for _ in range(3)]
    checks = iter_checks([slow.url("/"), *(s.url("/") for s in later)], options(concurrency=1))
    consumer = asyncio.ensure_future(checks.__anext__())
    await asyncio.sleep(0.2)  # the early connection is open by now
    # Only the next wave (one slot) is connected ahead, not the whole list.
    assert [s.connections for s in later] == [1, 0, 0]
    consumer.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await consumer
    await checks.aclose()
    # Every socket was closed: the servers see their connections end.
    await asyncio.sleep(0.05)
    assert later[0].active_connections == 0


async def test_a_check_waiting_for_a_failed_early_connection_meets_its_error(serve, run):
    # A site that takes the TCP connection and never answers the TLS handshake. The check
    # waits for the early connection (one per host); when that times out, the check must
    # get the timeout, not start a handshake of its own that outlives its deadline.
    attempts: list[asyncio.Transport] = []

    def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        attempts.append(writer.transport)  # type: ignore[arg-type]

    stalled = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = stalled.sockets[0].getsockname()[1]
    slow = await serve({"/": response(200, "slow", delay=0.1)})
    try:
        records = await run(
            [slow.url("/"), f"https://127.0.0.1:{port}/"],
            concurrency=1,
            per_host=1,
            timeout=0.5,
            security_txt=False,
        )
    finally:
        for transport in attempts:
            transport.abort()
        stalled.close()
        await stalled.wait_closed()
    assert records[0]["status"] == 200
    assert records[1]["error"]["code"] == "connect-timeout"
    assert len(attempts) == 1  # the early connection was the check's one attempt
