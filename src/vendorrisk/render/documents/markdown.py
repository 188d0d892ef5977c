"""The clause document as Markdown, for review in git and for pasting into an editor.
Every text from a file (the catalogue, the assessment) is written through
``markdown_text``: nothing in it can become markup."""

from __future__ import annotations

from vendorrisk.core.encoding import markdown_text
from vendorrisk.render.documents.model import ClauseDocument, DocumentPart


def _part(part: DocumentPart) -> list[str]:
    out = [f"## {markdown_text(part.title)}", ""]
    if part.note:
        out += [markdown_text(part.note), ""]
    if part.preamble:
        out += [markdown_text(part.preamble), ""]
    for article in part.articles:
        mark = f"{markdown_text(article.mark)} " if article.mark else ""
        out += [f"### {mark}{markdown_text(article.heading)}", ""]
        for paragraph in article.paragraphs:
            out += [markdown_text(paragraph.lead + paragraph.text), ""]
            # Items (号) as a list: one line each, as a contract prints them.
            out += [f"- {markdown_text(item)}" for item in paragraph.items]
            if paragraph.items:
                out.append("")
        out += [f"*{markdown_text(article.citation)}*", ""]
    return out


def render_markdown(document: ClauseDocument) -> str:
    out = [f"# {markdown_text(document.title)}", ""]
    out += [f"> {markdown_text(document.draft_note)}", ""]
    out += [
        f"- {markdown_text(label)}: {markdown_text(value)}" for label, value in document.subject
    ]
    out.append("")
    if not document.parts:
        out += [markdown_text(document.nothing_applies), ""]
    for part in document.parts:
        out += _part(part)
    return "\n".join(out).rstrip("\n") + "\n"
