"""BCP 47 language tags (RFC 5646 §2.1 grammar, §2.2.5 and §2.2.6 rules), for the
Preferred-Languages field. Subtag by subtag, ASCII only, case-insensitive.

Registry membership (is "qq" a language?) is not checked: that needs the IANA registry,
which changes; a tag that is well-formed with no repeated variant or singleton passes.
"""

from __future__ import annotations

from typing import Final

# RFC 5646 §2.2.8: tags that predate the grammar, matched as whole tags.
_GRANDFATHERED: Final = frozenset(
    """en-gb-oed i-ami i-bnn i-default i-enochian i-hak i-klingon i-lux i-mingo i-navajo
    i-pwn i-tao i-tay i-tsu sgn-be-fr sgn-be-nl sgn-ch-de art-lojban cel-gaulish no-bok
    no-nyn zh-guoyu zh-hakka zh-min zh-min-nan zh-xiang""".split()
)
_ALPHA: Final = frozenset("abcdefghijklmnopqrstuvwxyz")
_DIGIT: Final = frozenset("0123456789")


def _alpha(s: str, low: int, high: int) -> bool:
    return low <= len(s) <= high and all(c in _ALPHA for c in s)


def _alnum(s: str, low: int, high: int) -> bool:
    return low <= len(s) <= high and all(c in _ALPHA or c in _DIGIT for c in s)


def _private_use(subtags: list[str]) -> bool:
    # "x" 1*("-" (1*8alphanum))
    return len(subtags) >= 2 and subtags[0] == "x" and all(_alnum(s, 1, 8) for s in subtags[1:])


def is_language_tag(value: str) -> bool:
    tag = value.lower()
    if tag in _GRANDFATHERED:
        return True
    if not tag.isascii():
        return False
    subtags = tag.split("-")
    if _private_use(subtags):
        return True
    i = 0
    first = subtags[0]
    if _alpha(first, 2, 3):
        i = 1
        # extlang: up to three 3-letter subtags, only after a 2- or 3-letter language
        while i < len(subtags) and i <= 3 and _alpha(subtags[i], 3, 3):
            i += 1
    elif _alpha(first, 4, 8):
        i = 1
    else:
        return False
    if i < len(subtags) and _alpha(subtags[i], 4, 4):  # script
        i += 1
    if i < len(subtags) and (  # region
        _alpha(subtags[i], 2, 2) or (len(subtags[i]) == 3 and set(subtags[i]) <= _DIGIT)
    ):
        i += 1
    variants: set[str] = set()
    while i < len(subtags) and (
        _alnum(subtags[i], 5, 8)
        or (len(subtags[i]) == 4 and subtags[i][0] in _DIGIT and _alnum(subtags[i], 4, 4))
    ):
        if subtags[i] in variants:
            return False  # §2.2.5: a variant must not repeat
        variants.add(subtags[i])
        i += 1
    singletons: set[str] = set()
    while i < len(subtags) and len(subtags[i]) == 1 and subtags[i] != "x":
        singleton = subtags[i]
        if not _alnum(singleton, 1, 1) or singleton in singletons:
            return False  # §2.2.6: each singleton at most once
        singletons.add(singleton)
        i += 1
        start = i
        while i < len(subtags) and _alnum(subtags[i], 2, 8):
            i += 1
        if i == start:
            return False  # an extension needs at least one subtag
    if i < len(subtags):
        return _private_use(subtags[i:])
    return True
