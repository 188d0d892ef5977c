"""Issue 12 "Labels": a review status reaches people in words (条件付き承認), never as its id
(``approved_with_conditions``), in ``review``, ``due`` and ``validate`` text, in both
languages; JSON keeps the codes for scripts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli, run_json
from tests.conftest import REPO

EXAMPLES = REPO / "assessments"
JUKI = "2026-contractor-juki-zeimu-hoshu.toml"
SOCIAL = "2026-social-kosodate-account.toml"
STATUS_IDS = ("draft", "submitted", "in_review", "approved", "approved_with_conditions", "rejected")
REVIEWER = ("--reviewer", "情報政策課 鈴木")


def raw_ids(text: str, lang: str) -> list[str]:
    """Status ids in ``text``. In English four labels are spelt like their ids (draft,
    approved…), so there only the ids with an underscore can tell."""
    ids = STATUS_IDS if lang == "ja" else tuple(s for s in STATUS_IDS if "_" in s)
    return re.findall(r"(?<![\w-])(?:" + "|".join(ids) + r")(?![\w-])", text)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The contractor example approved with conditions through ``review``, next to the
    approved social example."""
    target = tmp_path / "assessments"
    target.mkdir()
    for name in (JUKI, SOCIAL):
        shutil.copy(EXAMPLES / name, target / name)
    return target


def approve_with_conditions(capsys: pytest.CaptureFixture[str], path: Path, lang: str) -> str:
    code, moved, err = run_cli(
        capsys, "--lang", lang, "review", path, "--to", "in_review", *REVIEWER
    )
    assert code == 0, err
    code, approved, err = run_cli(
        capsys,
        "--lang",
        lang,
        "review",
        path,
        "--to",
        "approved_with_conditions",
        *REVIEWER,
        "--condition",
        "自己点検票を 2026-12-28 までに提出すること",
    )
    assert code == 0, err
    return moved + approved


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ja", ["状態 審査中", "状態 条件付き承認"]),
        ("en", ["status in review", "status approved with conditions"]),
    ],
)
def test_review_reports_the_new_status_in_words(
    capsys: pytest.CaptureFixture[str], folder: Path, lang: str, words: list[str]
) -> None:
    out = approve_with_conditions(capsys, folder / JUKI, lang)
    for word in words:
        assert word in out
    assert raw_ids(out, lang) == []


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("ja", ["定期見直し: 条件付き承認", "定期見直し: 承認"]),
        ("en", ["scheduled review: approved with conditions", "scheduled review: approved"]),
    ],
)
def test_due_names_the_status_a_scheduled_review_follows_in_words(
    capsys: pytest.CaptureFixture[str], folder: Path, lang: str, lines: list[str]
) -> None:
    approve_with_conditions(capsys, folder / JUKI, "en")
    code, out, _ = run_cli(capsys, "--lang", lang, "due", "--dir", folder, "--within", "1000")
    assert code == 0
    shown = [line.split(None, 1)[1] for line in out.splitlines() if line.startswith("    ")]
    for line in lines:
        assert line in shown
    assert raw_ids(out, lang) == []
    # Scripts read codes.
    _, data = run_json(capsys, "due", "--dir", folder, "--within", "1000")
    subjects = {r["subject"] for item in data["items"] for r in item["reasons"]}
    assert {"approved", "approved_with_conditions"} <= subjects


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ja", ["「審査中」から「提出済み」には移せません", "承認 (approved)"]),
        ("en", ["cannot move from in review to submitted"]),
    ],
)
def test_a_refused_move_names_the_statuses_in_words(
    capsys: pytest.CaptureFixture[str], folder: Path, lang: str, words: list[str]
) -> None:
    path = folder / JUKI
    assert run_cli(capsys, "review", path, "--to", "in_review", *REVIEWER)[0] == 0
    code, _, err = run_cli(capsys, "--lang", lang, "review", path, "--to", "submitted", *REVIEWER)
    assert code == 1
    for word in words:
        assert word in err
    # The allowed moves carry the code ``--to`` takes, in parentheses after the words.
    assert raw_ids(re.sub(r"\([a-z_]+\)", "", err), lang) == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [("ja", "「承認」と記録された後に"), ("en", "recorded as approved, but what was approved")],
)
def test_validate_names_a_stale_approval_in_words(
    capsys: pytest.CaptureFixture[str], folder: Path, lang: str, words: str
) -> None:
    path = folder / SOCIAL
    note = 'note = "評価項目 1.1.0 の判断基準で確認済み"\n\n[[answers.C-04a.evidence]]'
    text = path.read_text("utf-8")
    assert note in text
    path.write_text(text.replace(note, note.replace("確認済み", "確認済み（追記）")), "utf-8")
    code, out, err = run_cli(capsys, "--lang", lang, "validate", path, "--no-cache")
    assert code == 1
    assert words in out + err
    assert raw_ids(out + err, lang) == []
