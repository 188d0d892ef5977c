"""``vendorrisk catalog``: the requirements that apply to a kind and tier."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Any

from vendorrisk.cli.common import add_catalog_option, add_format_option, catalogue_from
from vendorrisk.core.catalog.model import Catalogue, Requirement, Text
from vendorrisk.core.classification import KINDS, TIERS
from vendorrisk.core.encoding import json_text
from vendorrisk.messages import language, t
from vendorrisk.render.formats import Formats, Reporter


@dataclass(frozen=True, slots=True)
class Selection:
    catalogue: Catalogue
    requirements: list[Requirement]  # those applying to the kind and tier asked for


CATALOG_FORMATS: Formats[Reporter[Selection, str]] = Formats("catalog")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("catalog", help=t("catalog.help"), description=t("catalog.help"))
    parser.add_argument("--kind", choices=KINDS, help=t("catalog.opt_kind"))
    parser.add_argument("--tier", choices=TIERS, help=t("catalog.opt_tier"))
    add_format_option(parser, CATALOG_FORMATS)
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def _text(text: Text) -> dict[str, str]:
    return {"ja": text.ja, "en": text.en}


def requirement_json(r: Requirement) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": r.id,
        "section": r.section,
        "title": _text(r.title),
        "kinds": sorted(r.kinds),
        "tiers": sorted(r.tiers) if r.tiers is not None else ["internet", "lgwan", "mynumber"],
        "severity": r.severity,
        "audience": r.audience,
        "question": _text(r.question),
        "guidance": _text(r.guidance),
        "criteria": (
            {
                "met": _text(r.criteria.met),
                "partial": _text(r.criteria.partial),
                "not_met": _text(r.criteria.not_met),
            }
            if r.criteria
            else None
        ),
        "answer": {
            "type": r.answer.type,
            "options": [{"id": o.id, "label": _text(o.label)} for o in r.answer.options],
            "max_length": r.answer.max_length,
            "min": r.answer.minimum,
            "max": r.answer.maximum,
        },
        "evidence": {"required": r.evidence.required, "kinds": list(r.evidence.kinds)},
        "condition": r.condition_text,
        "gate": r.gate,
        "refs": {k: list(v) for k, v in r.refs.items()},
    }
    for key in ("min_confidentiality", "max_confidentiality", "min_integrity", "min_availability"):
        out[key] = getattr(r, key)
    out["terminal_models"] = sorted(r.terminal_models) if r.terminal_models else None
    out["personal_data"] = r.personal_data
    out["mynumber_data"] = r.mynumber_data
    out["source_edition"] = r.source_edition
    out["trust"] = r.trust
    return out


@CATALOG_FORMATS.register("text")
class CatalogText:
    for_people = True

    def render(self, value: Selection) -> str:
        lang = language()
        catalogue = value.catalogue
        lines = [f"{catalogue.title.get(lang)} ({catalogue.id} {catalogue.version})"]
        for r in value.requirements:
            gate = " [gate]" if r.gate else ""
            lines.append(f"{r.id:<7} §{r.section:<4} {r.severity:<6} {r.title.get(lang)}{gate}")
            lines.append(f"        {r.question.get(lang)}")
        return "".join(line + "\n" for line in lines)


@CATALOG_FORMATS.register("json")
class CatalogJson:
    for_people = False

    def render(self, value: Selection) -> str:
        catalogue = value.catalogue
        data = {
            "id": catalogue.id,
            "version": catalogue.version,
            "effective": catalogue.effective.isoformat(),
            "requirements": [requirement_json(r) for r in value.requirements],
        }
        return json_text(data) + "\n"


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    selected = [
        r
        for r in catalogue.requirements
        if (args.kind is None or args.kind in r.kinds)
        and (args.tier is None or r.tiers is None or args.tier in r.tiers)
    ]
    sys.stdout.write(CATALOG_FORMATS[args.format].render(Selection(catalogue, selected)))
    return 0
