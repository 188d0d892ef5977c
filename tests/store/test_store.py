"""The store object: the one way commands, the session and the lists load and save."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.localtime import JST
from vendorrisk.core.model import Answer, Assessment
from vendorrisk.store import storage
from vendorrisk.store.assessments import Store
from vendorrisk.store.files import FileReport

AT = dt.datetime(2026, 11, 27, 10, 0, tzinfo=JST)


def test_a_store_creates_saves_and_loads_what_the_storage_layer_does(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    store = Store(catalogue, tmp_path)
    created = store.create(tmp_path / "a.toml", assessment, by="作成者", at=AT)
    edited = created.assessment.with_answer("A-06a", Answer(value="partial"))
    saved = store.save(created, edited, by="確認者", summary="A-06a", at=AT)
    assert store.load(tmp_path / "a.toml") == storage.load(tmp_path / "a.toml", catalogue)
    assert store.load(tmp_path / "a.toml").assessment == saved.assessment
    assert store.read(tmp_path / "a.toml") == store.render(saved.assessment, tmp_path / "a.toml")
    assert store.reformat(tmp_path / "a.toml", write=False) is False


def test_load_all_gives_every_file_in_order_loaded_or_reported(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    store = Store(catalogue, tmp_path)
    store.create(tmp_path / "a.toml", assessment, by="a", at=AT)
    (tmp_path / "b.toml").write_text("not = [toml", encoding="utf-8")
    store.create(tmp_path / "c.toml", assessment, by="a", at=AT)
    items = list(store.load_all())
    assert [i.path.name for i in items] == ["a.toml", "b.toml", "c.toml"]
    assert [isinstance(i, FileReport) for i in items] == [False, True, False]
    loaded, failed = store.load_folder()
    assert [i.path.name for i in loaded] == ["a.toml", "c.toml"]
    assert [f.path.name for f in failed] == ["b.toml"]
    assert failed[0].problems[0].code == "toml-syntax"


def test_check_keeps_an_invalid_assessment_for_those_that_judge_it_themselves(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    store = Store(catalogue)
    path = tmp_path / "a.toml"
    store.create(path, assessment, by="a", at=AT)
    unknown = b'\n[answers.Z-99]\nvalue = "met"\nsource = "vendor"\n'
    path.write_bytes(store.read(path) + unknown)
    checked = store.check(store.read(path))
    assert checked.assessment is not None and not checked.valid
    with pytest.raises(storage.InvalidAssessment):
        store.load(path)


def test_load_all_without_a_folder_is_a_programming_error(catalogue: Catalogue) -> None:
    with pytest.raises(ValueError, match="folder"):
        list(Store(catalogue).load_all())
