"""The ``#:schema`` line is a function of the repository: relative to its root, never
outside it, and kept as it is on every save."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.localtime import JST
from vendorrisk.core.model import Answer, Assessment
from vendorrisk.store import storage
from vendorrisk.store.repository import repository_root, stays_inside

AT = dt.datetime(2026, 11, 27, 10, 0, tzinfo=JST)
LINK = "#:schema ../schemas/assessment.schema.json"


def _repository(folder: Path) -> Path:
    (folder / "schemas").mkdir(parents=True)
    (folder / "schemas" / "assessment.schema.json").write_text("{}", "utf-8")
    (folder / "vendorrisk.toml").write_text("", "utf-8")
    (folder / "assessments").mkdir()
    return folder


def _first_line(path: Path) -> str:
    return path.read_text("utf-8").splitlines()[0]


def test_a_schema_folder_above_the_repository_is_never_pointed_at(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    # The walk used to climb to "/" and link an unrelated folder of the machine.
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "assessment.schema.json").write_text("{}", "utf-8")
    repo = tmp_path / "city" / "repo"
    (repo / "assessments").mkdir(parents=True)
    (repo / "vendorrisk.toml").write_text("", "utf-8")
    path = repo / "assessments" / "a.toml"
    storage.create(path, assessment, catalogue, by="a", at=AT)
    assert not path.read_text("utf-8").startswith("#:schema")


def test_outside_any_repository_a_new_file_gets_no_line(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    path = tmp_path / "a.toml"
    storage.create(path, assessment, catalogue, by="a", at=AT)
    assert not path.read_text("utf-8").startswith("#:schema")


def test_a_git_work_tree_is_a_root_too(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "assessment.schema.json").write_text("{}", "utf-8")
    (tmp_path / "assessments" / "2026").mkdir(parents=True)
    path = tmp_path / "assessments" / "2026" / "a.toml"
    storage.create(path, assessment, catalogue, by="a", at=AT)
    assert _first_line(path) == "#:schema ../../schemas/assessment.schema.json"


@pytest.mark.parametrize(
    "line",
    [
        "#:schema https://schemas.example.jp/vendorrisk/assessment.schema.json",
        "#:schema ./local-copy.schema.json",
        "#:schema ../schemas/assessment.schema.json",
    ],
)
def test_a_line_the_file_has_is_kept_on_save(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment, line: str
) -> None:
    repo = _repository(tmp_path / "repo")
    path = repo / "assessments" / "a.toml"
    loaded = storage.create(path, assessment, catalogue, by="a", at=AT)
    path.write_text(path.read_text("utf-8").replace(LINK, line, 1), "utf-8")
    loaded = storage.load(path, catalogue)
    storage.save(
        loaded,
        loaded.assessment.with_answer("A-05", Answer(value="met")),
        catalogue,
        summary="x",
        at=AT,
    )
    assert _first_line(path) == line
    assert storage.reformat(path, catalogue, write=False) is False


@pytest.mark.parametrize(
    "line",
    [
        "#:schema ../../../schemas/assessment.schema.json",  # above the root
        "#:schema /home/someone/schemas/assessment.schema.json",  # one machine's path
        "#:schema file:///home/someone/schemas/assessment.schema.json",
        "#:schema https://vendorrisk.invalid/schemas/assessment.schema.json",  # unloadable $id
    ],
)
def test_a_line_that_depends_on_the_machine_is_replaced_by_fmt(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment, line: str
) -> None:
    repo = _repository(tmp_path / "repo")
    path = repo / "assessments" / "a.toml"
    storage.create(path, assessment, catalogue, by="a", at=AT)
    path.write_text(path.read_text("utf-8").replace(LINK, line, 1), "utf-8")
    assert storage.reformat(path, catalogue, write=True) is True
    assert _first_line(path) == LINK


def test_save_as_in_the_same_folder_gives_the_same_line(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    repo = _repository(tmp_path / "repo")
    loaded = storage.create(repo / "assessments" / "a.toml", assessment, catalogue, by="a", at=AT)
    other = repo / "assessments" / "b.toml"
    storage.save_as(loaded, loaded.assessment, other, catalogue, summary="copy", at=AT)
    assert _first_line(other) == LINK


def test_the_nearest_marker_or_git_entry_is_the_root(tmp_path: Path) -> None:
    (tmp_path / ".git").write_text("gitdir: elsewhere\n", "utf-8")  # a worktree's .git file
    inner = tmp_path / "sub" / "repo"
    inner.mkdir(parents=True)
    (inner / "vendorrisk.toml").write_text("", "utf-8")
    assert repository_root(inner / "x") == inner
    assert repository_root(tmp_path / "sub") == tmp_path


@pytest.mark.parametrize(
    ("link", "inside"),
    [
        ("../schemas/a.json", True),
        ("./a.json", True),
        ("../../a.json", False),
        ("../assessments/../../a.json", False),
        ("/etc/a.json", False),
        ("C:/a.json", False),
        ("..\\a.json", False),
        ("", False),
    ],
)
def test_links_are_judged_by_their_text(tmp_path: Path, link: str, inside: bool) -> None:
    assert stays_inside(link, tmp_path / "assessments", tmp_path) is inside
