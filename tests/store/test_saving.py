"""Saves keep revision and history, never overwrite a file changed on disk, never create over one."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pytest

from tests.said import history_of
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.localtime import JST
from vendorrisk.core.model import Answer, Assessment
from vendorrisk.messages.said import error_text
from vendorrisk.store import storage

AT = dt.datetime(2026, 11, 27, 10, 0, tzinfo=JST)


def test_saving_a_change_bumps_the_revision_and_records_who_when_and_what(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    path = tmp_path / "a.toml"
    loaded = storage.create(path, assessment, catalogue, by="作成者", at=AT)
    edited = loaded.assessment.with_answer("A-06a", Answer(value="partial"))
    later = AT + dt.timedelta(hours=1)
    saved = storage.save(loaded, edited, catalogue, by="確認者", summary="A-06a を回答", at=later)
    assert saved.assessment.revision == 2
    assert [(h.revision, h.by, history_of(h), h.at) for h in saved.assessment.history] == [
        (1, "作成者", "assessment created", AT),
        (2, "確認者", "A-06a を回答", later),
    ]
    reloaded = storage.load(path, catalogue)
    assert reloaded.assessment == saved.assessment


def test_callers_cannot_rewrite_the_revision_or_history(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    path = tmp_path / "a.toml"
    loaded = storage.create(path, assessment, catalogue, by="a", at=AT)
    forged = replace(loaded.assessment, revision=99, history=())
    forged = forged.with_answer("A-05", Answer(value="not_met"))
    saved = storage.save(loaded, forged, catalogue, by="b", summary="edit", at=AT)
    assert saved.assessment.revision == 2
    assert len(saved.assessment.history) == 2


def test_a_file_changed_on_disk_since_loading_is_not_overwritten(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    path = tmp_path / "a.toml"
    loaded = storage.create(path, assessment, catalogue, by="a", at=AT)
    # A colleague (or git pull) changes the file; keep the mtime so only content differs.
    stat = path.stat()
    theirs = path.read_bytes().replace(b'status = "draft"', b'status = "submitted"')
    path.write_bytes(theirs)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    edited = loaded.assessment.with_answer("A-05", Answer(value="met"))
    with pytest.raises(storage.ChangedOnDisk) as excinfo:
        storage.save(loaded, edited, catalogue, summary="mine", at=AT)
    assert excinfo.value.code == storage.StorageCode.CHANGED_ON_DISK
    assert str(path) in error_text(excinfo.value, "en")
    assert path.read_bytes() == theirs
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]  # no temporary file left behind


def test_after_a_conflict_the_edit_can_be_saved_under_another_name(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    path = tmp_path / "a.toml"
    loaded = storage.create(path, assessment, catalogue, by="a", at=AT)
    path.write_bytes(path.read_bytes() + b"\n")
    edited = loaded.assessment.with_answer("A-05", Answer(value="met"))
    copy = storage.save_as(
        loaded, edited, tmp_path / "a-mine.toml", catalogue, summary="mine", at=AT
    )
    assert storage.load(copy.path, catalogue).assessment.answers["A-05"].value == "met"


def test_creating_never_replaces_an_existing_file(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    path = tmp_path / "a.toml"
    path.write_text("keep me", "utf-8")
    with pytest.raises(storage.AlreadyExists):
        storage.create(path, assessment, catalogue, by="a", at=AT)
    assert path.read_text("utf-8") == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]


def test_a_save_that_cannot_write_raises_a_storage_error_and_keeps_the_edit(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    folder = tmp_path / "gone"
    folder.mkdir()
    path = folder / "a.toml"
    loaded = storage.create(path, assessment, catalogue, by="a", at=AT)
    path.unlink()
    folder.rmdir()
    edited = loaded.assessment.with_answer("A-05", Answer(value="met"))
    with pytest.raises(storage.StorageError) as excinfo:
        storage.save(loaded, edited, catalogue, summary="x")
    assert excinfo.value.code == storage.StorageCode.WRITE_FAILED
    assert "gone" in error_text(excinfo.value, "en")
    assert edited.answers["A-05"].value == "met"  # the caller still holds the edit


def test_the_schema_directive_points_at_the_published_schema(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    (tmp_path / "vendorrisk.toml").write_text("", "utf-8")  # the repository root
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "assessment.schema.json").write_text("{}", "utf-8")
    (tmp_path / "assessments").mkdir()
    path = tmp_path / "assessments" / "a.toml"
    storage.create(path, assessment, catalogue, by="a", at=AT)
    assert path.read_text("utf-8").splitlines()[0] == "#:schema ../schemas/assessment.schema.json"


def test_the_tool_refuses_to_write_a_file_it_could_not_load_again(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    path = tmp_path / "a.toml"
    loaded = storage.create(path, assessment, catalogue, by="a", at=AT)
    before = path.read_bytes()
    wrong = loaded.assessment.with_answer("P-07", Answer(value="met"))  # P-07 wants a date
    with pytest.raises(storage.InvalidAssessment) as excinfo:
        storage.save(loaded, wrong, catalogue, summary="x", at=AT)
    assert [p.code for p in excinfo.value.problems] == ["answer-type"]
    assert path.read_bytes() == before


def test_amending_rewrites_the_latest_revision_instead_of_adding_one(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    path = tmp_path / "a.toml"
    loaded = storage.create(path, assessment, catalogue, by="a", at=AT)
    first = storage.save(
        loaded,
        loaded.assessment.with_answer("A-05", Answer(value="met")),
        catalogue,
        by="b",
        summary="A-05",
        at=AT,
    )
    second = storage.save(
        first,
        first.assessment.with_answer("A-06a", Answer(value="partial")),
        catalogue,
        by="b",
        summary="A-05, A-06a",
        at=AT,
        amend=True,
    )
    assert second.assessment.revision == 2
    assert [history_of(h) for h in second.assessment.history] == [
        "assessment created",
        "A-05, A-06a",
    ]
    assert storage.load(path, catalogue).assessment == second.assessment


def _save_note(path: str, note: str, barrier: object, results: object) -> None:
    from vendorrisk.core.catalog import load_catalog

    catalogue = load_catalog()
    loaded = storage.load(Path(path), catalogue)
    edited = loaded.assessment.with_answer("A-05", Answer(value="met", note=note))
    barrier.wait()  # type: ignore[attr-defined]
    try:
        storage.save(loaded, edited, catalogue, summary=note)
        results.put("saved")  # type: ignore[attr-defined]
    except storage.ChangedOnDisk:
        results.put("refused")  # type: ignore[attr-defined]


def test_two_saves_at_the_same_moment_never_both_succeed(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    import multiprocessing

    path = tmp_path / "a.toml"
    storage.create(path, assessment, catalogue, by="a", at=AT)
    context = multiprocessing.get_context("fork")
    for attempt in range(10):
        before = path.read_bytes()
        barrier, results = context.Barrier(2), context.Queue()
        writers = [
            context.Process(
                target=_save_note, args=(str(path), f"{who}-{attempt}", barrier, results)
            )
            for who in ("alice", "bob")
        ]
        for w in writers:
            w.start()
        for w in writers:
            w.join()
        outcomes = sorted(results.get() for _ in writers)
        # One wins; the other is told the file changed, so no edit is lost silently.
        assert outcomes == ["refused", "saved"], outcomes
        assert path.read_bytes() != before
