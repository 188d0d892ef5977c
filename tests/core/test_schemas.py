from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import REPO
from vendorrisk.core.schemas import SCHEMA_NAMES, load_schema


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_each_schema_is_a_valid_2020_12_schema(name: str) -> None:
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_the_published_schema_equals_the_packaged_one(name: str) -> None:
    published = REPO / "schemas" / f"{name}.schema.json"
    assert json.loads(published.read_text("utf-8")) == load_schema(name)
    assert (
        published.read_bytes()
        == (REPO / "src" / "vendorrisk" / "core" / "schemas" / f"{name}.schema.json").read_bytes()
    )


def test_objects_are_strict_so_typos_do_not_pass() -> None:
    def walk(node: object, path: str) -> list[str]:
        loose = []
        if isinstance(node, dict):
            if (
                node.get("type") == "object"
                and "properties" in node
                and "additionalProperties" not in node
            ):
                loose.append(path)
            for key, value in node.items():
                loose += walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                loose += walk(value, f"{path}/{i}")
        return loose

    for name in ("catalog", "assessment"):
        assert walk(load_schema(name), name) == []


def test_the_checked_in_schemas_are_the_ones_the_models_give() -> None:
    # Regenerate with: python -m vendorrisk.render.schemas
    from vendorrisk.render.schemas import stale, targets

    directories = targets(REPO)
    assert len(directories) == 2
    assert stale(directories) == []
