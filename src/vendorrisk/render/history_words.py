"""A history entry in words (a face: it chooses the language).

The entry keeps what the person wrote and the tool's phrases; shown, the person's words
come first and the phrases follow, joined with "; " as format 1 wrote them into the file.
"""

from __future__ import annotations

from vendorrisk.core.model import HistoryEntry
from vendorrisk.messages import Lang, say


def history_text(entry: HistoryEntry, lang: Lang | None = None) -> str:
    parts = [entry.comment] if entry.comment else []
    parts.extend(say(event, lang) for event in entry.events)
    return "; ".join(parts)
