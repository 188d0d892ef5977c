#!/usr/bin/env python3
"""Move vendorrisk's modules into packages that show the layers (issue 13, point 4).

    python tools/relayout.py --dry-run     # print what would move and which files change
    python tools/relayout.py               # do it (git mv + rewrites), then run the checks

Run from anywhere inside the repository, on a committed tree (the moves are ``git mv``).
Running it again changes nothing: every rewrite maps only the old names, and no new name
begins with an old one (checked at start).

What it does, in order:
  1. refuses to start if src/vendorrisk holds a top-level module or package this mapping
     does not place (a module another change added meanwhile): add it to MODULES, or pass
     ``--map vendorrisk.new_thing=vendorrisk.core.new_thing`` / ``--keep new_thing``;
  2. ``git mv`` of every tracked file under src/vendorrisk by the module mapping (longest
     prefix wins, so modules added inside a mapped package follow their package), and of
     the tests by TESTS (tests mirror the layer packages); adds the layer packages'
     ``__init__.py``; fixes ``Path(__file__).parent...`` chains that reach outside a moved
     package;
  3. rewrites, in every tracked text file outside the data, golden and snapshot folders:
     ``from vendorrisk[.x] import name`` statements (split where the names now live in
     different packages), dotted module paths anywhere (``import`` lines, monkeypatch
     targets, ``-c``/``-m`` strings, ``resources.files(...)``, docs), file paths
     (``src/vendorrisk/storage.py``, ``"vendorrisk" / "schemas"``, ``tests/storage/...``),
     and ``tests.x`` module paths;
  4. writes the import-linter contracts (CONTRACTS) over the old ones in pyproject.toml and
     the new source tree (LAYOUT) between the ``layout`` markers in README.md;
  5. sorts imports and formats only the Python files it changed (ruff), so that a moved
     module's new name lands in the right place of each import block.

The command-line entry points stay where they are: ``vendorrisk = "vendorrisk.cli:run"``
and ``python -m vendorrisk`` (``vendorrisk/__main__.py``). Nothing an assessments repository
stores names a module below ``vendorrisk``: git-setup writes ``<python> -m vendorrisk
textconv`` (gitfiles.textconv_command) and the pre-commit hooks run ``vendorrisk validate``
and ``vendorrisk fmt``. So no module is left behind as a compatibility shim.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

# --- The mapping ------------------------------------------------------------------------
# Old dotted name -> new dotted name. A key that is a package carries everything under it
# (modules added later included); a longer key overrides it for one module.
MODULES: dict[str, str] = {
    # core: the domain, pure: values in, values out; no file is read or written here.
    "vendorrisk.model": "vendorrisk.core.model",
    "vendorrisk.codes": "vendorrisk.core.codes",
    "vendorrisk.problems": "vendorrisk.core.problems",
    "vendorrisk.classification": "vendorrisk.core.classification",
    "vendorrisk.corporate_number": "vendorrisk.core.corporate_number",
    "vendorrisk.dates": "vendorrisk.core.dates",
    "vendorrisk.localtime": "vendorrisk.core.localtime",
    "vendorrisk.encoding": "vendorrisk.core.encoding",
    "vendorrisk.codec": "vendorrisk.core.codec",
    # the command line's API, but renderers refuse output with one (reports/formats.py)
    "vendorrisk.exitcodes": "vendorrisk.core.exitcodes",
    "vendorrisk.schemas": "vendorrisk.core.schemas",
    "vendorrisk.catalog": "vendorrisk.core.catalog",
    "vendorrisk.scoring": "vendorrisk.core.scoring",
    "vendorrisk.approval": "vendorrisk.core.approval",
    "vendorrisk.schedule": "vendorrisk.core.schedule",
    "vendorrisk.workflow": "vendorrisk.core.workflow",
    "vendorrisk.validation": "vendorrisk.core.validation",
    # the URL-check record is a file shape like model.py: features read it, urlcheck writes it
    "vendorrisk.urlcheck.record_model": "vendorrisk.core.urlcheck_record",
    # added meanwhile by other issue-13 branches (pure: values in, values out)
    "vendorrisk.rule_codes": "vendorrisk.core.rule_codes",
    "vendorrisk.assessed": "vendorrisk.core.assessed",
    "vendorrisk.answer_types": "vendorrisk.core.answer_types",
    # the codes a file's history holds (the assessment schema lists them)
    "vendorrisk.history_codes": "vendorrisk.core.history_codes",
    # store: the only reader and writer of files.
    "vendorrisk.files": "vendorrisk.store.files",
    "vendorrisk.toml10": "vendorrisk.store.toml10",
    "vendorrisk.tomlfile": "vendorrisk.store.tomlfile",
    "vendorrisk.toml_writer": "vendorrisk.store.toml_writer",
    "vendorrisk.storage": "vendorrisk.store.storage",
    "vendorrisk.assessment_store": "vendorrisk.store.assessments",
    "vendorrisk.repository": "vendorrisk.store.repository",
    "vendorrisk.gitfiles": "vendorrisk.store.gitfiles",
    "vendorrisk.validation.cache": "vendorrisk.store.cache",
    "vendorrisk.validation.assessment_check": "vendorrisk.store.assessment_check",
    # features: what the tool does with assessments, built from core and store.
    "vendorrisk.diff": "vendorrisk.features.diff",
    "vendorrisk.evolution": "vendorrisk.features.evolution",
    "vendorrisk.exchange": "vendorrisk.features.exchange",
    "vendorrisk.rounds": "vendorrisk.features.rounds",
    "vendorrisk.url_evidence": "vendorrisk.features.url_evidence",
    "vendorrisk.subcontracting": "vendorrisk.features.subcontracting",
    "vendorrisk.scaffold": "vendorrisk.features.scaffold",
    "vendorrisk.session": "vendorrisk.features.session",
    "vendorrisk.summaries": "vendorrisk.features.summaries",
    "vendorrisk.validation.batch": "vendorrisk.features.validate_batch",
    "vendorrisk.summary_pool": "vendorrisk.features.summary_pool",
    # render: values into words and documents, for the faces.
    "vendorrisk.reports": "vendorrisk.render.reports",
    "vendorrisk.documents": "vendorrisk.render.documents",
    "vendorrisk.oscal": "vendorrisk.render.oscal",
    "vendorrisk.textconv": "vendorrisk.render.textconv",
    "vendorrisk.diff.render": "vendorrisk.render.diff",
    "vendorrisk.rounds.render": "vendorrisk.render.rounds",
    "vendorrisk.urlcheck.text_report": "vendorrisk.render.urlcheck_text",
    "vendorrisk.catalog.condition_words": "vendorrisk.render.condition_words",
    "vendorrisk.condition_words": "vendorrisk.render.condition_words",
    "vendorrisk.formats": "vendorrisk.render.formats",
    "vendorrisk.history_words": "vendorrisk.render.history_words",
    # the blank questionnaire the city sends, in the vendor's language
    "vendorrisk.exchange.questionnaire": "vendorrisk.render.questionnaire",
    # writes the published schemas from every file shape, features' and urlcheck's included:
    # a document made from values, so it sits above them (python -m vendorrisk.render.schemas)
    "vendorrisk.schemas.generate": "vendorrisk.render.schemas",
}

# Top-level entries of src/vendorrisk that stay where they are.
KEEP = {
    "__init__",
    "__main__",
    "py.typed",
    "data",  # the built-in catalogue, its history and the init templates
    "messages",  # the words: used by render and the faces only (contract below)
    "cli",
    "tui",
    "urlcheck",  # the HTTP adapter, a sibling of features
    "core",
    "store",
    "features",
    "render",
}

LAYER_DOCS = {
    "core": "The domain: the assessment model, the catalogue, the rules (scoring, workflow,\n"
    "schedule, approval, validation). Pure: values in, values out; reads and writes no file,\n"
    "chooses no words (it returns codes.Phrase values and raises CodedError).",
    "store": "The only reader and writer of files: bounded reads, the TOML reader and the\n"
    "canonical writer, atomic saves with history, the repository root, git, the cache.",
    "features": "What the tool does with assessments, built from core and store: diff,\n"
    "catalogue evolution, questionnaire exchange, yearly rounds, URL evidence, the\n"
    "subcontracting register, init, the editing session, the list summaries, batch checks.",
    "render": "Values into words and documents: reports, clause documents, OSCAL, the diff and\n"
    "round texts, git textconv, the URL-check text. The only layer below the faces that\n"
    "uses vendorrisk.messages.",
}

FOLDER_DOCS = {
    "src/vendorrisk/urlcheck": "The vendor URL checker: an adapter of its own, the only user\n"
    "of the HTTP client. Its results are plain records (the urlcheck-result schema);\n"
    "render/urlcheck_text.py puts them into words.",
}

# Edits a module needs when it moves away from files it finds by its own location; each
# (old, new) pair is applied once (skipped when ``new`` is there already).
SPECIAL_EDITS: dict[str, list[tuple[str, str]]] = {
    "src/vendorrisk/render/schemas.py": [
        (
            "PACKAGE_DIR = Path(__file__).resolve().parent\n",
            'PACKAGE_DIR = Path(__file__).resolve().parent.parent / "core" / "schemas"\n',
        ),
        ("PACKAGE_DIR.parents[2]", "PACKAGE_DIR.parents[3]"),
    ],
}

# Tests mirror the layer packages; the cross-cutting suites (cli, tui, urlcheck, gitflow,
# hostile) stay at the top, beside the faces and the adapter they drive.
TESTS: dict[str, str] = {
    "tests/catalog": "tests/core/catalog",
    "tests/scoring": "tests/core/scoring",
    "tests/validation": "tests/core/validation",
    "tests/test_corporate_number.py": "tests/core/test_corporate_number.py",
    "tests/test_dates.py": "tests/core/test_dates.py",
    "tests/test_schemas.py": "tests/core/test_schemas.py",
    "tests/storage": "tests/store",
    "tests/reads": "tests/store/reads",
    "tests/test_toml_writer.py": "tests/store/test_toml_writer.py",
    "tests/exchange": "tests/features/exchange",
    "tests/reports": "tests/render/reports",
    "tests/documents": "tests/render/documents",
}

# A package whose __init__ re-exported names from a module that now sits in a higher layer:
# the re-export goes, and importers get those names from the new module.
REEXPORTS_DROPPED: dict[str, tuple[str, frozenset[str]]] = {
    "vendorrisk.features.diff": (
        "vendorrisk.render.diff",
        frozenset({"render_json", "render_markdown", "render_text"}),
    ),
}

CONTRACTS = """\
[tool.importlinter]
root_package = "vendorrisk"
include_external_packages = true

