"""The formats of a blank questionnaire for a vendor, registered by name: ``questionnaire
export`` writes one, ``round start`` one per vendor due (named with the format's suffix)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from vendorrisk.core.catalog.model import Catalogue, Requirement
from vendorrisk.core.classification import Kind, Tier
from vendorrisk.messages import Lang
from vendorrisk.render.formats import Formats, Reporter
from vendorrisk.render.questionnaire import render_csv, render_markdown, render_toml


@dataclass(frozen=True, slots=True)
class Questionnaire:
    catalogue: Catalogue
    questions: list[Requirement]
    kind: Kind
    tier: Tier | None
    lang: Lang


class QuestionnaireReporter(Reporter[Questionnaire, bytes], Protocol):
    @property
    def suffix(self) -> str:
        """The file name extension of a questionnaire in this format."""
        ...


QUESTIONNAIRE_FORMATS: Formats[QuestionnaireReporter] = Formats("questionnaire")


@QUESTIONNAIRE_FORMATS.register("toml")
class TomlQuestionnaire:
    """The file the vendor fills in and ``import-answers`` reads back."""

    for_people = True
    suffix = "toml"

    def render(self, value: Questionnaire) -> bytes:
        text = render_toml(value.catalogue, value.questions, value.kind, value.tier, value.lang)
        return text.encode("utf-8")


@QUESTIONNAIRE_FORMATS.register("csv")
class CsvQuestionnaire:
    for_people = True
    suffix = "csv"

    def render(self, value: Questionnaire) -> bytes:
        return render_csv(value.questions, value.lang).encode("utf-8")


@QUESTIONNAIRE_FORMATS.register("md")
class MarkdownQuestionnaire:
    for_people = True
    suffix = "md"

    def render(self, value: Questionnaire) -> bytes:
        text = render_markdown(value.catalogue, value.questions, value.kind, value.tier, value.lang)
        return text.encode("utf-8")
