"""Babel extraction methods: which message keys the source uses (for ``pybabel extract``).

Registered in pyproject.toml (``[tool.babel]``). Babel is not needed to import this
module: an extraction method is a plain generator, so the message tests use it too.

Babel's own Python extractor is not used for ``t("key")`` because it joins every string
in a call into one msgid, so ``t("report.yes" if ok else "report.no")`` became the
nonsense key "report.yesreport.no"; reading the syntax tree keeps both keys apart.
"""

from __future__ import annotations

import ast
import io
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

# (line number, function name, message, extracted comments), as Babel expects.
Extracted = tuple[int, str | None, str, list[str]]

CODE_BASE = "Code"


def extract_sources(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Keys written as ``t("literal.key")`` and the values of ``Code`` enumerations.

    The function's name comes from the mapping's ``function`` option rather than Babel's
    keywords, which always include gettext's defaults (``_``, ``gettext``, ...).
    """
    del keywords, comment_tags
    function = str(options.get("function", "t"))
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called_name(node.func) == function and node.args:
            for key in _literal_keys(node.args[0]):
                yield node.lineno, None, key, []
    yield from _code_values(tree)


def extract_key_list(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """One key a line, for keys the code builds at run time; ``#`` starts a comment."""
    del keywords, comment_tags, options
    for lineno, raw in enumerate(fileobj.read().decode("utf-8").splitlines(), start=1):
        key = raw.split("#", 1)[0].strip()
        if key:
            yield lineno, None, key, ["built at run time"]


def keys_in_source(source: bytes) -> set[str]:
    """Every key ``extract_sources`` finds in one module (for the message tests)."""
    return {key for _, _, key, _ in extract_sources(io.BytesIO(source), (), (), {})}


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal_keys(arg: ast.expr) -> Iterator[str]:
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        yield arg.value
    elif isinstance(arg, ast.IfExp):
        yield from _literal_keys(arg.body)
        yield from _literal_keys(arg.orelse)


def _code_values(tree: ast.Module) -> Iterator[Extracted]:
    # A class is a code enumeration when it derives from Code, directly or through a
    # class of the same module; the run-time test catches any other kind of descent.
    code_classes = {CODE_BASE}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        if not any(_called_name(base) in code_classes for base in node.bases):
            continue
        code_classes.add(node.name)
        for statement in node.body:
            if (
                isinstance(statement, ast.Assign)
                and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            ):
                member = statement.targets[0].id
                yield statement.lineno, None, statement.value.value, [f"code {node.name}.{member}"]