[[tool.importlinter.contracts]]
name = "Layers: faces, render, features (and the URL adapter), store, core"
type = "layers"
containers = ["vendorrisk"]
# "a | b": a layer of two independent siblings (neither imports the other).
layers = ["cli | tui", "render", "features | urlcheck", "store", "core"]
ignore_imports = [
  # `vendorrisk tui` opens the UI: the one place the command line names it.
  "vendorrisk.cli.tui_command -> vendorrisk.tui.app",
  # Wrong-side imports, each with the function that should move (issue 13):
  # diff.compare compares answers as displayed; compare values, let render/diff.py say them.
  "vendorrisk.features.diff.compare -> vendorrisk.render.reports.answers",
  # reports.export.neutralise (spreadsheet formula guard) belongs in core.encoding.
  "vendorrisk.features.exchange.questionnaire -> vendorrisk.render.reports.export",
  # tomlfile.jsonable (TOML values as JSON values) is pure: it belongs in core.codec.
  "vendorrisk.core.validation.semantics -> vendorrisk.store.tomlfile",
  # catalog.loader reads the file and caches the check: load_catalog's read_toml call and
  # the cache belong in store; core keeps building a Catalogue from a document.
  "vendorrisk.core.catalog.loader -> vendorrisk.store.tomlfile",
  "vendorrisk.core.catalog.loader -> vendorrisk.store.cache",
]
# Paying off one of those debts must not break the check: an ignore that matches nothing
# is fine (delete it then).
unmatched_ignore_imports_alerting = "none"

