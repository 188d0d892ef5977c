"""Whether a recorded approval stands, re-derived from the file itself (docs/scoring.md, W2, W7–W9).

The status in a file is only a claim: someone may have edited the TOML by hand, an exception
may have ended, or an answer may have changed since. Every reader that needs to know whether
a vendor is approved (validate, due, reports, the list) asks ``approval_problems`` instead of
trusting ``review.status``, and the approval records a digest of what it approved so that a
later change to the answers is caught even when the new answers would also pass.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, replace
from typing import Any, Final, Literal

from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.codes import Joined, Phrase, phrase
from vendorrisk.core.digests import digest_hex
from vendorrisk.core.history_codes import MOVES, HistoryCode
from vendorrisk.core.model import Answer, Assessment, HistoryEntry, Review
from vendorrisk.core.rule_codes import ids, problem_phrase, status_word
from vendorrisk.core.scoring import ScoreResult, score_assessment

APPROVED_STATUSES: Final = ("approved", "approved_with_conditions")
# What the list, due and reports show for an approval that does not stand.
INVALID_STANDING: Final = "approval_invalid"

# Every approval vendorrisk has recorded since this day carries its basis (rule W8); one
# decided earlier without it is an old approval (rule W9), one decided later has lost it.
BASIS_RECORDED_SINCE: Final = dt.date(2026, 12, 2)

ApprovalCode = Literal[
    "incomplete",
    "open-blockers",
    "unverified-gates",
    "na-unconfirmed",
    "conditions-needed",
    "unrecorded",
    "basis-missing",
    "stale",
    "unbased",
]


@dataclass(frozen=True, slots=True)
class ApprovalProblem:
    """Why an approval does not stand; ``rule_codes.problem_phrase`` says it."""

    code: ApprovalCode
    ids: tuple[str, ...] = ()

    @property
    def blocking(self) -> bool:
        """False only for an approval recorded before approvals kept their basis (rule W9)."""
        return self.code != "unbased"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not serialisable: {type(value).__name__}")


def _answer_basis(answer: Answer) -> dict[str, Any]:
    # Who answered and when, and reviewers' comments, are not what was approved: only what
    # the answer says, and on whose word.
    return {
        "value": list(answer.value) if isinstance(answer.value, tuple) else answer.value,
        "reason": answer.reason,
        "note": answer.note,
        "source": answer.source,
        "evidence": [asdict(e) for e in answer.evidence],
    }


def _content_parts(assessment: Assessment) -> dict[str, Any]:
    parts = {
        "answers": {rid: _answer_basis(a) for rid, a in sorted(assessment.answers.items())},
        "exceptions": [asdict(g) for g in assessment.exceptions],
        # The whole profile: tier, kind and classification decide which questions apply.
        "service": asdict(assessment.service),
    }
    if assessment.subcontractors:
        # The re-subcontracting register is what A-12a, A-13a and A-24c are checked against
        # (validation/register.py): who handles the data, at which level, with whose
        # consent, is part of what was approved. Its notes are not. Only a register that
        # exists takes part, so approvals recorded before registers keep their digest.
        parts["subcontractors"] = [{**asdict(s), "note": None} for s in assessment.subcontractors]
    return parts


def _basis_parts(assessment: Assessment) -> dict[str, Any]:
    vendor = assessment.vendor
    decision = asdict(replace(assessment.review, basis=None))
    return {
        **_content_parts(assessment),
        # Who was approved: an approved file copied for another vendor is no approval of it.
        # Contacts change without the vendor changing, so they are left out.
        "vendor": {
            "name": vendor.name,
            "corporate_number": vendor.corporate_number,
            "urls": asdict(vendor.urls),
        },
        # The decision record itself: a later next review, another reviewer or conditions
        # edited by hand are not what was decided.
        "review": decision,
    }


def _digest(part: Any) -> str:
    text = json.dumps(part, sort_keys=True, ensure_ascii=False, default=_plain)
    return digest_hex(text, size=16)


def approval_basis(assessment: Assessment) -> str:
    """The digest an approval records: answers, exceptions, the service profile, the
    vendor's identity and the decision record (everything in ``review`` but the digest)."""
    return _digest(_basis_parts(assessment))


def basis_matches(assessment: Assessment) -> bool:
    # Bases only ever covered less during the session that introduced them (never released):
    # one digest, the full one, is accepted.
    basis = assessment.review.basis
    return basis is not None and basis == approval_basis(assessment)


def first_move(entry: HistoryEntry) -> tuple[str, str] | None:
    """The move an entry records, as (from, to); None for an entry that moved nothing."""
    for event in entry.events:
        if event.code in MOVES:
            return str(event.params["old"]), str(event.params["new"])
    return None


def recorded_status(history: tuple[HistoryEntry, ...]) -> str | None:
    """The status the history's last recorded move led to (None: no move recorded).

    Only the first move in an entry counts: the rest of its summary is the mover's comment.
    """
    for entry in reversed(history):
        move = first_move(entry)
        if move:
            return move[1]
    return None


def changed_parts(before: Assessment, after: Assessment) -> list[str]:
    """What differs in the approved content: question ids, then "exceptions", "service",
    "subcontractors", "vendor", "review"."""
    old, new = _basis_parts(before), _basis_parts(after)
    ids = sorted(
        rid
        for rid in old["answers"].keys() | new["answers"].keys()
        if old["answers"].get(rid) != new["answers"].get(rid)
    )
    parts = ("exceptions", "service", "subcontractors", "vendor", "review")
    ids += [part for part in parts if old.get(part) != new.get(part)]
    return ids


