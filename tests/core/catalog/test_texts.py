"""The catalogue's texts (issue 9 §1 "Texts"): English without Japanese, one way of
addressing vendors per language, the official English names of roles and classes."""

from __future__ import annotations

import re

import pytest

from vendorrisk.core.catalog import Catalogue, load_catalog
from vendorrisk.core.catalog.checks import english_texts

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
# Vendors are named by their role in the third person: 委託事業者 / 事業者, "the contractor",
# "the provider", "the vendor". Direct address would read oddly to the city staff who
# answer most questions and review all of them.
SECOND_PERSON_JA = ("貴社", "御社", "あなた", "貴殿")
SECOND_PERSON_EN = re.compile(r"\b(you|your|yours)\b", re.IGNORECASE)

CATALOGUE = load_catalog()


@pytest.mark.parametrize("requirement", CATALOGUE.requirements, ids=lambda r: r.id)
def test_english_texts_hold_no_japanese(requirement: object) -> None:
    for field, text in english_texts(requirement):  # type: ignore[arg-type]
        assert not JAPANESE.search(text.en), f"{field}: {text.en}"


def test_catalogue_titles_and_sections_in_english_hold_no_japanese(catalogue: Catalogue) -> None:
    texts = [catalogue.title, *(s.title for s in catalogue.sections)]
    if catalogue.description is not None:
        texts.append(catalogue.description)
    assert not [t.en for t in texts if JAPANESE.search(t.en)]


@pytest.mark.parametrize("requirement", CATALOGUE.requirements, ids=lambda r: r.id)
def test_vendors_are_addressed_in_the_third_person(requirement: object) -> None:
    for field, text in english_texts(requirement):  # type: ignore[arg-type]
        assert not any(word in text.ja for word in SECOND_PERSON_JA), f"{field}: {text.ja}"
        assert not SECOND_PERSON_EN.search(text.en), f"{field}: {text.en}"


def test_the_general_information_security_manager_is_never_called_ciso(
    catalogue: Catalogue,
) -> None:
    pairs = [(t.ja, t.en) for r in catalogue.requirements for _, t in english_texts(r)]
    named = [(ja, en) for ja, en in pairs if "統括情報セキュリティ責任者" in ja]
    assert named
    for ja, en in named:
        assert "general information security manager" in en
        # CISO stays only where the Japanese names the 最高情報セキュリティ責任者 too
        assert "CISO" not in en or "最高情報セキュリティ責任者" in ja


@pytest.mark.parametrize("rid", ["B-T3b", "B-27b"])
def test_level_2_titles_name_the_municipal_class(catalogue: Catalogue, rid: str) -> None:
    title = catalogue.by_id[rid].title
    assert "自治体機密性2以上" in title.ja
    assert "municipal confidentiality level 2 or above" in title.en


def test_reassessment_is_worded_as_every_fiscal_year(catalogue: Catalogue) -> None:
    d02 = catalogue.by_id["D-02"]
    assert "毎年度" in d02.question.ja and "3月31日" in d02.question.ja
    assert "31 March" in d02.question.en
