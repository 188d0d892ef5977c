"""Conditions shown to clerks as sentences: titles and option labels, never raw rules."""

from __future__ import annotations

import pytest

from vendorrisk.core.catalog import load_catalog
from vendorrisk.render.condition_words import condition_sentence


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    return load_catalog()


def test_a_choice_in_a_list_reads_as_either_label(catalogue) -> None:  # type: ignore[no-untyped-def]
    ja = condition_sentence('P-03 in ["ismap", "ismap_liu"]', catalogue, "ja")
    en = condition_sentence('P-03 in ["ismap", "ismap_liu"]', catalogue, "en")
    title = catalogue.by_id["P-03"].title
    assert ja.startswith(f"「{title.ja}」が「") and "」または「" in ja
    assert en.startswith(f"“{title.en}” is “") and "” or “" in en
    assert "P-03" not in ja + en and "ismap_liu" not in ja + en


def test_a_multi_answer_that_includes_an_option(catalogue) -> None:  # type: ignore[no-untyped-def]
    text = condition_sentence('"system_build" in P-02', catalogue, "en")
    assert "includes" in text and "system_build" not in text


def test_yes_no_service_fields_and_or(catalogue) -> None:  # type: ignore[no-untyped-def]
    assert condition_sentence("P-01 == true", catalogue, "ja").endswith("が「はい」")
    assert (
        condition_sentence('integrity == "2" or availability == "2"', catalogue, "en")
        == "integrity is “2”, or availability is “2”"
    )
    assert condition_sentence('kind != "cloud"', catalogue, "ja") == "評価の種類が「クラウド」以外"
    assert condition_sentence("not personal_data", catalogue, "en").startswith("not so:")


def test_every_condition_in_the_catalogue_reads_without_ids(catalogue) -> None:  # type: ignore[no-untyped-def]
    for requirement in catalogue.requirements:
        if requirement.condition_text:
            for lang in ("ja", "en"):
                text = condition_sentence(requirement.condition_text, catalogue, lang)
                assert "P-0" not in text and "==" not in text and "[" not in text, text