[[tool.importlinter.contracts]]
name = "Below the faces and the renderers, nothing chooses words"
type = "forbidden"
source_modules = [
  "vendorrisk.core",
  "vendorrisk.store",
  "vendorrisk.features",
  "vendorrisk.urlcheck",
]
forbidden_modules = ["vendorrisk.messages"]

[[tool.importlinter.contracts]]
name = "Only the faces and the URL adapter import the UI toolkit or the HTTP client"
type = "forbidden"
source_modules = [
  "vendorrisk.core",
  "vendorrisk.store",
  "vendorrisk.features",
  "vendorrisk.render",
  "vendorrisk.messages",
]
forbidden_modules = ["textual", "rich", "httpx"]

[[tool.importlinter.contracts]]
name = "The URL adapter stands alone: no UI toolkit, no faces, no renderers"
type = "forbidden"
source_modules = ["vendorrisk.urlcheck"]
forbidden_modules = ["textual", "rich", "vendorrisk.cli", "vendorrisk.tui", "vendorrisk.render"]
"""

LAYOUT = """\
```
src/vendorrisk/
  cli/ | tui/    the faces: one module per command; the Textual UI. Independent of each other
  render/        values into words and documents: reports/, documents/ (clauses, md, html,
                 docx), oscal.py, textconv.py, diff.py, rounds.py, urlcheck_text.py,
                 condition_words.py, schemas.py (writes the published JSON Schemas)
  features/ | urlcheck/
                 diff/, evolution/ (catalogue versions, migrations), exchange/ (vendor
                 questionnaires), rounds/ (yearly round), url_evidence.py, subcontracting.py,
                 scaffold.py (init), session.py (one person editing), summaries.py (the list),
                 validate_batch.py  |  urlcheck/: the vendor URL checker (the only httpx user)
  store/         assessments.py (the Store: the one way to load, check and save an
                 assessment), files.py (the one bounded reader), tomlfile.py + toml10.py
                 (one TOML verdict), toml_writer.py (canonical bytes), storage.py (atomic
                 saves, history), assessment_check.py (read + check), cache.py (the three
                 caches' files), repository.py, gitfiles.py
  core/          model.py, codec.py (TOML document <-> model), codes.py + problems.py (what
                 happened, as codes), catalog/, scoring/, workflow.py, schedule.py,
                 approval.py, validation/ (schema, meaning, register, cross-checks),
                 classification.py, corporate_number.py, dates.py, localtime.py,
                 encoding.py, exitcodes.py, schemas/ (the file shapes' markers and the packaged
                 schemas), urlcheck_record.py (the URL-check record's shape)
  messages/      every user-facing text, Japanese and English: used by render/ and the faces
  data/          the built-in catalogue, its history, the `vendorrisk init` templates
```
"""
LAYOUT_BEGIN = "<!-- layout:begin (tools/relayout.py writes this block) -->"
LAYOUT_END = "<!-- layout:end -->"
PENDING_BEGIN = "<!-- relayout:pending -->"
PENDING_END = "<!-- /relayout:pending -->"

TEXT_SUFFIXES = {
    ".py",
    ".md",
    ".toml",
    ".yaml",
    ".yml",
    ".cfg",
    ".ini",
    ".txt",
    ".sh",
    ".po",
    ".pot",
    "",
}
SKIP_PARTS = {"golden", "__snapshots__"}
SKIP_PREFIXES = ("src/vendorrisk/data/", "assessments/", "schemas/", "tools/relayout.py")


# --- Name resolution --------------------------------------------------------------------


class Mapping:
    def __init__(self, modules: dict[str, str], tests: dict[str, str]) -> None:
        self.modules = modules
        self.tests = tests
        self._keys = sorted(modules, key=lambda k: k.count("."), reverse=True)
        self._test_keys = sorted(tests, key=lambda k: k.count("/"), reverse=True)
        for old, new in modules.items():
            for key in modules:
                if new == key or new.startswith(key + "."):
                    raise SystemExit(f"relayout: {old} -> {new} starts with old name {key}")

    def module(self, dotted: str) -> str:
        """The new dotted name of ``dotted`` (a module, or a name inside one)."""
        for key in self._keys:
            if dotted == key or dotted.startswith(key + "."):
                return self.modules[key] + dotted[len(key) :]
        return dotted

    def test_path(self, path: str) -> str:
        for key in self._test_keys:
            if path == key or path.startswith(key + "/"):
                return self.tests[key] + path[len(key) :]
        return path

    def test_module(self, dotted: str) -> str:
        return self.test_path(dotted.replace(".", "/")).replace("/", ".")


def module_of(path: PurePosixPath) -> str:
    """src/vendorrisk/a/b.py -> vendorrisk.a.b; a package's __init__.py -> the package."""
    parts = list(path.relative_to("src").with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def path_of_module(dotted: str, *, package: bool) -> PurePosixPath:
    base = PurePosixPath("src", *dotted.split("."))
    return base / "__init__.py" if package else base.with_suffix(".py")


def new_src_path(path: PurePosixPath, mapping: Mapping) -> PurePosixPath:
    if path.suffix == ".py":
        new = mapping.module(module_of(path))
        return path_of_module(new, package=path.name == "__init__.py")
    # a data file moves with its package (schemas/*.json, tui/app.tcss)
    package = ".".join(path.parent.relative_to("src").parts)
    return PurePosixPath("src", *mapping.module(package).split(".")) / path.name


# --- Git and files ----------------------------------------------------------------------


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], capture_output=True, text=True, check=True)
    return done.stdout


