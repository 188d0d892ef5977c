"""A requirement's condition as a sentence a clerk can read (a face: it chooses words).

``P-03 in ["ismap", "ismap_liu"]`` becomes 「ISMAP 登録」が「ISMAP 登録済み」または「ISMAP-LIU
登録済み」: question titles instead of ids, option labels instead of option ids, service
fields by their names.
"""

from __future__ import annotations

from vendorrisk.core.catalog.conditions import (
    PROFILE_NAMES,
    BoolOp,
    Compare,
    Expr,
    ListExpr,
    Literal,
    Name,
    Not,
    Value,
    parse_condition,
)
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.messages import Lang, has, language, t


def condition_sentence(text: str, catalogue: Catalogue, lang: Lang | None = None) -> str:
    """The condition ``text`` in words of ``lang`` (default: the current language)."""
    return _Words(catalogue, lang or language()).expr(parse_condition(text), top=True)


class _Words:
    def __init__(self, catalogue: Catalogue, lang: Lang) -> None:
        self.catalogue = catalogue
        self.lang = lang

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def quote(self, text: str) -> str:
        return self.t("condition.quote", text=text)

    def name(self, name: str) -> str:
        requirement = self.catalogue.by_id.get(name)
        if requirement is not None:
            return self.quote(requirement.title.get(self.lang))
        if name in PROFILE_NAMES:
            return self.t(f"condition.field.{name}")
        return name

    def value(self, subject: Expr, value: Value) -> str:
        """``value`` as the answer or field of ``subject`` shows it."""
        if isinstance(value, bool):
            return self.quote(self.t("condition.yes" if value else "condition.no"))
        if isinstance(subject, Name):
            requirement = self.catalogue.by_id.get(subject.name)
            if requirement is not None:
                for option in requirement.answer.options:
                    if option.id == value:
                        return self.quote(option.label.get(self.lang))
            key = f"condition.{subject.name}.{value}"
            if has(key):
                return self.quote(self.t(key))
        return self.quote(str(value))

    def values(self, subject: Expr, expr: Expr) -> str:
        if isinstance(expr, ListExpr):
            items = [self.operand_value(subject, item) for item in expr.items]
            return self.t("condition.either").join(items)
        return self.operand_value(subject, expr)

    def operand_value(self, subject: Expr, expr: Expr) -> str:
        if isinstance(expr, Literal):
            return self.value(subject, expr.value)
        return self.expr(expr)

    def expr(self, expr: Expr, *, top: bool = False) -> str:
        match expr:
            case BoolOp(op, operands):
                joined = self.t(f"condition.{op}").join(self.expr(o) for o in operands)
                return joined if top else self.t("condition.group", text=joined)
            case Not(operand):
                return self.t("condition.not", text=self.expr(operand, top=True))
            case Compare(op, left, right):
                return self.compare(op, left, right)
            case Name(name):
                return self.t("condition.truthy", name=self.name(name))
            case Literal(value):
                return self.value(expr, value)
            case ListExpr():
                return self.values(expr, expr)
        raise AssertionError(expr)

    def compare(self, op: str, left: Expr, right: Expr) -> str:
        if op in ("in", "not in") and isinstance(right, Name) and isinstance(left, Literal):
            # "opt" in P-02: a multi answer that includes an option
            key = "condition.includes" if op == "in" else "condition.excludes"
            return self.t(key, name=self.name(right.name), value=self.value(right, left.value))
        subject, other = (left, right) if isinstance(left, Name) else (right, left)
        subject_text = self.name(subject.name) if isinstance(subject, Name) else self.expr(subject)
        key = "condition.is" if op in ("==", "in") else "condition.is-not"
        return self.t(key, name=subject_text, value=self.values(subject, other))
