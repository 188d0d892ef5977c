"""The diff as plain text (terminal), Markdown (a pull-request comment) or JSON (scripts).

Every text that comes from a file (names, notes, labels) goes through ``one_line`` for the
terminal or ``markdown_text`` for Markdown, so that it renders as what it is and nothing more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from vendorrisk.core.encoding import markdown_text, one_line
from vendorrisk.core.model import Evidence
from vendorrisk.features.diff.compare import AnswerChange, AssessmentDiff, Change, ItemChange, Shown
from vendorrisk.messages import has, language, say, t
from vendorrisk.render.reports.answers import display_value, evidence_text

_MARKS = {"added": "+", "removed": "-", "changed": "~", "renamed": "→"}


def shown_text(shown: Shown) -> str:
    """A value of the diff in words of the current language."""
    value = shown.value
    if shown.answer is not None and shown.requirement is not None:
        return display_value(shown.answer, shown.requirement, language())
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("report.yes" if value else "report.no")
    if shown.words is not None and has(f"{shown.words}.{value}"):
        return t(f"{shown.words}.{value}")
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value) or "—"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _before_after(change: Change, encode: Callable[[str], str]) -> tuple[str, str]:
    return encode(shown_text(change.before_shown)), encode(shown_text(change.after_shown))


def _question(change: AnswerChange) -> str | None:
    return change.question.get(language()) if change.question is not None else None


def _field_name(change: Change) -> str:
    key = f"diff.field.{change.field}"
    return t(key)


Encode = Callable[[str], str]


def _side_text(diff: AssessmentDiff, encode: Encode) -> list[str]:
    old, new = diff.old, diff.new
    return [
        t(
            "diff.old-side",
            label=encode(old.label),
            revision=old.revision,
            version=encode(old.catalog_version),
        ),
        t(
            "diff.new-side",
            label=encode(new.label),
            revision=new.revision,
            version=encode(new.catalog_version),
        ),
    ]


def _vendor_warning(diff: AssessmentDiff, encode: Encode) -> str:
    return t(
        "diff.different-vendor",
        old=encode(f"{diff.old.vendor} ({diff.old.corporate_number or '—'})"),
        new=encode(f"{diff.new.vendor} ({diff.new.corporate_number or '—'})"),
    )


def _item(item: ItemChange) -> str:
    expired = t("diff.expired") if item.expired else ""
    if isinstance(item.item, Evidence):
        text = evidence_text(item.item, language())
    else:
        text = say(item.item)
    return f"{_MARKS[item.kind]} {text}{expired}"


def _answer_head(change: AnswerChange) -> str:
    section = f"[{change.section}] " if change.section else ""
    question = _question(change) or t("diff.unknown-question")
    return one_line(f"{_MARKS[change.kind]} {change.requirement} {section}{question}")


def render_text(diff: AssessmentDiff) -> str:
    lines = _side_text(diff, one_line)
    if diff.different_vendor:
        lines.append(_vendor_warning(diff, one_line))
    if not diff.has_differences:
        lines.append(t("diff.none"))
        return "\n".join(lines) + "\n"
    for change in (*diff.fields, *diff.score):
        before, after = _before_after(change, one_line)
        lines.append(f"{_field_name(change)}: {before} → {after}")
    if diff.url_checks is not None:
        c = diff.url_checks
        before, after = _before_after(c, one_line)
        lines.append(f"{_field_name(c)}: {before} → {after}")
    for blocker in diff.new_blockers:
        lines.append(t("diff.new-blocker", id=one_line(blocker)))
    for blocker in diff.resolved_blockers:
        lines.append(t("diff.resolved-blocker", id=one_line(blocker)))
    if diff.answers:
        lines.append("")
        lines.append(t("diff.answers-heading", count=len(diff.answers)))
    for answer in diff.answers:
        lines.append(_answer_head(answer))
        for change in answer.changes:
            before, after = _before_after(change, one_line)
            lines.append(f"    {_field_name(change)}: {before} → {after}")
        lines.extend(f"    {t('diff.evidence')} {one_line(_item(i))}" for i in answer.evidence)
        lines.extend(f"    {t('diff.comment')} + {one_line(c)}" for c in answer.comments_added)
    if diff.exceptions:
        lines.append("")
        lines.append(t("diff.exceptions-heading"))
        lines.extend(f"  {one_line(_item(item))}" for item in diff.exceptions)
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return markdown_text(" ".join(text.split())) or "—"


def render_markdown(diff: AssessmentDiff) -> str:
    """A pull-request comment: a summary table first, then the answers beside their
    questions. Only the tool's own words may be markup."""
    out = [f"### {t('diff.md-title', vendor=_md_cell(diff.new.vendor))}", ""]
    out.extend(f"- {line}" for line in _side_text(diff, _md_cell))
    if diff.different_vendor:
        out.append(f"- **{_vendor_warning(diff, _md_cell)}**")
    out.append("")
    if not diff.has_differences:
        out.append(t("diff.none"))
        return "\n".join(out) + "\n"
    summary = [*diff.fields, *diff.score]
    if diff.url_checks is not None:
        summary.append(diff.url_checks)
    if summary:
        out.append(f"| {t('diff.col-field')} | {t('diff.col-before')} | {t('diff.col-after')} |")
        out.append("| --- | --- | --- |")
        for c in summary:
            before, after = _before_after(c, _md_cell)
            out.append(f"| {_md_cell(_field_name(c))} | {before} | {after} |")
        out.append("")
    out.extend(f"- :warning: {t('diff.new-blocker', id=_md_cell(b))}" for b in diff.new_blockers)
    out.extend(f"- {t('diff.resolved-blocker', id=_md_cell(b))}" for b in diff.resolved_blockers)
    if diff.new_blockers or diff.resolved_blockers:
        out.append("")
    if diff.answers:
        out.append(f"#### {t('diff.answers-heading', count=len(diff.answers))}")
        out.append("")
        head = f"| | {t('diff.col-id')} | {t('diff.col-question')} | {t('diff.col-change')} |"
        out.extend([head, "| --- | --- | --- | --- |"])
        for answer in diff.answers:
            parts = [
                "{}: {} → {}".format(_field_name(c), *_before_after(c, _md_cell))
                for c in answer.changes
            ]
            parts += [f"{t('diff.evidence')} {_md_cell(_item(i))}" for i in answer.evidence]
            parts += [f"{t('diff.comment')} {_md_cell(c)}" for c in answer.comments_added]
            section = f"§{_md_cell(answer.section)} " if answer.section else ""
            question = _md_cell(_question(answer) or t("diff.unknown-question"))
            out.append(
                f"| {_MARKS[answer.kind]} | {_md_cell(answer.requirement)} | {section}{question} | "
                f"{'<br>'.join(parts)} |"
            )
        out.append("")
    if diff.exceptions:
        out.append(f"#### {t('diff.exceptions-heading')}")
        out.append("")
        out.extend(f"- {_md_cell(_item(item))}" for item in diff.exceptions)
        out.append("")
    return "\n".join(out)


