"""Catalogue evolution: change records checked against both versions, outdated, migrate."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import run_cli
from tests.gitflow.conftest import RECORD_V120
from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.scoring import score_assessment
from vendorrisk.render.history_words import history_text as text_of
from vendorrisk.store import storage
from vendorrisk.store.storage import digest_of
from vendorrisk.store.upgrades import schema_versions

FUMIKURA = "2026-cloud-fumikura-lgwan.toml"


def migrate(
    capsys: pytest.CaptureFixture[str], v120: tuple[Path, Path], *args: Any
) -> tuple[int, str, str]:
    catalog, _ = v120
    return run_cli(capsys, "migrate", *args, "--catalog", catalog)


def test_outdated_lists_the_new_and_changed_questions_for_each_assessment(
    capsys: pytest.CaptureFixture[str], workdir: Path, v120: tuple[Path, Path]
) -> None:
    catalog, _ = v120
    code, out, _ = run_cli(
        capsys, "outdated", "--dir", workdir, "--catalog", catalog, "--format", "json"
    )
    assert code == 1
    data = json.loads(out)
    entry = next(e for e in data["outdated"] if e["path"].endswith(FUMIKURA))
    changes = {(q["id"], q["change"], q["from"]) for q in entry["questions"]}
    assert {
        ("A-04an", "renamed", "A-04a"),
        ("A-10b1", "split", "A-10b"),
        ("A-10b2", "split", "A-10b"),
        ("A-02", "reworded", None),
        ("A-15a", "criteria_changed", None),
        ("A-90", "added", None),
    } <= changes
    assert len(data["outdated"]) == 5


def test_outdated_is_quiet_when_everything_is_current(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    code, out, _ = run_cli(capsys, "outdated", "--dir", workdir)
    assert (code, out) == (0, "")


def test_migrate_carries_renamed_prefills_split_and_keeps_removed_in_history(
    capsys: pytest.CaptureFixture[str], workdir: Path, v120: tuple[Path, Path]
) -> None:
    path = workdir / FUMIKURA
    code, out, err = run_cli(capsys, "--lang", "ja", "migrate", path, "--catalog", v120[0])
    assert code == 0, err
    text = path.read_text("utf-8")
    assert 'version = "1.2.0"' in text and "revision = 7" in text
    assert "[answers.A-04an]" in text and "[answers.A-04a]" not in text
    assert "[answers.A-10b]" not in text
    for part in ("A-10b1", "A-10b2"):
        block = text.split(f"[answers.{part}]\n", 1)[1].split("\n\n", 1)[0]
        assert 'source = "vendor"' in block
        assert "移行: A-10b から引継ぎ、要確認" in block
    assert "[answers.A-16]" not in text
    last = text.rsplit("[[history]]", 1)[1]
    assert 'code = "migrate.summary-removed"' in last and 'items = "A-16=met"' in last
    assert 'old = "1.1.0"\nnew = "1.2.0"' in last
    (entry,) = storage.load(path, load_catalog(v120[0])).assessment.history[-1:]
    assert "A-16=met" in text_of(entry, "ja") and "1.1.0 → 1.2.0" in text_of(entry, "ja")
    assert "要確認: A-10b1" in out and "A-16 = met" in out
    code, _, _ = run_cli(capsys, "validate", path, "--catalog", v120[0], "--no-cache")
    assert code == 0
    # Once migrated, there is nothing left to do.
    assert run_cli(capsys, "migrate", path, "--catalog", v120[0])[0] == 0
    assert path.read_text("utf-8") == text


def test_a_batch_writes_nothing_when_one_file_fails(
    capsys: pytest.CaptureFixture[str], workdir: Path, v120: tuple[Path, Path]
) -> None:
    broken = workdir / "zz-broken.toml"
    broken.write_text("schema_version = 1\n<<<<<<< HEAD\n", encoding="utf-8")
    before = {p: digest_of(p.read_bytes()) for p in workdir.glob("*.toml")}
    code, _, err = migrate(capsys, v120, "--dir", workdir)
    assert code == 1
    assert "nothing was written" in err and "zz-broken.toml" in err
    assert {p: digest_of(p.read_bytes()) for p in workdir.glob("*.toml")} == before


def test_dry_run_writes_nothing(
    capsys: pytest.CaptureFixture[str], workdir: Path, v120: tuple[Path, Path]
) -> None:
    path = workdir / FUMIKURA
    before = path.read_bytes()
    code, out, _ = migrate(capsys, v120, path, "--dry-run")
    assert code == 0 and "dry run" in out
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ('added = ["A-90"]', 'added = ["A-90", "A-01a"]'),
        ('removed = ["A-16"]', "removed = []"),
        ('reworded = ["A-02"]', 'reworded = ["A-02", "A-03a"]'),
        ('criteria_changed = ["A-15a"]', "criteria_changed = []"),
    ],
)
def test_a_record_that_contradicts_the_catalogues_is_refused(
    capsys: pytest.CaptureFixture[str],
    workdir: Path,
    v120: tuple[Path, Path],
    edit: str,
    message: str,
) -> None:
    _, history = v120
    record = history / "1.1.0-1.2.0.changes.toml"
    record.write_text(RECORD_V120.replace(edit, message), encoding="utf-8")
    path = workdir / FUMIKURA
    before = path.read_bytes()
    code, _, err = migrate(capsys, v120, path)
    assert code == 1
    assert "no change records lead from catalogue 1.1.0 to 1.2.0" in err
    assert "1.1.0-1.2.0.changes.toml" in err
    assert path.read_bytes() == before


def test_contradiction_messages_say_what_is_wrong(
    capsys: pytest.CaptureFixture[str], workdir: Path, v120: tuple[Path, Path]
) -> None:
    _, history = v120
    (history / "1.1.0-1.2.0.changes.toml").write_text(
        RECORD_V120.replace('added = ["A-90"]', 'added = ["A-90", "A-01a"]').replace(
            'removed = ["A-16"]', "removed = []"
        ),
        encoding="utf-8",
    )
    _, _, err = migrate(capsys, v120, workdir / FUMIKURA)
    assert "A-01a is said to be new, but version 1.1.0 already has it" in err
    assert "A-16 is in 1.1.0 but not in 1.2.0, and the record does not say what became of it" in err


def test_migrate_needs_a_record_and_says_so(
    capsys: pytest.CaptureFixture[str], workdir: Path, v120: tuple[Path, Path]
) -> None:
    _, history = v120
    shutil.rmtree(history)
    code, _, err = migrate(capsys, v120, workdir / FUMIKURA)
    assert code == 2 or code == 1
    assert "no change records lead" in err


def test_to_an_unknown_version_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], workdir: Path, v120: tuple[Path, Path]
) -> None:
    code, _, err = migrate(capsys, v120, workdir / FUMIKURA, "--to", "9.9.9")
    assert code == 2 and "9.9.9" in err
    assert migrate(capsys, v120, workdir / FUMIKURA, "--dir", workdir)[0] == 2


def test_an_older_file_format_is_upgraded_through_the_registered_steps(
    capsys: pytest.CaptureFixture[str], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A test step stands in for a format before format 1: a hypothetical format 0 called
    # the review status "state"; the real step from 1 to 2 follows it.
    def upgrade(doc: dict[str, Any]) -> dict[str, Any]:
        doc["review"]["status"] = doc["review"].pop("state")
        return doc

    monkeypatch.setitem(schema_versions.UPGRADES, 0, upgrade)
    path = workdir / FUMIKURA
    old = path.read_text("utf-8").replace("schema_version = 2", "schema_version = 0")
    old = old.replace('status = "in_review"', 'state = "in_review"')
    path.write_text(old, encoding="utf-8")
    code, out, _ = run_cli(capsys, "outdated", "--dir", workdir)
    assert code == 1 and "file format version 0" in out
    code, _, err = run_cli(capsys, "migrate", path)
    assert code == 0, err
    text = path.read_text("utf-8")
    assert "schema_version = 2" in text and 'status = "in_review"' in text
    assert "revision = 7" in text
    assert run_cli(capsys, "validate", path, "--no-cache")[0] == 0


def test_a_newer_file_format_is_refused(capsys: pytest.CaptureFixture[str], workdir: Path) -> None:
    path = workdir / FUMIKURA
    path.write_text(path.read_text("utf-8").replace("schema_version = 2", "schema_version = 7"))
    code, _, err = run_cli(capsys, "migrate", path)
    assert code == 1 and "newer than this vendorrisk" in err


def test_diff_after_migrate_shows_the_renamed_question_with_its_answer_carried(
    capsys: pytest.CaptureFixture[str], workdir: Path, v120: tuple[Path, Path], tmp_path: Path
) -> None:
    catalog, _ = v120
    path = workdir / FUMIKURA
    old = tmp_path / "old.toml"
    shutil.copy(path, old)
    assert migrate(capsys, v120, path)[0] == 0
    args = ("--catalog", catalog, "--today", "2026-11-27")
    code, out, err = run_cli(capsys, "diff", old, path, *args, "--format", "json")
    assert code == 1, err
    diff = json.loads(out)["diffs"][0]
    answers = {a["id"]: a for a in diff["answers"]}
    assert "A-04a" not in answers  # not "removed", and A-04an not "added"
    renamed = answers["A-04an"]
    assert renamed["change"] == "renamed"
    assert renamed["fields"] == [{"field": "id", "before": "A-04a", "after": "A-04an"}]
    code, out, _ = run_cli(capsys, "diff", old, path, *args)
    assert "→ A-04an" in out and "question id: A-04a → A-04an" in out


def test_diff_after_migrate_scores_the_old_side_with_the_version_it_was_pinned_to(
    capsys: pytest.CaptureFixture[str],
    workdir: Path,
    v120: tuple[Path, Path],
    tmp_path: Path,
    catalogue: Catalogue,
) -> None:
    builtin = catalogue
    catalog, _ = v120
    path = workdir / FUMIKURA
    old = tmp_path / "old.toml"
    shutil.copy(path, old)
    # The old file, scored by the catalogue it was written for (the built-in 1.1.0).
    day = dt.date(2026, 11, 27)
    pinned_result = score_assessment(storage.load(old, builtin).assessment, builtin, today=day)
    assert migrate(capsys, v120, path)[0] == 0
    code, out, err = run_cli(
        capsys, "diff", old, path, "--catalog", catalog, "--today", "2026-11-27", "--format", "json"
    )
    assert "not in the history" not in err
    diff = json.loads(out)["diffs"][0]
    target = load_catalog(catalog)
    migrated = score_assessment(storage.load(path, target).assessment, target, today=day)
    score = {c["field"]: c for c in diff["score"]}
    assert score.get("score", {}).get("before", migrated.score) == pinned_result.score
    assert score.get("risk_level", {}).get("before", migrated.risk_level) == (
        pinned_result.risk_level
    )
    # Scoring the old side with 1.2.0, as before, would not give the pinned score.
    stale = score_assessment(storage.load(old, builtin).assessment, target, today=day)
    assert (stale.score, stale.risk_level) != (pinned_result.score, pinned_result.risk_level)
