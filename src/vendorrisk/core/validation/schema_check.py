"""JSON Schema validation with errors turned into Problems that name a TOML key path."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from vendorrisk.core.codec import FIRST_YEAR, LAST_YEAR
from vendorrisk.core.encoding import forbidden_character
from vendorrisk.core.problems import Problem, ProblemCode, problem
from vendorrisk.core.schemas import load_schema

if TYPE_CHECKING:
    import jsonschema_rs
    from jsonschema.protocols import Validator


@cache
def validator(name: str) -> Validator:
    # jsonschema costs ~100 ms to import: only load it when a file is actually validated.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(
        load_schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@cache
def _fast_validator(name: str) -> jsonschema_rs.Validator:
    # The compiled validator answers "valid?" in a tenth of a millisecond; jsonschema, which
    # words each error precisely, is only loaded for a document that is not valid.
    import jsonschema_rs

    return jsonschema_rs.validator_for(load_schema(name), validate_formats=True)


def surely_valid(name: str, document: Any) -> bool:
    """True when the document passes the schema (fast path: no jsonschema import). A
    document it refuses is judged again by jsonschema, so only its "valid" must be exact."""
    return _fast_validator(name).is_valid(document)


def key_path(parts: Iterable[str | int]) -> str:
    """A TOML-ish dotted key: ``answers.A-01.evidence[0].ref``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _reason(error: Any) -> str:
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return ", ".join(str(k) for k in extra)
    if error.validator == "required":
        return str(error.message).split(" is a required property")[0]
    return str(error.message)


def _plain_problem(error: Any, key: str) -> Problem | None:
    """The schema errors a person makes by hand, said in words instead of jsonschema's."""
    if error.validator == "pattern" and error.schema.get("format") in ("date", "date-time"):
        year = str(error.instance)[:4]
        if year.isdigit() and FIRST_YEAR <= int(year) <= LAST_YEAR:
            return problem(ProblemCode.DATETIME_OFFSET, key=key)
        first, last = FIRST_YEAR, LAST_YEAR
        return problem(
            ProblemCode.DATE_RANGE, key=key, value=error.instance, first=first, last=last
        )
    if error.validator == "type" and error.validator_value == "array":
        if isinstance(error.instance, dict) and key:
            return problem(ProblemCode.TABLE_NOT_ARRAY, key=key, name=key)
    return None


_CODES = {"required": "schema-missing-key", "additionalProperties": "schema-unknown-key"}


def _control_character(error: Any, field: str) -> Problem | None:
    """A clear word for a string refused because of a control or bidi character: the
    pattern's own text would tell a person nothing."""
    if error.validator != "pattern" or not isinstance(error.instance, str):
        return None
    multiline = re.search(str(error.schema["pattern"]), "x\ny") is not None
    found = forbidden_character(error.instance, multiline=True) or (
        None if multiline else forbidden_character(error.instance, multiline=False)
    )
    if found is None:
        return None
    position, char = found
    allowed = (
        ProblemCode.SCHEMA_CONTROL_CHARACTER_MULTILINE
        if multiline
        else ProblemCode.SCHEMA_CONTROL_CHARACTER_LINE
    )
    return problem(
        ProblemCode.SCHEMA_CONTROL_CHARACTER,
        key=field or None,
        field=field,
        char=char,
        position=position + 1,
        allowed=allowed,
    )


def _refused_character_within(error: Any) -> Problem | None:
    """A control or bidi character refused in any branch of an anyOf: best_match may pick
    another branch (a history event's ``const: ""``), whose words would hide the character."""
    pending = list(error.context or ())
    while pending:
        sub = pending.pop(0)
        found = _control_character(sub, key_path(sub.absolute_path))
        if found is not None:
            return found
        pending.extend(sub.context or ())
    return None


def schema_problems(name: str, document: Any) -> list[Problem]:
    """Every schema error, in document order, with the key path it concerns."""
    if surely_valid(name, document):
        return []
    from jsonschema.exceptions import best_match

    problems: list[Problem] = []
    for error in sorted(validator(name).iter_errors(document), key=lambda e: e.json_path):
        # For anyOf the closest branch says more to a person than "is not valid under any
        # of the given schemas".
        if error.context:
            refused = _refused_character_within(error)
            if refused is not None:
                problems.append(refused)
                continue
            error = best_match(error.context) or error
        code = _CODES.get(str(error.validator), "schema")
        path = list(error.absolute_path)
        plain = _control_character(error, key_path(path)) or _plain_problem(error, key_path(path))
        if plain is not None:
            problems.append(plain)
            continue
        reason = _reason(error)
        if error.validator == "additionalProperties" and "," not in reason:
            path.append(reason)  # point at the misspelt key itself: it has a line
        problems.append(problem(code, key=key_path(path) or None, reason=reason))
    return problems
