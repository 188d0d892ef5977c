"""``vendorrisk new``: create a draft assessment through the storage layer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    DEFAULT_DIR,
    add_catalog_option,
    catalogue_from,
    storage_failure,
)
from vendorrisk.core import corporate_number
from vendorrisk.core.classification import (
    CONFIDENTIALITY_LEVELS,
    KINDS,
    TERMINAL_MODELS,
    TIERS,
    TWO_LEVELS,
    Tier,
)
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.localtime import today
from vendorrisk.core.model import Assessment, Classification, Service, Vendor
from vendorrisk.messages import t
from vendorrisk.store.assessments import Store
from vendorrisk.store.storage import StorageError, suggested_file_name

# Where an assessment's tier is not given, the tier the kind is most often used from.
DEFAULT_TIER: dict[str, Tier] = {
    "contractor": "lgwan",
    "cloud": "internet",
    "social": "internet",
    # A facility's own systems sit outside the city's networks unless it is connected.
    "designated_manager": "internet",
}


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("new", help=t("new.help"), description=t("new.help"))
    parser.add_argument("--kind", required=True, choices=KINDS, help=t("new.opt_kind"))
    parser.add_argument("--vendor", required=True, help=t("new.opt_vendor"))
    parser.add_argument("--service", required=True, help=t("new.opt_service"))
    parser.add_argument("--tier", choices=TIERS, help=t("new.opt_tier"))
    parser.add_argument("--terminal-model", choices=TERMINAL_MODELS)
    parser.add_argument(
        "--confidentiality",
        choices=CONFIDENTIALITY_LEVELS,
        default="2",
        help=t("new.opt_confidentiality"),
    )
    parser.add_argument("--integrity", choices=TWO_LEVELS, default="1", help=t("new.opt_integrity"))
    parser.add_argument(
        "--availability", choices=TWO_LEVELS, default="1", help=t("new.opt_availability")
    )
    parser.add_argument("--corporate-number", help=t("new.opt_corporate_number"))
    parser.add_argument("--personal-data", action="store_true", help=t("new.opt_personal"))
    parser.add_argument("--mynumber-data", action="store_true", help=t("new.opt_mynumber"))
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=t("new.opt_dir"))
    parser.add_argument("--author", help=t("new.opt_author"))
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    number = args.corporate_number
    if number is not None and not corporate_number.is_valid(number):
        print(t("new.bad-corporate-number", number=number), file=sys.stderr)
        return ExitCode.USAGE
    vendor_name, service_name = args.vendor.strip(), args.service.strip()
    if not vendor_name or not service_name or any(ord(c) < 32 for c in vendor_name + service_name):
        print(t("new.bad-name"), file=sys.stderr)
        return ExitCode.USAGE
    assessment = Assessment(
        catalog_id=catalogue.id,
        catalog_version=catalogue.version,
        vendor=Vendor(name=vendor_name, corporate_number=number),
        service=Service(
            name=service_name,
            kind=args.kind,
            tier=args.tier or DEFAULT_TIER[args.kind],
            terminal_model=args.terminal_model,
            classification=Classification(
                confidentiality=args.confidentiality,
                integrity=args.integrity,
                availability=args.availability,
            ),
            personal_data=args.personal_data,
            mynumber_data=args.mynumber_data,
        ),
    )
    path = args.dir / suggested_file_name(args.kind, vendor_name, service_name, today())
    try:
        args.dir.mkdir(parents=True, exist_ok=True)
        Store(catalogue).create(path, assessment, by=args.author)
    except (StorageError, OSError) as exc:
        raise storage_failure(path, exc) from None
    print(path)
    return ExitCode.OK
