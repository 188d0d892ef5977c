"""Every output, fed the same hostile corpus from an in-memory assessment (as a hand-edited
or older file would reach it): nothing acts on a terminal, forges a line, renders as
Markdown or HTML markup, breaks a parser or starts a spreadsheet formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any

import pytest

from tests.conftest import sample_assessment
from tests.hostile.corpus import FORGED_LINE, PAYLOADS, hostile_assessment, unsafe_characters
from vendorrisk.core.assessed import assess
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.encoding import FORMULA_STARTS, csv_cell, json_text
from vendorrisk.core.model import Assessment
from vendorrisk.features.diff import compare
from vendorrisk.render.diff import render_json, render_markdown, render_text
from vendorrisk.render.oscal import assessment_results
from vendorrisk.render.reports import (
    DueEntry,
    build_report,
    build_summary,
    render_html,
    render_summary_markdown,
    report_json,
    rows_csv,
    summary_json,
)
from vendorrisk.render.reports import (
    render_markdown as render_report_markdown,
)
from vendorrisk.render.reports.export import export_row
from vendorrisk.render.textconv import render_textconv

TODAY = dt.date(2026, 12, 1)
IDS = sorted(PAYLOADS)


def _hostile(catalogue: Catalogue, payload: str) -> Assessment:
    return hostile_assessment(sample_assessment(catalogue), catalogue, payload)


def _benign(catalogue: Catalogue) -> Assessment:
    return _hostile(catalogue, "benign")


def _report(assessment: Assessment, catalogue: Catalogue, lang: Any = "en") -> Any:
    item = assess(assessment, catalogue, TODAY)
    return build_report(item, catalogue, file_name="x.toml", lang=lang)


def _summary(assessment: Assessment, catalogue: Catalogue) -> Any:
    item = assess(assessment, catalogue, TODAY, path=assessment.vendor.name)
    due = [DueEntry(item.path, assessment.vendor.name, assessment.service.name, TODAY, True)]
    return build_summary([item], catalogue, due, today=TODAY, lang="en")


def _assert_terminal_safe(text: str) -> None:
    assert unsafe_characters(text) == []
    assert not any(line.startswith(FORGED_LINE) for line in text.splitlines())


# --- terminal text ------------------------------------------------------------------------


@pytest.mark.parametrize("name", IDS)
def test_textconv_shows_every_payload_inert_and_on_its_own_line(
    catalogue: Catalogue, name: str
) -> None:
    _assert_terminal_safe(render_textconv(_hostile(catalogue, PAYLOADS[name]), catalogue))


@pytest.mark.parametrize("name", IDS)
def test_diff_text_shows_every_payload_inert_and_on_its_own_line(
    catalogue: Catalogue, name: str
) -> None:
    diff = compare(
        _benign(catalogue),
        _hostile(catalogue, PAYLOADS[name]),
        catalogue,
        old_label=PAYLOADS[name],
        new_label="new",
        today=TODAY,
    )
    _assert_terminal_safe(render_text(diff))


# --- Markdown -----------------------------------------------------------------------------


def _markup(document: str) -> Counter[str]:
    """Every Markdown construct in ``document`` except plain text and the <br> the tool
    writes itself: these must be the same whatever the vendor wrote."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    kinds: Counter[str] = Counter()
    for token in parser.parse(document):
        kinds[token.type] += 1
        for child in token.children or ():
            if child.type in ("text", "softbreak") or (
                child.type == "html_inline" and child.content == "<br>"
            ):
                continue
            kinds[f"inline:{child.type}:{child.markup}"] += 1
    return kinds


@pytest.mark.parametrize("name", IDS)
def test_diff_markdown_renders_vendor_text_as_text(catalogue: Catalogue, name: str) -> None:
    def document(payload: str) -> str:
        diff = compare(
            _benign(catalogue),
            _hostile(catalogue, payload),
            catalogue,
            old_label=payload,
            new_label="new",
            today=TODAY,
        )
        return render_markdown(diff)

    hostile = document(PAYLOADS[name])
    assert unsafe_characters(hostile) == []
    assert _markup(hostile) == _markup(document("plain"))


@pytest.mark.parametrize("name", IDS)
def test_report_markdown_renders_vendor_text_as_text(catalogue: Catalogue, name: str) -> None:
    hostile = render_report_markdown(_report(_hostile(catalogue, PAYLOADS[name]), catalogue))
    assert unsafe_characters(hostile) == []
    plain = render_report_markdown(_report(_hostile(catalogue, "plain"), catalogue))
    assert _markup(hostile) == _markup(plain)


@pytest.mark.parametrize("name", IDS)
def test_summary_markdown_renders_vendor_text_as_text(catalogue: Catalogue, name: str) -> None:
    hostile = render_summary_markdown(
        _summary(_hostile(catalogue, PAYLOADS[name]), catalogue), "en"
    )
    assert unsafe_characters(hostile) == []
    plain = render_summary_markdown(_summary(_hostile(catalogue, "plain"), catalogue), "en")
    assert _markup(hostile) == _markup(plain)


# --- HTML ---------------------------------------------------------------------------------


def _elements(document: str) -> Counter[str]:
    root = ET.fromstring(document.split("\n", 1)[1])  # after the doctype
    return Counter(f"{element.tag} {sorted(element.attrib)}" for element in root.iter())


@pytest.mark.parametrize("name", IDS)
def test_html_report_is_well_formed_and_vendor_text_stays_text(
    catalogue: Catalogue, name: str
) -> None:
    hostile = render_html(_report(_hostile(catalogue, PAYLOADS[name]), catalogue))
    assert unsafe_characters(hostile.replace("\t", "")) == []
    assert _elements(hostile) == _elements(
        render_html(_report(_hostile(catalogue, "plain"), catalogue))
    )
    html5lib = pytest.importorskip("html5lib")
    html5lib.HTMLParser(strict=True).parse(hostile)  # raises on any parse error


# --- CSV ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", IDS)
def test_csv_reads_back_one_row_per_assessment_and_no_formula(
    catalogue: Catalogue, name: str
) -> None:
    assessment = _hostile(catalogue, PAYLOADS[name])
    row = export_row(assess(assessment, catalogue, TODAY, path=PAYLOADS[name]))
    text = rows_csv([row, row], "en")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 3
    assert rows[1] == rows[2]
    assert rows[1][:3] == [csv_cell(PAYLOADS[name])] * 3
    assert not any(cell.startswith(FORMULA_STARTS) for cell in rows[1])
    assert unsafe_characters(text.replace("\r\n", "\n")) == []


# --- JSON and OSCAL -----------------------------------------------------------------------


@pytest.mark.parametrize("name", IDS)
def test_json_outputs_read_back_the_same_and_print_inert(catalogue: Catalogue, name: str) -> None:
    assessment = _hostile(catalogue, PAYLOADS[name])
    item = assess(assessment, catalogue, TODAY)
    diff = compare(
        _benign(catalogue), assessment, catalogue, old_label="a", new_label="b", today=TODAY
    )
    documents = [
        report_json(_report(assessment, catalogue)),
        summary_json(_summary(assessment, catalogue), "en"),
        render_json(diff),
        assessment_results(item, catalogue, file_name=PAYLOADS[name], lang="en"),
    ]
    for data in documents:
        text = json_text(data)
        assert json.loads(text) == json.loads(json.dumps(data))
        assert unsafe_characters(text) == []
