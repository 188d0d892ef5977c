"""The catalogue's construction rules (formerly questions F-01…F-06), checked on the file by
`validate` and `outdated`; and the built-in catalogue's history."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from vendorrisk.core.catalog import CatalogError, load_catalog
from vendorrisk.core.catalog.checks import catalogue_checks
from vendorrisk.core.catalog.loader import builtin_catalog_path
from vendorrisk.features.evolution.history import builtin_history_dir, load_history


def _variant(tmp_path: Path, old: str, new: str, *, count: int = 1) -> Path:
    text = builtin_catalog_path().read_text("utf-8")
    assert old in text, old
    path = tmp_path / "catalog.toml"
    path.write_text(text.replace(old, new, count), "utf-8")
    return path


def _block(rid: str) -> str:
    text = builtin_catalog_path().read_text("utf-8")
    start = text.index(f'id = "{rid}"')
    return text[start : text.index("[[requirements]]", start)]


EXAMPLE = REPO / "assessments" / "2026-social-kosodate-account.toml"


def test_the_built_in_catalogue_passes_its_own_checks() -> None:
    assert catalogue_checks(load_catalog()) == []


def _same_partial_as_met(block: str) -> str:
    met = block.split("\nmet = ", 1)[1].split("\n", 1)[0]
    partial = block.split("\npartial = ", 1)[1].split("\n", 1)[0]
    return block.replace(partial, met)


C02A = _block("C-02a")
B04 = _block("B-04")
B_T1A = _block("B-T1a")
A14A = _block("A-14a")
A12A = _block("A-12a")


@pytest.mark.parametrize(
    ("rule", "old", "new", "code", "severity"),
    [
        ("F-01", A14A, _same_partial_as_met(A14A), "catalog-criteria-same", "error"),
        (
            "F-02",
            'source_edition = "GL R8.3"\ntrust = "K"',
            'trust = "K"',
            "catalog-no-edition",
            "warning",
        ),
        ("F-03", C02A, re.sub(r"(?m)^refs = .*\n", "", C02A), "catalog-no-refs", "warning"),
        (
            "F-04",
            A12A,
            A12A.replace("condition = 'P-01 == true'", "condition = 'P-05 == true'"),
            "catalog-condition-other-kind",
            "error",
        ),
        (
            "F-04",
            B04,
            B04.replace(
                'min_confidentiality = "2"', 'min_confidentiality = "3A"\nmax_confidentiality = "2"'
            ),
            "catalog-never-applies",
            "error",
        ),
        (
            "F-05",
            B_T1A,
            B_T1A.replace('audience = "city"', 'audience = "vendor"'),
            "catalog-gate-not-city",
            "error",
        ),
        (
            "F-05",
            B_T1A,
            B_T1A.replace('severity = "must"', 'severity = "should"'),
            "catalog-gate-not-must",
            "error",
        ),
        (
            "F-06",
            A14A,
            re.sub(r"(?m)^evidence = .*$", "evidence = { required = true }", A14A),
            "catalog-evidence-no-kinds",
            "error",
        ),
        (
            "text",
            C02A,
            C02A.replace('en = "Impersonation', 'en = "なりすまし Impersonation', 1),
            "catalog-japanese-in-english",
            "warning",
        ),
    ],
)
def test_each_construction_rule_is_checked(
    tmp_path: Path, rule: str, old: str, new: str, code: str, severity: str
) -> None:
    assert old != new
    catalogue = load_catalog(_variant(tmp_path, old, new))
    found = [p for p in catalogue_checks(catalogue) if p.code == code]
    assert found, rule
    assert {p.severity for p in found} == {severity}


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ('severity_before = "should"\n', "", "catalog-binding-pair"),
        (B04, B04.replace('severity = "must"', 'severity = "should"'), "catalog-severity-before"),
        ("binding_from = 2027-07-01", 'binding_from = "2027-07-01"', "date-quoted"),
    ],
)
def test_effective_dates_come_in_pairs_as_dates_and_lower_the_severity(
    tmp_path: Path, old: str, new: str, code: str
) -> None:
    with pytest.raises(CatalogError) as excinfo:
        load_catalog(_variant(tmp_path, old, new))
    assert code in [p.code for p in excinfo.value.problems]


def test_validate_reports_catalogue_defects_against_the_catalogue_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _variant(tmp_path, B_T1A, B_T1A.replace('audience = "city"', 'audience = "vendor"'))
    folder = tmp_path / "assessments"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    code, out, _ = run_cli(capsys, "validate", "--catalog", path, folder)
    assert code == 1
    assert f"{path}: error [catalog-gate-not-city] B-T1a" in out
    code, out, _ = run_cli(capsys, "validate", "--catalog", path, "--format", "json", folder)
    report = json.loads(out)
    assert report["catalog"]["valid"] is False
    assert [p["code"] for p in report["catalog"]["problems"]] == ["catalog-gate-not-city"]


def test_warnings_alone_do_not_fail_validate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _variant(tmp_path, 'en = "Impersonation', 'en = "なりすまし Impersonation')
    code, out, _ = run_cli(capsys, "validate", "--catalog", path, EXAMPLE)
    assert f"{path}: warning [catalog-japanese-in-english] C-02a" in out
    assert code == 0


def test_outdated_reports_catalogue_defects_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _variant(tmp_path, B_T1A, B_T1A.replace('severity = "must"', 'severity = "should"'))
    folder = tmp_path / "assessments"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    code, out, err = run_cli(capsys, "outdated", "--catalog", path, "--dir", folder)
    assert code == 1 and out == ""
    assert "catalog-gate-not-must" in err
    code, out, _ = run_cli(
        capsys, "outdated", "--catalog", path, "--dir", folder, "--format", "json"
    )
    checks = json.loads(out)["catalog"]["checks"]
    assert checks["valid"] is False and checks["problems"][0]["code"] == "catalog-gate-not-must"


def test_the_built_in_history_connects_1_0_0_to_the_current_catalogue() -> None:
    current = load_catalog()
    history = load_history(current, builtin_history_dir())
    assert history.broken == []
    assert [(r.from_version, r.to_version) for r in history.chain("1.0.0", current.version)] == [
        ("1.0.0", "1.1.0")
    ]
    record = history.records["1.0.0"]
    assert set(record.removed) == {f"F-0{i}" for i in range(1, 7)} - {"F-02"} | {"F-02a", "F-02b"}
    assert ("B-09d", ("B-09d", "B-09e")) in record.split
    assert history.catalogue("1.0.0").by_id["F-01"].severity == "must"
