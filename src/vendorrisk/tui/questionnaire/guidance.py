"""How to answer the current question: guidance, the criteria of each compliance value and
the references, shown beside the question when the screen is wide and below it otherwise."""

from __future__ import annotations

from textual.reactive import var

from vendorrisk.core.catalog.model import Requirement
from vendorrisk.messages import language, t
from vendorrisk.tui.questionnaire.settled import SettledText


class Guidance(SettledText):
    requirement: var[Requirement | None] = var(None, init=False)

    def watch_requirement(self, requirement: Requirement | None) -> None:
        self.update(guide_text(requirement) if requirement is not None else "")


def guide_text(requirement: Requirement) -> str:
    lang = language()
    parts = [t("tui.q.guidance"), requirement.guidance.get(lang)]
    if requirement.criteria is not None:
        parts += [
            "",
            t("tui.q.criteria"),
            f"◎ {t('tui.q.criteria.met')}: {requirement.criteria.met.get(lang)}",
            f"△ {t('tui.q.criteria.partial')}: {requirement.criteria.partial.get(lang)}",
            f"✗ {t('tui.q.criteria.not_met')}: {requirement.criteria.not_met.get(lang)}",
        ]
    refs = [f"{k}: {', '.join(v)}" for k, v in requirement.refs.items()]
    if refs:
        parts += ["", t("tui.q.refs", refs="; ".join(refs))]
    return "\n".join(parts)
