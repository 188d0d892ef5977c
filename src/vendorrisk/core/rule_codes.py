"""Phrases the rules share: review statuses, lists of ids and approval problems.

A status is named by its words at the face (``承認``, ``approved``), never by the rules;
a long list of requirement ids is cut after ten and says how many more, in words the face
chooses. The codes themselves live in ``history_codes``: these phrases are also written
into files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from vendorrisk.core.codes import Phrase, phrase
from vendorrisk.core.history_codes import ApprovalProblemCode, ListCode, StatusWord

if TYPE_CHECKING:
    from vendorrisk.core.approval import ApprovalProblem

__all__ = ["ApprovalProblemCode", "ListCode", "StatusWord", "ids", "problem_phrase", "status_word"]

_STATUS_WORDS: Final = {word.value.removeprefix("label.status."): word for word in StatusWord}
# Lists of ids in messages stop after this many, then say how many more.
SHOWN_IDS: Final = 10


def status_word(status: str) -> StatusWord | str:
    """The status as a code the face words; an unknown status stays as it is written."""
    return _STATUS_WORDS.get(status, status)


def ids(found: tuple[str, ...] | list[str], shown: int = SHOWN_IDS) -> Phrase | str:
    """Requirement ids for running text: the first ``shown``, then how many more."""
    listed = ", ".join(found[:shown])
    more = len(found) - shown
    return phrase(ListCode.MORE, shown=listed, count=more) if more > 0 else listed


def problem_phrase(problem: ApprovalProblem) -> Phrase:
    return phrase(
        ApprovalProblemCode(f"approval.{problem.code}"),
        ids=ids(problem.ids),
        count=len(problem.ids),
    )
