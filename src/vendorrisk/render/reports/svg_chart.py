"""An inline SVG bar chart of compliance per policy section, for the HTML report.

Plain SVG 1.1 with no script and no external font or stylesheet, so the chart prints the
same everywhere the report is opened and the file stays self-contained.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Final

from vendorrisk.core.encoding import html_text as escape
from vendorrisk.core.scoring.risk import gap_band
from vendorrisk.messages import Lang, t
from vendorrisk.render.reports.compliance import SectionCompliance

WIDTH: Final = 680
LABEL_WIDTH: Final = 300
BAR_X: Final = 310
BAR_WIDTH: Final = 300
ROW: Final = 26
BAR_HEIGHT: Final = 16
TOP: Final = 24
FONT: Final = 12
# The colour follows the score band of docs/scoring.md rule R1, so a section's bar reads
# like the overall score would.
BAND_COLOURS: Final = {"A": "#2e7d32", "B": "#9e9d24", "C": "#ef6c00", "D": "#c62828"}


def _text_width(text: str) -> float:
    # East Asian wide characters take a full em; others roughly six tenths of one.
    return sum(FONT if unicodedata.east_asian_width(c) in "WF" else FONT * 0.6 for c in text)


def fit(text: str, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` pixels at the chart's font."""
    if _text_width(text) <= width:
        return text
    while text and _text_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def compliance_chart(sections: Sequence[SectionCompliance], lang: Lang) -> str:
    scored = [s for s in sections if s.tally.percent is not None]
    height = TOP + ROW * max(len(scored), 1) + 8
    title = t("report.chart-title", lang)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="chart-title" font-family="sans-serif" font-size="{FONT}">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    for tick in (0, 25, 50, 75, 100):
        x = BAR_X + BAR_WIDTH * tick / 100
        parts.append(
            f'<line x1="{x:g}" y1="{TOP - 6}" x2="{x:g}" y2="{height - 8}" '
            'stroke="#cccccc" stroke-width="1"/>'
        )
        parts.append(f'<text x="{x:g}" y="{TOP - 10}" text-anchor="middle">{tick}%</text>')
    if not scored:
        parts.append(
            f'<text x="{BAR_X}" y="{TOP + 16}">{escape(t("report.no-scored", lang))}</text>'
        )
    for index, section in enumerate(scored):
        percent = section.tally.percent
        assert percent is not None
        y = TOP + index * ROW
        label = fit(f"§{section.section} {section.title}", LABEL_WIDTH - 8)
        colour = BAND_COLOURS[gap_band(percent)]
        parts += [
            "<g>",
            f"<title>{escape(f'§{section.section} {section.title}: {percent:.1f}%')}</title>",
            f'<text x="0" y="{y + 13}">{escape(label)}</text>',
            f'<rect x="{BAR_X}" y="{y + 2}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" '
            'fill="#eeeeee"/>',
            f'<rect x="{BAR_X}" y="{y + 2}" width="{BAR_WIDTH * percent / 100:.1f}" '
            f'height="{BAR_HEIGHT}" fill="{colour}"/>',
            f'<text x="{BAR_X + BAR_WIDTH + 6}" y="{y + 14}">{percent:.1f}%</text>',
            "</g>",
        ]
    parts.append("</svg>")
    return "\n".join(parts)
