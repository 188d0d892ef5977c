"""The clause document as values: parts of numbered articles, each with its paragraphs,
items and citations, already filled with the parties' names."""

from __future__ import annotations

from dataclasses import dataclass

from vendorrisk.core.catalog.model import ClausePart, Evaluation


@dataclass(frozen=True, slots=True)
class Terms:
    """What the placeholders of a clause text become: the two parties and what binds them
    (for example 市・受託者・契約, or 甲・乙・協定)."""

    city: str
    party: str
    contract: str
    # At the start of an English sentence ({City}, {Party}); the same words in Japanese.
    city_start: str
    party_start: str

    def fill(self, text: str) -> str:
        for placeholder, word in (
            ("{city}", self.city),
            ("{City}", self.city_start),
            ("{party}", self.party),
            ("{Party}", self.party_start),
            ("{contract}", self.contract),
        ):
            text = text.replace(placeholder, word)
        return text


@dataclass(frozen=True, slots=True)
class DocumentWords:
    """The words around the clauses, in one language, chosen by the face. Templates may
    hold the placeholders of ``Terms`` and, where named, ``{n}`` and ``{title}``."""

    title: str
    part_contract: str
    part_specification: str
    part_personal: str
    part_mynumber: str
    part_selection: str
    selection_note: str
    article_heading: str  # {n} {title}: 第{n}条（{title}）
    item_heading: str  # {n} {title}
    paragraph_number: str  # {n}: the number before the second and later paragraphs
    definitions: str  # {organisation} {vendor}
    cites: str
    cite_policy: str
    cite_guideline: str
    cite_law: str
    cite_other: str
    cite_requirements: str
    evaluation_required: str
    evaluation_scored: str
    nothing_applies: str
    draft_note: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    items: tuple[str, ...] = ()
    lead: str = ""  # the paragraph's number (２, ３ …); none before the first


@dataclass(frozen=True, slots=True)
class Article:
    number: int
    clause_id: str
    heading: str
    paragraphs: tuple[Paragraph, ...]
    citation: str
    evaluation: Evaluation | None = None
    mark: str = ""  # the evaluation in words (必須 / 加点) before the heading


@dataclass(frozen=True, slots=True)
class DocumentPart:
    part: ClausePart
    title: str
    note: str
    preamble: str
    articles: tuple[Article, ...]
    # 第N条 (contract, 特記事項) or plain 1, 2 (specification, selection)
    numbered_as_articles: bool


@dataclass(frozen=True, slots=True)
class ClauseDocument:
    title: str
    lang: str
    subject: tuple[tuple[str, str], ...]  # (label, value); values may be vendor text
    parts: tuple[DocumentPart, ...]
    nothing_applies: str
    draft_note: str

    def article_count(self) -> int:
        return sum(len(p.articles) for p in self.parts)
