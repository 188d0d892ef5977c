"""The clause document as a Word file (python-docx), for the city's staff to edit.

A4, 游明朝 named for Japanese (the eastAsia font of every style used) with ＭＳ 明朝 as its
alternate name in the font table, which Word uses where 游明朝 is not installed. Articles
are numbered as plain text (第1条, ２ …), not Word list numbering: the numbers stay what the
catalogue says when the file is opened in another word processor or pasted elsewhere, and
an editor who deletes an article renumbers by hand, as contract drafts are usually edited.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from vendorrisk.core.encoding import terminal_text
from vendorrisk.render.documents.model import ClauseDocument, DocumentPart

FONT = "游明朝"
FONT_FALLBACK = "ＭＳ 明朝"
_STYLES = ("Normal", "Heading 1", "Heading 2")
_CITE_COLOUR = RGBColor(0x44, 0x44, 0x44)
_BLACK = RGBColor(0, 0, 0)


def _clean(text: str) -> str:
    # XML cannot hold control characters; shown as \uXXXX like every other output does.
    return terminal_text(text)


def _set_fonts(style: Any, lang: str) -> None:
    style.font.name = FONT
    style.font.color.rgb = _BLACK
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.append(fonts)
    # Theme fonts would win over the names; the heading styles of the template carry them.
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = parse_xml(f"<w:lang {nsdecls('w')}/>")
        rpr.append(language)
    language.set(qn("w:val"), "ja-JP" if lang == "ja" else "en-GB")
    language.set(qn("w:eastAsia"), "ja-JP")


def _font_table_with_fallback(document: Any) -> None:
    """Name ＭＳ 明朝 as the alternate of 游明朝 in word/fontTable.xml."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
            root = parse_xml(part.blob)
            entry = parse_xml(
                f'<w:font {nsdecls("w")} w:name="{FONT}">'
                f'<w:altName w:val="{FONT_FALLBACK}"/><w:charset w:val="80"/>'
                '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
            )
            fallback = parse_xml(
                f'<w:font {nsdecls("w")} w:name="{FONT_FALLBACK}">'
                '<w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="fixed"/>'
                "</w:font>"
            )
            root.append(entry)
            root.append(fallback)
            # python-docx keeps this part as plain bytes, with no API to change it.
            part._blob = serialize_part_xml(root)  # noqa: SLF001
            return


def _page(document: Any) -> None:
    for section in document.sections:
        section.page_width = Mm(210)
        section.page_height = Mm(297)
        section.top_margin = section.bottom_margin = Mm(25)
        section.left_margin = section.right_margin = Mm(22)


def _part(document: Any, part: DocumentPart, first: bool) -> None:
    heading = document.add_paragraph(_clean(part.title), style="Heading 1")
    if not first:
        heading.paragraph_format.page_break_before = True
    for head in (part.note, part.preamble):
        if head:
            document.add_paragraph(_clean(head))
    for article in part.articles:
        mark = f"{_clean(article.mark)} " if article.mark else ""
        document.add_paragraph(mark + _clean(article.heading), style="Heading 2")
        for paragraph in article.paragraphs:
            body = document.add_paragraph(_clean(paragraph.lead + paragraph.text))
            # Hanging indent: the paragraph number stands out, as in a printed contract.
            body.paragraph_format.left_indent = Pt(10.5)
            body.paragraph_format.first_line_indent = Pt(-10.5)
            for item in paragraph.items:
                line = document.add_paragraph(_clean(item))
                line.paragraph_format.left_indent = Pt(31.5)
                line.paragraph_format.first_line_indent = Pt(-21)
        cite = document.add_paragraph()
        run = cite.add_run(_clean(article.citation))
        run.font.size = Pt(8)
        run.font.color.rgb = _CITE_COLOUR


def render_docx(document: ClauseDocument) -> bytes:
    doc = Document()
    _page(doc)
    for name in _STYLES:
        _set_fonts(doc.styles[name], document.lang)
    doc.styles["Normal"].font.size = Pt(10.5)
    _font_table_with_fallback(doc)
    doc.core_properties.title = _clean(document.title)
    doc.core_properties.language = "ja-JP" if document.lang == "ja" else "en-GB"
    doc.core_properties.author = "vendorrisk"

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(_clean(document.title))
    run.bold = True
    run.font.size = Pt(16)
    doc.add_paragraph(_clean(document.draft_note))
    for label, value in document.subject:
        doc.add_paragraph(f"{_clean(label)}: {_clean(value)}")
    if not document.parts:
        doc.add_paragraph(_clean(document.nothing_applies))
    for index, part in enumerate(document.parts):
        _part(doc, part, first=index == 0)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


__all__ = ["FONT", "FONT_FALLBACK", "render_docx"]
