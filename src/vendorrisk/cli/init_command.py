"""``vendorrisk init [DIR]``: scaffold (or bring up to date) an assessments repository."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import CommandError
from vendorrisk.cli.git_commands import describe_step
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.features.scaffold import InitError, initialise
from vendorrisk.messages import t
from vendorrisk.messages.said import error_text
from vendorrisk.store.gitfiles import GitError, ensure_repository, textconv_setup


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("init", help=t("init.help"), description=t("init.help"))
    parser.add_argument(
        "dir", type=Path, nargs="?", default=Path("."), metavar="DIR", help=t("init.opt_dir")
    )
    parser.add_argument("--hooks-repo", metavar="URL", help=t("init.opt_hooks_repo"))
    parser.add_argument("--hooks-rev", metavar="REV", help=t("init.opt_hooks_rev"))
    parser.add_argument("--no-git", action="store_true", help=t("init.opt_no_git"))
    parser.set_defaults(func=run_init)


def run_init(args: argparse.Namespace) -> int:
    root: Path = args.dir
    try:
        steps, source = initialise(root, hooks_repo=args.hooks_repo, hooks_rev=args.hooks_rev)
    except InitError as exc:
        raise CommandError(error_text(exc), ExitCode.USAGE) from None
    for step in steps:
        print(t(f"init.{step.outcome}", path=step.path))
    if not source.known:
        print(t("init.hooks-placeholder", path=".pre-commit-config.yaml"), file=sys.stderr)
    if args.no_git:
        return ExitCode.OK
    try:
        if ensure_repository(root):
            print(t("init.git-initialised", path=root))
        print(describe_step(textconv_setup(root)))
    except GitError as exc:
        # The files are in place; only git's own set-up is missing, and it can be redone.
        print(t("init.git-skipped", reason=error_text(exc)), file=sys.stderr)
    return ExitCode.OK
