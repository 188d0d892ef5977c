"""``vendorrisk score`` shows validate's consistency warnings (issue 9 §1): the same fact
answered two ways is put in front of the reviewer, in text and in JSON, without changing
the exit code (a warning, not an error)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run_cli, run_json
from tests.conftest import REPO

JUKI = REPO / "assessments" / "2026-contractor-juki-zeimu-hoshu.toml"
KNOWN = '[answers.A-13a]\nvalue = "met"\n'
# Subcontractors below the first tier not known, while 番号法10条 consent (A-24c) is met.
UNKNOWN = '[answers.A-13a]\nvalue = "not_met"\n'


def contradicting(tmp_path: Path) -> Path:
    text = JUKI.read_text("utf-8")
    assert KNOWN in text
    path = tmp_path / "juki.toml"
    text = text.replace(KNOWN, UNKNOWN).replace(
        "二次再委託がないことを書面で確認済み", "二次以降は不明"
    )
    path.write_text(text, "utf-8")
    return path


def test_score_json_lists_each_consistency_warning_with_its_code_and_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, result = run_json(capsys, "score", contradicting(tmp_path))
    assert code == 0
    (warning,) = result["consistency_warnings"]
    assert (warning["code"], warning["key"]) == (
        "subcontractors-unknown-consent-met",
        "answers.A-24c",
    )
    assert "A-13a" in warning["message"]


def test_score_json_has_an_empty_list_when_the_answers_agree(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, result = run_json(capsys, "score", JUKI)
    assert (code, result["consistency_warnings"]) == (0, [])


@pytest.mark.parametrize(
    ("lang", "heading", "words"),
    [
        ("ja", "整合性の警告", "A-24c が 適合"),
        ("en", "Consistency warnings", "A-24c is met"),
    ],
)
def test_score_text_shows_the_warning_in_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, heading: str, words: str
) -> None:
    code, out, _ = run_cli(capsys, "--lang", lang, "score", contradicting(tmp_path))
    assert code == 0
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(heading))
    assert lines[at + 1].startswith("  ⚠ A-24c") and words in lines[at + 1]
    assert "not_met" not in out and " met（" not in out


def test_score_text_says_nothing_of_consistency_when_the_answers_agree(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run_cli(capsys, "--lang", "en", "score", JUKI)
    assert "Consistency" not in out
