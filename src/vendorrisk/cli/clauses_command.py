"""``vendorrisk clauses``: the security clauses, 特記事項 and selection criteria for one
service, from its assessment or from a kind, tier and classification alone."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    CommandError,
    add_catalog_option,
    add_format_option,
    catalogue_from,
    load_assessment,
)
from vendorrisk.cli.report_command import add_output_option, write_output
from vendorrisk.core.catalog.applicability import Profile
from vendorrisk.core.catalog.model import CLAUSE_PARTS, ClausePart
from vendorrisk.core.classification import CONFIDENTIALITY_LEVELS, KINDS, TIERS, TWO_LEVELS
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.messages import LANGS, Lang, language, t
from vendorrisk.render.documents import PARTIES, ClauseDocument, clause_document
from vendorrisk.render.documents.formats import CLAUSE_FORMATS

_PROFILE_OPTIONS = (
    "kind",
    "tier",
    "confidentiality",
    "integrity",
    "availability",
    "personal_data",
    "mynumber_data",
)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("clauses", help=t("clauses.help"), description=t("clauses.help"))
    parser.add_argument("path", nargs="?", type=Path, metavar="PATH", help=t("clauses.opt_path"))
    add_format_option(parser, CLAUSE_FORMATS, "clauses.opt_format")
    add_output_option(parser)
    # The global --lang switches the messages too; this one is read the same way (the
    # language is known before parsing), and kept under its own name for clarity.
    parser.add_argument("--lang", dest="document_lang", choices=LANGS, help=t("clauses.opt_lang"))
    parser.add_argument("--parties", choices=PARTIES, default="city", help=t("clauses.opt_parties"))
    parser.add_argument(
        "--part", action="append", choices=CLAUSE_PARTS, metavar="PART", help=t("clauses.opt_part")
    )
    parser.add_argument("--kind", choices=KINDS, help=t("clauses.opt_kind"))
    parser.add_argument("--tier", choices=TIERS, help=t("clauses.opt_tier"))
    parser.add_argument(
        "--confidentiality", choices=CONFIDENTIALITY_LEVELS, help=t("clauses.opt_confidentiality")
    )
    parser.add_argument("--integrity", choices=TWO_LEVELS, help=t("clauses.opt_integrity"))
    parser.add_argument("--availability", choices=TWO_LEVELS, help=t("clauses.opt_availability"))
    parser.add_argument("--personal-data", action="store_true", help=t("clauses.opt_personal"))
    parser.add_argument("--mynumber-data", action="store_true", help=t("clauses.opt_mynumber"))
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def _profile_given(args: argparse.Namespace) -> bool:
    return any(getattr(args, name) not in (None, False) for name in _PROFILE_OPTIONS)


def _profile(args: argparse.Namespace) -> Profile:
    if not (args.kind and args.tier and args.confidentiality):
        raise CommandError(t("clauses.need-subject"), ExitCode.USAGE)
    return Profile(
        kind=args.kind,
        tier=args.tier,
        confidentiality=args.confidentiality,
        integrity=args.integrity or "1",
        availability=args.availability or "1",
        # My Number data is personal information: its special terms refer to those.
        personal_data=args.personal_data or args.mynumber_data,
        mynumber_data=args.mynumber_data,
    )


def build(args: argparse.Namespace, lang: Lang) -> ClauseDocument:
    catalogue = catalogue_from(args)
    parts: tuple[ClausePart, ...] = tuple(args.part) if args.part else CLAUSE_PARTS
    if args.path is None:
        return clause_document(
            catalogue, lang=lang, parties=args.parties, profile=_profile(args), parts=parts
        )
    if _profile_given(args):
        raise CommandError(t("clauses.path-and-profile"), ExitCode.USAGE)
    if args.output is not None and args.output.resolve() == args.path.resolve():
        raise CommandError(t("report.output-is-input", path=args.output), ExitCode.USAGE)
    loaded = load_assessment(args.path, catalogue)
    return clause_document(
        catalogue, lang=lang, parties=args.parties, assessment=loaded.assessment, parts=parts
    )


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.document_lang or language()
    reporter = CLAUSE_FORMATS[args.format]
    if reporter.binary and args.output is None and sys.stdout.isatty():
        raise CommandError(t("clauses.docx-terminal"), ExitCode.USAGE)
    write_output(reporter.render(build(args, lang)), args.output)
    return ExitCode.OK
