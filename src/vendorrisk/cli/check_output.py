"""How the URL checker's commands write their results: the formats of ``check`` and of
``securitytxt``, and the progress bar of ``check`` on a terminal.

The encoders of output (json, html's entity table) are imported where used: ``check``
needs them only once answers come, and the time from its start to its first request counts.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from typing import Any, Protocol, TextIO

from vendorrisk.messages import say, t
from vendorrisk.render.formats import Formats, Reporter

Record = dict[str, Any]


class CheckReporter(Reporter[list[Record], str], Protocol):
    # Whether ``render`` needs every record at the end; a format that only streams lines
    # lets each record go as soon as it is written.
    renders_whole: bool

    def line(self, record: Record) -> str:
        """What to write as soon as ``record`` is ready ("" for a format written whole,
        by ``render``, at the end)."""
        ...


CHECK_FORMATS: Formats[CheckReporter] = Formats("check")
SECTXT_FORMATS: Formats[Reporter[Any, str]] = Formats("securitytxt")


@CHECK_FORMATS.register("jsonl")
class CheckJsonLines:
    """One record a line, streamed in input order: what a pipe gets by default."""

    for_people = False
    renders_whole = False

    def line(self, record: Record) -> str:
        from vendorrisk.core.encoding import json_text  # see the module's note

        return json_text(record, indent=None) + "\n"

    def render(self, value: list[Record]) -> str:
        return ""


@CHECK_FORMATS.register("json")
class CheckJson:
    for_people = False
    renders_whole = True

    def line(self, record: Record) -> str:
        return ""

    def render(self, value: list[Record]) -> str:
        from vendorrisk.core.encoding import json_text

        return json_text(value) + "\n"


@CHECK_FORMATS.register("text")
class CheckTable:
    """A table at the end, with a progress bar on a terminal meanwhile."""

    for_people = True
    renders_whole = True

    def line(self, record: Record) -> str:
        return ""

    def render(self, value: list[Record]) -> str:
        from vendorrisk.core.encoding import terminal_text
        from vendorrisk.render.urlcheck_text import render_table

        return terminal_text(render_table(value))


class Progress:
    """A one-line bar on stderr, only on a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr

    def advance(self) -> None:
        self.done += 1
        width = 30
        filled = width * self.done // max(1, self.total)
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total}")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\r" + " " * 50 + "\r")
        self.stream.flush()


@SECTXT_FORMATS.register("text")
class SecurityTxtText:
    for_people = True

    def render(self, value: Any) -> str:
        out = io.StringIO()
        _write_sectxt_text(value, out)
        return out.getvalue()


@SECTXT_FORMATS.register("json")
class SecurityTxtJson:
    for_people = False

    def render(self, value: Any) -> str:
        out = value.to_json()
        # For people reading the output: each problem also in words of the run's language.
        for shown, found in zip(out["problems"], value.problems, strict=True):
            shown["message"] = say(found.phrase)
        from vendorrisk.core.encoding import json_text

        return json_text(out) + "\n"


def _write_sectxt_text(report: Any, out: TextIO) -> None:
    from vendorrisk.core.encoding import one_line

    labels: dict[str, Callable[[], str]] = {
        "error": lambda: t("urlcheck.cli.sev_error"),
        "warning": lambda: t("urlcheck.cli.sev_warning"),
        "info": lambda: t("urlcheck.cli.sev_info"),
    }
    for p in report.problems:
        where = t("urlcheck.cli.line_no", line=p.line) if p.line is not None else "-"
        out.write(f"{labels[p.severity]():<8} {where:<10} {p.code:<30} {one_line(say(p.phrase))}\n")
    out.write(
        t("urlcheck.cli.sectxt_valid" if report.valid else "urlcheck.cli.sectxt_invalid") + "\n"
    )
