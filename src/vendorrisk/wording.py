"""Phrases read back from JSON, and the words the store writes into files for now.

Caches keep problems as codes and parameters (``Phrase.to_json``); ``phrase_from_json``
turns them back into phrases, so a cached result is said in whatever language is current
when it is shown, and no cache depends on the language.

History entries in assessment files are still text (until the file format keeps codes): a
save that reopens an approval writes the reason as words. The store does not choose those
words; the face that is running installs its renderer with ``use_words`` (the message
tables do so when they are loaded), and the store calls ``words``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from vendorrisk.codes import Code, CodedError, Phrase, phrase

Words = Callable[[Phrase | Code], str]


class Joining(Code):
    SEMICOLONS = "codes-store.joined"
    VERBATIM = "codes-store.verbatim"


def verbatim(text: str) -> Phrase:
    """Text that is not the program's own (the system's reason for an error), as it is."""
    return phrase(Joining.VERBATIM, text=text)


def joined(items: Sequence[Phrase | Code | str]) -> Phrase | Code | str:
    """Several phrases said one after another, separated by "; "."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return phrase(Joining.SEMICOLONS, first=items[0], rest=joined(items[1:]))


_renderer: Words | None = None
_codes: dict[str, Code] = {}


def use_words(renderer: Words) -> None:
    """Say phrases the store writes into files with ``renderer`` (the faces' ``say``)."""
    global _renderer
    _renderer = renderer


def words(said: Phrase | Code | str) -> str:
    """``said`` as text for a file: plain text is kept, phrases are said by the face's renderer."""
    if isinstance(said, (Phrase, Code)):
        if _renderer is None:
            raise RuntimeError("no renderer installed: vendorrisk.wording.use_words")
        return _renderer(said)
    return said


def _subclasses(base: type[Code]) -> list[type[Code]]:
    found: list[type[Code]] = []
    for sub in base.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def code_for(value: str) -> Code:
    """The code whose message key is ``value``; ValueError when no loaded enumeration has it."""
    known = _codes.get(value)
    if known is None:
        for enumeration in _subclasses(Code):
            for member in enumeration:
                _codes.setdefault(str(member), member)
        known = _codes.get(value)
    if known is None:
        raise ValueError(f"unknown code: {value}")
    return known


def _param(value: Any) -> object:
    if isinstance(value, dict) and set(value) == {"code", "params"}:
        return phrase_from_json(value)
    if isinstance(value, list):
        return [_param(v) for v in value]
    return value


def phrase_from_json(data: Mapping[str, Any]) -> Phrase:
    """The phrase ``Phrase.to_json`` wrote; ValueError or TypeError when it is not one."""
    params = data["params"]
    if not isinstance(params, dict):
        raise TypeError("phrase parameters must be an object")
    code = code_for(str(data["code"]))  # also learns the codes of every loaded enumeration
    # A code given as a parameter comes back as its key: said as the code again.
    restored = {
        name: _param(value) if not isinstance(value, str) else _code_or_text(value)
        for name, value in params.items()
    }
    return phrase(code, **restored)


def _code_or_text(value: str) -> object:
    return _codes.get(value, value)


class WordedError(CodedError):
    """A coded error whose ``str()`` is its phrase in the running face's words, for code
    that still formats exceptions as text (faces use ``messages.said.error_text``)."""

    def __str__(self) -> str:
        return words(self.phrase) if _renderer is not None else str(self.code)
