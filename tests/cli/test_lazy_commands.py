"""Only the chosen command's module is loaded; --help still lists every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


# What check's start does not load before its first request: the encoders of output (json,
# html's entity table), the problem codes, the file lister and its hash, and shutil (which
# argparse imports to ask for the terminal's width, for help only).
_NOT_BEFORE_THE_FIRST_REQUEST = (
    "json",
    "html",
    "unicodedata",
    "shutil",
    "hashlib",
    "vendorrisk.core.encoding",
    "vendorrisk.core.problems",
    "vendorrisk.store.files",
)


def test_check_starts_without_what_it_needs_only_once_answers_come(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("http://127.0.0.1:9/\n", "utf-8")
    # The whole start up to the batch: parsing, the URL list, the checker's options.
    probe = (
        "import sys\n"
        "from vendorrisk import cli\n"
        "from vendorrisk.cli import check_commands\n"
        f"args, func = cli._parse(['check', '--allow-private', '--file', {str(urls)!r}])\n"
        "assert func is check_commands.run_check\n"
        "check_commands._gather_urls(args)\n"
        "check_commands._options(args)\n"
        f"print(','.join(m for m in {_NOT_BEFORE_THE_FIRST_REQUEST!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout == "\n"


def test_a_command_the_quick_look_missed_still_runs_the_real_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Should argparse read a command word that _chosen_command did not see, the stand-in
    # it picks leads to a second parse with the real command.
    monkeypatch.setattr(cli, "_chosen_command", lambda argv: "")
    assert cli.main(["securitytxt", "--help"]) == 0
    assert "PATH_OR_URL" in capsys.readouterr().out
