"""Write the published JSON Schemas from the models (``python -m vendorrisk.render.schemas``).

Each file kind's model (dataclasses or TypedDicts) says its shape in Python types; the
markers of ``vendorrisk.core.schemas.shape`` add what a type cannot say. The schemas under
``src/vendorrisk/core/schemas`` and their published copies under ``schemas/`` are this module's
output; ``--check`` fails when a checked-in copy differs (tests/test_schemas.py runs it).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import types
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import (
    Annotated,
    Any,
    Literal,
    NotRequired,
    Required,
    Union,
    get_args,
    get_origin,
    get_type_hints,
    is_typeddict,
)

from vendorrisk.core.schemas.shape import NOT_IN_FILE, REQUIRED, FileKey, FileShape, Rule

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "https://vendorrisk.invalid/schemas/"
PACKAGE_DIR = Path(__file__).resolve().parent.parent / "core" / "schemas"
# Hand-written: a restatement of NIST's published OSCAL model, which vendorrisk does not own.
NOT_GENERATED = ("oscal-assessment-results",)

_SEQUENCES = (tuple, list, frozenset, set, Sequence)
_MAPPINGS = (dict, Mapping)


def _split(tp: Any) -> tuple[Any, list[Any]]:
    """The bare type and the markers around it (nested Annotated flattens)."""
    marks: list[Any] = []
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            marks = list(tp.__metadata__) + marks
            tp = tp.__origin__
        elif origin in (Required, NotRequired):
            tp = get_args(tp)[0]
        else:
            return tp, marks


def _without_none(tp: Any) -> Any:
    if get_origin(tp) in (Union, types.UnionType):
        rest = [a for a in get_args(tp) if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
        return Union[tuple(rest)]  # noqa: UP007 - built from a run-time tuple
    return tp


class _Generator:
    def __init__(self, shape: FileShape) -> None:
        self.shape = shape
        self.class_defs = {cls: name for name, cls in shape.defs.items()}
        self.defs: dict[str, dict[str, Any]] = {}

    def schema(self) -> dict[str, Any]:
        shape = self.shape
        body = self._object(shape.root, leading=shape.leading)
        out: dict[str, Any] = {
            "$schema": DRAFT,
            "$id": f"{ID_BASE}{shape.name}.schema.json",
            "title": shape.title,
            "description": shape.description,
            **body,
        }
        for name, cls in shape.defs.items():
            self._define(name, lambda cls=cls: self._object(cls))
        if self.defs:
            out["$defs"] = {name: self.defs[name] for name in sorted(self.defs)}
        return out

    def _define(self, name: str, build: Any) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # a class may refer to itself
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}

    def _named(self, rule: Rule, base: Any) -> dict[str, Any]:
        assert rule.name is not None
        for used in rule.uses:
            self._named(used, None)

        def build() -> dict[str, Any]:
            if rule.whole or base is None:
                return dict(rule.keywords)
            return _description_first({**self._bare(base), **rule.keywords})

        ref = self._define(rule.name, build)
        if self.defs[rule.name] != build():
            raise ValueError(f"{self.shape.name}: two different rules named {rule.name!r}")
        return ref

    def of(self, tp: Any) -> dict[str, Any]:
        base, marks = _split(tp)
        optional = _without_none(base)
        if optional is not base:  # Annotated[X | None, ...] with X itself annotated
            base, inner = _split(optional)
            marks = inner + marks
        rules = [m for m in marks if isinstance(m, Rule)]
        named = [r for r in rules if r.name]
        whole = [r for r in rules if r.whole and not r.name]
        added: dict[str, Any] = {}
        for rule in rules:
            for used in rule.uses:
                self._named(used, None)
            if not rule.name and not rule.whole:
                added.update(rule.keywords)
        if named:
            out = {**added, **self._named(named[-1], base)}
        elif whole:
            out = {**added, **whole[-1].keywords}
        else:
            out = {**self._bare(base), **added}
        return _description_first(out)

    def _bare(self, tp: Any) -> dict[str, Any]:
        origin = get_origin(tp)
        if tp is Any:
            return {}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is str:
            return {"type": "string"}
        if tp is dt.datetime:
            return {"type": "string", "format": "date-time"}
        if tp is dt.date:
            return {"type": "string", "format": "date"}
        if origin is Literal:
            return {"enum": list(get_args(tp))}
        if origin in (Union, types.UnionType):
            return {"anyOf": [self.of(a) for a in get_args(tp)]}
        if origin in _SEQUENCES:
            return {"type": "array", "items": self.of(get_args(tp)[0])}
        if origin in _MAPPINGS:
            key, value = get_args(tp)
            out: dict[str, Any] = {"type": "object"}
            names = self.of(key)
            names.pop("type", None)  # every key is a string
            if names:
                out["propertyNames"] = names
            if value is not Any:
                out["additionalProperties"] = self.of(value)
            return out
        if isinstance(tp, type) and tp in self.class_defs:
            cls = tp
            return self._define(self.class_defs[cls], lambda: self._object(cls))
        if isinstance(tp, type) and (dataclasses.is_dataclass(tp) or is_typeddict(tp)):
            return self._object(tp)
        raise TypeError(f"{self.shape.name}: no JSON Schema for {tp!r}")

    def _object(
        self, cls: type, leading: Mapping[str, Mapping[str, Any]] | None = None
    ) -> dict[str, Any]:
        properties: dict[str, Any] = {key: dict(value) for key, value in (leading or {}).items()}
        required = list(properties)
        tables: dict[str, tuple[dict[str, Any], list[str]]] = {}
        for name, tp, has_default in _fields(cls):
            _, marks = _split(tp)
            if NOT_IN_FILE in marks:
                continue
            keys = [m.key for m in marks if isinstance(m, FileKey)]
            key = keys[-1] if keys else name
            needed = not has_default or REQUIRED in marks
            value = self.of(tp)
            if "." in key:
                table, inner = key.split(".", 1)
                if table not in tables:
                    tables[table] = ({}, [])
                    properties[table] = None  # keeps the table's place among the keys
                tables[table][0][inner] = value
                if needed:
                    tables[table][1].append(inner)
                    if table not in required:
                        required.append(table)
                continue
            properties[key] = value
            if needed:
                required.append(key)
        for table, (inner_properties, inner_required) in tables.items():
            properties[table] = _closed(inner_properties, inner_required)
        return {**_closed(properties, required), **self.shape.rules.get(cls, {})}


def _description_first(schema: dict[str, Any]) -> dict[str, Any]:
    """What an editor shows of a key comes first; an array's items after its bounds."""
    if "items" in schema:
        schema = {**schema}
        schema["items"] = schema.pop("items")
    if "description" not in schema:
        return schema
    return {"description": schema["description"], **schema}


