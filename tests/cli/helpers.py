from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vendorrisk.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, Any]:
    code, out, _ = run_cli(capsys, *args, "--format", "json")
    return code, json.loads(out)
