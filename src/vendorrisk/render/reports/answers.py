"""The answer table: each applicable question with its answer in words, note and evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vendorrisk.core.answer_types import Plain, answer_kind
from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.model import Catalogue, Requirement, Text
from vendorrisk.core.codes import Code
from vendorrisk.core.model import Answer, Assessment, Evidence
from vendorrisk.messages import Lang, has, say, t
from vendorrisk.render.reports.wareki import format_date


@dataclass(frozen=True, slots=True)
class AnswerRow:
    requirement: str
    section: str
    question: str
    answered: bool
    value: str  # the answer in words, in the report's language
    note: str
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnswerSection:
    section: str
    title: str
    rows: tuple[AnswerRow, ...]


def words(plain: Plain, lang: Lang) -> str:
    """A plain answer value (answer_types) in words."""
    if isinstance(plain, Code):
        return say(plain, lang)
    if isinstance(plain, Text):
        return plain.get(lang)
    if isinstance(plain, dt.date):
        return format_date(plain, lang)
    if isinstance(plain, tuple):
        separator = "、" if lang == "ja" else ", "
        return separator.join(words(p, lang) for p in plain)
    return str(plain)


def display_value(answer: Answer, requirement: Requirement, lang: Lang) -> str:
    spec = requirement.answer
    return words(answer_kind(spec).plain(spec, answer.value), lang)


def evidence_text(evidence: Evidence, lang: Lang) -> str:
    key = f"report.evidence-kind.{evidence.kind}"
    kind = t(key, lang) if has(key) else evidence.kind
    text = f"{kind}: {evidence.ref}"
    if evidence.expires is not None:
        text += t("report.evidence-expires", lang, date=format_date(evidence.expires, lang))
    return text


def _note(answer: Answer, lang: Lang) -> str:
    parts: list[str] = []
    if answer.reason:
        parts.append(t("report.na-reason", lang, reason=answer.reason))
    if answer.note:
        parts.append(answer.note)
    parts.extend(
        t("report.comment", lang, by=c.by, date=format_date(c.at, lang), text=c.text)
        for c in answer.comments
    )
    return "\n".join(parts)


def answer_sections(
    assessment: Assessment, catalogue: Catalogue, lang: Lang
) -> tuple[AnswerSection, ...]:
    """Every applicable question, answered or not, grouped by section in catalogue order:
    a gap a reader cannot see is a gap nobody approves knowingly."""
    rows: dict[str, list[AnswerRow]] = {}
    for rid, requirement in applies(catalogue, assessment).items():
        answer = assessment.answers.get(rid)
        row = AnswerRow(
            requirement=rid,
            section=requirement.section,
            question=requirement.question.get(lang),
            answered=answer is not None,
            value=(
                display_value(answer, requirement, lang)
                if answer is not None
                else t("status.unanswered", lang)
            ),
            note=_note(answer, lang) if answer is not None else "",
            evidence=(tuple(evidence_text(e, lang) for e in answer.evidence) if answer else ()),
        )
        rows.setdefault(requirement.section, []).append(row)
    return tuple(
        AnswerSection(s.id, s.title.get(lang), tuple(rows[s.id]))
        for s in catalogue.sections
        if s.id in rows
    )
