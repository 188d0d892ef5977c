"""``vendorrisk report``: golden files for the example assessments, well-formed HTML with the
chart, exceptions and conditions, writing to a file, and bad input."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.render.reports.conftest import TODAY, check_golden

EXAMPLES = ["2026-cloud-fumikura-lgwan", "2026-cloud-chatbot-rejected"]
XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"


def report(
    capsys: pytest.CaptureFixture[str], path: str | Path, *args: str
) -> tuple[int, str, str]:
    return run_cli(capsys, "report", path, "--today", TODAY, *args)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("example", EXAMPLES)
def test_report_matches_its_golden_file(
    capsys: pytest.CaptureFixture[str], workdir: Path, example: str, fmt: str, lang: str
) -> None:
    code, out, err = run_cli(
        capsys,
        "--lang",
        lang,
        "report",
        f"assessments/{example}.toml",
        "--format",
        fmt,
        "--today",
        TODAY,
    )
    assert (code, err) == (0, "")
    check_golden(f"report-{example}.{lang}.{fmt}", out)


def test_japanese_report_shows_dates_in_gregorian_and_reiwa(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    _, out, _ = run_cli(
        capsys,
        "--lang",
        "ja",
        "report",
        "assessments/2026-social-kosodate-account.toml",
        "--today",
        TODAY,
    )
    assert "2026-11-27（令和8年11月27日）" in out
    assert "2027-11-01（令和9年11月1日）" in out  # the recorded next review
    _, out, _ = run_cli(
        capsys,
        "--lang",
        "en",
        "report",
        "assessments/2026-social-kosodate-account.toml",
        "--today",
        TODAY,
    )
    assert "令和" not in out and "2027-11-01" in out


class _Strict(HTMLParser):
    """Checks that every element the report opens is closed in order (void ones excepted)."""

    VOID = {"meta", "br", "line", "rect"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()


def test_html_report_is_well_formed_self_contained_and_printable(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    code, out, _ = report(
        capsys, "assessments/2026-cloud-chatbot-rejected.toml", "--format", "html"
    )
    assert code == 0
    parser = _Strict()
    parser.feed(out)
    parser.close()
    assert parser.stack == []
    root = ET.fromstring(out.split("\n", 1)[1])  # XHTML-compatible: an XML parser accepts it
    assert root.tag == f"{XHTML}html"
    svg = root.find(f".//{SVG}svg")
    assert svg is not None and svg.find(f"{SVG}title") is not None
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("fill") != "#eeeeee"]
    assert len(bars) == 7  # one bar per policy section with scored requirements
    # Self-contained: no script, no external resource of any kind.
    assert root.find(f".//{XHTML}script") is None
    assert not re.search(r'(src|href)="', out) and "@import" not in out and "url(" not in out
    style = root.find(f".//{XHTML}style")
    assert style is not None and style.text is not None
    assert "@page { size: A4" in style.text and "page-break-inside: avoid" in style.text


def _add_exceptions_and_conditions(path: Path) -> None:
    text = path.read_text("utf-8")
    text = text.replace(
        'status = "rejected"\nreviewer = "情報政策課 鈴木"\ndecision = "reject"\ndecided_at = 2026-11-20\n',
        'status = "approved_with_conditions"\nreviewer = "情報政策課 鈴木"\n'
        'decision = "approve_with_conditions"\ndecided_at = 2026-11-20\n'
        'conditions = ["問合せに個人情報を入力しないよう画面で案内する", "=1+1 は数式ではない"]\n'
        "next_review = 2027-03-31\n",
    )
    for rid, until in (("B-04", "2027-03-31"), ("B-06b", "2027-03-31"), ("B-07a", "2026-11-01")):
        text += (
            f'\n[[exceptions]]\nrequirement = "{rid}"\n'
            'compensating_control = "個人情報を含む問合せは職員が電話で受け付ける"\n'
            f'approved_by = "CISO 副市長"\nuntil = {until}\napproved_at = 2026-11-20\n'
        )
    path.write_text(text, "utf-8")


def test_report_lists_exceptions_conditions_and_blockers_they_waive(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    path = workdir / "assessments" / "2026-cloud-chatbot-rejected.toml"
    _add_exceptions_and_conditions(path)
    code, out, err = report(capsys, path, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["review"]["conditions"][0].startswith("問合せに個人情報")
    assert [(e["requirement"], e["active"]) for e in data["exceptions"]] == [
        ("B-04", True),
        ("B-06b", True),
        ("B-07a", False),  # expired: it blocks again (rule E2)
    ]
    assert data["suggested"]["blockers"] == ["B-07a", "B-07b"]
    (group,) = data["findings"]
    excepted = {f["requirement"] for f in group["findings"] if f["excepted"]}
    assert excepted == {"B-04", "B-06b"}

    _, md, _ = run_cli(capsys, "--lang", "ja", "report", path, "--today", TODAY)
    assert "1. 問合せに個人情報を入力しないよう画面で案内する" in md
    assert "△ 例外措置あり" in md and "✗ 阻害" in md and "| 期限切れ |" in md
    assert "2027-03-31（令和9年3月31日）" in md


def test_report_written_to_a_file_atomically_and_replaced_on_a_second_run(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    target = workdir / "out" / "report.html"
    target.parent.mkdir()
    args = ("assessments/2026-cloud-fumikura-lgwan.toml", "--format", "html", "-o", str(target))
    code, out, err = report(capsys, *args)
    assert (code, out) == (0, "") and str(target) in err
    first = target.read_bytes()
    assert first.startswith(b"<!DOCTYPE html>")
    target.write_text("old", "utf-8")
    assert report(capsys, *args)[0] == 0
    assert target.read_bytes() == first
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]  # no temporary left


def test_report_to_a_missing_folder_fails_with_usage_code(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    code, out, err = report(
        capsys, "assessments/2026-cloud-fumikura-lgwan.toml", "-o", "nowhere/r.md"
    )
    assert code == 2 and out == "" and "nowhere/r.md" in err


def test_report_never_overwrites_the_assessment_it_reports_on(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    path = workdir / "assessments" / "2026-cloud-fumikura-lgwan.toml"
    before = path.read_bytes()
    code, _, err = report(capsys, path, "-o", "assessments/../assessments/" + path.name)
    assert code == 2 and "assessment itself" in err
    assert path.read_bytes() == before


def test_invalid_assessment_is_not_reported(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    path = workdir / "assessments" / "broken.toml"
    source = (workdir / "assessments" / "2026-cloud-fumikura-lgwan.toml").read_text("utf-8")
    path.write_text(source.replace('tier = "lgwan"', 'tier = "intranet"'), "utf-8")
    code, out, err = report(capsys, path)
    assert code == 1 and out == ""
    assert "broken.toml" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("assessments/missing.toml",), "missing.toml"),
        (("assessments/2026-cloud-fumikura-lgwan.toml", "--today", "2026/11/27"), "YYYY-MM-DD"),
        (("assessments/2026-cloud-fumikura-lgwan.toml", "--format", "pdf"), "invalid choice"),
    ],
)
def test_unreadable_input_and_bad_options_exit_2(
    capsys: pytest.CaptureFixture[str], workdir: Path, args: tuple[str, ...], expected: str
) -> None:
    code, out, err = run_cli(capsys, "report", *args)
    assert code == 2 and out == "" and expected in err
