"""A round's status in words and as JSON, for ``round status`` and the summary."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vendorrisk.core.encoding import one_line
from vendorrisk.core.model import AnswerValue
from vendorrisk.features.rounds.yearly import RETURN_STATES, EntryStatus, RoundStatus
from vendorrisk.messages import Lang, has, t

_SHOWN_IDS = 10


def value_text(value: AnswerValue | None, lang: Lang | None = None) -> str:
    if value is None:
        return t("round.no-answer", lang)
    if isinstance(value, bool):
        return t("report.yes" if value else "report.no", lang)
    if isinstance(value, str) and has(f"status.{value}"):
        return t(f"status.{value}", lang)
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def _plain(value: AnswerValue | None) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def entry_json(entry: EntryStatus) -> dict[str, Any]:
    sent = entry.sent
    return {
        "assessment": sent.assessment,
        "vendor": sent.vendor,
        "service": sent.service,
        "file": sent.file,
        "sent": sent.sent.isoformat(),
        "state": entry.state,
        "questions": len(sent.questions),
        "returned": list(entry.returned),
        "outstanding": list(entry.outstanding),
        "new_this_year": entry.new_this_year,
        "changed": [
            {"requirement": c.requirement, "before": _plain(c.before), "after": _plain(c.after)}
            for c in entry.changed
        ],
    }


def status_json(status: RoundStatus) -> dict[str, Any]:
    return {
        "fiscal_year": status.fiscal_year,
        "due": status.due.isoformat(),
        "today": status.today.isoformat(),
        "counts": {state: status.count(state) for state in RETURN_STATES},
        "entries": [entry_json(e) for e in status.entries],
        "dropped": [{"assessment": s.assessment, "vendor": s.vendor} for s in status.dropped],
    }


def headline(status: RoundStatus, lang: Lang | None = None) -> str:
    return t(
        "round.headline",
        lang,
        year=status.fiscal_year,
        sent=len(status.entries),
        returned=status.count("returned"),
        partial=status.count("partial"),
        waiting=status.count("waiting"),
        overdue=status.count("overdue") + status.count("missing"),
        due=status.due.isoformat(),
    )


def ids_text(ids: tuple[str, ...], lang: Lang | None = None) -> str:
    shown = ", ".join(ids[:_SHOWN_IDS])
    more = len(ids) - _SHOWN_IDS
    return shown + (t("approval.more", lang, count=more) if more > 0 else "")


def changes_text(entry: EntryStatus, lang: Lang | None = None) -> str:
    return ", ".join(
        f"{c.requirement} {value_text(c.before, lang)} → {value_text(c.after, lang)}"
        for c in entry.changed
    )


def status_lines(status: RoundStatus, lang: Lang | None = None) -> list[str]:
    """The status as terminal lines; texts from files are shown encoded."""
    lines = [headline(status, lang)]
    for entry in status.entries:
        sent = entry.sent
        subject = one_line(f"{sent.vendor} / {sent.service} ({sent.assessment})")
        count = f"{len(entry.returned)}/{len(sent.questions)}"
        new = f" {t('round.new', lang)}" if entry.new_this_year else ""
        state = t(f"round.state.{entry.state}", lang)
        lines.append(f"{state}  {subject}  {t('round.returned', lang, count=count)}{new}")
        if entry.outstanding and entry.state != "missing":
            lines.append(f"    {t('round.outstanding', lang)}: {ids_text(entry.outstanding, lang)}")
        if entry.changed:
            lines.append(f"    {t('round.changed', lang)}: {one_line(changes_text(entry, lang))}")
    lines.extend(
        t("round.dropped", lang, subject=one_line(f"{gone.vendor} ({gone.assessment})"))
        for gone in status.dropped
    )
    return lines
