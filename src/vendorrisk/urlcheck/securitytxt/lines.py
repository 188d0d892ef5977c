"""From bytes to numbered content lines: size limits, UTF-8, BOM, line endings, and the
OpenPGP cleartext signature frame (RFC 4880 §7) around the signed text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vendorrisk.urlcheck.securitytxt.armor import check_signature_armor
from vendorrisk.urlcheck.securitytxt.problems import Problem, problem

MAX_BYTES = 32 * 1024  # RFC 9116 §5.4
MAX_LINES = 1000  # RFC 9116 §5.4

_BEGIN_SIGNED = "-----BEGIN PGP SIGNED MESSAGE-----"
_BEGIN_SIGNATURE = "-----BEGIN PGP SIGNATURE-----"
_END_SIGNATURE = "-----END PGP SIGNATURE-----"
_HASH_HEADER = re.compile(r"^Hash: [A-Za-z0-9-]+(?:, ?[A-Za-z0-9-]+)*$")


@dataclass(slots=True)
class Document:
    lines: list[tuple[int, str]] = field(default_factory=list)  # (1-based line, text)
    signed: bool = False
    problems: list[Problem] = field(default_factory=list)
    parseable: bool = True  # False when a §5.4 limit says: do not parse at all


def read_document(data: bytes) -> Document:
    doc = Document()
    if len(data) > MAX_BYTES:
        doc.problems.append(problem("error", "too-large", size=len(data), limit=MAX_BYTES))
        doc.parseable = False
        return doc
    if data.startswith(b"\xef\xbb\xbf"):
        # The ABNF has no byte order mark, so strict parsers read "\ufeffContact" as a name.
        doc.problems.append(problem("error", "bom", line=1))
        data = data[3:]
    text = _decode(data, doc)
    raw_lines = _split_lines(text, doc)
    if len(raw_lines) > MAX_LINES:
        doc.problems.append(
            problem("error", "too-many-lines", count=len(raw_lines), limit=MAX_LINES)
        )
        doc.parseable = False
        return doc
    _unwrap_signature(raw_lines, doc)
    return doc


def _decode(data: bytes, doc: Document) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        doc.problems.append(problem("error", "invalid-utf8", line=line))
        return data.decode("utf-8", errors="replace")


def _split_lines(text: str, doc: Document) -> list[tuple[int, str]]:
    crlf = text.count("\r\n")
    bare_lf = text.count("\n") - crlf
    pieces = text.split("\n")
    lines: list[tuple[int, str]] = []
    bare_cr_reported = False
    for number, piece in enumerate(pieces, start=1):
        body = piece[:-1] if piece.endswith("\r") else piece
        if "\r" in body and not bare_cr_reported:
            # A lone CR is not a line end in RFC 9116 §2.2 (CRLF or LF only).
            doc.problems.append(problem("error", "bare-cr", line=number))
            bare_cr_reported = True
        lines.append((number, body))
    if pieces and pieces[-1] == "":
        lines.pop()  # the text after the final newline is not a line
    elif text:
        # RFC 9116 §4: every line, the last included, ends with "eol".
        doc.problems.append(problem("error", "no-final-newline", line=len(pieces)))
    if crlf and bare_lf:
        doc.problems.append(problem("info", "mixed-line-endings"))
    return lines


def _unwrap_signature(raw: list[tuple[int, str]], doc: Document) -> None:
    begin = next((i for i, (_, t) in enumerate(raw) if t.rstrip() == _BEGIN_SIGNED), None)
    if begin is None:
        if any(t.rstrip() in (_BEGIN_SIGNATURE, _END_SIGNATURE) for _, t in raw):
            line = next(n for n, t in raw if t.rstrip() in (_BEGIN_SIGNATURE, _END_SIGNATURE))
            doc.problems.append(problem("error", "signature-malformed", line=line))
        doc.lines = [(n, t) for n, t in raw if t.rstrip() not in (_BEGIN_SIGNATURE, _END_SIGNATURE)]
        doc.problems.append(problem("info", "unsigned"))
        return
    doc.signed = True
    before = [n for n, t in raw[:begin] if t.strip()]
    if before:
        doc.problems.append(problem("error", "data-before-signature", line=before[0]))
    i = begin + 1
    # Armor headers ("Hash: SHA256") up to the blank line that starts the signed text.
    while i < len(raw) and raw[i][1].strip() and ":" in raw[i][1]:
        if not _HASH_HEADER.match(raw[i][1].rstrip()):
            # RFC 4880 §7: the cleartext frame carries only "Hash" armor headers.
            doc.problems.append(problem("error", "signature-armor-header", line=raw[i][0]))
        i += 1
    if i >= len(raw) or raw[i][1].strip():
        line = raw[i][0] if i < len(raw) else raw[begin][0]
        doc.problems.append(problem("error", "signature-malformed", line=line))
    else:
        i += 1
    sig = next((j for j in range(i, len(raw)) if raw[j][1].rstrip() == _BEGIN_SIGNATURE), None)
    end_of_text = sig if sig is not None else len(raw)
    for number, text in raw[i:end_of_text]:
        if text.startswith("- "):
            text = text[2:]  # dash-escaped (RFC 4880 §7.1)
        elif text.startswith("-"):
            doc.problems.append(problem("error", "signature-malformed", line=number))
            continue
        doc.lines.append((number, text))
    if sig is None:
        doc.problems.append(problem("error", "signature-missing", line=raw[begin][0]))
        return
    end = next((j for j in range(sig, len(raw)) if raw[j][1].rstrip() == _END_SIGNATURE), None)
    if end is None:
        doc.problems.append(problem("error", "signature-malformed", line=raw[sig][0]))
        return
    check_signature_armor(raw[sig][0], raw[sig + 1 : end], doc.problems)
    after = [n for n, t in raw[end + 1 :] if t.strip()]
    if after:
        # Text after the signature is not covered by it, and parsers disagree on using it.
        doc.problems.append(problem("error", "data-after-signature", line=after[0]))
