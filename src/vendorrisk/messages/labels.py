"""Words for the ids that appear in running text: never a raw id, never a padded label."""

from __future__ import annotations

from vendorrisk.messages import Lang, has, t


def status_label(status: str, lang: Lang | None = None) -> str:
    """A review status (``approved_with_conditions``) as words (条件付き承認)."""
    key = f"label.status.{status}"
    return t(key, lang) if has(key) else status