def tracked(prefix: str = "") -> list[PurePosixPath]:
    names = git("ls-files", "-z", "--", *([prefix] if prefix else [])).split("\0")
    return [PurePosixPath(n) for n in names if n and Path(n).exists()]


def check_placed(mapping: Mapping, keep: set[str]) -> None:
    unplaced: set[str] = set()
    for path in tracked("src/vendorrisk"):
        top = path.parts[2]
        stem = top[:-3] if top.endswith(".py") else top
        if stem in keep and not (
            top.endswith(".py") and stem in {"core", "store", "features", "render"}
        ):
            continue
        if mapping.module(f"vendorrisk.{stem}") == f"vendorrisk.{stem}":
            unplaced.add(top)
    untracked = [
        n
        for n in git("ls-files", "--others", "--exclude-standard", "src", "tests").split("\n")
        if n
    ]
    if unplaced or untracked:
        if unplaced:
            print("relayout: src/vendorrisk holds entries the mapping does not place:")
            for name in sorted(unplaced):
                stem = name.removesuffix(".py")
                hint = f"--map vendorrisk.{stem}=vendorrisk.<layer>.{stem}, or --keep {stem}"
                print(f"  {name}  ({hint})")
        if untracked:
            print("relayout: untracked files under src/ or tests/ (commit or remove them first):")
            for name in untracked:
                print(f"  {name}")
        raise SystemExit(2)


