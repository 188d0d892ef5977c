"""A dry run says what the real run does to an approval (issue 9 §3, docs/scoring.md W8):
import-answers and migrate that change an approved file put it back into review, and the
dry run says so in the same words. Found by the audit of issue 9."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.workflow import transition
from vendorrisk.store import storage

SOCIAL = "2026-social-kosodate-account.toml"
FUMIKURA = "2026-cloud-fumikura-lgwan.toml"
TODAY = dt.date(2026, 12, 2)


def _vendor_file(folder: Path) -> Path:
    path = folder / "vendor.toml"
    path.write_text(
        'format = "vendorrisk-questionnaire"\nformat_version = 1\nkind = "social"\n'
        '[catalog]\nid = "neyagawa-vendor-standard"\n\n'
        '[[questions]]\nid = "B-20a"\nvalue = "partial"\nnote = "告知は掲示のみ"\n',
        "utf-8",
    )
    return path


def test_import_dry_run_says_the_approval_goes_back_into_review(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    path = workdir / SOCIAL
    vendor = _vendor_file(workdir.parent)
    before = path.read_bytes()
    code, dry, _ = run_cli(capsys, "import-answers", vendor, "--into", path, "--dry-run")
    assert code == 0 and path.read_bytes() == before
    assert "back in review: changed after approved (B-20a)" in dry
    code, real, _ = run_cli(capsys, "import-answers", vendor, "--into", path)
    assert code == 0 and real == dry
    assert 'status = "in_review"' in path.read_text("utf-8")


def test_migrate_dry_run_says_the_approval_goes_back_into_review(
    capsys: pytest.CaptureFixture[str], workdir: Path, v120: tuple[Path, Path]
) -> None:
    catalogue: Catalogue = load_catalog()
    path = workdir / FUMIKURA
    loaded = storage.load(path, catalogue)
    approved, summary = transition(
        loaded.assessment,
        catalogue,
        "approved_with_conditions",
        reviewer="情報政策課 鈴木",
        conditions=("B-09d, B-14b, B-19 を 2027 年度中に改善",),
        today=TODAY,
    )
    storage.save(loaded, approved, catalogue, by="情報政策課 鈴木", summary=summary)
    args = ("migrate", path, "--catalog", v120[0])
    code, dry, _ = run_cli(capsys, *args, "--dry-run")
    assert code == 0
    assert "back in review: changed after approved with conditions (" in dry
    code, real, _ = run_cli(capsys, *args)
    assert code == 0
    assert 'status = "in_review"' in path.read_text("utf-8")
    reopened = [line for line in real.splitlines() if "back in review" in line]
    assert reopened == [line for line in dry.splitlines() if "back in review" in line]
