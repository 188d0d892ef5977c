"""``vendorrisk tui [DIR]`` (and a bare ``vendorrisk``): the terminal UI on a folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import DEFAULT_DIR, add_catalog_option, catalogue_from
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.messages import t


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("tui", help=t("tui.help"), description=t("tui.help"))
    parser.add_argument(
        "directory", nargs="?", type=Path, default=DEFAULT_DIR, metavar="DIR", help=t("tui.opt_dir")
    )
    parser.add_argument("--keymap", type=Path, metavar="FILE", help=t("tui.help.keymap"))
    # The same safety switches as `check`: intranet vendors, private certificate authorities.
    parser.add_argument(
        "--allow-private", action="store_true", help=t("urlcheck.cli.opt_allow_private")
    )
    parser.add_argument(
        "--ca-bundle", type=Path, metavar="FILE", help=t("urlcheck.cli.opt_ca_bundle")
    )
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    # Textual is loaded only here: scripts that validate or score never pay for it.
    from vendorrisk.tui.app import VendorRiskApp, load_keymap

    try:
        keymap = load_keymap(args.keymap)
    except (OSError, ValueError) as exc:
        print(t("tui.keymap.bad", reason=exc), file=sys.stderr)
        return ExitCode.USAGE
    options: dict[str, Any] = {"allow_private": args.allow_private}
    if args.ca_bundle is not None:
        options["ca_bundle"] = str(args.ca_bundle)
    VendorRiskApp(args.directory, catalogue, keymap=keymap, checker_options=options).run()
    return ExitCode.OK
