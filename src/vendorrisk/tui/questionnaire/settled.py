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
from textual.layout import DockArrangeResult
from textual.scrollbar import ScrollBar
from textual.widget import Widget
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
    """A scrolling column whose content changes in place (the next question).

    Its gutter is reserved (``scrollbar-gutter: stable``), so the width of what it holds
    never depends on the scrollbar; what is left is placing the scrollbar itself. Textual
    decides whether one is needed after the layout and asks for a second layout to place
    it (a frame later). Here it is decided while the column is arranged, just before the
    compositor places the scrollbar, from the height just arranged: one layout, one frame,
    with the right thumb.
    """

    DEFAULT_CSS = "SettledScroll { scrollbar-gutter: stable; }"

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        arrangement = super().arrange(size, optimal)
        if self.styles.scrollbar_gutter != "stable" or self.styles.overflow_y != "auto":
            return arrangement  # the content width would depend on the scrollbar
        # What the compositor will make the virtual size: the arranged content, at least
        # the size of the column.
        total = arrangement.total_region
        virtual = Size(max(size.width, total.right), max(size.height, total.bottom))
        self.set_reactive(Widget.virtual_size, virtual)
        needed = virtual.height > size.height
        if needed != self.show_vertical_scrollbar:
            self.set_reactive(Widget.show_vertical_scrollbar, needed)
            # As Textual's own check would set it later (its setter asks for a layout).
            self.vertical_scrollbar.styles.set_rule("display", "block" if needed else "none")
        if needed:
            self._settle_thumb(virtual.height, size.height)
        return arrangement

    def _settle_thumb(self, virtual_height: int, window_height: int) -> None:
        """The thumb's new size and place, drawn in this frame.

        Textual sets these while placing the scrollbar, and the setters ask for a repaint
        that comes a frame after the one drawn now (which already shows them); set here
        first, those setters change nothing. The scrollbar is marked for drawing without
        asking for that frame: its region is redrawn in this one, as the column's virtual
        size, or the scrollbar's place, changed.
        """
        bar = self.vertical_scrollbar
        # The compositor gives a scrollbar the column's container size as its virtual
        # size; the first time one is shown, that change would ask for a layout too.
        bar.set_reactive(Widget.virtual_size, self.container_size)
        if (bar.window_virtual_size, bar.window_size) != (virtual_height, window_height):
            bar.set_reactive(ScrollBar.window_virtual_size, virtual_height)
            bar.set_reactive(ScrollBar.window_size, window_height)
            bar._set_dirty()  # noqa: SLF001 (Textual-private; pinned 8.2.8)
