"""Move the texts of any ``src/vendorrisk/messages/*.py`` table into the gettext catalogues.

Until issue 13 the texts lived in Python tables, ``MESSAGES = {key: (ja, en)}``, one module
per area. They now live in ``messages/locale/{ja,en}/LC_MESSAGES/vendorrisk.po``. This script
takes whatever table modules are left (ones added on other branches while the catalogues were
being made), merges their keys into both .po files, deletes the modules, and then brings the
template, catalogues and compiled .mo files up to date the way docs/translating.md does by
hand. Running it again with no table left changes nothing.

    python tools/tables_to_po.py

A key already in the catalogues takes the table's text: a table is only left over when its
branch edited it after the catalogues were made, so its text is the newer one. Needs Babel
(the test extra).
"""

from __future__ import annotations

import ast
import io
import os
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src"
MESSAGES_DIR = SRC / "vendorrisk" / "messages"
LOCALE_DIR = MESSAGES_DIR / "locale"
DOMAIN = "vendorrisk"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
RUNTIME_KEYS = MESSAGES_DIR / "runtime_keys.txt"
LANGS = ("ja", "en")
PO_HEADER = {
    "ja": "# vendorrisk の日本語のテキスト。Japanese texts of vendorrisk (docs/translating.md).",
    "en": "# English texts of vendorrisk (docs/translating.md).",
}

RUNTIME_KEYS_HEADER = """\
# Message keys the code builds at run time (a prefix and a value from data, such as
# f"status.{value}"), which extraction cannot see in the source. Listed so that
# `pybabel extract` puts them in the template and `pybabel update` keeps their texts.
# Written by tools/tables_to_po.py: every key of the catalogues that the source does not
# name as t("literal.key") or as a Code value. The list shrinks as the core's keys become
# Code enumerations; add a key here by hand only when the code builds it.
"""

sys.path.insert(0, str(SRC))
from vendorrisk.messages.extractors import keys_in_source  # noqa: E402


@dataclass(frozen=True)
class Text:
    ja: str
    en: str
    area: str


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def main() -> int:
    os.chdir(REPO)
    tables = table_modules()
    texts = read_tables(tables)
    catalogues = {lang: read_catalogue(lang) for lang in LANGS}
    merge(texts, catalogues)
    for lang, catalogue in catalogues.items():
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            write_po(out, catalogue, ignore_obsolete=True)
    write_runtime_keys(set().union(*(keys_of(c) for c in catalogues.values())))
    extract_template()
    pybabel("update", "-i", str(TEMPLATE), "-d", str(LOCALE_DIR), "-D", DOMAIN,
            "--no-fuzzy-matching", "--ignore-obsolete")  # fmt: skip
    pybabel("compile", "-d", str(LOCALE_DIR), "-D", DOMAIN, "--statistics")
    for module in tables:
        module.unlink()
    unregister(tables)
    print(f"merged {len(texts)} keys from {len(tables)} table modules: "
          + (", ".join(m.stem for m in tables) or "none"))  # fmt: skip
    return 0


def table_modules() -> list[Path]:
    """Modules of messages/ that assign a top-level ``MESSAGES`` (not the package's code)."""
    found = []
    for path in sorted(MESSAGES_DIR.glob("*.py")):
        tree = ast.parse(path.read_bytes())
        if any(_assigns_messages(node) for node in tree.body):
            found.append(path)
    return found


def _assigns_messages(node: ast.stmt) -> bool:
    if isinstance(node, ast.AnnAssign):
        return isinstance(node.target, ast.Name) and node.target.id == "MESSAGES"
    if isinstance(node, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id == "MESSAGES" for t in node.targets)
    return False


def read_tables(modules: list[Path]) -> dict[str, Text]:
    texts: dict[str, Text] = {}
    for module in modules:
        for key, text in read_table(module).items():
            if key in texts:
                raise SystemExit(f"{key} is defined in two tables: {texts[key].area}, {text.area}")
            texts[key] = text
    return texts


