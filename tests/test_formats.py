"""Output formats are reporters registered by name (vendorrisk.render.formats): the registry keeps
their order and first-is-default, refuses a name twice, and every command's --format offers
exactly the names of its registry."""

from __future__ import annotations

import argparse

import pytest

from vendorrisk.cli import build_parser
from vendorrisk.render.formats import Formats, Reporter


def _registry() -> Formats[Reporter[int, str]]:
    formats: Formats[Reporter[int, str]] = Formats("numbers")

    @formats.register("plain")
    class Plain:
        for_people = True

        def render(self, value: int) -> str:
            return f"{value}\n"

    @formats.register("doubled")
    class Doubled:
        for_people = False

        def render(self, value: int) -> str:
            return f"{2 * value}\n"

    return formats


def test_names_in_registration_order_and_the_first_is_the_default() -> None:
    formats = _registry()
    assert formats.names == ("plain", "doubled")
    assert formats.default == "plain"
    assert formats["doubled"].render(21) == "42\n"
    assert not formats["doubled"].for_people


def test_a_name_registered_twice_is_refused() -> None:
    formats = _registry()
    with pytest.raises(ValueError, match="twice"):

        @formats.register("plain")
        class Again:
            for_people = True

            def render(self, value: int) -> str:
                return ""


def _format_options(parser: argparse.ArgumentParser, where: str = "") -> dict[str, argparse.Action]:
    """The --format option of every command and subcommand, by its command words."""
    found: dict[str, argparse.Action] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.update(_format_options(sub, f"{where} {name}".strip()))
        elif action.dest == "format":
            found[where] = action
    return found


def test_every_format_option_offers_its_registry() -> None:
    from vendorrisk.cli.catalog_command import CATALOG_FORMATS
    from vendorrisk.cli.check_output import CHECK_FORMATS, SECTXT_FORMATS
    from vendorrisk.cli.diff_command import DIFF_FORMATS
    from vendorrisk.cli.due_command import DUE_FORMATS
    from vendorrisk.cli.evolution_commands import OUTDATED_FORMATS
    from vendorrisk.cli.questionnaire_formats import QUESTIONNAIRE_FORMATS
    from vendorrisk.cli.round_command import ROUND_FORMATS
    from vendorrisk.cli.score_command import SCORE_FORMATS
    from vendorrisk.cli.subcontractors_command import REGISTER_FORMATS
    from vendorrisk.cli.validate_command import VALIDATE_FORMATS
    from vendorrisk.render.documents.formats import CLAUSE_FORMATS
    from vendorrisk.render.reports.formats import EXPORT_FORMATS, REPORT_FORMATS, SUMMARY_FORMATS

    expected = {
        "validate": VALIDATE_FORMATS,
        "catalog": CATALOG_FORMATS,
        "score": SCORE_FORMATS,
        "due": DUE_FORMATS,
        "report": REPORT_FORMATS,
        "export": EXPORT_FORMATS,
        "summary": SUMMARY_FORMATS,
        "check": CHECK_FORMATS,
        "securitytxt": SECTXT_FORMATS,
        "diff": DIFF_FORMATS,
        "outdated": OUTDATED_FORMATS,
        "questionnaire export": QUESTIONNAIRE_FORMATS,
        "subcontractors list": REGISTER_FORMATS,
        "round start": QUESTIONNAIRE_FORMATS,
        "round status": ROUND_FORMATS,
        "clauses": CLAUSE_FORMATS,
    }
    options = _format_options(build_parser(None))
    assert sorted(options) == sorted(expected)
    for command, action in options.items():
        formats = expected[command]
        assert tuple(action.choices or ()) == formats.names, command
        # `check` picks its own default: a table on a terminal, JSON Lines into a pipe.
        assert action.default == (None if command == "check" else formats.default), command
