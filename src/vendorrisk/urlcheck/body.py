"""Read a response body without letting the server decide how much memory we use.

The cap counts decompressed bytes, and decompression itself is bounded (``max_length``),
so a gzip bomb of a few kilobytes cannot expand into gigabytes before we look at it.
A generic decoder would expand a whole network chunk at once, hence this module.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from vendorrisk.urlcheck.http1 import Response

_GZIP = 16 + zlib.MAX_WBITS
_SUPPORTED = ("gzip", "x-gzip", "deflate", "identity", "")


@dataclass(frozen=True, slots=True)
class Body:
    data: bytes
    truncated: bool  # the cap was reached; data holds the first `cap` bytes
    encoding_problem: str = ""  # "unsupported-encoding" or "corrupt-encoding"


class _Decoder:
    def __init__(self, encoding: str) -> None:
        self._deflate = encoding == "deflate"
        wbits = _GZIP if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._obj = zlib.decompressobj(wbits) if encoding not in ("identity", "") else None
        self._first = True

    def feed(self, data: bytes, room: int) -> bytes:
        """At most ``room`` bytes decoded from ``data`` (the rest is dropped: we stop there)."""
        if self._obj is None:
            return data[:room]
        if self._deflate and self._first:
            self._first = False
            # "deflate" is often sent raw, without the zlib header the standard asks for.
            try:
                probe = zlib.decompressobj(zlib.MAX_WBITS)
                out = probe.decompress(data, room)
                self._obj = probe
                return out
            except zlib.error:
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._obj.decompress(data, room)


async def read_capped(response: Response, cap: int) -> Body:
    """The body, decoded, at most ``cap`` bytes; closes the response when done."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding not in _SUPPORTED:
        # Stacked or unknown encodings: keep the raw bytes out of the text checks.
        raw = await _read_raw(response, cap)
        return Body(data=b"", truncated=raw.truncated, encoding_problem="unsupported-encoding")
    decoder = _Decoder(encoding)
    parts: list[bytes] = []
    size = 0
    truncated = False
    raw_size = 0
    try:
        while chunk := await response.read_chunk():
            raw_size += len(chunk)
            out = decoder.feed(chunk, cap + 1 - size)
            parts.append(out)
            size += len(out)
            if size > cap or raw_size > cap:
                truncated = True
                break
    except zlib.error:
        return Body(
            data=b"".join(parts)[:cap], truncated=False, encoding_problem="corrupt-encoding"
        )
    finally:
        response.close()
    return Body(data=b"".join(parts)[:cap], truncated=truncated)


async def _read_raw(response: Response, cap: int) -> Body:
    size = 0
    try:
        while chunk := await response.read_chunk():
            size += len(chunk)
            if size > cap:
                return Body(data=b"", truncated=True)
    finally:
        response.close()
    return Body(data=b"", truncated=False)


async def drain(response: Response, cap: int = 64 * 1024) -> None:
    """Read and drop a small body (a redirect's) so the connection can be reused."""
    size = 0
    try:
        while chunk := await response.read_chunk():
            size += len(chunk)
            if size > cap:
                break
    finally:
        response.close()
