"""Output formats as reporters registered by name: one registry per kind of output.

A command builds one value (a report, a score, a list of due dates) and hands it to the
reporter its ``--format`` names; the option's choices are the registry's names, so adding a
format is adding a class, and no command asks which format it is writing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

V_contra = TypeVar("V_contra", contravariant=True)
O_co = TypeVar("O_co", covariant=True)
P = TypeVar("P")  # the reporter protocol of one kind of output


class Reporter(Protocol[V_contra, O_co]):
    """Turns one kind of value into one format's text (or a document's bytes)."""

    @property
    def for_people(self) -> bool:
        """Whether notes for a person (counts, hints on stderr) go with this output; a
        format for scripts leaves stderr to errors."""
        ...

    def render(self, value: V_contra) -> O_co: ...


class OutputRefused(Exception):
    """A reporter that cannot produce its output says why, in words, for the command to
    print (a character the chosen encoding lacks, a document other tools would refuse),
    and with which exit code the command stops."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Formats(Generic[P]):
    """The reporters of one kind of output, by name, in the order ``--help`` lists them.

    ``P`` is the protocol they follow: ``Reporter[Value, Output]``, or one extending it
    with what the command needs to know of a format (whether it describes one assessment).
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._reporters: dict[str, Callable[[], P]] = {}
        self._default: str | None = None

    def register(self, name: str) -> Callable[[Callable[[], P]], Callable[[], P]]:
        """Class decorator: the reporter class answering to ``name``; the first registered
        is the default."""

        def add(cls: Callable[[], P]) -> Callable[[], P]:
            if name in self._reporters:
                raise ValueError(f"{self.kind}: format {name!r} registered twice")
            self._reporters[name] = cls
            if self._default is None:
                self._default = name
            return cls

        return add

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._reporters)

    @property
    def default(self) -> str:
        if self._default is None:
            raise LookupError(f"{self.kind}: no format registered")
        return self._default

    def __getitem__(self, name: str) -> P:
        return self._reporters[name]()
