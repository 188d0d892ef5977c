"""Only the chosen command's module is loaded; --help still lists every command."""

from __future__ import annotations

import subprocess
import sys

import pytest

from vendorrisk import cli
from vendorrisk.cli import COMMANDS, build_parser
from vendorrisk.messages import Lang, set_language


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_help_lists_every_command_as_the_full_parser_does(lang: Lang) -> None:
    set_language(lang)  # the autouse fixture sets English back
    light = build_parser("").format_help()
    full = build_parser(None).format_help()
    assert light == full
    for name, _module, _help in COMMANDS:
        assert name in light


def test_every_registered_command_is_in_the_table() -> None:
    parser = build_parser(None)
    (subparsers,) = [a for a in parser._actions if a.dest == "command"]
    assert list(subparsers.choices or ()) == [name for name, _module, _help in COMMANDS]


def test_check_loads_neither_storage_nor_the_catalogue_nor_other_commands() -> None:
    probe = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('LOADED:' + ','.join(sorted(m for m in sys.modules"
        " if m in ('vendorrisk.store.storage', 'vendorrisk.core.catalog', 'vendorrisk.cli.report_command',"
        " 'vendorrisk.cli.tui_command', 'textual'))), file=sys.stderr))\n"
        "from vendorrisk.cli import main\n"
        "main(['check', '--help'])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "usage: vendorrisk check" in result.stdout
    assert "LOADED:\n" in result.stderr + "\n"


def test_a_command_the_quick_look_missed_still_runs_the_real_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Should argparse read a command word that _chosen_command did not see, the stand-in
    # it picks leads to a second parse with the real command.
    monkeypatch.setattr(cli, "_chosen_command", lambda argv: "")
    assert cli.main(["securitytxt", "--help"]) == 0
    assert "PATH_OR_URL" in capsys.readouterr().out
