"""What the core says, as codes and parameters: the words are chosen at the faces.

The core (model, rules, store, features) never looks up text. It returns a ``Phrase``: a
code naming what happened and the facts that go with it. The CLI, the UI and the reports
turn phrases into Japanese or English (the message catalogue's ``say``), so a result can
be cached, passed to another process or written to a file without fixing its language;
``Phrase.to_json`` and ``phrase_from_json`` carry a phrase through a cache.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable


class Code(StrEnum):
    """Base of every code enumeration; a code's value is its message key.

    Each area declares its own subclass (``class StorageCode(Code)``), so that the set of
    codes can be listed (the message catalogue test walks ``Code``'s subclasses) and a
    typo is a type error rather than a missing text at run time.
    """


@runtime_checkable
class Bilingual(Protocol):
    """A text given in both languages by data (a catalogue title): a phrase may carry it as
    a parameter, and the face picks the language when it says the phrase."""

    @property
    def ja(self) -> str: ...

    @property
    def en(self) -> str: ...


def _frozen(params: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(params))


@dataclass(frozen=True, slots=True)
class Phrase:
    """A code and its parameters; parameters may themselves be phrases or codes."""

    code: Code
    params: Mapping[str, object] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))

    def __reduce__(self) -> tuple[Any, ...]:
        # A mapping proxy cannot be pickled; worker processes send phrases back.
        return (phrase_of, (self.code, dict(self.params)))

    def to_json(self) -> dict[str, Any]:
        """Code and parameters for machine-readable output and files (no words)."""
        return {"code": str(self.code), "params": {k: _plain(v) for k, v in self.params.items()}}


@dataclass(frozen=True, slots=True)
class Joined:
    """Several phrases (or plain values) said one after another with ``separator``
    between them: the reasons of a refusal, joined with "; "."""

    items: tuple[object, ...]
    separator: str = "; "


def phrase(code: Code, /, **params: object) -> Phrase:
    return Phrase(code, _frozen(params))


def phrase_of(code: Code, params: Mapping[str, object]) -> Phrase:
    """A phrase from a code and a mapping of parameters (as read back from a file)."""
    return Phrase(code, _frozen(params))


def _plain(value: object) -> object:
    if isinstance(value, Phrase):
        return value.to_json()
    if isinstance(value, Code):
        return str(value)
    if isinstance(value, Bilingual):
        return {"ja": value.ja, "en": value.en}
    if isinstance(value, Joined):
        # Marked, so that reading it back gives a Joined again rather than a list.
        return {"joined": [_plain(v) for v in value.items], "separator": value.separator}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


class Verbatim(Code):
    """Text that is not the program's own, said as it is."""

    TEXT = "codes-store.verbatim"


def verbatim(text: str) -> Phrase:
    """Text that is not the program's own (the system's reason for an error), as it is."""
    return phrase(Verbatim.TEXT, text=text)


def _subclasses(base: type[Code]) -> list[type[Code]]:
    found: list[type[Code]] = []
    for sub in base.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


_codes: dict[str, Code] = {}


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


def phrase_from_json(data: Mapping[str, Any]) -> Phrase:
    """The phrase ``Phrase.to_json`` wrote (a cache's copy of a problem); ValueError or
    TypeError when it is not one."""
    params = data["params"]
    if not isinstance(params, dict):
        raise TypeError("phrase parameters must be an object")
    code = code_for(str(data["code"]))  # also learns the codes of every loaded enumeration
    return phrase_of(code, {name: _from_plain(value) for name, value in params.items()})


def _from_plain(value: object) -> object:
    if isinstance(value, str):
        # A code given as a parameter was written as its key: it is said as the code again.
        return _codes.get(value, value)
    if isinstance(value, dict):
        if set(value) == {"code", "params"}:
            return phrase_from_json(value)
        if set(value) == {"joined", "separator"}:
            return Joined(_items(value["joined"]), str(value["separator"]))
        if set(value) == {"ja", "en"}:
            return _Both(str(value["ja"]), str(value["en"]))
    if isinstance(value, list):
        return [_from_plain(v) for v in value]
    return value


def _items(values: object) -> tuple[object, ...]:
    if not isinstance(values, Sequence) or isinstance(values, str):
        raise TypeError("joined items must be a list")
    return tuple(_from_plain(v) for v in values)


@dataclass(frozen=True, slots=True)
class _Both:
    """A bilingual parameter read back from JSON."""

    ja: str
    en: str


class CodedError(Exception):
    """An error of the core: what went wrong as a phrase, put into words by the face."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(str(phrase.code))
        self.phrase = phrase

    @property
    def code(self) -> Code:
        return self.phrase.code
