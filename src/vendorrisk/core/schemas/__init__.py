"""The JSON Schemas the tool validates with; ``schemas/`` at the repository root publishes
the same files for editors and other tools (a test keeps the two copies identical)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_NAMES = (
    "catalog",
    "assessment",
    "urlcheck-result",
    "catalog-changes",
    "oscal-assessment-results",
    "round",
)


@cache
def load_schema(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_id(name: str) -> str:
    return str(load_schema(name)["$id"])
