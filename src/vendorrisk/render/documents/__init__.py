"""Procurement documents made from the catalogue's clauses (policy §6.9: a contract that
states the security requirements): contract or agreement articles, specification items,
個人情報取扱特記事項, 特定個人情報取扱特記事項, and selection criteria.

Feature code: it selects clauses for a service and lays them out; the words around them
(titles, labels, the parties' names) come from the face that calls it. The Word renderer
lives in ``vendorrisk.render.documents.docx`` and is imported only by the faces that write Word.
"""

from vendorrisk.render.documents.assemble import clause_document
from vendorrisk.render.documents.build import build_document
from vendorrisk.render.documents.markdown import render_markdown
from vendorrisk.render.documents.model import (
    Article,
    ClauseDocument,
    DocumentPart,
    DocumentWords,
    Paragraph,
    Terms,
)
from vendorrisk.render.documents.select import applicable_clauses, applicable_requirement_ids
from vendorrisk.render.documents.text import render_html, render_text
from vendorrisk.render.documents.words import PARTIES, Parties, document_words, terms_for

__all__ = [
    "PARTIES",
    "Article",
    "ClauseDocument",
    "DocumentPart",
    "DocumentWords",
    "Paragraph",
    "Parties",
    "Terms",
    "applicable_clauses",
    "applicable_requirement_ids",
    "build_document",
    "clause_document",
    "document_words",
    "render_html",
    "render_markdown",
    "render_text",
    "terms_for",
]
