"""What the model's annotations say about each field of a file: its key, type and marks."""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from vendorrisk.core.schemas.shape import NOT_IN_FILE, FileKey


@dataclasses.dataclass(frozen=True, slots=True)
class FieldType:
    """An annotation with its Annotated layers and ``| None`` taken off."""

    bare: Any
    marks: tuple[Any, ...]
    optional: bool

    @classmethod
    def of(cls, annotation: Any) -> FieldType:
        tp = annotation
        marks: list[Any] = []
        optional = False
        while True:
            origin = get_origin(tp)
            if origin is Annotated:
                marks = [*tp.__metadata__, *marks]
                tp = tp.__origin__
            elif origin in (Union, types.UnionType) and type(None) in get_args(tp):
                rest = [a for a in get_args(tp) if a is not type(None)]
                optional = True
                tp = rest[0] if len(rest) == 1 else Union[tuple(rest)]  # noqa: UP007
            else:
                return cls(tp, tuple(marks), optional)

    @property
    def args(self) -> tuple[FieldType, ...]:
        return tuple(FieldType.of(a) for a in get_args(self.bare) if a is not Ellipsis)

    @property
    def origin(self) -> Any:
        """The class a value of this type is (``tuple`` for ``tuple[str, ...]``)."""
        return get_origin(self.bare) or self.bare

    def kind(self) -> str:
        """Which converter the value needs: a class, a container, or a scalar type."""
        origin = get_origin(self.bare)
        if origin in (Union, types.UnionType):
            return "union"
        if origin in (tuple, list, Sequence):
            return "sequence"
        if origin in (dict, Mapping):
            return "mapping"
        if dataclasses.is_dataclass(self.bare):
            return "object"
        return "scalar"


@dataclasses.dataclass(frozen=True, slots=True)
class FileField:
    name: str
    key: str  # in the file; "table.key" for a field kept in a table of its own
    type: FieldType
    default: Any  # dataclasses.MISSING when the field has none


@cache
def file_fields(cls: type) -> tuple[FileField, ...]:
    """The fields the file has, in the model's order (the order problems are reported in)."""
    hints = get_type_hints(cls, include_extras=True)
    found = []
    for spec in dataclasses.fields(cls):
        tp = FieldType.of(hints[spec.name])
        if NOT_IN_FILE in tp.marks:
            continue
        keys = [m.key for m in tp.marks if isinstance(m, FileKey)]
        default = spec.default
        if spec.default_factory is not dataclasses.MISSING:
            default = spec.default_factory()
        found.append(FileField(spec.name, keys[-1] if keys else spec.name, tp, default))
    return tuple(found)


@cache
def written_fields(cls: type) -> tuple[FileField, ...]:
    """The fields the file has, in the order the canonical file writes them."""
    order = str(getattr(cls, "FILE_ORDER", "")).split()
    if unknown := set(order) - {f.name for f in dataclasses.fields(cls)}:
        raise TypeError(f"{cls.__name__}.FILE_ORDER names no field {sorted(unknown)}")
    place = {name: i for i, name in enumerate(order)}
    return tuple(sorted(file_fields(cls), key=lambda f: place.get(f.name, len(order))))