def plan_moves(mapping: Mapping) -> list[tuple[PurePosixPath, PurePosixPath]]:
    moves = []
    for path in tracked("src/vendorrisk"):
        new = new_src_path(path, mapping)
        if new != path:
            moves.append((path, new))
    for path in tracked("tests"):
        new = PurePosixPath(mapping.test_path(str(path)))
        if new != path:
            moves.append((path, new))
    targets = [new for _old, new in moves]
    clash = {t for t in targets if targets.count(t) > 1 or Path(t).exists()}
    if clash:
        raise SystemExit(
            "relayout: these targets exist already or twice: " + ", ".join(map(str, sorted(clash)))
        )
    return moves


_PARENT_CHAIN = re.compile(r"Path\(__file__\)(\.resolve\(\))?((?:\.parent)+|\.parents\[(\d+)\])")


def folder_image(folder: PurePosixPath, mapping: Mapping) -> PurePosixPath:
    """Where a folder's contents go: src/vendorrisk/catalog -> src/vendorrisk/core/catalog."""
    if folder.parts[:2] == ("src", "vendorrisk"):
        dotted = mapping.module(".".join(folder.parts[1:]))
        return PurePosixPath("src", *dotted.split("."))
    if folder.parts[:1] == ("tests",):
        return PurePosixPath(mapping.test_path(str(folder)))
    return folder


def fix_file_anchors(text: str, old: PurePosixPath, new: PurePosixPath, mapping: Mapping) -> str:
    """``Path(__file__).parent.parent / "data"`` in a moved file: reach the same folder."""

    def repl(match: re.Match[str]) -> str:
        count = int(match[3]) + 1 if match[3] else match[2].count(".parent")
        if count > len(old.parents):
            return match[0]
        target = folder_image(old.parents[count - 1], mapping)
        if target not in new.parents:
            if str(new) not in SPECIAL_EDITS:
                print(f"relayout: check by hand: {new}: {match[0]}")
            return match[0]
        n = list(new.parents).index(target) + 1
        if n == count:
            return match[0]
        chain = f".parents[{n - 1}]" if match[3] else ".parent" * n
        return f"Path(__file__){match[1] or ''}{chain}"

    return _PARENT_CHAIN.sub(repl, text)