def _closed(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "additionalProperties": False}
    if required:
        out["required"] = required
    out["properties"] = properties
    return out


def _fields(cls: type) -> list[tuple[str, Any, bool]]:
    """(name, annotated type, has a default) for each field, in declaration order."""
    hints = get_type_hints(cls, include_extras=True)
    if is_typeddict(cls):
        return [
            (name, tp, get_origin(tp) is NotRequired or name in cls.__optional_keys__)  # type: ignore[attr-defined]
            for name, tp in hints.items()
        ]
    return [
        (
            f.name,
            hints[f.name],
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
    ]


def generate(shape: FileShape) -> dict[str, Any]:
    return _Generator(shape).schema()


def render(schema: Mapping[str, Any]) -> str:
    """The file's text: fixed indentation, keys in the order generated, a final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def shapes() -> list[FileShape]:
    # Imported here: the models import this package for its markers.
    from vendorrisk.core.catalog.model import CATALOG_FILE
    from vendorrisk.core.model import ASSESSMENT_FILE
    from vendorrisk.core.urlcheck_record import URLCHECK_FILE
    from vendorrisk.features.evolution.record import CHANGE_RECORD_FILE
    from vendorrisk.features.rounds.record import ROUND_FILE

    return [CATALOG_FILE, ASSESSMENT_FILE, URLCHECK_FILE, CHANGE_RECORD_FILE, ROUND_FILE]


def targets(repository: Path | None) -> list[Path]:
    """The directories that hold the schemas: the package's, and the published copies when
    run from a checkout."""
    out = [PACKAGE_DIR]
    if repository is not None and (repository / "schemas").is_dir():
        out.append(repository / "schemas")
    return out


def stale(directories: Sequence[Path]) -> list[Path]:
    """Checked-in schemas that differ from what the models give (written or not)."""
    wrong: list[Path] = []
    for shape in shapes():
        text = render(generate(shape))
        for directory in directories:
            path = directory / f"{shape.name}.schema.json"
            if not path.is_file() or path.read_text("utf-8") != text:
                wrong.append(path)
    return wrong


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vendorrisk.render.schemas")
    parser.add_argument("--check", action="store_true", help="only report stale schemas")
    args = parser.parse_args(argv)
    directories = targets(PACKAGE_DIR.parents[3])
    wrong = stale(directories)
    if args.check:
        for path in wrong:
            print(f"stale: {path}", file=sys.stderr)
        return 1 if wrong else 0
    texts = {shape.name: render(generate(shape)) for shape in shapes()}
    for path in wrong:
        path.write_text(texts[path.name.removesuffix(".schema.json")], "utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
