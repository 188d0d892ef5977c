"""Which clauses apply to a service: the clause's own profile rules, and, where it names
requirements in ``applies_with``, at least one of them applying.

With an assessment, requirements apply as the questionnaire shows them (conditions on the
answers included). Without one -- a draft for a procurement not yet assessed -- a condition
that reads only the profile is decided, and one that waits on an answer counts as applying:
the draft must not leave out a clause because a question has not been asked yet.
"""

from __future__ import annotations

from collections.abc import Mapping

from vendorrisk.core.catalog.applicability import Profile, iter_applicable, matches_profile
from vendorrisk.core.catalog.conditions import PROFILE_NAMES, evaluate, names_in
from vendorrisk.core.catalog.model import Catalogue, Clause
from vendorrisk.core.model import AnswerValue


def applicable_requirement_ids(
    catalogue: Catalogue, profile: Profile, answers: Mapping[str, AnswerValue] | None
) -> frozenset[str]:
    if answers is not None:
        return frozenset(r.id for r in iter_applicable(catalogue, profile, answers))
    env = profile.environment()
    found = set()
    for requirement in catalogue.requirements:
        if not matches_profile(requirement, profile):
            continue
        condition = requirement.condition
        if condition is None or not names_in(condition) <= set(PROFILE_NAMES):
            found.add(requirement.id)
        elif evaluate(condition, env):
            found.add(requirement.id)
    return frozenset(found)


def applicable_clauses(
    catalogue: Catalogue, profile: Profile, answers: Mapping[str, AnswerValue] | None
) -> list[Clause]:
    """The clauses for this service, in catalogue order."""
    applying = applicable_requirement_ids(catalogue, profile, answers)
    return [
        c
        for c in catalogue.clauses
        if matches_profile(c, profile)
        and (not c.applies_with or any(rid in applying for rid in c.applies_with))
    ]
