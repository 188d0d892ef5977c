"""Changes to the 再委託承認 register of one assessment, shared by the CLI and the UI.

Each function returns the changed assessment and a one-line summary for its history; the
storage layer saves it (revision, history, and rule W8: a change to an approved register
reopens the approval, see approval.py). The register is kept in tree order: an entry is
followed by the entries below it, so the file reads like the organisation chart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from vendorrisk.core import corporate_number
from vendorrisk.core.codes import Code, CodedError, Phrase, phrase
from vendorrisk.core.history_codes import HistoryCode
from vendorrisk.core.model import Assessment, Subcontractor
from vendorrisk.core.problems import ProblemCode


class RegisterSaid(Code):
    NOT_FOUND = "register.not-found"
    DUPLICATE = "register.duplicate"
    REMOVE_HAS_CHILDREN = "register.remove-has-children"


class RegisterError(CodedError):
    """A change the register refuses; ``phrase`` says why."""


def find(register: tuple[Subcontractor, ...], which: str) -> int:
    """The index of the entry ``which`` names: its name, its 法人番号, or its number in
    the list (1-based, as ``subcontractors list`` shows it)."""
    text = which.strip()
    for index, sub in enumerate(register):
        if text in (sub.name, sub.corporate_number):
            return index
    if text.isdigit() and 1 <= int(text) <= len(register):
        return int(text) - 1
    raise RegisterError(phrase(RegisterSaid.NOT_FOUND, which=which))


def _subtree_end(register: tuple[Subcontractor, ...], index: int) -> int:
    """The index just after the entry at ``index`` and everything below it."""
    level = register[index].level
    end = index + 1
    while end < len(register) and register[end].level > level:
        end += 1
    return end


def add(assessment: Assessment, entry: Subcontractor) -> tuple[Assessment, Phrase]:
    """``entry`` added under its parent (or at level 1); its level follows from the parent."""
    register = assessment.subcontractors
    if any(s.name == entry.name for s in register):
        raise RegisterError(phrase(RegisterSaid.DUPLICATE, name=entry.name))
    number = entry.corporate_number
    if number is not None and not corporate_number.is_valid(number):
        raise RegisterError(phrase(ProblemCode.CORPORATE_NUMBER, number=number))
    if entry.parent is None:
        placed = replace(entry, level=1)
        position = len(register)
    else:
        parent = find(register, entry.parent)
        placed = replace(entry, parent=register[parent].name, level=register[parent].level + 1)
        position = _subtree_end(register, parent)
    updated = (*register[:position], placed, *register[position:])
    summary = phrase(HistoryCode.SUBCONTRACTOR_ADDED, name=placed.name, level=placed.level)
    return replace(assessment, subcontractors=updated), summary


def consent(
    assessment: Assessment,
    which: str,
    *,
    approver: str,
    consented: dt.date,
    requested: dt.date | None = None,
) -> tuple[Assessment, Phrase]:
    """The city's consent to the entry ``which`` (for My Number work, 番号法10条)."""
    register = assessment.subcontractors
    index = find(register, which)
    sub = register[index]
    requested = requested or sub.requested
    if requested is not None and consented < requested:
        raise RegisterError(
            phrase(
                ProblemCode.SUBCONTRACTOR_CONSENT_BEFORE_REQUEST,
                name=sub.name,
                consented=consented.isoformat(),
                requested=requested.isoformat(),
            )
        )
    changed = replace(sub, consented=consented, approver=approver, requested=requested)
    updated = (*register[:index], changed, *register[index + 1 :])
    code = (
        HistoryCode.SUBCONTRACTOR_CONSENT_MYNUMBER
        if sub.mynumber_data
        else HistoryCode.SUBCONTRACTOR_CONSENT
    )
    summary = phrase(code, name=sub.name, approver=approver, date=consented.isoformat())
    return replace(assessment, subcontractors=updated), summary


def remove(assessment: Assessment, which: str) -> tuple[Assessment, Phrase]:
    """The entry ``which`` taken off the register; refused while entries sit below it."""
    register = assessment.subcontractors
    index = find(register, which)
    sub = register[index]
    below = [s.name for s in register if s.parent == sub.name]
    if below:
        raise RegisterError(
            phrase(RegisterSaid.REMOVE_HAS_CHILDREN, name=sub.name, names=", ".join(below))
        )
    updated = (*register[:index], *register[index + 1 :])
    removed = phrase(HistoryCode.SUBCONTRACTOR_REMOVED, name=sub.name)
    return replace(assessment, subcontractors=updated), removed
