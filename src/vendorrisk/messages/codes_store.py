"""Texts for the codes the store and validation return (issue 13): joins of phrases."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "codes-store.joined": ("{first}; {rest}", "{first}; {rest}"),
    "codes-store.ids-and-more": ("{ids}{more}", "{ids}{more}"),
    "codes-store.verbatim": ("{text}", "{text}"),
}
