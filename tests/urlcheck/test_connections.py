"""The checker's own connections: kept alive per origin, never reused in a doubtful state."""

from __future__ import annotations

import asyncio

from .servers import Request, response


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
