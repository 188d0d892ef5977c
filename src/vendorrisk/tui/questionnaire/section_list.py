"""The sections of the questionnaire with how many of their questions are answered; the
titles wrapped with kinsoku to the list's laid-out width."""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from vendorrisk.features.session import SectionProgress
from vendorrisk.messages import language
from vendorrisk.tui.text import wrap


class SectionList(OptionList):
    """Posts ``Chosen`` with the id of the section the user picks."""

    sections: var[tuple[SectionProgress, ...]] = var((), init=False)

    class Chosen(Message):
        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(self) -> None:
        super().__init__(id="sections")
        self._labels: dict[str, str] = {}  # what each option shows

    def watch_sections(self) -> None:
        self.relabel()

    def on_resize(self) -> None:
        # The titles are wrapped to the list's width, known once it is laid out.
        self.relabel()

    def text_width(self) -> int | None:
        """The cells a title may use (the list's width inside its border, padding and
        scrollbar); None before the list is laid out."""
        width = self.scrollable_content_region.width
        return width if width >= 6 else None

    def relabel(self) -> None:
        lang = language()
        width = self.text_width()
        labels = {
            p.section.id: f"§{p.section.id} {p.answered}/{p.total}\n"
            + title_lines(p.section.title.get(lang), width)
            for p in self.sections
        }
        if list(self._labels) == list(labels):
            # Same sections as before: only the counts that moved are redrawn.
            for section_id, label in labels.items():
                if self._labels[section_id] != label:
                    self.replace_option_prompt(section_id, label)
        else:
            self.set_options([Option(label, id=sid) for sid, label in labels.items()])
        self._labels = labels

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(event.option.id))


def title_lines(title: str, width: int | None) -> str:
    # Wrapped here with kinsoku: the list itself would start a line with 。or 」.
    return "\n".join(wrap(title, width)) if width is not None else title
