"""Issue 13, point 1: problems and storage errors carry codes, the faces choose the words.

A result cached or computed in a worker in one language is said in whatever language is
current when it is shown; nothing below the faces asks which language that is.
"""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from vendorrisk.core.answer_types import AnswerWord
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.catalog.model import Text
from vendorrisk.core.codes import Code, Joined, Verbatim, phrase, phrase_from_json
from vendorrisk.core.history_codes import ApprovalProblemCode, StatusWord
from vendorrisk.core.problems import ProblemCode
from vendorrisk.features import scaffold, subcontracting
from vendorrisk.features.summaries import load_all
from vendorrisk.features.validate_batch import validate_paths
from vendorrisk.messages import has, say, set_language
from vendorrisk.messages.said import error_text, problem_text
from vendorrisk.store import gitfiles, storage, tomlfile

DAY = dt.date(2026, 12, 2)
ENUMERATIONS: list[type[Code]] = [
    ProblemCode,
    storage.StorageCode,
    tomlfile.Toml11Construct,
    ApprovalProblemCode,
    StatusWord,
    subcontracting.RegisterSaid,
    gitfiles.GitSaid,
    scaffold.InitSaid,
    AnswerWord,
    Verbatim,
]


@pytest.mark.parametrize("enumeration", ENUMERATIONS, ids=lambda e: e.__name__)
def test_every_code_has_words_in_both_languages(enumeration: type[Code]) -> None:
    missing = [str(code) for code in enumeration if not has(str(code))]
    assert missing == []


def test_a_phrase_survives_pickling_and_json_with_phrases_and_codes_inside() -> None:
    reasons = Joined((phrase(ApprovalProblemCode.STALE), ApprovalProblemCode.UNBASED, "typed"))
    said = phrase(ProblemCode.APPROVAL_INVALID, status=StatusWord.APPROVED, reasons=reasons)
    assert pickle.loads(pickle.dumps(said)) == said
    restored = phrase_from_json(said.to_json())
    assert restored == said
    assert say(restored, "en") == say(said, "en")
    assert say(restored, "ja") == say(said, "ja")


def test_a_catalogue_text_in_a_cached_phrase_is_said_in_either_language() -> None:
    title = Text(ja="暗号化", en="Encryption")
    said = phrase(ProblemCode.APPROVAL_INVALID, status=title, reasons=Joined(("a", title)))
    restored = phrase_from_json(said.to_json())
    for lang in ("ja", "en"):
        assert say(restored, lang) == say(said, lang)
    assert "暗号化" in say(restored, "ja") and "Encryption" in say(restored, "en")


def _broken(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "broken.toml"
    path.write_text('catalog_id = "x"\n[vendor\n', encoding="utf-8")
    return path


def test_a_cached_validation_is_said_in_the_language_of_the_later_run(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = _broken(tmp_path / "files")
    (first,) = validate_paths([path], catalogue, today=DAY, jobs=1)
    english = [problem_text(p) for p in first.problems]
    set_language("ja")
    (again,) = validate_paths([path], catalogue, today=DAY, jobs=1)  # from the cache
    assert [p.said for p in again.problems] == [p.said for p in first.problems]
    assert [problem_text(p) for p in again.problems] == [
        problem_text(p, "ja") for p in first.problems
    ]
    assert [problem_text(p) for p in again.problems] != english


def test_a_listed_file_that_cannot_be_loaded_is_said_in_the_current_language(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    folder = tmp_path / "files"
    _broken(folder)
    (first,) = load_all(folder, catalogue, DAY)
    set_language("ja")
    (again,) = load_all(folder, catalogue, DAY)  # from the cache: the same codes
    assert first.error is not None and again.error == first.error
    assert first.error_code == "toml-syntax"
    assert say(again.error) == say(first.error, "ja") != say(first.error, "en")


def test_a_storage_error_names_the_file_in_either_language(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "a.toml"
    with pytest.raises(storage.StorageError) as raised:
        storage.atomic_write(path, b"x", expected_digest=None, create=True)
    assert raised.value.code == storage.StorageCode.WRITE_FAILED
    assert str(path) in error_text(raised.value, "en")
    assert str(path) in error_text(raised.value, "ja")
    assert error_text(raised.value, "en") != error_text(raised.value, "ja")