def move(
    moves: list[tuple[PurePosixPath, PurePosixPath]], mapping: Mapping, dry_run: bool
) -> list[PurePosixPath]:
    changed = []
    for old, new in moves:
        print(f"  git mv {old} {new}")
        if dry_run:
            continue
        Path(new.parent).mkdir(parents=True, exist_ok=True)
        git("mv", str(old), str(new))
        if new.suffix == ".py":
            text = Path(new).read_text("utf-8")
            fixed = fix_file_anchors(text, old, new, mapping)
            if fixed != text:
                Path(new).write_text(fixed, "utf-8")
                changed.append(new)
    if not dry_run:
        for old, _new in moves:
            remove_empty_dirs(Path(old.parent))
    return changed


def remove_empty_dirs(folder: Path) -> None:
    while folder.exists() and folder.name not in {"src", "tests", "vendorrisk"}:
        cache = folder / "__pycache__"
        if cache.is_dir():
            shutil.rmtree(cache)
        if any(folder.iterdir()):
            return
        folder.rmdir()
        folder = folder.parent


def add_package_files(dry_run: bool) -> list[PurePosixPath]:
    """Every folder with Python files under src/vendorrisk and the test layers is a regular
    package: import-linter's contracts name packages, and a namespace package (urlcheck had
    no ``__init__.py``) is not one it can find."""
    added = []
    roots = [Path("src/vendorrisk")] + [Path("tests", layer) for layer in LAYER_DOCS]
    for root in roots:
        if not root.exists():
            continue
        folders = {p.parent for p in root.rglob("*.py")} | {root}
        folders |= {root / layer for layer in LAYER_DOCS if (root / layer).is_dir()}
        for folder in sorted(folders):
            if {"__pycache__", "data"} & set(folder.parts):
                continue
            init = folder / "__init__.py"
            if init.exists():
                continue
            doc = LAYER_DOCS.get(folder.name) if folder.parent == Path("src/vendorrisk") else None
            doc = doc or FOLDER_DOCS.get(str(folder.as_posix()))
            added.append(PurePosixPath(init))
            print(f"  add {init}")
            if not dry_run:
                init.write_text(f'"""{doc}"""\n' if doc else "", "utf-8")
                git("add", str(init))
    return added


# --- Rewriting text ---------------------------------------------------------------------

_DOTTED = re.compile(r"(?<![\w.\-/])vendorrisk((?:\.[A-Za-z_]\w*)+)")
_SRC_PATH = re.compile(
    r"(?<![\w.\-])((?:src/)?)vendorrisk/((?:[A-Za-z_]\w*/)*[A-Za-z_]\w*)(\.py\b|/)?"
)
_JOINED = re.compile(r'"vendorrisk"((?:\s*/\s*"[\w.\-]+")+)')
_TEST_PATH = re.compile(r"(?<![\w.\-/])tests/((?:\w+/)*\w+)(\.py\b|/)?")
_TEST_DOTTED = re.compile(r"(?<![\w.\-/])tests((?:\.\w+)+)")


