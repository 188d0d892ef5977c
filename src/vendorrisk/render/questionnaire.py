"""The blank questionnaire a vendor fills in (§6.9: confirm the vendor's measures).

Only questions asked of the vendor (audience ``vendor``) are ever included: questions the
city answers itself, and its internal notes, stay inside (§10 of the policy keeps the
implementation procedures closed). Guidance and judgement criteria go with each question so
that the vendor knows what counts as met.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Final

from vendorrisk.core.answer_types import answer_kind
from vendorrisk.core.catalog.applicability import Profile, matches_profile
from vendorrisk.core.catalog.model import Catalogue, Requirement
from vendorrisk.core.classification import Kind, Tier
from vendorrisk.features.exchange.importing import FORMAT
from vendorrisk.messages import Lang, t
from vendorrisk.render.reports.export import neutralise
from vendorrisk.store import toml_writer

FORMAT_VERSION: Final = 1
CSV_COLUMNS: Final = (
    "id",
    "section",
    "title",
    "question",
    "guidance",
    "answer_type",
    "choices",
    "criteria_met",
    "criteria_partial",
    "criteria_not_met",
    "evidence_required",
    "condition",
    "value",
    "reason",
    "note",
    "evidence",
)


def vendor_questions(
    catalogue: Catalogue, kind: Kind, tier: Tier | None, profile: Profile | None = None
) -> list[Requirement]:
    """The vendor-facing questions for a kind (and tier). Without a full profile, a
    question limited to some classifications is included: the vendor can answer na."""
    out: list[Requirement] = []
    for requirement in catalogue.requirements:
        if requirement.audience != "vendor" or kind not in requirement.kinds:
            continue
        if tier is not None and requirement.tiers is not None and tier not in requirement.tiers:
            continue
        if profile is not None and not matches_profile(requirement, profile):
            continue
        out.append(requirement)
    return out


def choices(requirement: Requirement, lang: Lang) -> list[str]:
    spec = requirement.answer
    return [
        item if isinstance(item, str) else f"{item[0]} ({item[1].get(lang)})"
        for item in answer_kind(spec).written(spec)
    ]


def _entry(requirement: Requirement, lang: Lang) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": requirement.id,
        "section": requirement.section,
        "title": requirement.title.get(lang),
        "question": requirement.question.get(lang),
        "guidance": requirement.guidance.get(lang),
        "answer_type": requirement.answer.type,
    }
    if choices(requirement, lang):
        entry["choices"] = choices(requirement, lang)
    if requirement.criteria is not None:
        entry["criteria"] = {
            "met": requirement.criteria.met.get(lang),
            "partial": requirement.criteria.partial.get(lang),
            "not_met": requirement.criteria.not_met.get(lang),
        }
    entry["evidence_required"] = requirement.evidence.required
    if requirement.condition_text:
        entry["condition"] = requirement.condition_text
    # The fields the vendor fills in; an empty value means "not answered".
    entry.update({"value": "", "reason": "", "note": "", "evidence": []})
    return entry


def render_toml(
    catalogue: Catalogue, questions: list[Requirement], kind: Kind, tier: Tier | None, lang: Lang
) -> str:
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "lang": lang,
        "catalog": {"id": catalogue.id, "version": catalogue.version},
        "kind": kind,
    }
    if tier is not None:
        document["tier"] = tier
    document["instructions"] = t("questionnaire.instructions", lang)
    document["questions"] = [_entry(r, lang) for r in questions]
    return toml_writer.dumps(document, preamble=f"# {t('questionnaire.title', lang)}\n")


def render_csv(questions: list[Requirement], lang: Lang) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for requirement in questions:
        entry = _entry(requirement, lang)
        criteria = entry.get("criteria", {})
        row = [
            entry["id"],
            entry["section"],
            entry["title"],
            entry["question"],
            entry["guidance"],
            entry["answer_type"],
            " / ".join(entry.get("choices", [])),
            criteria.get("met", ""),
            criteria.get("partial", ""),
            criteria.get("not_met", ""),
            "true" if entry["evidence_required"] else "false",
            entry.get("condition", ""),
            "",
            "",
            "",
            "",
        ]
        # Catalogue texts are ours, but a spreadsheet must still show them as text.
        writer.writerow([neutralise(cell) for cell in row])
    return "\ufeff" + buffer.getvalue()


def render_markdown(
    catalogue: Catalogue, questions: list[Requirement], kind: Kind, tier: Tier | None, lang: Lang
) -> str:
    out = [
        f"# {t('questionnaire.title', lang)}",
        "",
        t(
            "questionnaire.md-meta",
            lang,
            catalog=catalogue.id,
            version=catalogue.version,
            kind=t(f"report.kind.{kind}", lang),
            tier=t(f"report.tier.{tier}", lang) if tier else "—",
        ),
        "",
        t("questionnaire.instructions", lang),
        "",
    ]
    for r in questions:
        out.append(f"## {r.id} {r.title.get(lang)} (§{r.section})")
        out.append("")
        out.append(f"**{r.question.get(lang)}**")
        out.append("")
        out.append(r.guidance.get(lang))
        out.append("")
        if choices(r, lang):
            out.append(f"- {t('questionnaire.md-choices', lang)}: {', '.join(choices(r, lang))}")
        if r.criteria is not None:
            for status in ("met", "partial", "not_met"):
                text = getattr(r.criteria, status).get(lang)
                out.append(f"- {t(f'status.{status}', lang)}: {text}")
        if r.evidence.required:
            out.append(f"- {t('questionnaire.md-evidence', lang)}")
        if r.condition_text:
            out.append(f"- {t('questionnaire.md-condition', lang)}: `{r.condition_text}`")
        out.extend(["", f"{t('questionnaire.md-answer', lang)}: ", ""])
    return "\n".join(out)
