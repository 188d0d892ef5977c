"""Commands of the URL checker: ``check`` and ``securitytxt``.

Data goes to stdout (JSON Lines, JSON or a table), progress and diagnostics to stderr.
``check --write``, ``--assessments`` and ``import-checks`` belong to the storage work and
plug in here: URL gathering is one function (``_gather_urls``) and the parser is built by
``add_check_arguments`` so those options can be added next to the others.

How the results are written (the formats, the progress bar) is in ``check_output``.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vendorrisk.cli.check_output import CHECK_FORMATS, SECTXT_FORMATS, CheckReporter, Progress
from vendorrisk.cli.common import DEFAULT_DIR, add_catalog_option, catalogue_from, print_problems
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.messages import t
from vendorrisk.messages.said import error_text, os_reason
from vendorrisk.store.reading import read_limited

# A list of URLs, one a line: far more than any real list, bounded like every read.
MAX_URL_LIST_BYTES = 1024 * 1024


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    check = subparsers.add_parser("check", help=t("urlcheck.cli.check_help"))
    add_check_arguments(check)
    check.set_defaults(func=run_check, exit_without_teardown=True)

    sectxt = subparsers.add_parser("securitytxt", help=t("urlcheck.cli.sectxt_help"))
    sectxt.add_argument("source", metavar="PATH_OR_URL", help=t("urlcheck.cli.opt_source"))
    sectxt.add_argument(
        "--url", dest="fetch_url", metavar="FETCH_URL", help=t("urlcheck.cli.opt_fetch_url")
    )
    sectxt.add_argument(
        "--format",
        choices=SECTXT_FORMATS.names,
        default=SECTXT_FORMATS.default,
        help=t("urlcheck.cli.opt_format"),
    )
    _add_network_arguments(sectxt)
    sectxt.set_defaults(func=run_securitytxt, exit_without_teardown=True)


def add_check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("urls", nargs="*", metavar="URL", help=t("urlcheck.cli.opt_urls"))
    parser.add_argument(
        "--file",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help=t("urlcheck.cli.opt_file"),
    )
    # No default: a table on a terminal, JSON Lines into a pipe (run_check).
    parser.add_argument(
        "--format", choices=CHECK_FORMATS.names, help=t("urlcheck.cli.opt_check_format")
    )
    parser.add_argument(
        "--concurrency",
        type=_positive_int,
        default=32,
        metavar="N",
        help=t("urlcheck.cli.opt_concurrency"),
    )
    parser.add_argument(
        "--per-host",
        type=_positive_int,
        default=2,
        metavar="N",
        help=t("urlcheck.cli.opt_per_host"),
    )
    parser.add_argument(
        "--no-security-txt", action="store_true", help=t("urlcheck.cli.opt_no_sectxt")
    )
    parser.add_argument("--assessments", type=Path, metavar="DIR", help=t("check.opt_assessments"))
    parser.add_argument("--write", action="store_true", help=t("check.opt_write"))
    add_catalog_option(parser)
    _add_network_arguments(parser)


def _add_network_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=_positive_float,
        default=30.0,
        metavar="S",
        help=t("urlcheck.cli.opt_timeout"),
    )
    parser.add_argument(
        "--allow-private", action="store_true", help=t("urlcheck.cli.opt_allow_private")
    )
    parser.add_argument(
        "--allow-network",
        action="append",
        default=[],
        metavar="CIDR",
        help=t("urlcheck.cli.opt_allow_network"),
    )
    parser.add_argument(
        "--ca-bundle", type=Path, metavar="FILE", help=t("urlcheck.cli.opt_ca_bundle")
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("urlcheck.cli.not_positive", value=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(t("urlcheck.cli.not_positive", value=text))
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("urlcheck.cli.not_positive", value=text)) from None
    if not value > 0 or value > 3600:
        raise argparse.ArgumentTypeError(t("urlcheck.cli.not_positive", value=text))
    return value


def _usage(message: str) -> int:
    print(f"vendorrisk: {message}", file=sys.stderr)
    return ExitCode.USAGE


def _options(args: argparse.Namespace, **extra: Any) -> Any:
    """CheckOptions from the parsed arguments; imported late so other commands stay light."""
    # httpx is imported later, while the first requests travel (urlcheck.lean_httpx).
    from vendorrisk.urlcheck.runner import CheckOptions

    ca = args.ca_bundle
    if ca is not None and not ca.is_file():
        raise _UsageError(t("urlcheck.cli.no_ca_bundle", path=str(ca)))
    try:
        from vendorrisk.urlcheck.addresses import AddressPolicy

        AddressPolicy.from_strings(args.allow_private, args.allow_network)
    except ValueError as exc:
        raise _UsageError(t("urlcheck.cli.bad_network", value=error_text(exc))) from None
    return CheckOptions(
        timeout=args.timeout,
        allow_private=args.allow_private,
        allowed_networks=tuple(args.allow_network),
        ca_bundle=str(ca) if ca is not None else None,
        **extra,
    )


class _UsageError(Exception):
    pass


# --- check -------------------------------------------------------------------------------


def _gather_urls(args: argparse.Namespace) -> list[str]:
    """URLs from the arguments, the files, then the assessments; duplicates dropped."""
    urls: list[str] = list(args.urls)
    for path in args.file:
        try:
            text = read_limited(path, MAX_URL_LIST_BYTES).decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = os_reason(exc)
            raise _UsageError(
                t("urlcheck.cli.unreadable_file", path=str(path), reason=reason)
            ) from None
        for line in text.splitlines():
            stripped = line.strip()
            # Whole-line comments only: a URL may itself contain "#" (a fragment).
            if stripped and not stripped.startswith("#"):
                urls.append(stripped)
    if args.assessments is not None:
        from vendorrisk.features.url_evidence import (
            urls_in_folder,  # loads storage: only when asked
        )

        found, failed = urls_in_folder(args.assessments, catalogue_from(args))
        print_problems((f.path, p) for f in failed for p in f.problems if p.severity == "error")
        urls.extend(found)
    return list(dict.fromkeys(urls))


def run_check(args: argparse.Namespace) -> int:
    try:
        urls = _gather_urls(args)
        options = _options(
            args,
            concurrency=args.concurrency,
            per_host=args.per_host,
            security_txt=not args.no_security_txt,
        )
    except _UsageError as exc:
        return _usage(error_text(exc))
    if not urls:
        return _usage(t("urlcheck.cli.no_urls"))
    reporter = CHECK_FORMATS[args.format or ("text" if sys.stdout.isatty() else "jsonl")]
    progress = Progress(len(urls)) if reporter.for_people and sys.stderr.isatty() else None
    # What is loaded by now (modules, the message tables) lives until exit: keep the garbage
    # collector from walking it again and again during the batch, and at exit.
    gc.freeze()
    keep = reporter.renders_whole or args.write
    from vendorrisk.urlcheck import eventloop

    records, all_ok = eventloop.run(_run_batch(urls, options, reporter, progress, keep=keep))
    # Again for what the run left (caches, connections' buffers): the collections Python
    # makes while it shuts down would otherwise walk it all, ~7 ms after the last answer.
    gc.freeze()
    sys.stdout.write(reporter.render(records))
    sys.stdout.flush()
    code = ExitCode.OK if all_ok else ExitCode.PROBLEMS
    if args.write:
        from vendorrisk.features.url_evidence import record_in_folder

        folder = args.assessments or DEFAULT_DIR
        outcome = record_in_folder(folder, catalogue_from(args), records, by=None)
        for path, count in outcome.updated:
            print(t("check.recorded", path=path, count=count), file=sys.stderr)
        print_problems((f.path, p) for f in outcome.failed for p in f.problems)
        if outcome.failed:
            code = max(code, ExitCode.PROBLEMS)
    return code


async def _run_batch(
    urls: Sequence[str],
    options: Any,
    reporter: CheckReporter,
    progress: Progress | None,
    *,
    keep: bool,
) -> tuple[list[dict[str, Any]], bool]:
    """The records in input order (when ``keep``; else none) and whether every URL passed."""
    from vendorrisk.urlcheck.runner import iter_checks

    # Lines are released in input order (a reorder buffer) so JSON Lines output is stable
    # from run to run, yet streams as soon as the head of the list is done. Each record is
    # written out as it arrives, while other answers are awaited: hosts take turns, so
    # most of a list may be released at once near the end, and only the writing is left
    # to do then. The buffer holds the text, not the record (which is dropped unless kept).
    lines: list[str | None] = [None] * len(urls)
    kept: list[dict[str, Any] | None] = [None] * len(urls) if keep else []
    all_ok = True
    emitted = 0
    async for index, record in iter_checks(urls, options):
        lines[index] = reporter.line(record)
        all_ok = all_ok and bool(record["ok"])
        if keep:
            kept[index] = record
        if progress is not None:
            progress.advance()
        start = emitted
        while emitted < len(urls) and lines[emitted] is not None:
            emitted += 1
        if emitted > start:
            if chunk := "".join(line or "" for line in lines[start:emitted]):
                sys.stdout.write(chunk)
                sys.stdout.flush()
            lines[start:emitted] = [""] * (emitted - start)
    if progress is not None:
        progress.finish()
    return [r for r in kept if r is not None], all_ok


# --- securitytxt -------------------------------------------------------------------------


def run_securitytxt(args: argparse.Namespace) -> int:
    from vendorrisk.urlcheck.securitytxt import MAX_BYTES, Source, validate_security_txt

    source: str = args.source
    if source.lower().startswith(("http://", "https://")):
        try:
            options = _options(args, security_txt=True)
        except _UsageError as exc:
            return _usage(error_text(exc))
        from vendorrisk.urlcheck import eventloop
        from vendorrisk.urlcheck.runner import fetch_security_txt_url

        result = eventloop.run(fetch_security_txt_url(source, options))
        report = result.report
    else:
        try:
            data = _read_limited(source, MAX_BYTES + 1)
        except OSError as exc:
            return _usage(t("urlcheck.cli.unreadable_file", path=source, reason=os_reason(exc)))
        report = validate_security_txt(data, Source(url=args.fetch_url))
    sys.stdout.write(SECTXT_FORMATS[args.format].render(report))
    return ExitCode.OK if report.valid else ExitCode.PROBLEMS


def _read_limited(path: str, limit: int) -> bytes:
    # Never more than the limit: the file may be huge, and §5.4 says not to parse it anyway.
    if path == "-":
        return sys.stdin.buffer.read(limit)
    # A larger file's first bytes are enough to say so (the validator reports the size).
    return read_limited(Path(path), limit - 1, head=True)
