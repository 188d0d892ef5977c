"""Upgrading an assessment document written in an older file format (``schema_version``).

Each step turns a raw document of version N into version N + 1, before the JSON Schema sees
it: the schema describes only the current format. Format 2 keeps codes and parameters where
format 1 kept words (the history, URL-check records): ``UPGRADES[1]`` is ``format1.upgrade``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vendorrisk.core.codes import Code, CodedError, phrase
from vendorrisk.core.model import SCHEMA_VERSION
from vendorrisk.store.upgrades import format1

Document = dict[str, Any]
Upgrade = Callable[[Document], Document]

# from-version -> the function that makes a document of the next version out of it.
UPGRADES: dict[int, Upgrade] = {1: format1.upgrade}


class UpgradeCode(Code):
    SCHEMA_VERSION_MISSING = "evolution.schema-version-missing"
    SCHEMA_VERSION_NEWER = "evolution.schema-version-newer"
    SCHEMA_VERSION_NO_STEP = "evolution.schema-version-no-step"


def _copy(value: Any) -> Any:
    # Containers only: the leaves (strings, numbers, dates) are immutable, and the TOML
    # parser's timezone objects cannot be deep-copied.
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


class SchemaVersionError(CodedError):
    """The document's format cannot be brought to the current one."""


def document_version(doc: Document) -> int:
    version = doc.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SchemaVersionError(phrase(UpgradeCode.SCHEMA_VERSION_MISSING))
    return version


def upgrade_document(doc: Document) -> tuple[Document, int]:
    """The document in the current format, and the version it was written in."""
    original = document_version(doc)
    if original > SCHEMA_VERSION:
        raise SchemaVersionError(
            phrase(UpgradeCode.SCHEMA_VERSION_NEWER, version=original, current=SCHEMA_VERSION)
        )
    version = original
    upgraded = doc
    while version < SCHEMA_VERSION:
        step = UPGRADES.get(version)
        if step is None:
            raise SchemaVersionError(phrase(UpgradeCode.SCHEMA_VERSION_NO_STEP, version=version))
        # Steps get a copy: a failing step must not leave the caller half an upgrade.
        upgraded = step(_copy(upgraded))
        version += 1
        upgraded["schema_version"] = version
    return upgraded, original
