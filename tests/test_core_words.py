"""The core chooses no words (issue 13): every code it returns has a text in both languages."""

from __future__ import annotations

from vendorrisk.core.codes import Code
from vendorrisk.messages import LANGS, all_keys, t

# That nothing below the faces and the renderers imports vendorrisk.messages is an
# import-linter contract (pyproject.toml, run by .ci/run); these tests check the codes.


def _codes() -> list[Code]:
    import vendorrisk.core.approval  # noqa: F401  (the modules that declare codes)
    import vendorrisk.core.workflow  # noqa: F401
    import vendorrisk.features.diff.compare  # noqa: F401
    import vendorrisk.features.exchange.recording  # noqa: F401
    import vendorrisk.store.upgrades.format1  # noqa: F401
    import vendorrisk.urlcheck.securitytxt.problems  # noqa: F401

    found: list[Code] = []
    import vendorrisk.core.scoring  # noqa: F401
    import vendorrisk.features.evolution.codes  # noqa: F401

    kinds = list(Code.__subclasses__())
    while kinds:
        kind = kinds.pop()
        kinds.extend(kind.__subclasses__())
        found.extend(kind)
    return found


def test_every_code_has_a_text_in_both_languages() -> None:
    missing = sorted(str(c) for c in _codes() if str(c) not in all_keys())
    assert missing == []
    for code in _codes():
        for lang in LANGS:
            assert t(str(code), lang)


def test_each_message_key_is_named_by_one_code() -> None:
    """Two enumerations naming one key say the same thing twice: one of them goes."""
    import importlib
    import pkgutil

    import vendorrisk

    for module in pkgutil.walk_packages(vendorrisk.__path__, "vendorrisk."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    named: dict[str, list[str]] = {}
    kinds = list(Code.__subclasses__())
    while kinds:
        kind = kinds.pop()
        kinds.extend(kind.__subclasses__())
        for code in kind:
            named.setdefault(str(code), []).append(f"{kind.__qualname__}.{code.name}")
    assert {key: names for key, names in named.items() if len(names) > 1} == {}
