"""What the core says, as codes and parameters: the words are chosen at the faces.

The core (model, rules, store, features) never looks up text. It returns a ``Phrase``: a
code naming what happened and the facts that go with it. The CLI, the UI and the reports
turn phrases into Japanese or English (``vendorrisk.messages.say``), so a result can be
cached, passed to another process or written to a file without fixing its language.
"""

from __future__ import annotations

from collections.abc import Mapping
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
        return [_plain(v) for v in value.items]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


class CodedError(Exception):
    """An error of the core: what went wrong as a phrase, put into words by the face."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(str(phrase.code))
        self.phrase = phrase

    @property
    def code(self) -> Code:
        return self.phrase.code
