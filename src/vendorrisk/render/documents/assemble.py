"""One call for the faces: the clause document for an assessment or a bare profile, in
the words of one language."""

from __future__ import annotations

from collections.abc import Sequence

from vendorrisk.core.catalog.applicability import Profile
from vendorrisk.core.catalog.model import CLAUSE_PARTS, Catalogue, ClausePart
from vendorrisk.core.model import Assessment
from vendorrisk.messages import Lang, t
from vendorrisk.render.documents.build import build_document
from vendorrisk.render.documents.model import ClauseDocument
from vendorrisk.render.documents.words import (
    Parties,
    document_words,
    organisation_name,
    subject_rows,
    terms_for,
)


def clause_document(
    catalogue: Catalogue,
    *,
    lang: Lang,
    parties: Parties,
    assessment: Assessment | None = None,
    profile: Profile | None = None,
    parts: Sequence[ClausePart] = CLAUSE_PARTS,
) -> ClauseDocument:
    """From an assessment (its answers decide conditional clauses) or, without one, from a
    profile alone. Exactly one of the two is given."""
    if assessment is not None:
        profile = Profile.of(assessment)
        answers = {rid: answer.value for rid, answer in assessment.answers.items()}
        vendor = assessment.vendor.name
    elif profile is not None:
        answers = None
        vendor = t("clauses.vendor-unknown", lang)
    else:
        raise ValueError("an assessment or a profile is needed")
    return build_document(
        catalogue,
        profile,
        answers,
        lang=lang,
        terms=terms_for(profile.kind, parties, lang),
        words=document_words(lang),
        subject=subject_rows(catalogue, profile, lang, assessment),
        organisation=organisation_name(catalogue, lang),
        vendor=vendor,
        parts=parts,
    )
