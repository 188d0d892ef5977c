"""From the applicable clauses to a document: grouped by part, numbered, the parties'
names filled in, and each article's sources cited (policy section first, §9)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from vendorrisk.core.catalog.applicability import Profile
from vendorrisk.core.catalog.model import CLAUSE_PARTS, Catalogue, Clause, ClausePart
from vendorrisk.core.model import AnswerValue
from vendorrisk.render.documents.model import (
    Article,
    ClauseDocument,
    DocumentPart,
    DocumentWords,
    Paragraph,
    Terms,
)
from vendorrisk.render.documents.select import applicable_clauses

# Parts that read as articles (第N条) of a contract or its annexes; the others are lists.
_ARTICLE_PARTS: frozenset[ClausePart] = frozenset({"contract", "personal", "mynumber"})
_ITEM_MARK = "("
# Japanese statutes and contracts number the second and later paragraphs with full-width
# digits (２, ３ …); English ones with ordinary digits.
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def paragraphs_of(text: str) -> tuple[Paragraph, ...]:
    """One paragraph (項) a line; a line that starts with "(1)" is an item (号) of the
    paragraph above it."""
    paragraphs: list[Paragraph] = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith(_ITEM_MARK) and paragraphs:
            last = paragraphs[-1]
            paragraphs[-1] = Paragraph(last.text, (*last.items, line))
        else:
            paragraphs.append(Paragraph(line))
    return tuple(paragraphs)


def _citation(clause: Clause, words: DocumentWords) -> str:
    pieces = [f"{words.cite_policy} §{clause.section}"]
    labelled = (
        ("guideline", words.cite_guideline),
        ("law", words.cite_law),
        ("other", words.cite_other),
    )
    for key, label in labelled:
        values = clause.refs.get(key, ())
        if values:
            pieces.append(f"{label} {', '.join(values)}")
    if clause.requirements:
        pieces.append(f"{words.cite_requirements} {', '.join(clause.requirements)}")
    return words.cites.replace("{list}", " / ".join(pieces))


def _article(
    number: int, clause: Clause, lang: str, terms: Terms, words: DocumentWords, as_article: bool
) -> Article:
    title = terms.fill(clause.title.get(lang))
    template = words.article_heading if as_article else words.item_heading
    heading = template.replace("{n}", str(number)).replace("{title}", title)
    return Article(
        number=number,
        clause_id=clause.id,
        heading=heading,
        paragraphs=tuple(
            Paragraph(
                terms.fill(p.text),
                tuple(terms.fill(i) for i in p.items),
                lead=_paragraph_lead(n, lang, words),
            )
            for n, p in enumerate(paragraphs_of(clause.text.get(lang)), start=1)
        ),
        citation=_citation(clause, words),
        evaluation=clause.evaluation,
        mark=(
            ""
            if clause.evaluation is None
            else words.evaluation_required
            if clause.evaluation == "required"
            else words.evaluation_scored
        ),
    )


def _paragraph_lead(number: int, lang: str, words: DocumentWords) -> str:
    if number == 1:
        return ""
    digits = str(number)
    return words.paragraph_number.replace(
        "{n}", digits.translate(_FULL_WIDTH) if lang == "ja" else digits
    )


def _part_title(part: ClausePart, words: DocumentWords) -> str:
    titles = {
        "contract": words.part_contract,
        "specification": words.part_specification,
        "personal": words.part_personal,
        "mynumber": words.part_mynumber,
        "selection": words.part_selection,
    }
    return titles[part]


def build_document(
    catalogue: Catalogue,
    profile: Profile,
    answers: Mapping[str, AnswerValue] | None,
    *,
    lang: str,
    terms: Terms,
    words: DocumentWords,
    subject: Sequence[tuple[str, str]],
    organisation: str,
    vendor: str,
    parts: Sequence[ClausePart] = CLAUSE_PARTS,
) -> ClauseDocument:
    """The document for one service. ``vendor`` is the other party's name as the user wrote
    it (or the face's placeholder for one); renderers encode it."""
    chosen = applicable_clauses(catalogue, profile, answers)
    built: list[DocumentPart] = []
    for part in CLAUSE_PARTS:
        if part not in parts:
            continue
        clauses = [c for c in chosen if c.part == part]
        if not clauses:
            continue
        as_article = part in _ARTICLE_PARTS
        title = terms.fill(_part_title(part, words))
        preamble = ""
        if as_article:
            # The vendor's name goes in last, so nothing in it is taken for a placeholder.
            preamble = (
                terms.fill(words.definitions)
                .replace("{organisation}", organisation)
                .replace("{vendor}", vendor)
            )
        built.append(
            DocumentPart(
                part=part,
                title=title,
                note=terms.fill(words.selection_note) if part == "selection" else "",
                preamble=preamble,
                articles=tuple(
                    _article(n, c, lang, terms, words, as_article)
                    for n, c in enumerate(clauses, start=1)
                ),
                numbered_as_articles=as_article,
            )
        )
    return ClauseDocument(
        title=terms.fill(words.title),
        lang=lang,
        subject=tuple(subject),
        parts=tuple(built),
        nothing_applies=words.nothing_applies,
        draft_note=terms.fill(words.draft_note),
    )
