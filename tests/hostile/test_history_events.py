"""Hostile text inside a history entry's event parameters (format 2): the schema names the
refused character as it does for any other field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from tests.hostile.corpus import TERMINAL, unsafe_characters

EXAMPLE = REPO / "assessments" / "2026-cloud-fumikura-lgwan.toml"


def _with_added_subcontractor_named(tmp_path: Path, name: str) -> Path:
    text = EXAMPLE.read_text("utf-8")
    last = text.count("[[history]]")
    text = text.replace(f"\nrevision = {last}\n", f"\nrevision = {last + 1}\n", 1)
    text += (
        f'\n[[history]]\nrevision = {last + 1}\nat = 2026-12-02 21:00:00+09:00\nby = "x"\n'
        '\n[[history.events]]\ncode = "register.summary-added"\n'
        f"\n[history.events.params]\nname = {json.dumps(name, ensure_ascii=True)}\nlevel = 1\n"
    )
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("payload", sorted(TERMINAL))
def test_a_control_character_in_an_event_parameter_is_named_not_hidden_by_another_branch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, payload: str
) -> None:
    path = _with_added_subcontractor_named(tmp_path, TERMINAL[payload])
    code, out, err = run_cli(capsys, "--lang", "en", "validate", path)
    assert code == 1
    assert "[schema-control-character] (history[" in out
    assert "was expected" not in out
    assert unsafe_characters(out + err) == []


def test_a_plain_hostile_name_in_an_event_parameter_is_valid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _with_added_subcontractor_named(tmp_path, "<img src=x onerror=alert(1)> **b**")
    code, out, _ = run_cli(capsys, "validate", path)
    assert code == 0, out
