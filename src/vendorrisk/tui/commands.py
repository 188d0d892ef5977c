"""The command palette: open any assessment by vendor or service name."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from vendorrisk.features.summaries import Summary, SummaryCache, scan
from vendorrisk.messages import t

if TYPE_CHECKING:
    from vendorrisk.tui.app import VendorRiskApp


class OpenAssessmentCommands(Provider):
    def _targets(self) -> list[tuple[str, Path]]:
        from vendorrisk.tui.app import VendorRiskApp

        app = self.app
        assert isinstance(app, VendorRiskApp)
        rows, _ = scan(app.directory, SummaryCache(app.catalogue, app.today, listing=app.directory))
        out = []
        for row in rows:
            path = Path(str(row.path))
            if isinstance(row, Summary) and not row.failed:
                label = t("tui.cmd.open", vendor=row.vendor, service=row.service)
            else:
                label = t("tui.cmd.open", vendor=path.stem, service="")
            # The file name too: people also know an assessment by its file.
            out.append((f"{label} ({path.stem})", path))
        return out

    def _open(self, path: Path) -> None:
        app: VendorRiskApp = self.app  # type: ignore[assignment]
        app.open_assessment(path)

    async def discover(self) -> Hits:
        for label, path in self._targets():
            yield DiscoveryHit(label, partial(self._open, path), help=t("tui.cmd.open-help"))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, path in self._targets():
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(self._open, path),
                    help=t("tui.cmd.open-help"),
                )