class Rewriter:
    def __init__(self, mapping: Mapping) -> None:
        self.mapping = mapping

    def is_module(self, dotted: str) -> bool:
        for name in (dotted, self.mapping.module(dotted)):
            for package in (False, True):
                if Path(path_of_module(name, package=package)).exists():
                    return True
        return False

    def dotted(self, name: str) -> str:
        new = self.mapping.module(name)
        for package, (target, names) in REEXPORTS_DROPPED.items():
            rest = new[len(package) + 1 :]
            if new.startswith(package + ".") and rest.split(".")[0] in names:
                return f"{target}.{rest}"
        return new

    def import_froms(self, text: str) -> str:
        """``from vendorrisk[.x] import a, b`` where a or b now lives elsewhere than x."""
        try:
            tree = ast.parse(text)
        except SyntaxError:
            return text
        lines = text.splitlines(keepends=True)
        edits: list[tuple[int, int, str]] = []
        for node in ast.walk(tree):
            if not (isinstance(node, ast.ImportFrom) and node.level == 0 and node.module):
                continue
            if node.module != "vendorrisk" and not node.module.startswith("vendorrisk."):
                continue
            groups: dict[str, list[str]] = {}
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if alias.name != "*" and self.is_module(full):
                    parent, name = self.dotted(full).rsplit(".", 1)
                    asname = alias.asname or (alias.name if name != alias.name else None)
                else:
                    parent, name, asname = self.dotted(node.module), alias.name, alias.asname
                    dropped = REEXPORTS_DROPPED.get(parent)
                    if dropped and name in dropped[1]:
                        parent = dropped[0]
                groups.setdefault(parent, []).append(name + (f" as {asname}" if asname else ""))
            original = [a.name + (f" as {a.asname}" if a.asname else "") for a in node.names]
            if list(groups) == [self.dotted(node.module)] and groups[list(groups)[0]] == original:
                continue  # only the module's name changes: the dotted rewrite does that
            indent = " " * node.col_offset
            statements = [
                f"{indent}from {mod} import {', '.join(names)}" for mod, names in groups.items()
            ]
            first, last = node.lineno - 1, (node.end_lineno or node.lineno) - 1
            trailing = lines[last][node.end_col_offset or 0 :].strip()
            if lines[first][: node.col_offset].strip() or (trailing and trailing[0] != "#"):
                print(f"relayout: rewrite by hand (shares its line): {lines[first].strip()}")
                continue
            if trailing:
                statements[0] += "  " + trailing
            edits.append((first, last, "\n".join(statements) + "\n"))
        for first, last, new in sorted(edits, reverse=True):
            lines[first : last + 1] = [new]
        return "".join(lines)

    def text(self, text: str) -> str:
        text = _DOTTED.sub(lambda m: self.dotted("vendorrisk" + m[1]), text)

        def src_path(m: re.Match[str]) -> str:
            start = m.start()
            if not m[1] and start and m.string[start - 1] == "/":
                return m[0]  # some other project's vendorrisk/ folder
            parts = m[2].split("/")
            new = self.mapping.module(".".join(["vendorrisk", *parts]))
            if new == ".".join(["vendorrisk", *parts]):
                return m[0]
            return m[1] + new.replace(".", "/") + (m[3] or "")

        text = _SRC_PATH.sub(src_path, text)

        def joined(m: re.Match[str]) -> str:
            parts = re.findall(r'"([\w.\-]+)"', m[1])
            i = 0
            while i < len(parts) and parts[i].isidentifier():
                i += 1
            names, rest = parts[:i], parts[i:]
            is_py = bool(rest) and rest[0].endswith(".py") and rest[0][:-3].isidentifier()
            if is_py:
                names, rest = [*names, rest[0][:-3]], rest[1:]
            new = self.mapping.module(".".join(["vendorrisk", *names])).split(".")[1:]
            if new == names:
                return m[0]
            if is_py:
                new[-1] += ".py"
            return '"vendorrisk"' + "".join(f' / "{p}"' for p in [*new, *rest])

        text = _JOINED.sub(joined, text)
        text = _TEST_PATH.sub(
            lambda m: self.mapping.test_path("tests/" + m[1]) + (m[2] or ""), text
        )
        return _TEST_DOTTED.sub(lambda m: self.mapping.test_module("tests" + m[1]), text)


def text_files() -> Iterable[PurePosixPath]:
    for path in tracked():
        name = str(path)
        if name.startswith(SKIP_PREFIXES) or SKIP_PARTS & set(path.parts):
            continue
        if path.suffix in TEXT_SUFFIXES and Path(path).is_file():
            yield path


def rewrite_files(rewriter: Rewriter, dry_run: bool) -> list[PurePosixPath]:
    changed = []
    for path in text_files():
        try:
            text = Path(path).read_text("utf-8")
        except UnicodeDecodeError:
            continue
        new = rewriter.import_froms(text) if path.suffix == ".py" else text
        new = rewriter.text(new)
        if path == PurePosixPath("pyproject.toml"):
            new = with_contracts(new)
        if path == PurePosixPath("README.md"):
            new = with_layout(new)
        if str(path).endswith(("/__init__.py",)):
            new = without_dropped_reexports(path, new)
        new = with_special_edits(path, new)
        if new != text:
            changed.append(path)
            print(f"  rewrite {path}")
            if not dry_run:
                Path(path).write_text(new, "utf-8")
    return changed