def _change_json(change: Change) -> dict[str, Any]:
    return {"field": change.field, "before": change.before, "after": change.after}


def _item_json(item: ItemChange) -> dict[str, Any]:
    return {"change": item.kind, "expired": item.expired, **item.data}


def render_json(diff: AssessmentDiff) -> dict[str, Any]:
    def side(s: Any) -> dict[str, Any]:
        return {
            "label": s.label,
            "revision": s.revision,
            "vendor": s.vendor,
            "corporate_number": s.corporate_number,
            "catalog_version": s.catalog_version,
        }

    return {
        "old": side(diff.old),
        "new": side(diff.new),
        "different_vendor": diff.different_vendor,
        "differences": diff.has_differences,
        "today": diff.today.isoformat(),
        "fields": [_change_json(c) for c in diff.fields],
        "score": [_change_json(c) for c in diff.score],
        "url_checks": _change_json(diff.url_checks) if diff.url_checks else None,
        "new_blockers": list(diff.new_blockers),
        "resolved_blockers": list(diff.resolved_blockers),
        "answers": [
            {
                "id": a.requirement,
                "change": a.kind,
                "section": a.section,
                "question": _question(a),
                "fields": [_change_json(c) for c in a.changes],
                "evidence": [_item_json(i) for i in a.evidence],
                "comments_added": list(a.comments_added),
            }
            for a in diff.answers
        ],
        "exceptions": [_item_json(i) for i in diff.exceptions],
    }
