"""The formats of the procurement documents, registered by name for ``vendorrisk clauses``."""

from __future__ import annotations

from typing import Protocol

from vendorrisk.render.documents.markdown import render_markdown
from vendorrisk.render.documents.model import ClauseDocument
from vendorrisk.render.documents.text import render_html
from vendorrisk.render.formats import Formats, Reporter


class DocumentReporter(Reporter[ClauseDocument, bytes], Protocol):
    @property
    def binary(self) -> bool:
        """Whether the output is a binary file, never to be poured onto a terminal."""
        ...


CLAUSE_FORMATS: Formats[DocumentReporter] = Formats("clauses")


@CLAUSE_FORMATS.register("md")
class MarkdownDocument:
    for_people = True
    binary = False

    def render(self, value: ClauseDocument) -> bytes:
        return render_markdown(value).encode("utf-8")


@CLAUSE_FORMATS.register("html")
class HtmlDocument:
    for_people = True
    binary = False

    def render(self, value: ClauseDocument) -> bytes:
        return render_html(value).encode("utf-8")


@CLAUSE_FORMATS.register("docx")
class WordDocument:
    for_people = True
    binary = True

    def render(self, value: ClauseDocument) -> bytes:
        # python-docx is loaded only for Word output.
        from vendorrisk.render.documents.docx import render_docx

        return render_docx(value)