def with_special_edits(path: PurePosixPath, text: str) -> str:
    for old, new in SPECIAL_EDITS.get(str(path), []):
        if old in text:
            text = text.replace(old, new)
        elif new not in text:
            print(f"relayout: check by hand: {path} no longer holds {old.strip()!r}")
    return text


def without_dropped_reexports(path: PurePosixPath, text: str) -> str:
    if not str(path).startswith("src/"):
        return text
    dropped = REEXPORTS_DROPPED.get(module_of(path))
    if not dropped:
        return text
    target, names = dropped
    text = re.sub(rf"^from {re.escape(target)} import [^\n]*\n", "", text, flags=re.M)
    return re.sub(r'^\s*"(\w+)",\n', lambda m: "" if m[1] in names else m[0], text, flags=re.M)


def with_contracts(text: str) -> str:
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == "[tool.importlinter]"), None)
    if start is None:
        return text.rstrip("\n") + "\n\n" + CONTRACTS
    end = start + 1
    while end < len(lines):
        line = lines[end].strip()
        if line.startswith("[") and not line.startswith(
            ("[tool.importlinter", "[[tool.importlinter")
        ):
            break
        end += 1
    old = "".join(lines[start:end])
    kept = set(re.findall(r'^name = "(.*)"$', CONTRACTS, flags=re.M))
    for name in re.findall(r'^name = "(.*)"$', old, flags=re.M):
        if name not in kept:
            print(f"relayout: pyproject contract replaced: {name!r}")
    tail = "".join(lines[end:])
    return "".join(lines[:start]) + CONTRACTS + ("\n" + tail if tail else "")


def with_layout(text: str) -> str:
    """The new source tree between the layout markers; sentences that only hold until the
    move (between the pending markers) go."""
    text = re.sub(
        rf"{re.escape(PENDING_BEGIN)}.*?{re.escape(PENDING_END)}\n?", "", text, flags=re.S
    )
    begin, end = text.find(LAYOUT_BEGIN), text.find(LAYOUT_END)
    if begin < 0 or end < begin:
        print("relayout: README.md has no layout markers; the source tree there is not updated")
        return text
    return text[: begin + len(LAYOUT_BEGIN)] + "\n" + LAYOUT + text[end:]


def tidy(paths: list[PurePosixPath], dry_run: bool) -> None:
    python = sorted({str(p) for p in paths if p.suffix == ".py" and Path(p).exists()})
    if dry_run or not python:
        return
    ruff = shutil.which("ruff")
    if ruff is None:
        print(
            "relayout: no ruff on PATH: run `ruff check --select I --fix` and `ruff format`"
            " on the changed files"
        )
        return
    subprocess.run([ruff, "check", "--select", "I", "--fix", "--quiet", *python], check=False)
    subprocess.run([ruff, "format", "--quiet", *python], check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="OLD=NEW",
        help="place one more module, e.g. vendorrisk.answer_types=vendorrisk.core.answer_types",
    )
    parser.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="NAME",
        help="leave one more top-level entry of src/vendorrisk where it is",
    )
    args = parser.parse_args(argv)
    os.chdir(git("rev-parse", "--show-toplevel").strip())
    if not Path("src/vendorrisk/__init__.py").exists():
        raise SystemExit("relayout: run inside the vendorrisk repository")
    modules = dict(MODULES)
    for item in args.map:
        old, sep, new = item.partition("=")
        if not sep:
            raise SystemExit(f"relayout: --map wants OLD=NEW, got {item!r}")
        modules[old.strip()] = new.strip()
    mapping = Mapping(modules, TESTS)
    check_placed(mapping, KEEP | set(args.keep))

    print("moves:")
    moves = plan_moves(mapping)
    changed = move(moves, mapping, args.dry_run)
    changed += add_package_files(args.dry_run)
    print("rewrites:")
    changed += rewrite_files(Rewriter(mapping), args.dry_run)
    tidy(changed + [new for _old, new in moves], args.dry_run)
    print(
        f"relayout: {len(moves)} files moved, {len(set(changed))} files written"
        + (" (dry run)" if args.dry_run else "")
    )
    if not args.dry_run and (moves or changed):
        print("next: mypy && lint-imports && python -m pytest --collect-only -q")
    return 0


if __name__ == "__main__":
    sys.exit(main())
