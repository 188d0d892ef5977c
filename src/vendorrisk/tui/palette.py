"""Colours for risk, review results, warnings and the list cursor, one set per theme.

Each colour meets WCAG AA (a contrast of at least 4.5:1) on every background of its theme:
Textual's own yellow and orange read at about 2:1 on the light theme's grey.
tests/tui/test_contrast.py computes the ratios.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    critical: str  # a background: white text on it
    high: str
    medium: str
    low: str
    good: str
    warn: str
    bad: str
    # The cursor row of lists (tables, option lists); None keeps the theme's own. Textual's
    # dark primary under its near-white cursor text reads at 3.8:1.
    cursor: str | None = None

    def risk_style(self, risk: str) -> str:
        return {
            "critical": f"bold #FFFFFF on {self.critical}",
            "high": f"bold {self.high}",
            "medium": self.medium,
            "low": self.low,
        }.get(risk, "")


DARK_PALETTE = Palette(
    critical="#A8001E",
    high="#FF8A8A",
    medium="#FFD75F",
    low="#7FD88F",
    good="#7FD88F",
    warn="#FFC473",
    bad="#FF8A8A",
    cursor="#0163AE",
)
LIGHT_PALETTE = Palette(
    critical="#A8001E",
    high="#9E0000",
    medium="#6B4700",
    low="#135522",
    good="#135522",
    warn="#6B4700",
    bad="#9E0000",
)


def palette(theme: str) -> Palette:
    return LIGHT_PALETTE if "light" in theme else DARK_PALETTE


def css_variables(theme: str) -> dict[str, str]:
    """The palette as CSS variables for app.tcss (``$vr-warning``...)."""
    colours = palette(theme)
    variables = {"vr-warning": colours.warn, "vr-bad": colours.bad, "vr-good": colours.good}
    if colours.cursor is not None:
        variables["block-cursor-background"] = colours.cursor
    return variables
