"""The words the faces put around a clause document, from the message catalogue.

The builder and the renderers never look up a text; the CLI and the UI call these helpers
and hand the result in, so both faces write the same document.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Literal

from vendorrisk.core.catalog.applicability import Profile
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.classification import Kind
from vendorrisk.core.model import Assessment
from vendorrisk.messages import Lang, t
from vendorrisk.render.documents.model import DocumentWords, Terms

Parties = Literal["city", "kou-otsu"]
PARTIES: tuple[Parties, ...] = ("city", "kou-otsu")


def document_words(lang: Lang) -> DocumentWords:
    return DocumentWords(
        **{f.name: t(f"clauses.doc.{f.name}", lang) for f in fields(DocumentWords)}
    )


def terms_for(kind: Kind, parties: Parties, lang: Lang) -> Terms:
    """市・受託者 or 甲・乙; an agreement (協定) instead of a contract for a designated manager."""
    contract = t(
        "clauses.term.agreement" if kind == "designated_manager" else "clauses.term.contract", lang
    )
    if parties == "kou-otsu":
        return Terms(
            city=t("clauses.term.kou-otsu.city", lang),
            party=t("clauses.term.kou-otsu.party", lang),
            contract=contract,
            city_start=t("clauses.term.kou-otsu.city-start", lang),
            party_start=t("clauses.term.kou-otsu.party-start", lang),
        )
    return Terms(
        city=t("clauses.term.city.city", lang),
        party=t(f"clauses.term.party.{kind}", lang),
        contract=contract,
        city_start=t("clauses.term.city.city-start", lang),
        party_start=t(f"clauses.term.party-start.{kind}", lang),
    )


def organisation_name(catalogue: Catalogue, lang: Lang) -> str:
    if catalogue.organisation is not None:
        return catalogue.organisation.get(lang)
    return t("clauses.organisation", lang)


def subject_rows(
    catalogue: Catalogue, profile: Profile, lang: Lang, assessment: Assessment | None
) -> list[tuple[str, str]]:
    """What the document is for, as (label, value) lines; vendor text is encoded by the
    renderers."""
    rows: list[tuple[str, str]] = []
    if assessment is not None:
        rows.append((t("clauses.subject.vendor", lang), assessment.vendor.name))
        rows.append((t("clauses.subject.service", lang), assessment.service.name))
    rows.append((t("clauses.subject.kind", lang), t(f"report.kind.{profile.kind}", lang)))
    rows.append((t("clauses.subject.tier", lang), t(f"report.tier.{profile.tier}", lang)))
    rows.append(
        (
            t("clauses.subject.classification", lang),
            t(
                "clauses.subject.classification-value",
                lang,
                c=profile.confidentiality,
                i=profile.integrity,
                a=profile.availability,
            ),
        )
    )
    data = [
        t(key, lang)
        for key, flag in (
            ("clauses.subject.personal", profile.personal_data),
            ("clauses.subject.mynumber", profile.mynumber_data),
        )
        if flag
    ]
    rows.append(
        (
            t("clauses.subject.data", lang),
            ", ".join(data) if data else t("clauses.subject.no-personal", lang),
        )
    )
    rows.append((t("clauses.subject.catalogue", lang), f"{catalogue.id} {catalogue.version}"))
    return rows
