"""``vendorrisk clauses``: golden files for an example (Markdown, HTML and the Word file's
text), the choice of clauses by kind, tier, classification and data, the parties' names,
and bad input."""

from __future__ import annotations

import io
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest

from tests.cli.helpers import run_cli
from tests.render.documents.conftest import FUMIKURA, JUKI, check_golden, docx_text

ARTICLE = re.compile(r"^第\d+条（")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_markdown_for_a_my_number_contractor_matches_its_golden_file(
    capsys: pytest.CaptureFixture[str], workdir: Path, lang: str
) -> None:
    code, out, err = run_cli(capsys, "clauses", f"assessments/{JUKI}.toml", "--lang", lang)
    assert (code, err) == (0, "")
    check_golden(f"clauses-{JUKI}.{lang}.md", out)


def test_markdown_for_a_cloud_service_matches_its_golden_file(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    code, out, _ = run_cli(capsys, "clauses", f"assessments/{FUMIKURA}.toml", "--lang", "ja")
    assert code == 0
    check_golden(f"clauses-{FUMIKURA}.ja.md", out)


def test_the_word_file_reopens_with_its_text_and_every_article(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    target = workdir / "clauses.docx"
    code, _, err = run_cli(
        capsys,
        "clauses",
        f"assessments/{JUKI}.toml",
        "--format",
        "docx",
        "-o",
        target,
        "--lang",
        "ja",
    )
    assert code == 0 and str(target) in err
    data = target.read_bytes()
    check_golden(f"clauses-{JUKI}.ja.docx.txt", docx_text(data))
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    # The Markdown of the same assessment has the same articles, in the same order.
    _, md, _ = run_cli(capsys, "clauses", f"assessments/{JUKI}.toml", "--lang", "ja")
    md_headings = [line[4:] for line in md.splitlines() if line.startswith("### ")]
    assert headings == md_headings
    # Articles (第N条) in the contract and in both sets of special terms, from 1 in each.
    articles = [h for h in headings if ARTICLE.match(h)]
    assert len(articles) == md.count("\n### 第")
    assert [h for h in articles if h.startswith("第1条")] == ["第1条（総則）"] + [
        "第1条（基本的事項）"
    ] * 2


def test_the_word_file_is_a4_with_a_named_japanese_font_and_its_fallback(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    target = workdir / "c.docx"
    run_cli(capsys, "clauses", f"assessments/{JUKI}.toml", "--format", "docx", "-o", target)
    document = docx.Document(str(target))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(docx.oxml.ns.qn("w:eastAsia")) == "游明朝"
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            table = rel.target_part.blob.decode("utf-8")
    assert 'w:name="游明朝"><w:altName w:val="ＭＳ 明朝"/>' in table


def test_html_is_well_formed_and_encodes_the_vendor_name(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    path = workdir / "assessments" / f"{JUKI}.toml"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace('name = "株式会社北河内システムサービス"', 'name = "A <b>&amp; *B*"', 1),
        "utf-8",
    )
    code, out, _ = run_cli(capsys, "clauses", path, "--format", "html", "--lang", "en")
    assert code == 0
    root = ET.fromstring(out.split("\n", 1)[1])  # without the doctype
    assert root.tag.endswith("html")
    assert "<b>" not in out and "A &lt;b&gt;&amp;amp; *B*" in out
    code, md, _ = run_cli(capsys, "clauses", path, "--lang", "en")
    assert "A \\<b\\>\\&amp; \\*B\\*" in md and "<b>" not in md


def test_a_designated_manager_gets_an_agreement_and_its_own_duty(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(
        capsys,
        "clauses",
        "--kind",
        "designated_manager",
        "--tier",
        "internet",
        "--confidentiality",
        "3B",
        "--personal-data",
        "--lang",
        "ja",
    )
    assert code == 0
    assert "## 協定書 情報セキュリティ条項" in out and "契約書" not in out
    assert "「指定管理者」とは〔相手方の名称〕" in out
    assert "第66条第2項の規定により、当該業務に係る個人情報について、自ら安全管理" in out
    assert "地方自治法第244条の2第11項" in out  # revocation instead of cancellation
    assert "指定の期間が満了し" in out  # hand-over at the end of the designation
    assert "選定委員会" in out  # its selection criteria


def test_the_special_terms_carry_the_leak_report_deadlines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(
        capsys,
        "clauses",
        "--kind",
        "contractor",
        "--tier",
        "lgwan",
        "--confidentiality",
        "3B",
        "--personal-data",
        "--part",
        "personal",
        "--lang",
        "ja",
    )
    assert code == 0
    assert "## 別記 個人情報取扱特記事項" in out and "契約書 情報セキュリティ条項" not in out
    assert "速報をおおむね3日から5日以内に、確報を30日以内" in out
    assert "60日以内" in out
    assert "消去証明書" in out
    assert "書面による承諾" in out


def test_my_number_work_needs_consent_at_every_level(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(
        capsys,
        "clauses",
        "--kind",
        "contractor",
        "--tier",
        "mynumber",
        "--confidentiality",
        "3B",
        "--mynumber-data",
        "--lang",
        "en",
    )
    assert code == 0
    # My Number data is personal information: both annexes are there.
    assert "## Annex: Special Terms on Personal Information" in out
    assert "## Annex: Special Terms on My Number Information" in out
    assert "Article 10(1) of the My Number Act" in out and "(at every level)" in out


def test_cloud_on_standard_terms_gets_no_negotiated_contract_clauses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["clauses", "--kind", "cloud", "--tier", "internet", "--lang", "ja"]
    code, out, _ = run_cli(capsys, *args, "--confidentiality", "1")
    assert code == 0
    assert "契約書 情報セキュリティ条項" not in out
    assert "約款による利用の条件" in out  # the light path (guideline 8.4)
    _, out, _ = run_cli(capsys, *args, "--confidentiality", "1", "--part", "contract")
    assert "この条件に当てはまる条項はありません" in out
    _, out, _ = run_cli(capsys, *args, "--confidentiality", "2")
    assert "契約書 情報セキュリティ条項" in out and "データの所在及び準拠法" in out
    assert "【必須】" in out and "MIC-R8 別紙1 4(1)" in out


def test_the_parties_can_be_named_kou_and_otsu(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    code, out, _ = run_cli(
        capsys, "clauses", f"assessments/{JUKI}.toml", "--parties", "kou-otsu", "--lang", "ja"
    )
    assert code == 0
    assert (
        "以下において「甲」とは寝屋川市を、「乙」とは株式会社北河内システムサービスをいう。" in out
    )
    body = out.split("## 契約書 情報セキュリティ条項", 1)[1]
    assert "乙は、甲の情報セキュリティ基本方針" in body
    assert "受託者" not in body.split("## 仕様書", 1)[0]


def test_answers_decide_the_conditional_clauses(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    # The juki contract builds and operates a system but supplies no networked equipment:
    # the measures for both are asked for, the JC-STAR label is not.
    _, out, _ = run_cli(capsys, "clauses", f"assessments/{JUKI}.toml", "--lang", "ja")
    assert "情報システムの運用・保守時の対策" in out
    assert "情報システムの構築時の対策" in out
    assert "JC-STAR" not in out
    # Without an assessment nothing is known of the work: the draft keeps the clause.
    _, out, _ = run_cli(
        capsys,
        "clauses",
        "--kind",
        "contractor",
        "--tier",
        "lgwan",
        "--confidentiality",
        "3B",
        "--lang",
        "ja",
    )
    assert "納入する機器のJC-STAR適合ラベル" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["clauses"], "--kind"),
        (["clauses", "--kind", "cloud"], "--confidentiality"),
        (["clauses", f"assessments/{JUKI}.toml", "--kind", "cloud"], "PATH"),
        (["clauses", "assessments/missing.toml"], "missing.toml"),
        (["clauses", "--kind", "robot", "--tier", "lgwan", "--confidentiality", "2"], "robot"),
    ],
)
def test_bad_input_is_a_usage_error_in_words(
    capsys: pytest.CaptureFixture[str], workdir: Path, args: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, "--lang", "en", *args)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_it_never_writes_over_the_assessment_a_folder_or_a_pipe(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    source = workdir / "assessments" / f"{JUKI}.toml"
    before = source.read_bytes()
    fifo = workdir / "pipe"
    os.mkfifo(fifo)
    for target in (source, workdir / "assessments", fifo):
        code, _, err = run_cli(capsys, "clauses", source, "-o", target)
        assert code == 2 and err, target
    assert source.read_bytes() == before
    assert fifo.exists() and not fifo.is_file()
