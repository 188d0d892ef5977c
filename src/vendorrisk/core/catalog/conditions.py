"""The small expression language of requirement conditions (docs/catalog-format.md).

Conditions are parsed once, when the catalogue loads, so that a typo is reported with the
requirement id instead of surfacing later in the middle of a questionnaire.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from vendorrisk.core.codes import Code, CodedError, phrase

Value = str | int | float | bool | list["Value"] | None

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\]|\\.)*"|'[^']*')
      | (?P<number>-?\d+(?:\.\d+)?)
      | (?P<op>==|!=|\(|\)|\[|\]|,)
      | (?P<name>[A-Za-z_][A-Za-z0-9_-]*)
    )""",
    re.VERBOSE,
)
_KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false"})

# Nesting (parentheses, lists, "not") is parsed and evaluated by recursion; a hostile
# catalogue could nest until Python's stack gives out. Real conditions nest two or three deep.
MAX_DEPTH = 32
# The service fields a condition may read besides earlier requirement ids
# (docs/catalog-format.md), in the order the profile lists them.
PROFILE_NAMES: tuple[str, ...] = (
    "kind",
    "tier",
    "terminal_model",
    "confidentiality",
    "integrity",
    "availability",
    "personal_data",
    "mynumber_data",
)


class ConditionCode(Code):
    BAD_CHARACTER = "condition.bad-character"
    TOO_DEEP = "condition.too-deep"
    ENDS_EARLY = "condition.ends-early"
    EXPECTED = "condition.expected"
    UNEXPECTED = "condition.unexpected"


class ConditionError(CodedError, ValueError):
    """A condition that cannot be parsed; the phrase says where."""


@dataclass(frozen=True, slots=True)
class Literal:
    value: Value


@dataclass(frozen=True, slots=True)
class Name:
    name: str


@dataclass(frozen=True, slots=True)
class ListExpr:
    items: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Not:
    operand: Expr


@dataclass(frozen=True, slots=True)
class BoolOp:
    op: str  # "and" | "or"
    operands: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Compare:
    op: str  # "==" | "!=" | "in" | "not in"
    left: Expr
    right: Expr


Expr = Literal | Name | ListExpr | Not | BoolOp | Compare


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise ConditionError(
                phrase(ConditionCode.BAD_CHARACTER, position=pos + 1, text=text[pos : pos + 10])
            )
        kind = match.lastgroup
        assert kind is not None
        value = match.group(kind)
        if kind == "name" and value in _KEYWORDS:
            kind = "keyword"
        tokens.append((kind, value))
        pos = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.pos = 0
        self.depth = 0

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError(phrase(ConditionCode.TOO_DEEP, limit=MAX_DEPTH))

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise ConditionError(phrase(ConditionCode.ENDS_EARLY))
        if value is not None and token[1] != value:
            raise ConditionError(phrase(ConditionCode.EXPECTED, expected=value, found=token[1]))
        self.pos += 1
        return token

    def at(self, value: str) -> bool:
        token = self.peek()
        return token is not None and token[1] == value and token[0] in ("keyword", "op")

    def parse(self) -> Expr:
        expr = self.parse_or()
        if self.peek() is not None:
            raise ConditionError(phrase(ConditionCode.UNEXPECTED, found=self.peek()[1]))  # type: ignore[index]
        return expr

    def parse_or(self) -> Expr:
        operands = [self.parse_and()]
        while self.at("or"):
            self.take()
            operands.append(self.parse_and())
        return operands[0] if len(operands) == 1 else BoolOp("or", tuple(operands))

    def parse_and(self) -> Expr:
        operands = [self.parse_not()]
        while self.at("and"):
            self.take()
            operands.append(self.parse_not())
        return operands[0] if len(operands) == 1 else BoolOp("and", tuple(operands))

    def parse_not(self) -> Expr:
        if self.at("not"):
            self.take()
            self.enter()
            operand = self.parse_not()
            self.depth -= 1
            return Not(operand)
        return self.parse_compare()

    def parse_compare(self) -> Expr:
        left = self.parse_operand()
        if self.at("==") or self.at("!="):
            op = self.take()[1]
            return Compare(op, left, self.parse_operand())
        if self.at("in"):
            self.take()
            return Compare("in", left, self.parse_operand())
        if self.at("not"):
            self.take()
            self.take("in")
            return Compare("not in", left, self.parse_operand())
        return left

    def parse_operand(self) -> Expr:
        kind, value = self.take()
        if kind == "string":
            body = value[1:-1]
            return Literal(re.sub(r"\\(.)", r"\1", body) if value[0] == '"' else body)
        if kind == "number":
            return Literal(float(value) if "." in value else int(value))
        if kind == "keyword" and value in ("true", "false"):
            return Literal(value == "true")
        if kind == "name":
            return Name(value)
        if value == "(":
            self.enter()
            expr = self.parse_or()
            self.take(")")
            self.depth -= 1
            return expr
        if value == "[":
            self.enter()
            items: list[Expr] = []
            while not self.at("]"):
                items.append(self.parse_operand())
                if not self.at("]"):
                    self.take(",")
            self.take("]")
            self.depth -= 1
            return ListExpr(tuple(items))
        raise ConditionError(phrase(ConditionCode.UNEXPECTED, found=value))


def parse_condition(text: str) -> Expr:
    """Parse a condition; raises ConditionError with a readable reason."""
    return _Parser(text).parse()


def names_in(expr: Expr) -> frozenset[str]:
    """Every name the condition reads, to check that they refer to earlier questions."""
    match expr:
        case Name(name):
            return frozenset({name})
        case Literal():
            return frozenset()
        case ListExpr(items) | BoolOp(_, items):
            return frozenset().union(*(names_in(item) for item in items))
        case Not(operand):
            return names_in(operand)
        case Compare(_, left, right):
            return names_in(left) | names_in(right)
    raise AssertionError(expr)


def _value(expr: Expr, env: Mapping[str, Value]) -> Value:
    match expr:
        case Literal(value):
            return value
        case Name(name):
            return env.get(name)
        case ListExpr(items):
            return [_value(item, env) for item in items]
    return evaluate(expr, env)


def _truthy(value: Value) -> bool:
    return bool(value) if value is not None else False


def evaluate(expr: Expr, env: Mapping[str, Value]) -> bool:
    """Evaluate with ``env`` mapping names to values; unknown names are unanswered (None)."""
    match expr:
        case BoolOp("and", operands):
            return all(evaluate(item, env) for item in operands)
        case BoolOp(_, operands):
            return any(evaluate(item, env) for item in operands)
        case Not(operand):
            return not evaluate(operand, env)
        case Compare(op, left, right):
            lhs, rhs = _value(left, env), _value(right, env)
            if lhs is None or rhs is None:
                # An unanswered question makes no comparison true: the dependent question
                # stays hidden until the fact it depends on is known.
                return False
            if op == "==":
                return lhs == rhs
            if op == "!=":
                return lhs != rhs
            contained = isinstance(rhs, list) and lhs in rhs
            return contained if op == "in" else not contained
    return _truthy(_value(expr, env))
