from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from vendorrisk.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, Any]:
    code, out, _ = run_cli(capsys, *args, "--format", "json")
    return code, json.loads(out)


NA_REASON = "このサービスには該当する機能がない（2026-10 時点）。"
JUKI_A13A_MET = '[answers.A-13a]\nvalue = "met"\n'


def social_with_a_must_not_applicable(tmp_path: Path) -> Path:
    """The approved social example with the must question C-02b answered "na" (rule B4)."""
    text = (REPO / "assessments" / "2026-social-kosodate-account.toml").read_text("utf-8")
    header = '[answers.C-02b]\nvalue = "met"\n'
    assert header in text
    path = tmp_path / "social.toml"
    path.write_text(
        text.replace(header, f'[answers.C-02b]\nvalue = "na"\nreason = "{NA_REASON}"\n'),
        "utf-8",
    )
    return path


def juki_with_subcontractors_partly_known(tmp_path: Path) -> Path:
    """The juki example with A-13a (番号法11条) only partly met."""
    text = (REPO / "assessments" / "2026-contractor-juki-zeimu-hoshu.toml").read_text("utf-8")
    assert JUKI_A13A_MET in text
    path = tmp_path / "juki.toml"
    path.write_text(text.replace(JUKI_A13A_MET, JUKI_A13A_MET.replace("met", "partial")), "utf-8")
    return path
