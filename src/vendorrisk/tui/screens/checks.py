"""URL checks of the open assessment's vendor URLs, run in a background worker: the UI stays
responsive, a failing check never crashes the app, and results can be kept as evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, ProgressBar, Static

from vendorrisk.core.codes import phrase
from vendorrisk.core.history_codes import HistoryCode
from vendorrisk.features.session import EditSession
from vendorrisk.features.url_evidence import assessment_urls, with_records
from vendorrisk.messages import has, t
from vendorrisk.messages.said import save_failure
from vendorrisk.render.urlcheck_text import describe as describe_code
from vendorrisk.store import storage
from vendorrisk.tui.base import vendorrisk_app
from vendorrisk.tui.bindings import key, localise
from vendorrisk.tui.palette import Palette, palette
from vendorrisk.tui.text import fit

if TYPE_CHECKING:
    from vendorrisk.tui.app import VendorRiskApp


def certification_names(record: dict[str, Any]) -> list[str]:
    mentions = (record.get("certifications") or {}).get("mentions") or []
    names = []
    for mention in mentions:
        if isinstance(mention, dict):
            cert = str(mention.get("id"))
            names.append(t(f"urlcheck.cert.{cert}") if has(f"urlcheck.cert.{cert}") else cert)
    return names


def header_counts(record: dict[str, Any]) -> Text:
    """Passed, warned and failed header checks, as the CLI's table counts them."""
    verdicts = [h.get("verdict") for h in record.get("headers") or [] if isinstance(h, dict)]
    if not verdicts:
        return Text("-")
    failed = verdicts.count("fail")
    return Text(
        t(
            "tui.checks.header-counts",
            ok=verdicts.count("pass"),
            warn=verdicts.count("warn"),
            fail=failed,
        ),
        style="bold red" if failed else "",
    )


def row_cells(record: dict[str, Any], url_width: int, colours: Palette) -> list[Text]:
    """What a reviewer reads first about one URL, from its check record."""
    tls = record.get("tls") or {}
    days = tls.get("days_left")
    sectxt = record.get("security_txt") or {}
    if record.get("refused"):
        result = Text(t("tui.checks.refused"), style=f"bold {colours.bad}")
    elif record.get("ok"):
        result = Text(t("tui.checks.ok"), style=colours.good)
    else:
        result = Text(t("tui.checks.ng"), style=colours.warn)
    https = record.get("https_enforced")
    return [
        Text(fit(str(record.get("url", "")), url_width)),
        result,
        Text("✓" if https else ("✗" if https is False else "-")),
        Text(
            "-" if days is None else str(days),
            style=colours.bad if isinstance(days, int) and days < 30 else "",
        ),
        header_counts(record),
        Text("-" if not sectxt else ("✓" if sectxt.get("valid") else "✗")),
        # Not cut: the table scrolls, and the details below repeat them in full.
        Text(", ".join(certification_names(record))),
    ]


def explain(record: dict[str, Any]) -> str:
    """Why a URL was refused or needs checking, in the words the CLI uses."""
    lines = [str(record.get("url", ""))]
    error = record.get("error")
    if isinstance(error, dict):
        code = str(error.get("code"))
        lines.append(f"  {describe_code(code, record)}")
    for code in record.get("failures") or []:
        if isinstance(error, dict) and code == error.get("code"):
            continue
        lines.append(f"  {describe_code(str(code), record)}")
    if record.get("refused"):
        lines.append("  " + t("tui.checks.refused-not-evidence"))
    names = certification_names(record)
    if names:
        lines.append("  " + t("tui.checks.mentions", names=", ".join(names)))
    return "\n".join(lines)


class ChecksScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        key("escape", "app.pop_screen", "tui.key.back", "checks.back"),
        key("ctrl+r", "run", "tui.key.run", "checks.run"),
        key("ctrl+w", "record", "tui.key.record", "checks.record"),
    ]

    def __init__(self, session: EditSession, *, autostart: bool = True) -> None:
        super().__init__()
        self.session = session
        self.records: list[dict[str, Any]] = []
        self.autostart = autostart
        localise(self)

    @property
    def vr(self) -> VendorRiskApp:
        return vendorrisk_app(self)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="checks-state")
        # A known total from the start: an indeterminate bar animates, which no snapshot or
        # screen reader can rely on.
        yield ProgressBar(total=1, id="checks-progress", show_eta=False)
        yield DataTable(id="checks", cursor_type="row")
        yield Static("", id="checks-details", markup=False)
        yield Static(t("tui.checks.mentions-note"), classes="hint")
        with Horizontal(id="checks-buttons"):
            yield Button(t("tui.key.run"), id="checks-run")
            yield Button(t("tui.key.record"), id="checks-record", disabled=True)
        yield Footer()

    async def relabel(self) -> None:
        """After a language switch: the same results, in new words."""
        await self.recompose()
        self.on_mount_columns()
        if self.records:
            self.show_records(self.records)

    def on_mount(self) -> None:
        self.on_mount_columns()
        if not assessment_urls(self.session.assessment):
            self.query_one("#checks-state", Static).update(t("tui.checks.none"))
            self.query_one("#checks-run", Button).disabled = True
        elif self.autostart:
            self.action_run()

    def on_mount_columns(self) -> None:
        self.title = t("tui.checks.title")
        table = self.query_one(DataTable)
        # The verdict right after the URL: at 80 columns the later facts may scroll off.
        for column in ("url", "result", "https", "cert", "headers", "sectxt", "certs"):
            table.add_column(t(f"tui.checks.col.{column}"), key=column)

    def url_width(self) -> int:
        return max(20, min(60, self.app.size.width - 40))

    def show_records(self, records: list[dict[str, Any]]) -> None:
        """Put records in the table (also used by tests and snapshots without a network)."""
        self.records = records
        table = self.query_one(DataTable)
        table.clear()
        colours = palette(self.app.theme)
        for record in records:
            table.add_row(*row_cells(record, self.url_width(), colours))
        self.query_one("#checks-progress", ProgressBar).update(
            total=max(1, len(records)), progress=len(records)
        )
        ok = sum(1 for r in records if r.get("ok"))
        self.query_one("#checks-state", Static).update(
            t("tui.checks.done", ok=ok, total=len(records))
        )
        self.query_one("#checks-record", Button).disabled = not self.recordable()
        self.query_one("#checks-details", Static).update(
            "\n".join(explain(r) for r in records if not r.get("ok") or certification_names(r))
        )

    def recordable(self) -> list[dict[str, Any]]:
        # A refused URL was never fetched: there is nothing in it to keep as evidence.
        return [r for r in self.records if not r.get("refused")]

    @on(Button.Pressed, "#checks-run")
    def action_run(self) -> None:
        urls = assessment_urls(self.session.assessment)
        if urls:
            self.query_one("#checks-progress", ProgressBar).update(total=len(urls), progress=0)
            self.query_one("#checks-state", Static).update(
                t("tui.checks.running", done=0, total=len(urls))
            )
            self.run_checks(urls)

    @work(exclusive=True, exit_on_error=False, group="urlcheck")
    async def run_checks(self, urls: list[str]) -> None:
        # The same async checker the CLI runs; httpx is loaded only when checks are run.
        from vendorrisk.urlcheck.runner import CheckOptions, iter_checks

        results: list[dict[str, Any] | None] = [None] * len(urls)
        done = 0
        try:
            async for index, record in iter_checks(urls, CheckOptions(**self.vr.checker_options)):
                results[index] = record
                done += 1
                self.query_one("#checks-progress", ProgressBar).advance(1)
                self.query_one("#checks-state", Static).update(
                    t("tui.checks.running", done=done, total=len(urls))
                )
        except Exception as exc:  # noqa: BLE001 - a failing check must never end the app
            self.query_one("#checks-state", Static).update(t("tui.checks.failed", reason=exc))
            return
        self.show_records([r for r in results if r is not None])

    @on(Button.Pressed, "#checks-record")
    def action_record(self) -> None:
        changed, added = with_records(self.session.assessment, self.recordable())
        if not added:
            self.notify(t("tui.checks.nothing"))
            return
        try:
            self.session.commit(changed, phrase(HistoryCode.EVIDENCE_RECORDED, count=added))
        except storage.StorageError as exc:
            self.notify(t("tui.q.save-failed", reason=save_failure(exc)), severity="error")
            return
        self.notify(t("tui.checks.recorded", count=added))
        self.query_one("#checks-record", Button).disabled = True
