"""What every screen of the app shares."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from vendorrisk.tui.app import VendorRiskApp


def vendorrisk_app(node: DOMNode) -> VendorRiskApp:
    """The running app, typed: screens read its folder, catalogue, day and user."""
    from vendorrisk.tui.app import VendorRiskApp

    app = node.app
    assert isinstance(app, VendorRiskApp)
    return app
