from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from vendorrisk.core.catalog import CatalogError, load_catalog
from vendorrisk.core.catalog.loader import builtin_catalog_path


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = builtin_catalog_path().read_text("utf-8")
    assert old in text
    path = tmp_path / "catalog.toml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ('id = "P-02"', 'id = "P-01"', "catalog-duplicate-id"),
        ('section = "6.9"', 'section = "6.10"', "catalog-unknown-section"),
        ("condition = 'P-01 == true'", "condition = 'P-99 == true'", "catalog-condition-forward"),
        ("condition = 'P-01 == true'", "condition = 'P-01 =='", "catalog-bad-condition"),
        ('severity = "must"', 'severity = "mandatory"', "schema"),
        ('kinds = ["contractor"]', "kinds = []", "schema"),
    ],
)
def test_a_broken_catalogue_is_refused_with_the_reason(
    tmp_path: Path, old: str, new: str, code: str
) -> None:
    path = _variant(tmp_path, old, new)
    with pytest.raises(CatalogError) as excinfo:
        load_catalog(path)
    assert code in [p.code for p in excinfo.value.problems]


def test_a_broken_catalogue_on_the_command_line_exits_2_without_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _variant(tmp_path, 'id = "P-02"', 'id = "P-01"')
    code, out, err = run_cli(capsys, "validate", "--catalog", path, tmp_path)
    assert code == 2
    assert "catalog-duplicate-id" in err and str(path) in err
    assert "Traceback" not in err


def test_a_deeply_nested_condition_on_the_command_line_exits_2_with_a_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    deep = "(" * 200 + "P-01 == true" + ")" * 200
    path = _variant(tmp_path, "condition = 'P-01 == true'", f"condition = '{deep}'")
    code, _, err = run_cli(capsys, "validate", "--catalog", path, tmp_path)
    assert code == 2
    assert "catalog-bad-condition" in err and "nested more than" in err
    assert "Traceback" not in err


def test_bytes_that_passed_before_give_the_same_catalogue_and_any_change_is_checked_again(
    tmp_path: Path,
) -> None:
    from vendorrisk.core.catalog.loader import parse_catalog

    path = _variant(tmp_path, 'id = "P-02"', 'id = "P-02"')
    first = parse_catalog(path)  # checks everything, leaves the marker for these bytes
    assert parse_catalog(path) == first  # read again without the TOML 1.0 scan
    # A TOML 1.1-only escape added to the same file: new bytes, so every check runs again.
    text = path.read_text("utf-8")
    path.write_text(text.replace('id = "P-02"', 'id = "P-02\\e"', 1), "utf-8")
    with pytest.raises(CatalogError) as excinfo:
        parse_catalog(path)
    assert [p.code for p in excinfo.value.problems] == ["toml-syntax"]
