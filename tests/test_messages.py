"""The message catalogues: every key in use has both texts, and the files agree with each other.

The texts are gettext catalogues (src/vendorrisk/messages/locale, docs/translating.md).
Keys in use are found the way ``pybabel extract`` finds them (the extraction method of
vendorrisk.messages.extractors), plus every member of every ``Code`` enumeration.
"""

from __future__ import annotations

import gc
import gettext
import importlib
import importlib.util
import io
import pkgutil
import re
import string
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import vendorrisk
from tests.conftest import REPO
from vendorrisk.core.codes import Code, phrase
from vendorrisk.messages import LANGS, all_keys, detect_language, has, say, t
from vendorrisk.messages.extractors import keys_in_source

SRC = REPO / "src" / "vendorrisk"
RUNTIME_KEYS = SRC / "messages" / "runtime_keys.txt"
LOCALE_DIR = SRC / "messages" / "locale"


def po_file(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "vendorrisk.po"


def mo_file(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "vendorrisk.mo"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def code_enumerations(base: type[Code] = Code) -> Iterator[type[Code]]:
    for sub in base.__subclasses__():
        yield sub
        yield from code_enumerations(sub)


@pytest.fixture(scope="module")
def every_code() -> list[Code]:
    for info in pkgutil.walk_packages(vendorrisk.__path__, "vendorrisk."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    # Enumerations a test makes up for itself are not the program's codes.
    ours = [e for e in code_enumerations() if e.__module__.startswith("vendorrisk.")]
    return [member for enumeration in ours for member in enumeration]


@pytest.fixture(scope="module")
def literal_keys() -> dict[str, Path]:
    used: dict[str, Path] = {}
    for path in sorted(SRC.rglob("*.py")):
        for key in keys_in_source(path.read_bytes()):
            used.setdefault(key, path.relative_to(REPO))
    return used


def test_every_code_has_a_japanese_and_an_english_text(every_code: list[Code]) -> None:
    missing = [f"{type(c).__name__}.{c.name}" for c in every_code if not has_both_texts(c)]
    assert missing == []


def test_every_key_written_in_the_source_has_a_japanese_and_an_english_text(
    literal_keys: dict[str, Path],
) -> None:
    missing = [f"{key} ({path})" for key, path in literal_keys.items() if not has_both_texts(key)]
    assert missing == []


def has_both_texts(key: str) -> bool:
    return all(t(key, lang) not in ("", key) for lang in LANGS)


def test_every_problem_code_used_in_the_source_has_a_text() -> None:
    # problem("empty") becomes the key "problem.empty" at run time, out of extraction's
    # sight, until the problems are Code enumerations too.
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text("utf-8")
        if "from vendorrisk.core.problems import" in text:
            used |= {f"problem.{c}" for c in re.findall(r'\bproblem\(\s*"([a-z0-9-]+)"', text)}
    assert sorted(k for k in used if not has(k)) == []


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    texts = {lang: read_texts(lang) for lang in LANGS}
    assert texts["ja"].keys() == texts["en"].keys()
    for key, ja in texts["ja"].items():
        en = texts["en"][key]
        assert ja and en, key
        assert placeholders(ja) == placeholders(en), key


def read_texts(lang: str) -> dict[str, str]:
    with po_file(lang).open("rb") as f:
        return {str(m.id): str(m.string) for m in read_po(f) if m.id}


@pytest.mark.parametrize("lang", LANGS)
def test_no_key_is_defined_twice(lang: str) -> None:
    msgids = re.findall(r'^msgid "(.+)"$', po_file(lang).read_text("utf-8"), re.MULTILINE)
    assert [key for key, n in Counter(msgids).items() if n > 1] == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogue_is_what_compiling_the_po_file_gives(lang: str) -> None:
    with po_file(lang).open("rb") as f:
        catalogue = read_po(f, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    # Compared as parsed messages: the header names the Babel version that compiled it.
    fresh = parsed_mo(compiled.getvalue())
    checked_in = parsed_mo(mo_file(lang).read_bytes())
    assert checked_in == fresh, "run: python tools/tables_to_po.py (docs/translating.md)"


def parsed_mo(data: bytes) -> dict[str, str]:
    messages: dict[str, str] = vars(gettext.GNUTranslations(io.BytesIO(data)))["_catalog"]
    return {key: text for key, text in messages.items() if key}


def load_tool() -> ModuleType:
    """tools/tables_to_po.py, which holds the documented extraction command."""
    if "tables_to_po" in sys.modules:
        return sys.modules["tables_to_po"]
    spec = importlib.util.spec_from_file_location("tables_to_po", REPO / "tools/tables_to_po.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules["tables_to_po"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_template_is_a_fresh_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = load_tool()
    monkeypatch.chdir(REPO)
    fresh = tmp_path / "fresh.pot"
    tool.pybabel(*tool.EXTRACT_ARGS, "-o", str(fresh), str(REPO / "src"))
    checked_in = tool.template_messages(LOCALE_DIR / "vendorrisk.pot")
    assert checked_in == tool.template_messages(fresh), "run: python tools/tables_to_po.py"


def test_the_template_and_the_catalogues_hold_the_same_keys() -> None:
    tool = load_tool()
    template = {key for key, _ in tool.template_messages(LOCALE_DIR / "vendorrisk.pot")}
    assert template == all_keys() == read_texts("ja").keys()


def test_keys_listed_as_built_at_run_time_are_not_also_in_the_source(
    literal_keys: dict[str, Path],
) -> None:
    listed = [line for line in RUNTIME_KEYS.read_text("utf-8").splitlines() if line[:1] != "#"]
    # Once a key is written t("key") or becomes a Code value, extraction finds it: the list
    # then only hides a key that is no longer used.
    assert sorted(set(listed) & literal_keys.keys()) == [], "run: python tools/tables_to_po.py"
    assert len(listed) == len(set(listed))


def test_an_unknown_key_comes_back_as_itself_with_its_parameters() -> None:
    assert t("nowhere.to-be-found", "en") == "nowhere.to-be-found"
    assert t("nowhere.to-be-found", "ja", path="a.toml", line=3) == (
        "nowhere.to-be-found [path=a.toml, line=3]"
    )
    assert not has("nowhere.to-be-found")


def test_a_placeholder_without_a_parameter_stays_visible() -> None:
    assert t("problem.too-large", "en", size=3) == (
        "file is too large (3 bytes; the limit is {limit} bytes)"
    )


def test_a_template_that_cannot_take_the_parameters_is_shown_with_them() -> None:
    # A broken translation ("{size:d}" given text) must not stop the program either.
    said = t("problem.too-large", "en", size="many", limit="x" * 3)
    assert "many" in said


def test_a_template_without_parameters_comes_back_as_written() -> None:
    # Document builders fill some placeholders themselves, after t().
    template = t("problem.too-large", "en")
    assert placeholders(template) == {"size", "limit"}


def test_say_puts_codes_and_their_phrase_parameters_into_words() -> None:
    class Example(Code):
        EMPTY = "problem.empty"
        TOO_LARGE = "problem.too-large"

    assert say(Example.EMPTY, "ja") == t("problem.empty", "ja")
    assert say(phrase(Example.TOO_LARGE, size=5, limit=Example.EMPTY), "en") == (
        f"file is too large (5 bytes; the limit is {t('problem.empty', 'en')} bytes)"
    )
    # Gone from Code.__subclasses__(), so that no other test walks into it.
    del Example
    gc.collect()


def test_texts_load_without_babel() -> None:
    script = (
        "import sys; from vendorrisk.messages import t; t('problem.empty', 'ja');"
        "sys.exit('babel' in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=REPO)


def test_japanese_is_chosen_for_a_japanese_locale() -> None:
    assert detect_language({"LANG": "ja_JP.UTF-8"}) == "ja"
    assert detect_language({"LANG": "en_US.UTF-8"}) == "en"
    assert detect_language({"LANG": "en_US.UTF-8", "VENDORRISK_LANG": "ja"}) == "ja"
    assert t("problem.empty", "ja") != t("problem.empty", "en")
