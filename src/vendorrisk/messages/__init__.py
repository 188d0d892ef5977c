"""Every user-facing text, in Japanese and English, looked up by a stable key.

Texts live in the tables of this package (one module per area) so that a translator
can review them in one place, and so that codes in JSON output stay stable while the
words change.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping
from typing import Literal

from vendorrisk.codes import Bilingual, Code, Joined, Phrase
from vendorrisk.messages import audit as _audit
from vendorrisk.messages import cat as _cat
from vendorrisk.messages import clauses as _clauses
from vendorrisk.messages import codes_rules as _codes_rules
from vendorrisk.messages import core as _core
from vendorrisk.messages import encode as _encode
from vendorrisk.messages import evolution as _evolution
from vendorrisk.messages import exchange as _exchange
from vendorrisk.messages import gitflow as _gitflow
from vendorrisk.messages import imports as _imports
from vendorrisk.messages import integrity as _integrity
from vendorrisk.messages import leftovers as _leftovers
from vendorrisk.messages import reads as _reads
from vendorrisk.messages import register as _register
from vendorrisk.messages import repo as _repo
from vendorrisk.messages import reports as _reports
from vendorrisk.messages import rules as _rules
from vendorrisk.messages import tui as _tui
from vendorrisk.messages import ui as _ui
from vendorrisk.messages import urlcheck as _urlcheck

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")

_TABLES: tuple[Mapping[str, tuple[str, str]], ...] = (
    _core.MESSAGES,
    _urlcheck.MESSAGES,
    _reports.MESSAGES,
    _tui.MESSAGES,
    _gitflow.MESSAGES,
    _evolution.MESSAGES,
    _exchange.MESSAGES,
    _rules.MESSAGES,
    _integrity.MESSAGES,
    _encode.MESSAGES,
    _imports.MESSAGES,
    _repo.MESSAGES,
    _cat.MESSAGES,
    _ui.MESSAGES,
    _reads.MESSAGES,
    _leftovers.MESSAGES,
    _register.MESSAGES,
    _clauses.MESSAGES,
    _audit.MESSAGES,
    _codes_rules.MESSAGES,
)
_MESSAGES: dict[str, tuple[str, str]] = {}
for _table in _TABLES:
    _clash = _MESSAGES.keys() & _table.keys()
    if _clash:
        raise RuntimeError(f"message keys defined twice: {sorted(_clash)}")
    _MESSAGES.update(_table)

_current: Lang | None = None


def detect_language(environ: Mapping[str, str] | None = None) -> Lang:
    """Japanese when the user's locale is Japanese, English otherwise."""
    env = os.environ if environ is None else environ
    explicit = env.get("VENDORRISK_LANG", "")
    if explicit in LANGS:
        return "ja" if explicit == "ja" else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "ja" if code.lower().startswith("ja") else "en"


def set_language(lang: Lang) -> None:
    global _current
    _current = lang


def language() -> Lang:
    global _current
    if _current is None:
        _current = detect_language()
    return _current


def t(key: str, lang: Lang | None = None, /, **params: object) -> str:
    """The text for ``key`` in ``lang`` (default: the current language), formatted."""
    ja, en = _MESSAGES[key]
    template = ja if (lang or language()) == "ja" else en
    return template.format(**params) if params else template


def say(said: Phrase | Code | Joined | str, lang: Lang | None = None, /) -> str:
    """A phrase of the core in words: parameters that are phrases or codes are said too.

    A plain string is given back as it is: a reason may be the system's own text (an
    operating-system error) rather than a phrase of ours.
    """
    if isinstance(said, Code):
        return t(str(said), lang)
    if isinstance(said, Joined):
        return str(_said(said, lang))
    if isinstance(said, str):
        return said
    params = {name: _said(value, lang) for name, value in said.params.items()}
    return t(str(said.code), lang, **params)


def _said(value: object, lang: Lang | None) -> object:
    if isinstance(value, (Phrase, Code)):
        return say(value, lang)
    if isinstance(value, Bilingual):
        return value.ja if (lang or language()) == "ja" else value.en
    if isinstance(value, Joined):
        return value.separator.join(str(_said(item, lang)) for item in value.items)
    return value


def has(key: str) -> bool:
    return key in _MESSAGES


def all_keys() -> frozenset[str]:
    return frozenset(_MESSAGES)
