"""Acceptance tests of the commands through main([...]), as scripts would use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli, run_json
from vendorrisk.core.catalog import Catalogue


def test_new_creates_a_valid_draft_and_prints_its_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run_cli(
        capsys,
        "new",
        "--kind",
        "cloud",
        "--vendor",
        "株式会社クラウド文書",
        "--service",
        "DocuBox Pro",
        "--tier",
        "lgwan",
        "--confidentiality",
        "3C",
        "--corporate-number",
        "7000012050002",
        "--dir",
        tmp_path,
        "--author",
        "調達課",
    )
    assert code == 0
    path = Path(out.strip())
    assert path.parent == tmp_path and "-cloud-クラウド文書-docubox-pro.toml" == path.name[4:]
    text = path.read_text("utf-8")
    assert (
        'status = "draft"' in text and 'confidentiality = "3C"' in text and 'by = "調達課"' in text
    )
    assert run_cli(capsys, "validate", path)[0] == 0


def test_new_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = (
        "new",
        "--kind",
        "social",
        "--vendor",
        "X",
        "--service",
        "公式アカウント",
        "--dir",
        tmp_path,
    )
    assert run_cli(capsys, *args)[0] == 0
    (created,) = tmp_path.iterdir()
    before = created.read_bytes()
    code, _, err = run_cli(capsys, *args)
    assert code == 2
    assert "already exists" in err
    assert created.read_bytes() == before


def test_new_refuses_a_corporate_number_with_a_wrong_check_digit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run_cli(
        capsys,
        "new",
        "--kind",
        "cloud",
        "--vendor",
        "A",
        "--service",
        "B",
        "--corporate-number",
        "8000012050002",
        "--dir",
        tmp_path,
    )
    assert code == 2 and "8000012050002" in err
    assert list(tmp_path.iterdir()) == []


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "new", "--kind", "vendor")[0] == 2
    assert run_cli(capsys, "no-such-command")[0] == 2


def test_fmt_check_reports_files_that_would_change_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_cli(capsys, "new", "--kind", "cloud", "--vendor", "A", "--service", "B", "--dir", tmp_path)
    (path,) = tmp_path.iterdir()
    canonical = path.read_bytes()
    assert run_cli(capsys, "fmt", "--check", tmp_path)[0] == 0
    # A valid hand edit with another key order and spacing.
    messy = canonical.replace(
        b'[review]\nstatus = "draft"\n', b'[review]\nstatus   =   "draft"  # still a draft\n'
    )
    path.write_bytes(messy)
    assert run_cli(capsys, "validate", path)[0] == 0  # a valid hand edit is accepted as it is
    code, out, _ = run_cli(capsys, "fmt", "--check", tmp_path)
    assert code == 1 and path.name in out
    assert path.read_bytes() == messy
    assert run_cli(capsys, "fmt", tmp_path)[0] == 0
    assert path.read_bytes() == canonical


def test_fmt_leaves_an_invalid_file_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b"schema_version = 1\n")
    code, _, err = run_cli(capsys, "fmt", path)
    assert code == 1 and "bad.toml" in err
    assert path.read_bytes() == b"schema_version = 1\n"


def test_validate_json_has_the_documented_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_cli(capsys, "new", "--kind", "cloud", "--vendor", "A", "--service", "B", "--dir", tmp_path)
    (tmp_path / "bad.toml").write_text("x = ", "utf-8")
    code, report = run_json(capsys, "validate", tmp_path)
    assert code == 1
    assert report["summary"] == {"files": 2, "invalid": 1}
    bad = next(f for f in report["files"] if f["path"].endswith("bad.toml"))
    assert bad["valid"] is False
    assert set(bad["problems"][0]) >= {"line", "key", "code", "message"}


def test_validate_gives_the_same_answer_from_the_cache(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_cli(capsys, "new", "--kind", "cloud", "--vendor", "A", "--service", "B", "--dir", tmp_path)
    (tmp_path / "bad.toml").write_text('schema_version = 1\n[vendor]\nname = "x"\n', "utf-8")
    cold = run_json(capsys, "validate", tmp_path)
    warm = run_json(capsys, "validate", tmp_path)
    uncached = run_json(capsys, "validate", "--no-cache", tmp_path)
    assert cold == warm == uncached


def test_validate_in_parallel_matches_validate_in_one_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_cli(capsys, "new", "--kind", "cloud", "--vendor", "A", "--service", "B", "--dir", tmp_path)
    (source,) = tmp_path.iterdir()
    for i in range(60):
        data = source.read_bytes()
        if i % 7 == 0:
            data = data.replace(b'tier = "internet"', b'tier = "intranet"')
        (tmp_path / f"copy-{i:02d}.toml").write_bytes(data)
    serial = run_json(capsys, "validate", "--no-cache", "--jobs", "1", tmp_path)
    parallel = run_json(capsys, "validate", "--no-cache", "--jobs", "2", tmp_path)
    assert serial == parallel
    assert serial[1]["summary"]["invalid"] == 9


def test_catalog_lists_what_applies_as_json(
    capsys: pytest.CaptureFixture[str], catalogue: Catalogue
) -> None:
    code, report = run_json(capsys, "catalog", "--kind", "social")
    assert code == 0
    assert report["id"] == catalogue.id and report["version"] == catalogue.version
    ids = [r["id"] for r in report["requirements"]]
    assert "C-01" in ids and not any(i.startswith("A-") for i in ids)
    first = report["requirements"][0]
    assert set(first) >= {"id", "section", "kinds", "tiers", "severity", "question", "criteria"}
    assert set(first["question"]) == {"ja", "en"}


def test_catalog_text_output_follows_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, "--lang", "ja", "catalog", "--kind", "contractor", "--tier", "mynumber"
    )
    assert code == 0
    assert "再委託の有無" in out
    json.dumps(out)


def test_bare_vendorrisk_opens_the_ui_on_the_assessments_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vendorrisk.tui.app import VendorRiskApp

    opened: list[Path] = []
    # A full-screen app cannot take over the test's terminal: record what would be shown.
    monkeypatch.setattr(VendorRiskApp, "run", lambda self, **_: opened.append(self.directory))
    monkeypatch.chdir(tmp_path)
    code, _, _ = run_cli(capsys)
    assert code == 0
    assert opened == [Path("assessments")]


def test_the_example_assessments_are_valid_and_canonical(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.conftest import REPO

    code, report = run_json(capsys, "validate", REPO / "assessments")
    assert code == 0, report
    assert report["summary"] == {"files": 5, "invalid": 0}
    # The examples are consistent: no cross-check or consistency warning (issue 9).
    assert [p for f in report["files"] for p in f["problems"]] == []
    assert run_cli(capsys, "fmt", "--check", REPO / "assessments")[0] == 0


def test_new_keeps_two_services_of_a_japanese_vendor_apart(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for service in ("文書管理 SaaS", "電子契約 SaaS"):
        code, _, err = run_cli(
            capsys,
            "new",
            "--kind",
            "cloud",
            "--vendor",
            "ふみくら株式会社",
            "--service",
            service,
            "--dir",
            tmp_path,
        )
        assert code == 0, err
    assert len(list(tmp_path.glob("*.toml"))) == 2
