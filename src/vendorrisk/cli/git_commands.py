"""``vendorrisk textconv`` (what ``git diff`` shows for an assessment) and
``vendorrisk git-setup`` (tells git to use it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vendorrisk.catalog.loader import CatalogError, load_catalog
from vendorrisk.cli.common import CommandError
from vendorrisk.exitcodes import ExitCode
from vendorrisk.files import read_limited
from vendorrisk.gitfiles import ATTRIBUTE_LINE, TEXTCONV_KEY, GitError, setup
from vendorrisk.messages import t
from vendorrisk.textconv import render_textconv
from vendorrisk.tomlfile import MAX_ASSESSMENT_BYTES
from vendorrisk.validation.assessment_check import check_assessment_bytes


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    conv = subparsers.add_parser(
        "textconv", help=t("textconv.help"), description=t("textconv.help")
    )
    conv.add_argument("path", type=Path, metavar="PATH")
    conv.add_argument("--catalog", type=Path, metavar="FILE", help=t("cli.opt_catalog"))
    conv.set_defaults(func=run_textconv)
    git = subparsers.add_parser(
        "git-setup", help=t("gitsetup.help"), description=t("gitsetup.help")
    )
    git.add_argument(
        "--repo", type=Path, default=Path("."), metavar="DIR", help=t("gitsetup.opt_repo")
    )
    git.set_defaults(func=run_setup)


def _write(data: bytes) -> None:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8", "replace"))
    else:
        buffer.write(data)
        buffer.flush()


def run_textconv(args: argparse.Namespace) -> int:
    try:
        raw = read_limited(args.path, MAX_ASSESSMENT_BYTES)
    except OSError as exc:
        raise CommandError(
            t("storage.unreadable", path=args.path, reason=exc.strerror or exc), ExitCode.USAGE
        ) from None
    try:
        catalogue = load_catalog(args.catalog)
    except CatalogError:
        catalogue = None
    checked = check_assessment_bytes(raw, catalogue) if catalogue is not None else None
    if catalogue is None or checked is None or checked.assessment is None:
        # git runs textconv for every *.toml it diffs: a file that is no readable assessment
        # (a catalogue, a half-resolved merge) is shown as it is rather than breaking git diff.
        _write(raw)
        return ExitCode.OK
    _write(render_textconv(checked.assessment, catalogue).encode("utf-8"))
    return ExitCode.OK


def run_setup(args: argparse.Namespace) -> int:
    try:
        steps = setup(args.repo)
    except GitError as exc:
        raise CommandError(str(exc), ExitCode.USAGE) from None
    for step in steps:
        if step.what == "attributes":
            key = "gitsetup.attributes-added" if step.done else "gitsetup.attributes-present"
            print(t(key, line=ATTRIBUTE_LINE, path=step.detail))
        else:
            key = "gitsetup.textconv-set" if step.done else "gitsetup.textconv-present"
            print(t(key, key=TEXTCONV_KEY, command=step.detail))
    return ExitCode.OK
