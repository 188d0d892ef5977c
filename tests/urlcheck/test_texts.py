"""Every code the checker can emit has a text in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from vendorrisk.messages import all_keys
from vendorrisk.urlcheck import addresses, fetch

SRC = Path(__file__).resolve().parents[2] / "src" / "vendorrisk" / "urlcheck"


def _source() -> str:
    return "\n".join(p.read_text("utf-8") for p in SRC.rglob("*.py"))


def test_every_security_txt_problem_code_has_a_text():
    codes = set(re.findall(r'problem\(\s*"(?:error|warning|info)",\s*"([a-z0-9-]+)"', _source()))
    assert len(codes) > 35
    assert sorted(c for c in codes if f"sectxt.{c}" not in all_keys()) == []


def test_every_header_code_has_a_text():
    codes = set(
        re.findall(
            r'HeaderCheck\(\s*"[a-z-]+",\s*"(?:pass|warn|fail)",\s*"([a-z0-9-]+)"', _source()
        )
    )
    assert len(codes) > 20
    assert sorted(c for c in codes if f"urlcheck.header.{c}" not in all_keys()) == []


def test_every_error_and_refusal_code_has_a_text():
    source = _source()
    codes = set(re.findall(r'(?:CheckError|Refusal)\(\s*"([a-z0-9-]+)"', source))
    codes |= set(re.findall(r'\(httpx\.\w+, "([a-z-]+)"\)', source))
    categories = {name for _, name in addresses._V4_RANGES + addresses._V6_RANGES}
    codes |= {f"refused-{c}" for c in categories | {"metadata", "reserved"}}
    assert "deadline-exceeded" in codes and fetch.REDIRECT_STATUSES
    assert sorted(c for c in codes if f"urlcheck.error.{c}" not in all_keys()) == []
