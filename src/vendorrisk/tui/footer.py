"""A footer that is rebuilt only when the keys it shows change.

Textual's footer rebuilds its key widgets whenever the focused widget's bindings change,
even when none of those bindings is shown (the answer widgets' digit keys are hidden): in
the questionnaire that rebuild was a good part of moving from one kind of question to
another.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    _shown: tuple[Any, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        shown = self._shown_keys(screen)
        if shown == self._shown and self._bindings_ready:
            return
        self._shown = shown
        super().bindings_changed(screen)

    def _shown_keys(self, screen: Screen[Any]) -> tuple[Any, ...]:
        """Everything of the active bindings that Footer.compose shows."""
        app = self.app
        keys: list[Any] = [
            (
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip,
                binding.tooltip,
                binding.group,
            )
            for (_node, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
        ]
        return (self.show_command_palette, app.ENABLE_COMMAND_PALETTE, *keys)
