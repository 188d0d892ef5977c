"""The home screen: every assessment with its status, decision, risk and next review.

Rows come from the summary cache at once; files not in it show "loading…" and are
summarised in the background (in worker processes when there are many, so the screen and
its keys stay quick meanwhile), their rows filled in as they arrive.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static
from textual.worker import get_current_worker

from vendorrisk.core.model import REVIEW_STATUSES
from vendorrisk.features.summaries import Pending, Summary, SummaryCache, fill, scan
from vendorrisk.messages import say, t
from vendorrisk.tui.base import vendorrisk_app
from vendorrisk.tui.bindings import key, localise
from vendorrisk.tui.footer import SteadyFooter
from vendorrisk.tui.palette import Palette, palette
from vendorrisk.tui.text import fit

if TYPE_CHECKING:
    from vendorrisk.tui.app import VendorRiskApp

STATUS_FILTERS = ("", *REVIEW_STATUSES)
KIND_FILTERS = ("", "contractor", "cloud", "social", "designated_manager")
SORTS = ("vendor", "next", "risk", "status")
RISK_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3, "": 4}
RISKS = ("critical", "high", "medium", "low")


@dataclass
class Filters:
    text: str = ""
    status: str = ""
    kind: str = ""
    due_only: bool = False
    sort: str = "vendor"


class AssessmentListScreen(Screen[None]):
    # The table takes the keys from the start: focusing the filter first (the first field)
    # and then the table built the footer and the focus styles twice.
    AUTO_FOCUS = "#assessments"
    BINDINGS: ClassVar[list[BindingType]] = [
        key("n", "new", "tui.key.new", "list.new"),
        key("slash", "focus_filter", "tui.key.filter", "list.filter", key_display="/"),
        key("s", "cycle_status", "tui.key.status", "list.status"),
        key("k", "cycle_kind", "tui.key.kind", "list.kind"),
        key("d", "toggle_due", "tui.key.due", "list.due"),
        key("o", "cycle_sort", "tui.key.sort", "list.sort"),
        key("r", "reload", "tui.key.reload", "list.reload", show=False),
        key("v", "validate", "tui.key.validate", "list.validate", show=False),
        Binding("escape", "clear_filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Summary | Pending] = []
        self.filters = Filters()
        # Rows shown as loaded (not "loading…"): only a choice among those is kept when the
        # table is rebuilt, so the cursor does not follow a placeholder around.
        self._loaded: set[str] = set()
        self._columns: list[tuple[str, str, int]] = []
        self._labels: dict[str, str] = {}
        self._texts: dict[tuple[str, str], Text] = {}
        self._twins: set[tuple[str, str]] = set()
        self._shown = 0
        self._just_mounted = False
        localise(self)

    @property
    def vr(self) -> VendorRiskApp:
        return vendorrisk_app(self)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="list-bar"):
            yield Input(placeholder=t("tui.list.filter"), id="filter")
            yield Static("", id="list-state")
        yield DataTable(id="assessments", cursor_type="row", zebra_stripes=True)
        yield Static("", id="list-summary")
        yield SteadyFooter()

    def on_mount(self) -> None:
        # Risk colours differ by theme (each readable on its own background).
        self.app.theme_changed_signal.subscribe(self, lambda _: self.refresh_table())
        # Rows before the first frame: added on the first ScreenResume, they came after it,
        # and the table of a thousand rows was drawn twice (before and after measuring them).
        self.load()
        self._just_mounted = True

    def on_screen_resume(self) -> None:
        if self._just_mounted:
            self._just_mounted = False
        else:
            # Back from a questionnaire (the file may have changed): the cache makes a
            # reload cheap.
            self.load()
        self.query_one(DataTable).focus()

    def on_screen_suspend(self) -> None:
        # Another screen came first (the rows of the mount may be out of date by the resume).
        self._just_mounted = False

    async def relabel(self) -> None:
        """After a language switch: the same rows, filters and selection, in new words."""
        await self.recompose()
        self.query_one("#filter", Input).value = self.filters.text
        self.load()
        self.query_one(DataTable).focus()

    # --- loading ------------------------------------------------------------------------

    def load(self) -> None:
        cache = SummaryCache(self.vr.catalogue, self.vr.today, listing=self.vr.directory)
        self.rows, _ = scan(self.vr.directory, cache)
        self.refresh_table()
        pending = [r for r in self.rows if isinstance(r, Pending)]
        if pending:
            self.fill_pending(pending, cache)
        else:
            cache.save()

    # A description of our own: Textual's default is the repr of the arguments, here every
    # pending file with its bytes (megabytes of text, built on the UI's thread at a cold start).
    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="summaries",
        description="summarise the files not in the cache",
    )
    def fill_pending(self, pending: list[Pending], cache: SummaryCache) -> None:
        # Here, not at the top: a warm start has nothing to summarise, and the process pool
        # (multiprocessing) costs the start ~5 ms to import.
        from vendorrisk.features.summary_pool import fill_in_processes, use_processes

        worker = get_current_worker()
        catalogue, today = self.vr.catalogue, self.vr.today
        if use_processes(pending):
            batches = fill_in_processes(
                pending, catalogue, cache, today, cancelled=lambda: worker.is_cancelled
            )
        else:
            batches = self._batches(fill(pending, catalogue, cache, today))
        for batch in batches:
            if worker.is_cancelled:
                break
            self.app.call_from_thread(self.merge, batch, final=False)
        else:
            self.app.call_from_thread(self.merge, [], final=True)
        # Called off too (a reload, a language switch): what was done is kept for the next.
        cache.save()

    @staticmethod
    def _batches(summaries: Iterator[Summary], size: int = 50) -> Iterator[list[Summary]]:
        batch: list[Summary] = []
        for summary in summaries:
            batch.append(summary)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def merge(self, done: list[Summary], *, final: bool) -> None:
        by_path = {s.path: s for s in done}
        self.rows = [
            by_path.get(str(r.path), r) if isinstance(r, Pending) else r for r in self.rows
        ]
        f = self.filters
        if final or f.text or f.status or f.kind or f.due_only:
            # Once at the end, to sort and filter the finished rows; and whenever a filter
            # is on, so that a row it lets through shows as soon as it is known.
            self.refresh_table()
            return
        # Meanwhile fill the rows in place: rebuilding a table of a thousand rows for each
        # batch would cost more than summarising the files.
        table = self.query_one(DataTable)
        columns = self.columns()
        for path, summary in by_path.items():
            if path in table.rows:
                for (column_id, _, _), cell in zip(
                    columns, self.cells(summary, columns), strict=True
                ):
                    table.update_cell(path, column_id, cell)
        self.update_state(self._shown)

    # --- showing ------------------------------------------------------------------------

    def shown_rows(self) -> list[Summary | Pending]:
        f = self.filters
        today = self.vr.today
        horizon = today + dt.timedelta(days=self.vr.catalogue.schedule.due_soon_days)
        out: list[Summary | Pending] = []
        for row in self.rows:
            if isinstance(row, Pending):
                if not (f.text or f.status or f.kind or f.due_only):
                    out.append(row)
                continue
            if f.text:
                text = f"{row.vendor} {row.service} {Path(row.path).name}".lower()
                if f.text.lower() not in text:
                    continue
            if f.status and row.status != f.status:
                continue
            if f.kind and row.kind != f.kind:
                continue
            if f.due_only and not (row.due_on and dt.date.fromisoformat(row.due_on) <= horizon):
                continue
            out.append(row)
        return sorted(out, key=self.sort_key)

    def sort_key(self, row: Summary | Pending) -> tuple[object, ...]:
        if isinstance(row, Pending):
            return (1, str(row.path))
        if self.filters.sort == "next":
            return (0, row.due_on or row.next_review or "9999", row.vendor)
        if self.filters.sort == "risk":
            return (0, RISK_ORDER.get(row.risk, 4), row.vendor)
        if self.filters.sort == "status":
            return (
                0,
                STATUS_FILTERS.index(row.status) if row.status in STATUS_FILTERS else 9,
                row.vendor,
            )
        return (0, row.failed, row.vendor, row.service)

    def columns(self) -> list[tuple[str, str, int]]:
        """(column id, header, width in cells) fitting the terminal: each fixed column as
        wide as its longest label in the current language, so no label is cut."""
        width = self.app.size.width
        wide = width >= 110

        def column(column_id: str, keys: list[str], least: int = 0) -> tuple[str, str, int]:
            header = t(f"tui.list.col.{column_id}")
            return (
                column_id,
                header,
                max(least, *(cell_len(t(k)) for k in [*keys, f"tui.list.col.{column_id}"])),
            )

        fixed = [column("kind", [f"tui.kind-short.{k}" for k in KIND_FILTERS if k])]
        if wide:
            fixed.append(
                column("tier", [f"tui.tier-short.{x}" for x in ("mynumber", "lgwan", "internet")])
            )
        fixed.append(column("status", [f"tui.status-short.{x}" for x in REVIEW_STATUSES]))
        if wide:
            fixed.append(column("decision", ["decision.approve", "decision.reject"], 12))
        fixed += [
            column("risk", [f"risk.{r}" for r in RISKS]),
            column("next", [], 11),
        ]
        # Each column has one cell of padding either side; two more for the scrollbar.
        free = max(20, width - sum(w + 2 for _, _, w in fixed) - 4 - 2)
        vendor = free // 2
        return [
            ("vendor", t("tui.list.col.vendor"), vendor),
            ("service", t("tui.list.col.service"), free - vendor),
            *fixed,
        ]

    def cells(
        self, row: Summary | Pending, columns: list[tuple[str, str, int]]
    ) -> list[str | Text]:
        return self._cells(row, columns, self.vr.today, palette(self.app.theme))

    def _cells(
        self,
        row: Summary | Pending,
        columns: list[tuple[str, str, int]],
        today: dt.date,
        colours: Palette,
    ) -> list[str | Text]:
        if isinstance(row, Pending):
            values = {"vendor": row.path.name, "service": t("tui.list.loading")}
            return [Text(fit(values.get(c, ""), w)) for c, _, w in columns]
        if row.failed:
            values = {
                "vendor": Path(row.path).name,
                "service": f"{t('tui.list.error')}: {say(row.error) if row.error else ''}",
            }
            return [Text(fit(values.get(c, ""), w), style="red") for c, _, w in columns]
        label = self._label
        service = row.service
        if (row.vendor, row.service) in self._twins:
            # Two files for one service (a save-as after a conflict): their names tell them apart.
            service = f"{row.service} ({Path(row.path).stem})"
        due = row.due_on or row.next_review
        due_style = ""
        if row.overdue(today):
            due, due_style = f"!{row.due_on}", f"bold {colours.bad}"
        # Text, not str: the table would parse a str as markup to measure it. The table
        # cuts each cell to its column's width itself (with an ellipsis), by cells.
        out: list[str | Text] = []
        shared = self._shared_text
        for column, _, _ in columns:
            if column == "vendor":
                out.append(Text(row.vendor, no_wrap=True, overflow="ellipsis"))
            elif column == "service":
                out.append(Text(service, no_wrap=True, overflow="ellipsis"))
            elif column == "kind":
                out.append(shared(label(f"tui.kind-short.{row.kind}")))
            elif column == "tier":
                out.append(shared(label(f"tui.tier-short.{row.tier}")))
            elif column == "status":
                out.append(shared(label(f"tui.status-short.{row.status}")))
            elif column == "decision":
                out.append(shared(label(f"decision.{row.decision}") if row.decision else ""))
            elif column == "risk":
                risk = label(f"risk.{row.risk}") if row.risk else ""
                out.append(shared(risk, colours.risk_style(row.risk)))
            else:  # "next"
                out.append(shared(due, due_style))
        return out

    def _shared_text(self, value: str, style: str = "") -> Text:
        # The labels and dates repeat over the rows: one Text for each, as the table never
        # changes a cell's Text (a changed cell gets a new one).
        text = self._texts.get((value, style))
        if text is None:
            text = self._texts[value, style] = Text(
                value, style=style, no_wrap=True, overflow="ellipsis"
            )
        return text

    def _label(self, key: str) -> str:
        # A handful of labels repeat over every row: look each up once per table.
        text = self._labels.get(key)
        if text is None:
            text = self._labels[key] = t(key)
        return text

    def refresh_table(self) -> None:
        self._labels = {}
        self._texts = {}
        table = self.query_one(DataTable)
        selected = self.selected_path()
        # The cursor stays on its file where the user put it, or where it was on a row shown
        # complete; a cursor left on the first "loading…" row stays first when rows sort.
        moved = table.row_count > 0 and table.cursor_row > 0
        table.clear(columns=True)
        columns = self.columns()
        self._columns = columns
        for column_id, header, width in columns:
            table.add_column(fit(header, width), key=column_id, width=width)
        shown = self.shown_rows()
        pairs = [(r.vendor, r.service) for r in shown if isinstance(r, Summary) and not r.failed]
        self._twins = {pair for pair, n in Counter(pairs).items() if n > 1}
        today, colours = self.vr.today, palette(self.app.theme)
        for row in shown:
            table.add_row(*self._cells(row, columns, today, colours), key=str(row.path))
        if (selected in self._loaded or moved) and selected in {str(r.path) for r in shown}:
            table.move_cursor(row=table.get_row_index(selected))
        self._loaded = {r.path for r in shown if isinstance(r, Summary)}
        self.update_state(len(shown))

    def update_state(self, shown: int) -> None:
        f = self.filters
        parts = []
        if f.status:
            parts.append(t("tui.list.filter-status", value=t(f"tui.status.{f.status}")))
        if f.kind:
            parts.append(t("tui.list.filter-kind", value=t(f"tui.kind.{f.kind}")))
        if f.due_only:
            parts.append(t("tui.list.filter-due"))
        parts.append(t("tui.list.sort", value=t(f"tui.sort.{f.sort}")))
        self.query_one("#list-state", Static).update("  ".join(parts))
        summaries = [r for r in self.rows if isinstance(r, Summary)]
        overdue = sum(1 for r in summaries if not r.failed and r.overdue(self.vr.today))
        failed = sum(1 for r in summaries if r.failed)
        text = t(
            "tui.list.summary", shown=shown, total=len(self.rows), overdue=overdue, failed=failed
        )
        selected = self.selected_path()
        if selected is not None:
            # The file of the selected row: two rows of one service differ only by it.
            text += t("tui.list.selected-file", path=Path(selected).name)
        if not self.rows:
            text = t("tui.list.empty")
        self._shown = shown
        self.query_one("#list-summary", Static).update(text)

    def on_data_table_row_highlighted(self) -> None:
        self.update_state(self._shown)

    def on_resize(self) -> None:
        # Only when the columns would change: a resize that keeps them needs no rebuild.
        if self.columns() != self._columns:
            self.refresh_table()

    def selected_path(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        try:
            row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        except Exception:  # noqa: BLE001 - an empty or resizing table has no cursor cell
            return None
        return str(row_key.value) if row_key.value is not None else None

    # --- actions ------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.vr.open_assessment(Path(event.row_key.value))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.filters.text = event.value
        self.refresh_table()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one(DataTable).focus()

    def _cycle(self, options: tuple[str, ...], current: str) -> str:
        return options[(options.index(current) + 1) % len(options)]

    def action_cycle_status(self) -> None:
        self.filters.status = self._cycle(STATUS_FILTERS, self.filters.status)
        self.refresh_table()

    def action_cycle_kind(self) -> None:
        self.filters.kind = self._cycle(KIND_FILTERS, self.filters.kind)
        self.refresh_table()

    def action_toggle_due(self) -> None:
        self.filters.due_only = not self.filters.due_only
        self.refresh_table()

    def action_cycle_sort(self) -> None:
        self.filters.sort = self._cycle(SORTS, self.filters.sort)
        self.refresh_table()

    def action_reload(self) -> None:
        self.load()

    def action_new(self) -> None:
        self.vr.action_new_assessment()

    def action_validate(self) -> None:
        self.vr.action_validate_all()
