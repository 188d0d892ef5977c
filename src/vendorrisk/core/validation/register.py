"""The 再委託承認 register against itself and against the answers (issue 14 §5).

Rules (docs/validation.md, "Re-subcontracting register"):

- G1–G5, errors: the register must describe one tree (unique names, level 1 without a
  parent, every other level under an existing entry one level up), with valid 法人番号 and
  a consent that has an approver and does not come before the request.
- G6, warning: an answer of "met" that the register cannot bear out. Which answers rest
  on the register, and on which consents, is the table ``REGISTER_RULES``.
- G7–G9, warnings: the register contradicts the profile or P-01, or My Number data
  reaches an entry through one that does not handle it.

Every finding is a Problem with a stable code; the words are in messages/register.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from vendorrisk.core import corporate_number
from vendorrisk.core.catalog.model import Requirement
from vendorrisk.core.model import Assessment, Subcontractor
from vendorrisk.core.problems import Problem, ProblemCode, problem

# The profile question "does the vendor re-subcontract?".
RESUBCONTRACTING: Final = "P-01"
ConsentNeeded = Literal["none", "all", "mynumber"]


@dataclass(frozen=True, slots=True)
class RegisterRule:
    """An answer that, when "met", says something the register must show: that the
    subcontractors are known, and (``consent``) that the city's consent is on record for
    every entry, or for every entry handling My Number data (番号法10条, every level)."""

    requirement: str
    consent: ConsentNeeded


REGISTER_RULES: Final = (
    # Prior written approval of re-subcontracting: each entry is one such approval.
    RegisterRule("A-12a", "all"),
    # Duties passed on, the list at every tier, supervision, the city's right to audit:
    # none of these can be met for subcontractors nobody has named.
    RegisterRule("A-12b", "none"),
    RegisterRule("A-13a", "none"),
    RegisterRule("A-13b", "none"),
    RegisterRule("A-13c", "none"),
    # 番号法10条: the city's consent at every level of re-subcontracting My Number work.
    RegisterRule("A-24c", "mynumber"),
)
_SHOWN_NAMES: Final = 5


def _key(index: int, field: str | None = None) -> str:
    return f"subcontractors[{index}]" + (f".{field}" if field else "")


def _names(entries: list[Subcontractor]) -> str:
    shown = ", ".join(s.name for s in entries[:_SHOWN_NAMES])
    more = len(entries) - _SHOWN_NAMES
    return shown + (f" (+{more})" if more > 0 else "")


def structure_problems(register: tuple[Subcontractor, ...]) -> list[Problem]:
    """Rules G1–G5: errors that make the register unreadable as a tree of consents."""
    problems: list[Problem] = []
    levels = {s.name: s.level for s in register}
    counts = Counter(s.name for s in register)
    reported: set[str] = set()
    for i, sub in enumerate(register):
        if counts[sub.name] > 1 and sub.name not in reported:
            reported.add(sub.name)
            problems.append(
                problem(ProblemCode.SUBCONTRACTOR_DUPLICATE, key=_key(i, "name"), name=sub.name)
            )
        if sub.level == 1 and sub.parent is not None:
            problems.append(
                problem(
                    ProblemCode.SUBCONTRACTOR_PARENT_AT_LEVEL_1,
                    key=_key(i, "parent"),
                    name=sub.name,
                )
            )
        elif sub.level > 1 and sub.parent is None:
            problems.append(
                problem(
                    ProblemCode.SUBCONTRACTOR_PARENT_MISSING,
                    key=_key(i, "level"),
                    name=sub.name,
                    level=sub.level,
                )
            )
        elif sub.parent is not None and sub.parent not in levels:
            problems.append(
                problem(
                    ProblemCode.SUBCONTRACTOR_PARENT_UNKNOWN,
                    key=_key(i, "parent"),
                    name=sub.name,
                    parent=sub.parent,
                )
            )
        elif sub.parent is not None and levels[sub.parent] != sub.level - 1:
            problems.append(
                problem(
                    ProblemCode.SUBCONTRACTOR_PARENT_LEVEL,
                    key=_key(i, "level"),
                    name=sub.name,
                    level=sub.level,
                    parent=sub.parent,
                    parent_level=levels[sub.parent],
                )
            )
        number = sub.corporate_number
        if number is not None and not corporate_number.is_valid(number):
            problems.append(
                problem(
                    ProblemCode.CORPORATE_NUMBER, key=_key(i, "corporate_number"), number=number
                )
            )
        if (sub.consented is None) != (sub.approver is None):
            field = "approver" if sub.approver is None else "consented"
            problems.append(
                problem(
                    ProblemCode.SUBCONTRACTOR_CONSENT_INCOMPLETE, key=_key(i, field), name=sub.name
                )
            )
        if (
            sub.consented is not None
            and sub.requested is not None
            and sub.consented < sub.requested
        ):
            problems.append(
                problem(
                    ProblemCode.SUBCONTRACTOR_CONSENT_BEFORE_REQUEST,
                    key=_key(i, "consented"),
                    name=sub.name,
                    consented=sub.consented.isoformat(),
                    requested=sub.requested.isoformat(),
                )
            )
    return problems


def without_consent(
    register: tuple[Subcontractor, ...], needed: ConsentNeeded
) -> list[Subcontractor]:
    """The entries that lack the consent ``needed`` asks for."""
    if needed == "none":
        return []
    return [s for s in register if not s.consent_recorded and (needed == "all" or s.mynumber_data)]


def answer_problems(assessment: Assessment, applicable: Mapping[str, Requirement]) -> list[Problem]:
    """Rule G6: the "met" answers of ``REGISTER_RULES`` the register does not bear out. An
    empty register is one finding naming every such answer (at the first one's line): one
    missing register, not six separate faults."""
    register = assessment.subcontractors
    met = [
        rule
        for rule in REGISTER_RULES
        if rule.requirement in applicable
        and (answer := assessment.answers.get(rule.requirement)) is not None
        and answer.value == "met"
    ]
    if not met:
        return []
    if not register:
        ids = ", ".join(rule.requirement for rule in met)
        key = f"answers.{met[0].requirement}"
        return [
            problem(ProblemCode.REGISTER_EMPTY_ANSWER_MET, key=key, severity="warning", ids=ids)
        ]
    problems: list[Problem] = []
    for rule in met:
        missing = without_consent(register, rule.consent)
        if missing:
            problems.append(
                problem(
                    f"register-consent-missing-{rule.consent}",
                    key=f"answers.{rule.requirement}",
                    severity="warning",
                    id=rule.requirement,
                    count=len(missing),
                    names=_names(missing),
                )
            )
    return problems


def profile_problems(assessment: Assessment) -> list[Problem]:
    """Rules G7–G9: the register against P-01, the data flags and itself."""
    register = assessment.subcontractors
    if not register:
        return []
    problems: list[Problem] = []
    resubcontracts = assessment.answers.get(RESUBCONTRACTING)
    if resubcontracts is not None and resubcontracts.value is False:
        problems.append(
            problem(
                ProblemCode.REGISTER_WITHOUT_RESUBCONTRACTING,
                key=f"answers.{RESUBCONTRACTING}",
                severity="warning",
                id=RESUBCONTRACTING,
                count=len(register),
            )
        )
    by_name = {s.name: s for s in register}
    for i, sub in enumerate(register):
        if not sub.mynumber_data:
            continue
        if not assessment.service.mynumber_data:
            problems.append(
                problem(
                    ProblemCode.SUBCONTRACTOR_MYNUMBER_OUTSIDE_SERVICE,
                    key=_key(i, "mynumber_data"),
                    severity="warning",
                    name=sub.name,
                )
            )
        parent = by_name.get(sub.parent) if sub.parent else None
        if parent is not None and not parent.mynumber_data:
            problems.append(
                problem(
                    ProblemCode.SUBCONTRACTOR_MYNUMBER_CHAIN,
                    key=_key(i, "mynumber_data"),
                    severity="warning",
                    name=sub.name,
                    parent=parent.name,
                )
            )
    return problems


def register_problems(
    assessment: Assessment, applicable: Mapping[str, Requirement]
) -> list[Problem]:
    """Rules G6–G9, which read the register with the answers (G1–G5 need no catalogue and
    are ``structure_problems``)."""
    return answer_problems(assessment, applicable) + profile_problems(assessment)
