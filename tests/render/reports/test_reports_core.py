"""The reports package on its own: layering, texts for every value it shows, the chart's
arithmetic agreeing with the score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.classification import KINDS, SEVERITIES, TERMINAL_MODELS, TIERS
from vendorrisk.core.scoring import score_assessment
from vendorrisk.core.workflow import STATUSES
from vendorrisk.messages import has
from vendorrisk.render.reports.compliance import Tally, tally_sections
from vendorrisk.render.reports.export import COLUMNS
from vendorrisk.render.reports.svg_chart import _text_width, fit
from vendorrisk.store import storage

EXAMPLES = sorted((REPO / "assessments").glob("*.toml"))


def test_every_value_shown_in_words_has_a_text() -> None:
    schema = json.loads((REPO / "schemas" / "assessment.schema.json").read_text("utf-8"))
    evidence_kinds = schema["$defs"]["evidence"]["properties"]["kind"]["enum"]
    keys = [
        *(f"report.kind.{k}" for k in KINDS),
        *(f"report.tier.{k}" for k in TIERS),
        *(f"report.model.{k}" for k in TERMINAL_MODELS),
        *(f"report.severity.{k}" for k in SEVERITIES),
        *(f"report.review-status.{k}" for k in STATUSES),
        *(f"report.evidence-kind.{k}" for k in evidence_kinds),
        *(f"export.col.{c}" for c in COLUMNS),
    ]
    assert [k for k in keys if not has(k)] == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_sections_add_up_to_the_overall_score(catalogue: Catalogue, path: Path) -> None:
    assessment = storage.load(path, catalogue).assessment
    result = score_assessment(assessment, catalogue)
    sections = tally_sections(catalogue, [result.statuses], "en")
    total = Tally()
    for s in sections:
        total.earned += s.tally.earned
        total.possible += s.tally.possible
    assert total.percent == result.score


def test_chart_labels_are_cut_to_fit_counting_japanese_as_wide() -> None:
    assert fit("§7 Audits", 200) == "§7 Audits"
    cut = fit("§6.3 情報システム全体の強靭性の向上（三層の対策）", 120)
    assert cut.endswith("…") and 108 <= _text_width(cut) <= 120
    assert cut.startswith("§6.3 情報システム")
