"""Markers a model puts in its type annotations to say what its file's JSON Schema adds to
the Python type: patterns, lengths, descriptions, the key a field has in the file.

``vendorrisk.render.schemas`` reads them to write the published schemas, and
``vendorrisk.core.codec`` to read and write the files. The keys of the canonical file follow the
fields' order, unless a class names its fields in the order the file shows them in a
``FILE_ORDER`` class variable, a string of names (fields it does not name follow).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final


# eq=False: compared and hashed by identity, as typing does with Annotated metadata.
@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """JSON Schema keywords for one value.

    With ``name`` the value is described once under ``$defs`` and referred to by ``$ref``.
    With ``whole`` the keywords are the value's entire schema instead of adding to what its
    Python type gives (for what a type cannot say, such as a TOML value of several types).
    ``uses`` lists the named rules that the keywords refer to with their own ``$ref``.
    """

    keywords: Mapping[str, Any]
    name: str | None = None
    whole: bool = False
    uses: tuple[Rule, ...] = ()


def describe(text: str) -> Rule:
    return Rule({"description": text})


@dataclass(frozen=True, slots=True, eq=False)
class Converted:
    """A value the file holds in a shape of its own (a phrase as a table of a code and its
    parameters): the codec reads and writes it with these functions instead of by type."""

    read: Callable[[Any], Any]
    write: Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class FileKey:
    """The field's key in the file when it differs from the field's name; a dotted key puts
    the field into a table (``catalog.id``)."""

    key: str


@dataclass(frozen=True, slots=True)
class _Flag:
    name: str


# Every file has the key, although the model has a default for it.
REQUIRED: Final = _Flag("required")
# Derived or loaded from elsewhere: no key in the file.
NOT_IN_FILE: Final = _Flag("not-in-file")
# The canonical file leaves the key out while the value is the default (the usual case).
OMITTED_AT_DEFAULT: Final = _Flag("omitted-at-default")


@dataclass(frozen=True, slots=True)
class FileShape:
    """One published schema: the model of the whole file and what a type cannot say."""

    name: str  # schemas/<name>.schema.json
    root: type
    title: str
    description: str
    # Classes described once under $defs (by name) instead of at each use.
    defs: Mapping[str, type] = field(default_factory=dict)
    # Cross-field rules (if/then/else) of a class, merged into its object schema.
    rules: Mapping[type, Mapping[str, Any]] = field(default_factory=dict)
    # Keys the file has before the model's own fields (a format version the reader checks).
    leading: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
