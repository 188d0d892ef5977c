"""Fixtures of the git-native review tests: a second catalogue version with its change
record, real temporary git repositories, copies of the example assessments."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.conftest import REPO
from vendorrisk.core.catalog import builtin_catalog_path

FUMIKURA = REPO / "assessments" / "2026-cloud-fumikura-lgwan.toml"
RECORD_V120 = """\
#:schema ../../schemas/catalog-changes.schema.json
format_version = 1
catalog = "neyagawa-vendor-standard"
from = "1.1.0"
to = "1.2.0"
date = 2027-04-01
summary = { ja = "令和9年度の見直し", en = "Review of FY2027" }
added = ["A-90"]
removed = ["A-16"]
reworded = ["A-02"]
criteria_changed = ["A-15a"]
renamed = [{ from = "A-04a", to = "A-04an" }]
split = [{ from = "A-10b", into = ["A-10b1", "A-10b2"] }]
"""


def _requirement(doc: dict[str, Any], rid: str) -> dict[str, Any]:
    return next(r for r in doc["requirements"] if r["id"] == rid)


def catalogue_v120() -> dict[str, Any]:
    """The built-in catalogue (1.1.0) with one of each kind of change, as version 1.2.0."""
    doc = tomllib.loads(builtin_catalog_path().read_text("utf-8"))
    doc["version"] = "1.2.0"
    reqs: list[dict[str, Any]] = doc["requirements"]
    _requirement(doc, "A-04a")["id"] = "A-04an"
    _requirement(doc, "A-02")["question"]["en"] += " (including cloud regions)"
    _requirement(doc, "A-15a")["criteria"]["met"]["en"] += " At least quarterly."
    index = next(i for i, r in enumerate(reqs) if r["id"] == "A-10b")
    first = reqs[index]
    second = copy.deepcopy(first)
    first["id"], second["id"] = "A-10b1", "A-10b2"
    second["question"] = {
        "ja": "複製の記録を残すことが定められていますか。",
        "en": "Must copies be recorded?",
    }
    reqs.insert(index + 1, second)
    added = copy.deepcopy(_requirement(doc, "A-02"))
    added["id"] = "A-90"
    added["question"] = {
        "ja": "生成AIの利用方針がありますか。",
        "en": "Is there a generative AI policy?",
    }
    reqs.append(added)
    doc["requirements"] = [r for r in reqs if r["id"] != "A-16"]
    # Clauses name requirements: they follow the rename, the split and the removal.
    renamed = {"A-04a": ["A-04an"], "A-10b": ["A-10b1", "A-10b2"], "A-16": []}
    for clause in doc.get("clauses", []):
        for key in ("requirements", "applies_with"):
            if key in clause:
                ids = [new for old in clause[key] for new in renamed.get(old, [old])]
                if ids:
                    clause[key] = ids
                else:
                    del clause[key]
    return doc


@pytest.fixture
def v120(tmp_path: Path) -> tuple[Path, Path]:
    """(catalogue 1.2.0 file, its history folder holding the change record from 1.1.0)."""
    folder = tmp_path / "catalog"
    history = folder / "history"
    history.mkdir(parents=True)
    catalog = folder / "catalog-1.2.0.toml"
    catalog.write_text(tomli_w.dumps(catalogue_v120()), encoding="utf-8")
    (history / "1.1.0-1.2.0.changes.toml").write_text(RECORD_V120, encoding="utf-8")
    return catalog, history


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A copy of the example assessments with the published schemas beside them."""
    shutil.copytree(REPO / "assessments", tmp_path / "assessments")
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    return tmp_path / "assessments"


GitRunner = Callable[..., str]


@pytest.fixture
def git_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, GitRunner]:
    """A real git repository with a local identity, and a function running git in it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"})
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    for key in [k for k in os.environ if k.startswith("GIT_") and k not in env]:
        monkeypatch.delenv(key)

    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", *args], cwd=repo, capture_output=True, text=True, check=True, env=env
        )
        return result.stdout

    git("init", "-q", "-b", "main")
    git("config", "user.name", "テスト 太郎")
    git("config", "user.email", "test@example.invalid")
    git("config", "commit.gpgsign", "false")
    return repo, git
