"""Mentions of security certifications in a page's text, each with the words around it.

A mention is evidence for a reviewer to verify against the certifier's register (the ISMAP
list, the ISMS-AC register, the JIPDEC Privacy Mark search), never proof. Japanese pages
often write these names in full-width characters (ＩＳＯ２７００１) or half-width katakana,
so the text is NFKC-normalised before matching.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

_SNIPPET_CONTEXT = 60
_MAX_TEXT = 1_000_000  # characters of page text examined

# Japanese letters count as word characters, so \b fails in "ISMAPに登録"; look for ASCII.
_A = r"(?<![A-Za-z0-9])"
_ISO = _A + r"(?:ISO\s*/?\s*(?:IEC)?|JIS\s*Q)\s*[-:]?\s*"

# (id, pattern). Patterns run on NFKC text, case-insensitively.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("ismap-liu", r"ISMAP\s*-?\s*LIU"),
        ("ismap", _A + r"ISMAP(?![A-Za-z0-9])(?!\s*-?\s*LIU)"),
        (
            "iso27001",
            _ISO + r"27001(?!\d)|ISMS\s*(?:認証|適合性評価)|情報セキュリティマネジメントシステム",
        ),
        ("iso27017", _ISO + r"27017(?!\d)|ISMS\s*クラウドセキュリティ|ISMS-CLS"),
        ("iso27018", _ISO + r"27018(?!\d)"),
        (
            "soc2-type2",
            _A + r"SOC\s*2(?!\d)\s*(?:®\s*)?(?:Type\s*(?:II|2)|タイプ\s*(?:II|2))(?![\dI])",
        ),
        (
            "soc2-type1",
            _A + r"SOC\s*2(?!\d)\s*(?:®\s*)?(?:Type\s*(?:I|1)|タイプ\s*(?:I|1))(?![\dI])",
        ),
        ("soc2", _A + r"SOC\s*2(?!\d)"),
        ("privacy-mark", r"プライバシーマーク|Privacy\s*Mark|Pマーク"),
        ("jisq15001", r"JIS\s*Q\s*[-:]?\s*15001"),
        ("csa-star", r"CSA\s*STAR|STAR\s*(?:Certification|Attestation|認証)"),
    )
)
# One pass over the text: the alternatives are tried in the order above at each position,
# so "ISMAP-LIU" is not also counted as "ISMAP", nor "SOC 2 Type II" as a plain "SOC 2".
_COMBINED = re.compile(
    "|".join(f"(?P<g{i}>{p.pattern})" for i, (_, p) in enumerate(_PATTERNS)), re.IGNORECASE
)
_GROUP_IDS = {f"g{i}": name for i, (name, _) in enumerate(_PATTERNS)}
# Every pattern starts with one of these words. Finding them is cheap; trying the full
# alternation only where one occurs keeps a large batch from being CPU-bound on regexes.
_TRIGGER = re.compile(
    r"ISMAP|ISO|JIS|ISMS|情報セキュリティ|SOC|プライバシーマーク|Privacy|Pマーク|CSA|STAR",
    re.IGNORECASE,
)

_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_ALT = re.compile(r"""\b(?:alt|title|aria-label)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_JA_ALIASES = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932"}


@dataclass(frozen=True, slots=True)
class Mention:
    id: str
    snippet: str
    count: int

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "snippet": self.snippet, "count": self.count}


def find_mentions(text: str) -> list[Mention]:
    normalised = _SPACE.sub(" ", unicodedata.normalize("NFKC", text[:_MAX_TEXT]))
    first: dict[str, tuple[int, int]] = {}
    counts: dict[str, int] = {}
    end = 0
    for trigger in _TRIGGER.finditer(normalised):
        if trigger.start() < end:
            continue
        match = _COMBINED.match(normalised, trigger.start())
        if match is None:
            continue
        end = match.end()
        name = _GROUP_IDS[match.lastgroup or ""]
        counts[name] = counts.get(name, 0) + 1
        first.setdefault(name, match.span())
    return [
        Mention(name, _snippet(normalised, *first[name]), counts[name])
        for name, _ in _PATTERNS
        if name in first
    ]


def _snippet(text: str, start: int, end: int) -> str:
    left = max(0, start - _SNIPPET_CONTEXT)
    right = min(len(text), end + _SNIPPET_CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return f"{prefix}{text[left:right].strip()}{suffix}"


def page_text(body: bytes, content_type: str) -> str:
    """Visible text of an HTML (or plain text) body, decoded with the page's own charset."""
    text = body.decode(_charset(body, content_type), errors="replace")
    if "html" not in content_type.lower() and not text.lstrip()[:1] == "<":
        return text
    text = _DROP.sub(" ", text)
    # Certification logos usually carry the name only in their alt text.
    extra = " ".join(a or b for a, b in _ALT.findall(text))
    return html.unescape(_TAG.sub(" ", text) + " " + extra)


def _charset(body: bytes, content_type: str) -> str:
    declared = ""
    for param in content_type.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset":
            declared = value.strip().strip("\"'")
    if not declared:
        match = _META_CHARSET.search(body[:4096])
        declared = match.group(1).decode("ascii") if match else ""
    name = _JA_ALIASES.get(declared.lower(), declared)
    if name:
        try:
            codecs.lookup(name)
            return name
        except LookupError:
            pass
    # No usable declaration: UTF-8 if it decodes, else the usual Japanese legacy encoding.
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp932"
