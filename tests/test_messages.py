from __future__ import annotations

import re
import string

from tests.conftest import REPO
from vendorrisk.messages import all_keys, detect_language, t


def test_every_problem_code_used_in_the_source_has_a_text() -> None:
    used: set[str] = set()
    for path in (REPO / "src" / "vendorrisk").rglob("*.py"):
        text = path.read_text("utf-8")
        if "from vendorrisk.problems import" in text:
            used |= {f"problem.{c}" for c in re.findall(r'\bproblem\(\s*"([a-z0-9-]+)"', text)}
        used |= set(re.findall(r'\bt\(\s*"([a-z_]+\.[a-z0-9_.-]+)"', text))
    missing = sorted(k for k in used if k not in all_keys())
    assert missing == []


def test_both_languages_use_the_same_placeholders() -> None:
    from vendorrisk.messages import _MESSAGES

    for key, (ja, en) in _MESSAGES.items():
        names = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
        assert names(ja) == names(en), key
        assert ja and en, key


def test_japanese_is_chosen_for_a_japanese_locale() -> None:
    assert detect_language({"LANG": "ja_JP.UTF-8"}) == "ja"
    assert detect_language({"LANG": "en_US.UTF-8"}) == "en"
    assert detect_language({"LANG": "en_US.UTF-8", "VENDORRISK_LANG": "ja"}) == "ja"
    assert t("problem.empty", "ja") != t("problem.empty", "en")
