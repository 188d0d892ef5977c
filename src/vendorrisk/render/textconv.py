"""A stable, line-oriented rendering of an assessment for ``git diff`` (textconv).

Every answer line starts with its requirement id, so a hunk that shows a single changed
line still says which question it belongs to; the question text sits on the line above.
Nothing here depends on today's date, so the same file always renders the same text.
Every field is written through ``one_line``: git shows this text on the reviewer's
terminal, so a vendor's text must neither act on it nor start a line of its own.
"""

from __future__ import annotations

from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.codec import answer_sort_key
from vendorrisk.core.encoding import one_line, terminal_text
from vendorrisk.core.model import Answer, Assessment
from vendorrisk.messages import language, t
from vendorrisk.render.history_words import history_text
from vendorrisk.render.reports.answers import display_value, evidence_text


def _answer_lines(rid: str, answer: Answer, catalogue: Catalogue) -> list[str]:
    lang = language()
    requirement = catalogue.by_id.get(rid)
    if requirement is not None:
        head = f"{rid} [{one_line(requirement.section)}] {one_line(requirement.question.get(lang))}"
        value = one_line(display_value(answer, requirement, lang))
    else:
        head = f"{rid} {t('diff.unknown-question')}"
        value = one_line(str(answer.value))
    who = ", ".join(
        part
        for part in (
            t(f"diff.source.{answer.source}"),
            one_line(answer.answered_by) if answer.answered_by else None,
            answer.answered_at.isoformat() if answer.answered_at else None,
        )
        if part
    )
    lines = [head, f"{rid}   {t('textconv.answer')}: {value} ({who})"]
    if answer.reason:
        lines.append(f"{rid}   {t('diff.field.reason')}: {one_line(answer.reason)}")
    # Notes keep their line breaks: a long note diffs line by line like the TOML does.
    lines.extend(
        f"{rid}   {t('diff.field.note')}: {one_line(line)}"
        for line in (answer.note or "").splitlines()
        if line.strip()
    )
    lines.extend(
        f"{rid}   {t('diff.evidence')} {one_line(evidence_text(e, lang))}" for e in answer.evidence
    )
    lines.extend(
        f"{rid}   {t('diff.comment')} {one_line(c.by)} {c.at.isoformat()}: {one_line(c.text)}"
        for c in answer.comments
    )
    return lines


def render_textconv(assessment: Assessment, catalogue: Catalogue) -> str:
    a = assessment
    s = a.service
    c = s.classification
    review = a.review
    lines = [
        f"{t('diff.field.vendor.name')}: {one_line(a.vendor.name)}"
        f" ({one_line(a.vendor.corporate_number or '—')})",
        f"{t('diff.field.service.name')}: {one_line(s.name)}",
        t(
            "textconv.profile",
            kind=t(f"report.kind.{s.kind}"),
            tier=t(f"report.tier.{s.tier}"),
            c=c.confidentiality,
            i=c.integrity,
            a=c.availability,
            personal=t("report.yes" if s.personal_data else "report.no"),
            mynumber=t("report.yes" if s.mynumber_data else "report.no"),
        ),
        f"{t('diff.field.catalog.version')}: {one_line(f'{a.catalog_id} {a.catalog_version}')}",
        f"{t('textconv.revision')}: {a.revision}",
        f"{t('diff.field.review.status')}: {t(f'report.review-status.{review.status}')}",
    ]
    if review.reviewer:
        lines.append(f"{t('diff.field.review.reviewer')}: {one_line(review.reviewer)}")
    if review.decision:
        decided = f" ({review.decided_at.isoformat()})" if review.decided_at else ""
        lines.append(
            f"{t('diff.field.review.decision')}: {t(f'decision.{review.decision}')}{decided}"
        )
    if review.next_review:
        lines.append(f"{t('diff.field.review.next_review')}: {review.next_review.isoformat()}")
    lines.extend(f"{t('diff.field.review.conditions')}: {one_line(x)}" for x in review.conditions)
    lines.append("")
    for rid in sorted(a.answers, key=answer_sort_key(catalogue.order)):
        lines.extend(_answer_lines(rid, a.answers[rid], catalogue))
    if a.exceptions:
        lines.append("")
    for grant in a.exceptions:
        text = t(
            "diff.exception",
            id=one_line(grant.requirement),
            until=grant.until.isoformat(),
            control=one_line(grant.compensating_control),
        )
        lines.append(f"{one_line(grant.requirement)} {text} ({one_line(grant.approved_by)})")
    if a.url_checks:
        lines.append("")
    for record in a.url_checks:
        url = one_line(str(record.get("url", "?")))
        checked = one_line(str(record.get("checked_at", "")))
        lines.append(f"{t('textconv.url-check')}: {url} {checked}")
    lines.append("")
    lines.extend(
        f"{t('textconv.history')} {h.revision} {h.at.isoformat()} "
        f"{one_line(h.by)}: {one_line(history_text(h))}"
        for h in a.history
    )
    return "\n".join(lines) + "\n"


def render_raw(text: str, note: str) -> str:
    """A file that is no readable assessment, as git would show it, after a one-line note
    saying why; its lines encoded for the terminal all the same."""
    body = terminal_text(text)
    return f"{one_line(note)}\n{body}" + ("" if body.endswith("\n") or not body else "\n")
