"""The one hash of the program: content digests that stored values are compared by."""

from __future__ import annotations

import hashlib


def digest_hex(data: bytes | str, size: int = 20) -> str:
    """BLAKE2b in hex, of bytes or of text as UTF-8. ``size`` in bytes: callers keep the size
    a stored value was written with (an approval's basis, the summary cache, a file-name
    tag), as changing it would make every stored digest differ."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.blake2b(raw, digest_size=size).hexdigest()
