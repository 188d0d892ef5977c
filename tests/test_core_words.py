"""The core chooses no words (issue 13): rules, workflow, evolution, exchange, diff and
URL evidence return codes; every code they use has a text in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO
from vendorrisk.codes import Code
from vendorrisk.messages import LANGS, all_keys, t

SRC = REPO / "src" / "vendorrisk"
CORE = [
    *sorted((SRC / "scoring").glob("*.py")),
    *sorted((SRC / "evolution").glob("*.py")),
    *sorted(p for p in (SRC / "exchange").glob("*.py") if p.name != "questionnaire.py"),
    *sorted(p for p in (SRC / "urlcheck").rglob("*.py") if p.name != "text_report.py"),
    SRC / "workflow.py",
    SRC / "schedule.py",
    SRC / "diff" / "compare.py",
    SRC / "url_evidence.py",
    SRC / "history_codes.py",
    SRC / "rule_codes.py",
]


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(SRC)))
def test_a_core_module_looks_up_no_text(path: Path) -> None:
    source = path.read_text("utf-8")
    assert not re.search(
        r"^\s*(from vendorrisk\.messages|import vendorrisk\.messages)", source, re.M
    )


# The faces, which alone put phrases into words (issue 13). exchange/questionnaire.py renders
# the blank questionnaire sent to vendors, a document like those of documents/.
FACES = (
    "cli/",
    "tui/",
    "reports/",
    "documents/",
    "messages/",
    "diff/render.py",
    "textconv.py",
    "rounds/render.py",
    "urlcheck/text_report.py",
    "oscal.py",
    "history_words.py",
    "condition_words.py",
    "exchange/questionnaire.py",
)


def test_only_the_faces_look_up_words() -> None:
    below = [
        str(path.relative_to(SRC))
        for path in sorted(SRC.rglob("*.py"))
        if not str(path.relative_to(SRC)).startswith(FACES)
        and re.search(
            r"^\s*(from vendorrisk\.messages\b|import vendorrisk\.messages\b|"
            r"from vendorrisk import .*\bmessages\b)",
            path.read_text("utf-8"),
            re.M,
        )
    ]
    assert below == []


def _codes() -> list[Code]:
    import vendorrisk.approval  # noqa: F401  (the modules that declare codes)
    import vendorrisk.diff.compare  # noqa: F401
    import vendorrisk.evolution.format1  # noqa: F401
    import vendorrisk.exchange.recording  # noqa: F401
    import vendorrisk.urlcheck.securitytxt.problems  # noqa: F401
    import vendorrisk.workflow  # noqa: F401

    found: list[Code] = []
    import vendorrisk.evolution.codes  # noqa: F401
    import vendorrisk.scoring  # noqa: F401

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
