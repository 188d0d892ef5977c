"""The ASCII armor of the signature in a signed security.txt (RFC 4880 §6.2, §6.1):
armor headers, a blank line, base64 lines, the ``=XXXX`` CRC-24 checksum line.

Integrity of the armor only: whether the signature is cryptographically good needs the
key, which this checker does not fetch.
"""

from __future__ import annotations

import binascii
import re

from vendorrisk.urlcheck.securitytxt.problems import Problem, problem

_HEADER = re.compile(r"^[\x21-\x39\x3b-\x7e]+: .*$")  # "Key: Value"
_BASE64_LINE = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")
_CHECKSUM_LINE = re.compile(r"^=[A-Za-z0-9+/]{4}$")
_MAX_LINE = 76  # RFC 4880 §6.3: armored lines MUST NOT be longer than 76 characters
_SIGNATURE_TAG = 2  # RFC 4880 §5.2
_CRC24_INIT = 0xB704CE
_CRC24_POLY = 0x1864CFB


def crc24(data: bytes) -> int:
    """The OpenPGP CRC-24 (RFC 4880 §6.1)."""
    crc = _CRC24_INIT
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= _CRC24_POLY
    return crc & 0xFFFFFF


def _packet_tag(first: int) -> int | None:
    if not first & 0x80:
        return None  # bit 7 is always set in a packet header
    return first & 0x3F if first & 0x40 else (first >> 2) & 0x0F


def check_signature_armor(
    begin: int, block: list[tuple[int, str]], problems: list[Problem]
) -> None:
    """``block``: the numbered lines between ``-----BEGIN PGP SIGNATURE-----`` (on line
    ``begin``) and ``-----END PGP SIGNATURE-----``, exclusive."""
    start = block[0][0] if block else begin
    i = 0
    while i < len(block) and block[i][1].strip():
        number, text = block[i]
        if not _HEADER.match(text.rstrip()):
            problems.append(problem("error", "signature-armor-header", line=number))
            return
        i += 1
    if i >= len(block):
        problems.append(problem("error", "signature-base64", line=start))
        return
    i += 1  # the blank line that ends the headers
    body: list[str] = []
    checksum: tuple[int, str] | None = None
    for number, raw_text in block[i:]:
        text = raw_text.rstrip()
        if checksum is not None:
            # Nothing may follow the checksum line but the armor tail.
            problems.append(problem("error", "signature-base64", line=number))
            return
        if _CHECKSUM_LINE.match(text):
            checksum = (number, text)
        elif not _BASE64_LINE.match(text) or len(text) > _MAX_LINE:
            problems.append(problem("error", "signature-base64", line=number))
            return
        else:
            body.append(text)
    first_line = block[i][0] if i < len(block) else start
    try:
        data = binascii.a2b_base64("".join(body), strict_mode=True)
    except binascii.Error:
        problems.append(problem("error", "signature-base64", line=first_line))
        return
    if not data:
        problems.append(problem("error", "signature-base64", line=first_line))
        return
    if _packet_tag(data[0]) != _SIGNATURE_TAG:
        problems.append(problem("error", "signature-not-a-signature", line=first_line))
    if checksum is None:
        # RFC 9580 §6.1 made the checksum optional; RFC 4880, which RFC 9116 cites, has it.
        problems.append(problem("warning", "signature-no-checksum", line=begin))
        return
    number, text = checksum
    expected = int.from_bytes(binascii.a2b_base64(text[1:]), "big")
    if crc24(data) != expected:
        problems.append(problem("error", "signature-checksum", line=number))
