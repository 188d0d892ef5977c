"""Widgets laid out once per question.

Textual lays a screen out, then finds that widgets it has just sized have a new virtual
size, and lays the whole screen out again on its next frame (17 to 33 ms later). For a
widget that does not scroll its content, its virtual size is its size, which the first
layout already used; for the questionnaire's scrolling column, a scrollbar coming or going
still asks for a layout by itself. These widgets keep the new virtual size without asking
again, so moving to the next question costs one layout, not two. (Textual is pinned: this
overrides the hook its layout calls, and the snapshot tests check nothing else changes.)
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.widgets import Static

from vendorrisk.tui.wrapped import WrappedText


class SettledStatic(Static):
    def show(self, content: str | Text) -> None:
        """Show ``content``; nothing happens when it is already shown (an update, even to
        the same text, lays the screen out again)."""
        if self.content != content:
            self.update(content)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class SettledText(WrappedText):
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class SettledColumn(Vertical):
    """A part of the question column, as high as what it holds."""

    DEFAULT_CSS = "SettledColumn { height: auto; }"

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class SettledScroll(VerticalScroll):
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)
