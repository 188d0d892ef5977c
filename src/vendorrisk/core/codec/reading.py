"""From a schema-valid TOML document to the model, with the checks JSON Schema cannot make."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from vendorrisk.core.codec.fields import FieldType, file_fields
from vendorrisk.core.model import Assessment
from vendorrisk.core.problems import Problem, problem
from vendorrisk.core.schemas.shape import Converted

# The years a date may fall in (the schema says the same): wide enough for any contract or
# certificate, narrow enough that date arithmetic in reports never leaves Python's range.
FIRST_YEAR = 1900
LAST_YEAR = 2999

# Where a value sits, put into words only for a problem: (parent, key or index), built as
# the reader descends.
Where = tuple[Any, str | int] | None
Reader = Callable[[Any, "Reading", Where, str | int], Any]
Setter = Callable[[Any, Any], None]


def key_path(where: Where, key: str | int) -> str:
    """``answers.A-01.evidence[0].collected``"""
    parts = [key]
    while where is not None:
        where, step = where
        parts.append(step)
    out = ""
    for part in reversed(parts):
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class Reading:
    """Collects type problems while converting, so one pass reports all of them."""

    __slots__ = ("problems",)

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def report(self, code: str, where: Where, key: str | int, **params: Any) -> None:
        self.problems.append(problem(code, key=key_path(where, key), **params))


def _integer(value: Any, read: Reading, where: Where, key: str | int) -> Any:
    # JSON Schema counts 3.0 as an integer; TOML does not, and writing it back as 3
    # would change the file behind the author's back.
    if isinstance(value, float):
        read.report("integer-expected", where, key, value=value)
        return int(value) if math.isfinite(value) else 0
    return value


def _finite(value: float, read: Reading, where: Where, key: str | int) -> float:
    if math.isfinite(value):
        return value
    # nan is no number anyone can compare or score; inf is no real quantity.
    read.report("number-not-finite", where, key, value=value)
    return 0.0


def _date(value: Any, read: Reading, where: Where, key: str | int) -> dt.date | None:
    if type(value) is dt.date:
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            read.report("date-range", where, key, value=value, first=FIRST_YEAR, last=LAST_YEAR)
        return value
    if isinstance(value, dt.datetime):
        read.report("date-expected", where, key)
        return value.date()
    if value is not None:
        read.report("date-quoted", where, key, value=str(value)[:40])
    return None


def _required_date(value: Any, read: Reading, where: Where, key: str | int) -> dt.date:
    return _date(value, read, where, key) or dt.date.min


def _datetime(value: Any, read: Reading, where: Where, key: str | int) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            read.report("datetime-offset", where, key)
            return value.replace(tzinfo=dt.UTC)
        _date(value.date(), read, where, key)
        return value
    read.report("datetime-expected", where, key)
    return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class ObjectReader:
    """Builds one dataclass from its table in a single pass over the fields, in the model's
    order (the order problems are reported in).

    The model's classes are frozen, slotted dataclasses with nothing to do after ``__init__``,
    so each slot is filled directly, as ``__init__`` would fill it (building the objects is
    most of the time a file takes to read; this takes a quarter less than keyword calls).
    Keys the model does not know are not looked at: the schema has refused them already.

    The plan is turned once into a function of its own, with a line or two per field
    (``_compiled``): a batch builds a hundred and more objects for every file, and reading
    them with a loop that unpacked each field's plan for every object took a third longer.
    """

    __slots__ = ("cls", "derived", "plan", "read")

    def __init__(self, cls: type) -> None:
        if "__slots__" not in cls.__dict__ or hasattr(cls, "__post_init__"):
            raise TypeError(f"{cls.__name__}: not a slotted dataclass without __post_init__")
        self.cls = cls
        in_file = {field.name: field for field in file_fields(cls)}
        # (table or None, key, slot setter, default, default factory, converter)
        self.plan: list[tuple[str | None, str, Setter, Any, Any, Reader | None]] = []
        # Fields with no key in the file: a derived value needs a default.
        self.derived: list[tuple[Setter, Any, Any]] = []
        for spec in dataclasses.fields(cls):
            fill = cls.__dict__[spec.name].__set__
            factory = None if spec.default_factory is dataclasses.MISSING else spec.default_factory
            field = in_file.get(spec.name)
            if field is None:
                if factory is None and spec.default is dataclasses.MISSING:
                    raise TypeError(f"{cls.__name__}.{spec.name}: not in the file, no default")
                self.derived.append((fill, spec.default, factory))
                continue
            table, _, key = field.key.rpartition(".")
            self.plan.append((table or None, key, fill, spec.default, factory, reader(field.type)))
        self.read: Reader = self._compiled()

    def __call__(
        self, table: Mapping[str, Any], read: Reading, where: Where, key: str | int
    ) -> Any:
        return self.read(table, read, where, key)

    def _compiled(self) -> Reader:
        """The plan as straight-line code: for each field, the lookup in its table, its
        default when the key is absent, its converter when present, and its slot's setter.
        Names of fields and keys appear only as literals (``repr``); everything else the
        code uses is passed in by name."""
        names: dict[str, Any] = {"new": object.__new__, "cls": self.cls, "MISSING": _MISSING}
        lines = ["def read_object(table, read, where, key):", "    here = (where, key)"]
        # A field kept in a table of its own (``catalog.id``): the table is looked up once.
        tables: dict[str, str] = {}
        for nested in dict.fromkeys(step[0] for step in self.plan if step[0] is not None):
            tables[nested] = name = f"t{len(tables)}"
            lines.append(f"    {name} = table.get({nested!r}, EMPTY)")
            lines.append(f"    {name}_here = (here, {nested!r})")
        names["EMPTY"] = _EMPTY
        lines.append("    obj = new(cls)")
        for i, (table_key, field_key, fill, default, factory, convert) in enumerate(self.plan):
            source = "table" if table_key is None else tables[table_key]
            place = "here" if table_key is None else f"{tables[table_key]}_here"
            names[f"fill{i}"], names[f"default{i}"] = fill, default
            names[f"factory{i}"], names[f"convert{i}"] = factory, convert
            if convert is None and factory is None and default is not _MISSING:
                lines.append(f"    fill{i}(obj, {source}.get({field_key!r}, default{i}))")
                continue
            if factory is not None:
                absent = f"factory{i}()"
            elif default is _MISSING:
                message = f"{self.cls.__name__}: no {field_key}"
                absent = f"_absent({message!r})"
            else:
                absent = f"default{i}"
            present = (
                "value" if convert is None else f"convert{i}(value, read, {place}, {field_key!r})"
            )
            lines.append(f"    value = {source}.get({field_key!r}, MISSING)")
            lines.append(f"    fill{i}(obj, {absent} if value is MISSING else {present})")
        for i, (fill, default, factory) in enumerate(self.derived):
            names[f"derived_fill{i}"], names[f"derived{i}"] = fill, default
            names[f"derived_factory{i}"] = factory
            value = f"derived{i}" if factory is None else f"derived_factory{i}()"
            lines.append(f"    derived_fill{i}(obj, {value})")
        lines.append("    return obj")
        names["_absent"] = _absent
        exec("\n".join(lines), names)  # noqa: S102 - our own code, made from the model
        made: Reader = names["read_object"]
        return made


def _absent(message: str) -> Any:
    raise TypeError(message)


_MISSING: Any = dataclasses.MISSING
_EMPTY: Mapping[str, Any] = {}


@cache
def object_reader(cls: type) -> ObjectReader:
    return ObjectReader(cls)


def _sequence_reader(item: Reader | None) -> Reader:
    if item is None:
        return lambda value, read, where, key: tuple(value)

    def convert(value: Any, read: Reading, where: Where, key: str | int) -> Any:
        here = (where, key)
        return tuple([item(v, read, here, i) for i, v in enumerate(value)])

    return convert


def _mapping_reader(item: Reader) -> Reader:
    def convert(value: Any, read: Reading, where: Where, key: str | int) -> Any:
        here = (where, key)
        return {k: item(v, read, here, k) for k, v in value.items()}

    return convert


def _union_reader(members: Mapping[type, Reader]) -> Reader:
    """A value of one of several types: converted as the member of its TOML type says."""

    def convert(value: Any, read: Reading, where: Where, key: str | int) -> Any:
        member = members.get(type(value))
        return value if member is None else member(value, read, where, key)

    return convert


# The checks of a scalar type; other scalars (str, bool, a Literal) are taken as they are.
_SCALAR_READERS: dict[Any, Reader] = {int: _integer, float: _finite, dt.datetime: _datetime}
# The type a TOML parser gives for a value of the model's type.
_TOML_TYPES: dict[Any, type] = {tuple: list}


def reader(tp: FieldType) -> Reader | None:
    """The converter for a value of this type, or None when the TOML value is the model's."""
    for mark in tp.marks:
        if isinstance(mark, Converted):
            read_as = mark.read
            return lambda value, _read, _where, _key: read_as(value)
    kind = tp.kind()
    if kind == "object":
        return object_reader(tp.bare).read
    if kind == "sequence":
        return _sequence_reader(reader(tp.args[0]))
    if kind == "mapping":
        item = reader(tp.args[1])
        return None if item is None else _mapping_reader(item)
    if kind == "union":
        members = {}
        for member in tp.args:
            convert = reader(member)
            if convert is not None:
                members[_TOML_TYPES.get(member.origin, member.origin)] = convert
        return _union_reader(members) if members else None
    if tp.bare is dt.date:
        return _date if tp.optional else _required_date
    return _SCALAR_READERS.get(tp.bare)


def from_document(doc: Mapping[str, Any]) -> tuple[Assessment, list[Problem]]:
    """Build the Assessment from a schema-valid document."""
    read = Reading()
    # The top's key is "", which adds nothing to a key path.
    assessment: Assessment = object_reader(Assessment)(doc, read, None, "")
    return assessment, read.problems