def legality_problems(
    result: ScoreResult, confirmed_na: tuple[str, ...] | None
) -> list[ApprovalProblem]:
    """What stands in the way of approving on these answers now (rules W2, W7).

    ``confirmed_na`` None skips the confirmation check (an approval from before rule W7).
    """
    problems: list[ApprovalProblem] = []
    if not result.complete:
        problems.append(ApprovalProblem("incomplete", result.unanswered))
    if result.blockers:
        problems.append(
            ApprovalProblem("open-blockers", tuple(f.requirement for f in result.blockers))
        )
    if result.unverified_gates:
        problems.append(ApprovalProblem("unverified-gates", result.unverified_gates))
    if confirmed_na is not None:
        unconfirmed = tuple(i for i in result.na_to_confirm if i not in confirmed_na)
        if unconfirmed:
            problems.append(ApprovalProblem("na-unconfirmed", unconfirmed))
    return problems


def plain_approval_problem(result: ScoreResult) -> ApprovalProblem | None:
    """Rule C1: an approval without conditions while findings need them."""
    if result.conditions_needed:
        return ApprovalProblem("conditions-needed", result.conditions_needed)
    return None


def _record_problems(review: Review, history: tuple[HistoryEntry, ...]) -> list[ApprovalProblem]:
    """Rule W9: what the file itself says about how the approval was recorded."""
    problems: list[ApprovalProblem] = []
    # Every file has a history (the schema requires one entry); the workflow writes its
    # moves there, so an approval no move led to was typed in, not decided.
    if history and recorded_status(history) != review.status:
        problems.append(ApprovalProblem("unrecorded"))
    if review.basis is None and (
        review.decided_at is None or review.decided_at >= BASIS_RECORDED_SINCE
    ):
        problems.append(ApprovalProblem("basis-missing"))
    return problems


def approval_problems(
    assessment: Assessment,
    catalogue: Catalogue,
    today: dt.date,
    result: ScoreResult | None = None,
) -> tuple[ApprovalProblem, ...]:
    """Why a recorded approval does not stand; empty when it does or nothing is approved."""
    review = assessment.review
    if review.status not in APPROVED_STATUSES:
        return ()
    result = result or score_assessment(assessment, catalogue, today=today)
    unbased = review.basis is None
    problems = legality_problems(result, None if unbased else review.confirmed_na)
    plain = plain_approval_problem(result) if review.status == "approved" else None
    if plain is not None:
        problems.append(plain)
    problems += _record_problems(review, assessment.history)
    if unbased:
        if not any(p.code == "basis-missing" for p in problems):
            problems.append(ApprovalProblem("unbased"))
    elif not basis_matches(assessment):
        problems.append(ApprovalProblem("stale"))
    return tuple(problems)


def approval_stands(problems: tuple[ApprovalProblem, ...]) -> bool:
    return not any(p.blocking for p in problems)


def standing(
    assessment: Assessment,
    catalogue: Catalogue,
    today: dt.date,
    result: ScoreResult | None = None,
) -> str:
    """The status to show and count: the recorded one, unless it is an approval that does
    not stand (then ``approval_invalid``)."""
    problems = approval_problems(assessment, catalogue, today, result)
    return assessment.review.status if approval_stands(problems) else INVALID_STANDING


def _back_in_review(review: Review) -> Review:
    return Review(
        status="in_review",
        reviewer=review.reviewer,
        next_review=review.next_review,  # the vendor is still due by the date it set
        submitted_by=review.submitted_by,
    )


def reopened_if_invalid(
    assessment: Assessment, catalogue: Catalogue, today: dt.date
) -> tuple[Assessment, Phrase | None]:
    """Rule W2 on saving: a recorded approval that does not stand (edited by hand, or an
    exception it relied on has ended) is not written back as an approval."""
    problems = [p for p in approval_problems(assessment, catalogue, today) if p.blocking]
    if not problems:
        return assessment, None
    reason = phrase(
        HistoryCode.REOPENED_INVALID,
        status=status_word(assessment.review.status),
        reasons=Joined(tuple(problem_phrase(p) for p in problems)),
    )
    return replace(assessment, review=_back_in_review(assessment.review)), reason


def reopened_if_changed(base: Assessment, edited: Assessment) -> tuple[Assessment, Phrase | None]:
    """Rule W8: an approved assessment whose approved content changed goes back into review.

    Returns the assessment to save and, when it was reopened, the reason for the history.
    """
    review = edited.review
    if review.status not in APPROVED_STATUSES:
        return edited, None
    if review.basis is not None:
        if basis_matches(edited):
            return edited, None
    elif base.review.status in APPROVED_STATUSES:
        # Approved before bases were recorded: what it was when loaded is what stands.
        if approval_basis(edited) == approval_basis(base):
            return edited, None
    else:
        return edited, None
    changed = changed_parts(base, edited)
    was = status_word(review.status)
    reason = (
        phrase(HistoryCode.REOPENED, status=was, ids=ids(changed))
        if changed
        else phrase(HistoryCode.REOPENED_UNKNOWN, status=was)
    )
    return replace(edited, review=_back_in_review(review)), reason
