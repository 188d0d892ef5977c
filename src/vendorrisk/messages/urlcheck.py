"""Texts of the URL checker and the security.txt validator."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
