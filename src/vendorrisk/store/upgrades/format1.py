"""Upgrading format 1 to format 2: from words in the file back to codes and parameters.

Format 1 wrote each history entry as one line of words, in the language of whoever saved,
and kept the words of a URL check beside its codes. Format 2 keeps codes and parameters
only. The words below are what format 1 wrote -- a fact about old files, frozen here so
that the upgrade still reads them after the texts of the tool have changed. A summary is
read back as the tool's phrases where it is one (a move, an import, the reason an approval
went back into review, joined with "; "); what is left is a person's words and becomes the
entry's comment, unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, Final

from vendorrisk.core.codes import Phrase, phrase
from vendorrisk.core.history_codes import HistoryCode, ListCode, StatusWord, to_plain
from vendorrisk.store.upgrades.check_records import upgrade_record

# code -> (Japanese, English), as format 1 wrote them.
_FORMAT1_WORDS: Final[Mapping[HistoryCode, tuple[str, str]]] = {
    HistoryCode.CREATED: ("評価を作成", "assessment created"),
    HistoryCode.EXCEPTION_GRANTED: (
        "{id} に例外措置（{until} まで）",
        "exception for {id} (until {until})",
    ),
    HistoryCode.EXCEPTION_REVOKED: ("{id} の例外措置を取消し", "exception for {id} revoked"),
    HistoryCode.VERIFIED: ("市が確認: {ids}", "verified by the city: {ids}"),
    HistoryCode.COMMENTED: ("{id} にコメント", "comment on {id}"),
    HistoryCode.ANSWERS_UPDATED: ("回答を更新: {ids}", "answers updated: {ids}"),
    HistoryCode.IMPORTED: (
        "質問票 {file} から事業者の回答を {count} 件取込",
        "imported {count} vendor answer(s) from questionnaire {file}",
    ),
    HistoryCode.EVIDENCE_RECORDED: (
        "URL チェック結果を {count} 件記録",
        "recorded {count} URL check result(s)",
    ),
    HistoryCode.SUBCONTRACTOR_ADDED: (
        "再委託先「{name}」（{level}次）を台帳に登録",
        "subcontractor '{name}' (level {level}) added to the register",
    ),
    HistoryCode.SUBCONTRACTOR_CONSENT: (
        "再委託先「{name}」への承認を記録（{approver}、{date}）",
        "consent to subcontractor '{name}' recorded ({approver}, {date})",
    ),
    HistoryCode.SUBCONTRACTOR_CONSENT_MYNUMBER: (
        "再委託先「{name}」への番号法10条の許諾を記録（{approver}、{date}）",
        "consent under 番号法10条 to subcontractor '{name}' recorded ({approver}, {date})",
    ),
    HistoryCode.SUBCONTRACTOR_REMOVED: (
        "再委託先「{name}」を台帳から削除",
        "subcontractor '{name}' taken off the register",
    ),
    HistoryCode.REOPENED: (
        "「{status}」の後に変更があったため審査中に戻しました（変更: {ids}）",
        "back in review: changed after {status} ({ids})",
    ),
    HistoryCode.REOPENED_UNKNOWN: (
        "「{status}」の後に承認した内容が変更されていたため審査中に戻しました",
        "back in review: what was {status} had changed",
    ),
    HistoryCode.REOPENED_INVALID: (
        "記録された「{status}」が成り立たないため審査中に戻しました（{reasons}）",
        "back in review: the recorded {status} did not stand ({reasons})",
    ),
    HistoryCode.MIGRATED: ("評価項目 {old} → {new} に移行", "migrated catalogue {old} → {new}"),
    HistoryCode.MIGRATED_RENAMED: ("改番 {items}", "renumbered {items}"),
    HistoryCode.MIGRATED_CONFIRM: ("要確認 {items}", "to confirm {items}"),
    HistoryCode.MIGRATED_NOT_PREFILLED: ("未引継 {items}", "not carried over {items}"),
    HistoryCode.MIGRATED_REMOVED: (
        "削除された設問の回答 {items}",
        "answers to removed questions {items}",
    ),
    HistoryCode.MIGRATED_EXCEPTIONS: (
        "削除された設問の例外措置 {items}",
        "exceptions for removed questions {items}",
    ),
}
_STATUS_WORDS: Final[Mapping[str, StatusWord]] = {
    "下書き": StatusWord.DRAFT,
    "draft": StatusWord.DRAFT,
    "提出済み": StatusWord.SUBMITTED,
    "submitted": StatusWord.SUBMITTED,
    "審査中": StatusWord.IN_REVIEW,
    "in review": StatusWord.IN_REVIEW,
    "承認": StatusWord.APPROVED,
    "approved": StatusWord.APPROVED,
    "条件付き承認": StatusWord.APPROVED_WITH_CONDITIONS,
    "approved with conditions": StatusWord.APPROVED_WITH_CONDITIONS,
    "不承認": StatusWord.REJECTED,
    "rejected": StatusWord.REJECTED,
}
# A list of ids cut short, as format 1 wrote it: "A-01, …, A-10 and 3 more".
_MORE = re.compile(r"(?P<shown>.+?)(?: ほか (?P<ja>\d+) 件| and (?P<en>\d+) more)")
# A move, as workflow.transition wrote it: "in_review → approved[: comment]".
_STATUS = r"approved_with_conditions|approved|draft|submitted|in_review|rejected"
_MOVE = re.compile(rf"(?P<old>{_STATUS}) → (?P<new>{_STATUS})(?:: (?P<comment>.+))?")
_SEPARATOR = "; "


def _pattern(template: str) -> re.Pattern[str]:
    pieces = re.split(r"\{(\w+)\}", template)
    out = ""
    for index, piece in enumerate(pieces):
        out += re.escape(piece) if index % 2 == 0 else rf"(?P<{piece}>.+?)"
    return re.compile(out)


@cache
def _patterns() -> tuple[tuple[HistoryCode, re.Pattern[str]], ...]:
    return tuple((code, _pattern(words)) for code, pair in _FORMAT1_WORDS.items() for words in pair)


def _ids(text: str) -> Phrase | str:
    more = _MORE.fullmatch(text)
    if more is None:
        return text
    count = int(more.group("ja") or more.group("en"))
    return phrase(ListCode.MORE, shown=more.group("shown"), count=count)


def _date(text: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


_PARAMS: Final[Mapping[str, Callable[[str], object]]] = {
    "status": lambda text: _STATUS_WORDS.get(text, text),
    "ids": _ids,
    "count": lambda text: int(text) if text.isdigit() else text,
    "level": lambda text: int(text) if text.isdigit() else text,
    "until": _date,
}


def _one(text: str) -> Phrase | None:
    """The phrase format 1 wrote as ``text``, if it is one."""
    move = _MOVE.fullmatch(text)
    if move is not None:
        old, new, comment = move.group("old", "new", "comment")
        if comment is None:
            return phrase(HistoryCode.MOVED, old=old, new=new)
        return phrase(HistoryCode.MOVED_COMMENT, old=old, new=new, comment=comment)
    for code, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found is not None:
            params = {
                name: _PARAMS.get(name, str)(value) for name, value in found.groupdict().items()
            }
            return phrase(code, **params)
    return None


def _all(text: str) -> list[Phrase] | None:
    """``text`` read wholly as phrases joined with "; ", the first phrase as short as it can
    be (a move's comment may itself hold "; "), or None."""
    ends = [m.start() for m in re.finditer(re.escape(_SEPARATOR), text)] + [len(text)]
    for end in ends:
        first = _one(text[:end])
        if first is None:
            continue
        if end == len(text):
            return [first]
        rest = _all(text[end + len(_SEPARATOR) :])
        if rest is not None:
            return [first, *rest]
    return None


def read_summary(summary: str) -> tuple[list[Phrase], str | None]:
    """A format-1 summary as phrases and a comment: the person's words came first (a save
    with a typed summary, then the reason an approval went back into review)."""
    whole = _all(summary)
    if whole is not None:
        return whole, None
    for found in re.finditer(re.escape(_SEPARATOR), summary):
        rest = _all(summary[found.end() :])
        if rest is not None:
            return rest, summary[: found.start()]
    return [], summary


def _entry(entry: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in entry.items() if k != "summary"}
    events, comment = read_summary(str(entry.get("summary", "")))
    if events:
        out["events"] = [to_plain(e) for e in events]
    if comment is not None:
        out["comment"] = comment
    return out


def upgrade(doc: dict[str, Any]) -> dict[str, Any]:
    """Format 1 → 2: the history as codes, the URL-check records without their words."""
    history = doc.get("history")
    if isinstance(history, list):
        doc["history"] = [
            _entry(h) if isinstance(h, dict) and "summary" in h else h for h in history
        ]
    checks = doc.get("url_checks")
    if isinstance(checks, list):
        doc["url_checks"] = [upgrade_record(r) if isinstance(r, dict) else r for r in checks]
    return doc
