"""Every user-facing text, in Japanese and English, looked up by a stable key.

The texts are gettext catalogues, ``locale/{ja,en}/LC_MESSAGES/vendorrisk.po``, so that
translators work with their usual tools; the msgid is the key (a ``Code`` value or a
literal ``t("area.what")``), and codes in JSON output stay stable while the words change.
The compiled ``.mo`` files are checked in beside them (docs/translating.md): loading them
needs only the standard library, once per language.
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Mapping
from typing import Literal

from vendorrisk.core.codes import Bilingual, Code, Joined, Phrase

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")

DOMAIN = "vendorrisk"
# os.path rather than pathlib: importing pathlib would cost more than loading a catalogue.
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")


class _Catalogue(gettext.GNUTranslations):
    def keys(self) -> frozenset[str]:
        # The parsed messages; the empty msgid is the catalogue's header, not a key.
        parsed: dict[str, str] = vars(self)["_catalog"]
        return frozenset(key for key in parsed if key)


_catalogues: dict[Lang, _Catalogue] = {}


def _catalogue(lang: Lang) -> _Catalogue:
    found = _catalogues.get(lang)
    if found is None:
        path = os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.mo")
        with open(path, "rb") as mo:
            found = _catalogues[lang] = _Catalogue(mo)
    return found


class _ShownMissing(dict[str, object]):
    """Parameters for a template: a placeholder nobody filled in stays visible as ``{name}``."""

    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


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
    """The text for ``key`` in ``lang`` (default: the current language), formatted.

    Never raises: an unknown key comes back as itself with its parameters, and a
    placeholder without a parameter stays in the text as ``{name}``, so that a gap shows
    on the screen instead of stopping the program. Without parameters the template comes
    back as it is (document builders fill some placeholders themselves).
    """
    template = _catalogue(lang or language()).gettext(key)
    if template == key:
        return _unknown(key, params)
    if not params:
        return template
    try:
        return template.format_map(_ShownMissing(params))
    except (ValueError, IndexError, AttributeError, TypeError, KeyError):
        return f"{template} {_shown(params)}"


def _unknown(key: str, params: Mapping[str, object]) -> str:
    return f"{key} {_shown(params)}" if params else key


def _shown(params: Mapping[str, object]) -> str:
    return "[" + ", ".join(f"{name}={value}" for name, value in params.items()) + "]"


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
    return _catalogue("en").gettext(key) != key


def all_keys() -> frozenset[str]:
    """Every key with a text in either language."""
    return _catalogue("ja").keys() | _catalogue("en").keys()
