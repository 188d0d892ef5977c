"""From the model to the canonical document the TOML writer turns into text."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from operator import attrgetter
from typing import Any

from vendorrisk.core.codec.fields import FieldType, written_fields
from vendorrisk.core.model import Assessment
from vendorrisk.core.schemas.shape import OMITTED_AT_DEFAULT, Converted

Writer = Callable[[Any, Mapping[str, int]], Any]

_KEEP = object()  # the field has no value that leaves its key out


def normalize_text(value: str) -> str:
    # TOML multi-line strings cannot keep a CR before LF byte-for-byte; store LF only so
    # that what is loaded is exactly what was saved.
    return value.replace("\r\n", "\n")


def _text(value: Any, order: Mapping[str, int]) -> Any:
    # str.replace gives the string itself back when there is nothing to replace.
    return value.replace("\r\n", "\n") if type(value) is str else value


def answer_sort_key(order: Mapping[str, int]) -> Callable[[str], tuple[int, str]]:
    """Catalogue order first; ids the catalogue does not know go last, by id."""
    unknown = len(order)
    return lambda rid: (order.get(rid, unknown), rid)


_CONTAINERS = (tuple, list, dict)


class ObjectWriter:
    """One dataclass as its table: absent (None) and empty values are left out, so the file
    shows only what was said."""

    __slots__ = ("plan", "values")

    def __init__(self, cls: type) -> None:
        fields = written_fields(cls)
        # Every field's value in one call, in the order of the plan.
        self.values: Callable[[Any], tuple[Any, ...]] = (
            attrgetter(*(f.name for f in fields))
            if len(fields) > 1
            else lambda obj: tuple(getattr(obj, f.name) for f in fields)
        )
        # (table or None, key, writer, the value that leaves the key out)
        self.plan: list[tuple[str | None, str, Writer | None, Any]] = []
        for field in fields:
            table, _, key = field.key.rpartition(".")
            omitted = field.default if OMITTED_AT_DEFAULT in field.type.marks else _KEEP
            self.plan.append((table or None, key, writer(field.type), omitted))

    def __call__(self, obj: Any, order: Mapping[str, int]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for (table, key, write, omitted), value in zip(self.plan, self.values(obj), strict=True):
            if value is None or (omitted is not _KEEP and value == omitted):
                continue
            if write is not None:
                if not value and type(value) in _CONTAINERS:
                    continue
                value = write(value, order)
                if not value and type(value) in _CONTAINERS:
                    continue
            if table is None:
                out[key] = value
            else:  # a key in a table of its own, placed where its first key is
                out.setdefault(table, {})[key] = value
        return out


@cache
def object_writer(cls: type) -> ObjectWriter:
    return ObjectWriter(cls)


def _sequence_writer(item: Writer | None) -> Writer:
    if item is None:
        return lambda value, order: list(value)
    return lambda value, order: [item(v, order) for v in value]


def _mapping_writer(item: Writer | None, *, tables: bool) -> Writer:
    if tables:  # the answers, keyed by requirement id: the catalogue's order
        assert item is not None

        def write(value: Mapping[str, Any], order: Mapping[str, int]) -> dict[str, Any]:
            return {k: item(value[k], order) for k in sorted(value, key=answer_sort_key(order))}

        return write
    if item is None:  # plain trees (URL-check records) are kept as they are
        return lambda value, order: dict(value)
    return lambda value, order: {k: item(v, order) for k, v in value.items()}


def _union_writer(members: Mapping[type, Writer]) -> Writer:
    def write(value: Any, order: Mapping[str, int]) -> Any:
        member = members.get(type(value))
        return value if member is None else member(value, order)

    return write


def writer(tp: FieldType) -> Writer | None:
    """The converter for a value of this type, or None when the value goes in as it is."""
    for mark in tp.marks:
        if isinstance(mark, Converted):
            convert = mark.write
            return lambda value, _order: convert(value)
    kind = tp.kind()
    if kind == "object":
        return object_writer(tp.bare)
    if kind == "sequence":
        return _sequence_writer(writer(tp.args[0]))
    if kind == "mapping":
        values = tp.args[1]
        return _mapping_writer(writer(values), tables=values.kind() == "object")
    if kind == "union":
        members = {}
        for member in tp.args:
            write = writer(member)
            if write is not None:
                members[member.origin] = write
        return _union_writer(members) if members else None
    # A Literal's values are the model's own words: nothing to normalize.
    return _text if tp.bare is str else None


def to_document(assessment: Assessment, order: Mapping[str, int]) -> dict[str, Any]:
    """The canonical document: same data, same dict, same key order."""
    return object_writer(Assessment)(assessment, order)
