"""A fast accept-only check compiled from our JSON Schemas.

jsonschema takes about 10 ms on an assessment of 80 answers, most of it walking and
resolving references. Here the schema becomes nested closures once. The contract is
one-sided on purpose: ``True`` means jsonschema would also accept the document; ``False``
means "not sure", and the caller runs jsonschema for the precise messages. So the
compiled check may be stricter than the standard, never more lenient, and a schema that
uses a keyword it does not know cannot be compiled at all (the caller then always uses
jsonschema).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "examples", "default", "$defs"}
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII
)


def _all_of(checks: list[Check]) -> Check:
    # Unrolled for the common short cases: a generator per value costs more than the checks.
    match checks:
        case []:
            return lambda v: True
        case [only]:
            return only
        case [a, b]:
            return lambda v: a(v) and b(v)
        case [a, b, c]:
            return lambda v: a(v) and b(v) and c(v)
    return lambda v: all(c(v) for c in checks)


class UnsupportedSchema(Exception):
    """The schema uses something this compiler does not handle."""


def _is_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_date_time(value: str) -> bool:
    if not _DATE_TIME.fullmatch(value):
        return False
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return True


_FORMATS: dict[str, Callable[[str], bool]] = {"date": _is_date, "date-time": _is_date_time}


def _type_check(name: str) -> Check:
    match name:
        case "object":
            return lambda v: isinstance(v, dict)
        case "array":
            return lambda v: isinstance(v, list)
        case "string":
            return lambda v: isinstance(v, str)
        case "boolean":
            return lambda v: isinstance(v, bool)
        case "integer":
            # Stricter than the standard (1.0 counts as an integer there): a float goes to
            # jsonschema, which decides.
            return lambda v: isinstance(v, int) and not isinstance(v, bool)
        case "number":
            return lambda v: isinstance(v, int | float) and not isinstance(v, bool)
        case "null":
            return lambda v: v is None
    raise UnsupportedSchema(f"type {name!r}")


def _literal_check(allowed: list[Any]) -> Check:
    # Only strings get the fast path; jsonschema's equality rules for other kinds (1 vs
    # 1.0 vs True) are not worth copying, and rejecting sends the document to jsonschema.
    if all(isinstance(a, str) for a in allowed):
        strings = frozenset(allowed)
        return lambda v: isinstance(v, str) and v in strings
    if all(isinstance(a, int) and not isinstance(a, bool) for a in allowed):
        ints = frozenset(allowed)
        return lambda v: isinstance(v, int) and not isinstance(v, bool) and v in ints
    raise UnsupportedSchema("enum or const of mixed kinds")


class _Compiler:
    def __init__(self, root: Mapping[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}
        # Under "not" and "if" a stricter check would turn into a more lenient one, so
        # there only exact checks may be compiled.
        self.exact = 0

    def exactly(self, node: Any) -> Check:
        self.exact += 1
        try:
            return self.build(node)
        finally:
            self.exact -= 1

    def ref(self, target: str) -> Check:
        if target in self.refs:
            return self.refs[target]
        if not target.startswith("#/$defs/") or "/" in target[len("#/$defs/") :]:
            raise UnsupportedSchema(f"$ref {target!r}")
        name = target[len("#/$defs/") :]
        slot: list[Check] = []
        # Register before compiling so that recursive definitions resolve to the slot.
        self.refs[target] = lambda v: slot[0](v)
        slot.append(self.build(self.root["$defs"][name]))
        self.refs[target] = slot[0]
        return slot[0]

    def object_check(self, node: Mapping[str, Any]) -> Check | None:
        properties = {k: self.build(v) for k, v in node.get("properties", {}).items()}
        patterns = [
            (re.compile(p), self.build(s)) for p, s in node.get("patternProperties", {}).items()
        ]
        required = tuple(node.get("required", ()))
        extra = node.get("additionalProperties", True)
        extra_check: Check | None = (
            None if extra is True else (self.build(extra) if extra is not False else None)
        )
        names = self.build(node["propertyNames"]) if "propertyNames" in node else None
        if not (properties or patterns or required or extra is not True or names):
            return None

        def check(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            for key in required:
                if key not in v:
                    return False
            for key, item in v.items():
                if names is not None and not names(key):
                    return False
                sub = properties.get(key)
                matched = sub is not None
                if sub is not None and not sub(item):
                    return False
                for pattern, pattern_check in patterns:
                    if pattern.search(key):
                        matched = True
                        if not pattern_check(item):
                            return False
                if not matched:
                    if extra is False:
                        return False
                    if extra_check is not None and not extra_check(item):
                        return False
            return True

        return check

    def build(self, node: Any) -> Check:
        if node is True:
            return lambda v: True
        if node is False:
            return lambda v: False
        if not isinstance(node, Mapping):
            raise UnsupportedSchema(f"schema node {node!r}")
        checks: list[Check] = []
        handled = set(_ANNOTATIONS)
        if "$ref" in node:
            if self.exact:
                raise UnsupportedSchema("$ref under not/if")
            checks.append(self.ref(node["$ref"]))
            handled.add("$ref")
        if "type" in node:
            kinds = node["type"] if isinstance(node["type"], list) else [node["type"]]
            if self.exact and "integer" in kinds:
                raise UnsupportedSchema("integer under not/if")
            type_checks = [_type_check(k) for k in kinds]
            if len(type_checks) == 1:
                checks.append(type_checks[0])
            else:
                checks.append(lambda v: any(c(v) for c in type_checks))
            handled.add("type")
        object_keys = {
            "properties",
            "patternProperties",
            "required",
            "additionalProperties",
            "propertyNames",
        }
        if object_keys & node.keys():
            object_check = self.object_check(node)
            if object_check is not None:
                checks.append(object_check)
            handled |= object_keys
        if "enum" in node:
            checks.append(_literal_check(list(node["enum"])))
            handled.add("enum")
        if "const" in node:
            checks.append(_literal_check([node["const"]]))
            handled.add("const")
        checks.extend(self.string_checks(node, handled))
        checks.extend(self.array_checks(node, handled))
        checks.extend(self.number_checks(node, handled))
        checks.extend(self.combinators(node, handled))
        unknown = set(node) - handled
        if unknown:
            raise UnsupportedSchema(f"keywords {sorted(unknown)}")
        return _all_of(checks)

    def string_checks(self, node: Mapping[str, Any], handled: set[str]) -> list[Check]:
        checks: list[Check] = []
        if "minLength" in node:
            low = node["minLength"]
            checks.append(lambda v: not isinstance(v, str) or len(v) >= low)
        if "maxLength" in node:
            high = node["maxLength"]
            checks.append(lambda v: not isinstance(v, str) or len(v) <= high)
        if "pattern" in node:
            pattern = re.compile(node["pattern"])
            checks.append(lambda v: not isinstance(v, str) or pattern.search(v) is not None)
        if "format" in node:
            fmt = _FORMATS.get(node["format"])
            if fmt is None or self.exact:
                raise UnsupportedSchema(f"format {node['format']!r}")
            checks.append(lambda v: not isinstance(v, str) or fmt(v))
        handled |= {"minLength", "maxLength", "pattern", "format"}
        return checks

    def array_checks(self, node: Mapping[str, Any], handled: set[str]) -> list[Check]:
        checks: list[Check] = []
        if "items" in node:
            item = self.build(node["items"])
            checks.append(lambda v: not isinstance(v, list) or all(item(i) for i in v))
        if "minItems" in node:
            low = node["minItems"]
            checks.append(lambda v: not isinstance(v, list) or len(v) >= low)
        if "maxItems" in node:
            high = node["maxItems"]
            checks.append(lambda v: not isinstance(v, list) or len(v) <= high)
        if node.get("uniqueItems"):
            if self.exact:
                raise UnsupportedSchema("uniqueItems under not/if")
            checks.append(
                lambda v: (
                    not isinstance(v, list)
                    or (all(isinstance(i, str) for i in v) and len(set(v)) == len(v))
                )
            )
        handled |= {"items", "minItems", "maxItems", "uniqueItems"}
        return checks

    def number_checks(self, node: Mapping[str, Any], handled: set[str]) -> list[Check]:
        checks: list[Check] = []

        def is_number(v: Any) -> bool:
            return isinstance(v, int | float) and not isinstance(v, bool)

        if "minimum" in node:
            low = node["minimum"]
            checks.append(lambda v: not is_number(v) or v >= low)
        if "maximum" in node:
            high = node["maximum"]
            checks.append(lambda v: not is_number(v) or v <= high)
        handled |= {"minimum", "maximum"}
        return checks

    def combinators(self, node: Mapping[str, Any], handled: set[str]) -> list[Check]:
        checks: list[Check] = []
        if "anyOf" in node:
            options = [self.build(s) for s in node["anyOf"]]
            checks.append(lambda v: any(o(v) for o in options))
        if "not" in node:
            negated = self.exactly(node["not"])
            checks.append(lambda v: not negated(v))
        if "if" in node:
            condition = self.exactly(node["if"])
            then = self.build(node.get("then", True))
            otherwise = self.build(node.get("else", True))
            checks.append(lambda v: then(v) if condition(v) else otherwise(v))
        handled |= {"anyOf", "not", "if", "then", "else"}
        return checks


def compile_schema(schema: Mapping[str, Any]) -> Check:
    """An accept-only check for ``schema``; raises UnsupportedSchema."""
    return _Compiler(schema).build(schema)
