"""Static text wrapped by this app rather than by Textual: Japanese lines follow kinsoku."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from vendorrisk.tui.text import wrap


class WrappedText(Widget):
    """Plain text (no markup) wrapped to the widget's width with kinsoku."""

    DEFAULT_CSS = "WrappedText { height: auto; }"

    def __init__(
        self,
        text: str = "",
        *,
        id: str | None = None,  # noqa: A002 - Textual's name for it
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        # The last wrap: layout asks for the height and rendering for the lines, at the
        # same width, and kinsoku wrapping is not free.
        self._wrapped: tuple[str, int, list[str]] = ("", 0, [])

    def update(self, text: str) -> None:
        if text == self.text:
            return
        self.text = text
        self.refresh(layout=True)

    def lines(self, width: int) -> list[str]:
        text, wrapped_width, lines = self._wrapped
        if text != self.text or wrapped_width != width:
            lines = wrap(self.text, width) if self.text else []
            self._wrapped = (self.text, width, lines)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        # Lines already fit: Textual must not wrap them again (it would break anywhere).
        return Text("\n".join(self.lines(self.content_size.width)), no_wrap=True)
