"""Key bindings whose descriptions follow the message catalogue's language.

Bindings are declared with a message key as their description and an id (so users can
remap them with a keymap). Textual copies a class's bindings into each widget; ``localise``
rewrites that copy with the texts of the current language. The message key of each binding
is remembered by its id, so a second ``localise`` after a language switch finds it again.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from vendorrisk.messages import has, t

# binding id → message key of its description
_DESCRIPTIONS: dict[str, str] = {}


def key(keys: str, action: str, description: str, binding_id: str, **kwargs: object) -> Binding:
    """A binding whose description is the message key ``description``."""
    if description:
        _DESCRIPTIONS[binding_id] = description
    return Binding(keys, action, description, id=binding_id, **kwargs)  # type: ignore[arg-type]


def describe(binding: Binding) -> str:
    """The binding's description in the current language."""
    if binding.action in ("command_palette", "app.command_palette"):
        message = "tui.key.palette"  # Textual's own binding, with an English description
    else:
        message = _DESCRIPTIONS.get(binding.id or "", binding.description)
    return t(message) if has(message) else binding.description


def localise(node: DOMNode) -> None:
    bindings = node._bindings  # noqa: SLF001 - the per-instance copy Textual makes for us
    for name, entries in bindings.key_to_bindings.items():
        bindings.key_to_bindings[name] = [
            replace(b, description=describe(b)) if b.description else b for b in entries
        ]


def help_rows(node: DOMNode) -> list[tuple[str, str]]:
    """(keys, description) of this app's own bindings (they have ids), for the help screen."""
    return [
        (b.key_display or name, describe(b))
        for name, entries in node._bindings.key_to_bindings.items()  # noqa: SLF001
        for b in entries
        if b.id and b.description
    ]
