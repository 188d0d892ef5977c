"""The sample documents in docs/samples are what the current catalogue produces: a change to a
clause text shows up in the samples' diff too."""

from __future__ import annotations

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import REPO

SAMPLES = REPO / "docs" / "samples"
JUKI = REPO / "assessments" / "2026-contractor-juki-zeimu-hoshu.toml"
DESIGNATED = [
    "--kind",
    "designated_manager",
    "--tier",
    "internet",
    "--confidentiality",
    "3B",
    "--personal-data",
    "--parties",
    "kou-otsu",
]
CASES = [
    *[
        (f"juki-{part}.ja.md", [str(JUKI), "--lang", "ja", "--part", part])
        for part in ("contract", "specification", "personal", "mynumber", "selection")
    ],
    ("juki-all.en.md", [str(JUKI), "--lang", "en"]),
    ("designated-manager-agreement.ja.md", [*DESIGNATED, "--lang", "ja"]),
]


@pytest.mark.parametrize(("name", "args"), CASES, ids=[c[0] for c in CASES])
def test_the_sample_is_current(
    capsys: pytest.CaptureFixture[str], name: str, args: list[str]
) -> None:
    code, out, _ = run_cli(capsys, "clauses", *args)
    assert code == 0
    assert out == (SAMPLES / name).read_text("utf-8"), f"regenerate docs/samples/{name}"
