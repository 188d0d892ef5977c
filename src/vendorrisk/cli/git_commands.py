"""``vendorrisk textconv`` (what ``git diff`` shows for an assessment) and
``vendorrisk git-setup`` (tells git to use it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import CommandError
from vendorrisk.core.catalog.loader import CatalogError, load_catalog
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.messages import t
from vendorrisk.messages.said import error_text, os_reason, problem_text
from vendorrisk.render.textconv import render_raw, render_textconv
from vendorrisk.store.assessments import Store, read_assessment
from vendorrisk.store.gitfiles import (
    ATTRIBUTE_LINE,
    TEMP_IGNORE_LINE,
    TEXTCONV_KEY,
    GitError,
    SetupStep,
    setup,
)


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
        raw = read_assessment(args.path)
    except OSError as exc:
        raise CommandError(
            t("storage.unreadable", path=args.path, reason=os_reason(exc)), ExitCode.USAGE
        ) from None
    try:
        catalogue = load_catalog(args.catalog)
    except CatalogError:
        _write(_raw(raw, t("textconv.raw-reason-catalogue")))
        return ExitCode.OK
    checked = Store(catalogue).check(raw)
    if checked.assessment is None:
        # git runs textconv for every *.toml it diffs: a file that is no readable assessment
        # (a catalogue, a half-resolved merge) is shown as it is rather than breaking git diff.
        errors = [problem_text(p) for p in checked.problems if p.severity == "error"]
        _write(_raw(raw, errors[0] if errors else ""))
        return ExitCode.OK
    try:
        text = render_textconv(checked.assessment, catalogue)
    except Exception as exc:  # noqa: BLE001 - whatever the file holds, git diff must work
        _write(_raw(raw, type(exc).__name__))
        return ExitCode.OK
    _write(text.encode("utf-8"))
    return ExitCode.OK


def _raw(raw: bytes, reason: str) -> bytes:
    note = t("textconv.raw-note", reason=reason)
    return render_raw(raw.decode("utf-8", "replace"), note).encode("utf-8")


def run_setup(args: argparse.Namespace) -> int:
    try:
        steps = setup(args.repo)
    except GitError as exc:
        raise CommandError(error_text(exc), ExitCode.USAGE) from None
    for step in steps:
        print(describe_step(step))
    return ExitCode.OK


def describe_step(step: SetupStep) -> str:
    """One line saying what a set-up step did (``init`` prints the same lines)."""
    if step.what == "attributes":
        key = "gitsetup.attributes-added" if step.done else "gitsetup.attributes-present"
        return t(key, line=ATTRIBUTE_LINE, path=step.detail)
    if step.what == "ignore":
        key = "gitsetup.ignore-added" if step.done else "gitsetup.ignore-present"
        return t(key, line=TEMP_IGNORE_LINE, path=step.detail)
    if step.done and step.previous:
        return t(
            "gitsetup.textconv-updated",
            key=TEXTCONV_KEY,
            previous=step.previous,
            command=step.detail,
        )
    key = "gitsetup.textconv-set" if step.done else "gitsetup.textconv-present"
    return t(key, key=TEXTCONV_KEY, command=step.detail)
