"""The clause document as plain text (the UI's preview) and as a standalone HTML page.
Text from files goes through ``terminal_text`` (the full-width spaces of the layout kept)
or ``html_text``."""

from __future__ import annotations

from vendorrisk.core.encoding import html_text, terminal_text
from vendorrisk.render.documents.model import ClauseDocument

_ITEM_INDENT = "    "


def render_text(document: ClauseDocument) -> str:
    out = [terminal_text(document.title), "", terminal_text(document.draft_note), ""]
    out += [f"{terminal_text(label)}: {terminal_text(value)}" for label, value in document.subject]
    out.append("")
    if not document.parts:
        out.append(terminal_text(document.nothing_applies))
    for part in document.parts:
        out += ["", terminal_text(part.title), ""]
        for head in (part.note, part.preamble):
            if head:
                out += [terminal_text(head), ""]
        for article in part.articles:
            mark = f"{terminal_text(article.mark)} " if article.mark else ""
            out.append(f"{mark}{terminal_text(article.heading)}")
            for paragraph in article.paragraphs:
                out.append(terminal_text(paragraph.lead + paragraph.text))
                out += [_ITEM_INDENT + terminal_text(item) for item in paragraph.items]
            out += [terminal_text(article.citation), ""]
    return "\n".join(out).rstrip("\n") + "\n"


_STYLE = """
@page { size: A4; margin: 25mm 22mm; }
body { font-family: "游明朝", "Yu Mincho", "ＭＳ 明朝", "MS Mincho", serif; line-height: 1.7;
       max-width: 46em; margin: 2em auto; color: #000; }
h1 { font-size: 1.4em; text-align: center; }
h2 { font-size: 1.2em; margin-top: 2em; break-before: page; }
h2:first-of-type { break-before: auto; }
h3 { font-size: 1em; margin-bottom: 0.2em; }
p { margin: 0.2em 0; }
p.lead { text-indent: -1em; padding-left: 1em; }
ol.items { list-style: none; margin: 0.2em 0 0.2em 2em; padding: 0; }
.cite { color: #444; font-size: 0.85em; }
.note { border: 1px solid #888; padding: 0.4em 0.8em; }
dl.subject { display: grid; grid-template-columns: max-content auto; gap: 0.1em 1em; }
dt { font-weight: bold; }
dd { margin: 0; }
""".strip()


def render_html(document: ClauseDocument) -> str:
    lang = "ja" if document.lang == "ja" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{lang}">',
        "<head>",
        '<meta charset="utf-8"/>',
        f"<title>{html_text(document.title)}</title>",
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{html_text(document.title)}</h1>",
        f'<p class="note">{html_text(document.draft_note)}</p>',
        '<dl class="subject">',
    ]
    for label, value in document.subject:
        out.append(f"<dt>{html_text(label)}</dt><dd>{html_text(value)}</dd>")
    out.append("</dl>")
    if not document.parts:
        out.append(f"<p>{html_text(document.nothing_applies)}</p>")
    for part in document.parts:
        out.append(f'<section class="part" id="part-{part.part}">')
        out.append(f"<h2>{html_text(part.title)}</h2>")
        out += [f"<p>{html_text(head)}</p>" for head in (part.note, part.preamble) if head]
        for article in part.articles:
            mark = f"{html_text(article.mark)} " if article.mark else ""
            out.append(
                f'<article id="{html_text(article.clause_id)}">'
                f"<h3>{mark}{html_text(article.heading)}</h3>"
            )
            for paragraph in article.paragraphs:
                out.append(f'<p class="lead">{html_text(paragraph.lead + paragraph.text)}</p>')
                if paragraph.items:
                    out.append('<ol class="items">')
                    out += [f"<li>{html_text(item)}</li>" for item in paragraph.items]
                    out.append("</ol>")
            out.append(f'<p class="cite">{html_text(article.citation)}</p></article>')
        out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