def read_table(module: Path) -> dict[str, Text]:
    """The table's entries without importing it, each with the section comment above it."""
    source = module.read_text("utf-8")
    tree = ast.parse(source)
    value = next(
        node.value
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and _assigns_messages(node)
    )
    if not isinstance(value, ast.Dict):
        raise SystemExit(f"{module}: MESSAGES is not a dict literal")
    sections = _section_comments(source)
    texts = {}
    for key_node, text_node in zip(value.keys, value.values, strict=True):
        if key_node is None:
            raise SystemExit(f"{module}:{text_node.lineno}: ** in MESSAGES is not supported")
        key = ast.literal_eval(key_node)
        ja, en = ast.literal_eval(text_node)
        section = _nearest_before(sections, key_node.lineno)
        area = module.stem + (f" ({section})" if section else "")
        texts[key] = Text(ja, en, area)
    return texts


def _section_comments(source: str) -> dict[int, str]:
    comments = {}
    for lineno, line in enumerate(source.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("#") and line.startswith("    #"):
            words = stripped.lstrip("#").strip().strip("-").strip()
            if words:
                comments[lineno] = words
    return comments


def _nearest_before(comments: dict[int, str], lineno: int) -> str | None:
    before = [n for n in comments if n < lineno]
    return comments[max(before)] if before else None


def read_catalogue(lang: str) -> Catalog:
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as f:
            return read_po(f, locale=lang, domain=DOMAIN)
    catalogue = Catalog(
        locale=lang,
        domain=DOMAIN,
        project=DOMAIN,
        copyright_holder="vendorrisk developers",
        last_translator="vendorrisk developers",
        language_team="vendorrisk developers",
        header_comment=PO_HEADER[lang],
        revision_date=datetime.now(UTC),
        fuzzy=False,
    )
    return catalogue


def merge(texts: dict[str, Text], catalogues: dict[str, Catalog]) -> None:
    for key, text in texts.items():
        for lang, catalogue in catalogues.items():
            words = text.ja if lang == "ja" else text.en
            message = catalogue.get(key)
            if message is None:
                catalogue.add(key, words, user_comments=[f"area: {text.area}"])
            elif message.string != words:
                print(f"{lang}: {key}: the table's text replaces the catalogue's")
                message.string = words


def keys_of(catalogue: Catalog) -> set[str]:
    return {str(message.id) for message in catalogue if message.id}


def write_runtime_keys(catalogue_keys: set[str]) -> None:
    in_source: set[str] = set()
    for module in (SRC / "vendorrisk").rglob("*.py"):
        in_source |= keys_in_source(module.read_bytes())
    listed = sorted(catalogue_keys - in_source)
    RUNTIME_KEYS.write_text(RUNTIME_KEYS_HEADER + "".join(f"{k}\n" for k in listed), "utf-8")


def extract_template() -> None:
    """A fresh template, written only when its messages differ (its header has a date)."""
    fresh = TEMPLATE.with_suffix(".pot.new")
    pybabel(*EXTRACT_ARGS, "-o", str(fresh), str(SRC))
    if TEMPLATE.exists() and template_messages(TEMPLATE) == template_messages(fresh):
        fresh.unlink()
    else:
        fresh.replace(TEMPLATE)


# The documented extraction command (docs/translating.md), also run by the tests.
EXTRACT_ARGS = (
    "extract",
    "-F",
    "pyproject.toml",
    "--no-location",
    "--sort-output",
    "--project=vendorrisk",
    "--copyright-holder=vendorrisk developers",
)


def template_messages(path: Path) -> list[tuple[str, list[str]]]:
    with path.open("rb") as f:
        catalogue = read_po(io.BytesIO(f.read()))
    return [(str(m.id), list(m.auto_comments)) for m in catalogue if m.id]


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "--quiet", *args])


_REGISTRATION = re.compile(
    r"^(?:from vendorrisk\.messages import (?P<a>\w+) as _\w+|\s*_(?P<b>\w+)\.MESSAGES,)\n",
    re.MULTILINE,
)


def unregister(modules: list[Path]) -> None:
    """Drop lines that still import the deleted tables (left by a merge of the old layout)."""
    init = MESSAGES_DIR / "__init__.py"
    names = {m.stem for m in modules}
    source = init.read_text("utf-8")
    kept = _REGISTRATION.sub(lambda m: "" if (m["a"] or m["b"]) in names else m[0], source)
    if kept != source:
        init.write_text(kept, "utf-8")
        print(f"{init.relative_to(REPO)}: removed the imports of the deleted tables; check it")


if __name__ == "__main__":
    sys.exit(main())
