"""A command's start: the garbage collector is off while it starts (and as it was for
whoever called), and help is laid out as argparse's own formatter does."""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from vendorrisk import cli


@pytest.fixture(params=[True, False], ids=["collecting", "not-collecting"])
def collecting(request: pytest.FixtureRequest) -> Iterator[bool]:
    """The caller's collector on, then off; put back on afterwards either way."""
    was = gc.isenabled()
    if request.param:
        gc.enable()
    else:
        gc.disable()
    try:
        yield bool(request.param)
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


def test_a_command_that_returns_leaves_the_collector_as_it_was(
    collecting: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check", "--help"]) == 0
    assert gc.isenabled() is collecting
    assert cli.main(["check", "--no-such-option"]) == 2  # a usage error
    assert gc.isenabled() is collecting
    assert cli.main(["securitytxt", "/no/such/security.txt"]) == 2  # the command ran
    assert gc.isenabled() is collecting
    capsys.readouterr()


def test_a_command_that_raises_leaves_the_collector_as_it_was(
    collecting: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stop(args: object, func: object) -> int:
        raise SystemExit(3)

    monkeypatch.setattr(cli, "_run_command", stop)
    with pytest.raises(SystemExit):
        cli.main(["check", "http://127.0.0.1:9/"])
    assert gc.isenabled() is collecting

    def broken(command: str | None = None) -> object:
        raise RuntimeError("a parser that could not be built")

    monkeypatch.setattr(cli, "build_parser", broken)
    with pytest.raises(RuntimeError):
        cli.main(["check", "http://127.0.0.1:9/"])
    assert gc.isenabled() is collecting


def test_the_command_runs_with_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def record(args: object, func: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(cli, "_run_command", record)
    gc.enable()
    assert cli.main(["check", "http://127.0.0.1:9/"]) == 0
    assert seen == [True]


def test_an_in_process_command_freezes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    # Only the process's own command (run()) keeps its start out of later collections: a
    # test run would otherwise keep each earlier test's garbage for good.
    frozen = gc.get_freeze_count()
    assert cli.main(["validate", "--help"]) == 0
    assert gc.get_freeze_count() == frozen
    capsys.readouterr()


@pytest.mark.parametrize("before", ["gc.enable()", "gc.disable()"])
def test_importing_the_command_line_leaves_the_collector_as_it_was(before: str) -> None:
    probe = f"import gc\n{before}\nwas = gc.isenabled()\nimport vendorrisk.cli\nprint(gc.isenabled() == was)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


@pytest.mark.parametrize("columns", ["30", "70", "100", "250"])
def test_help_is_laid_out_as_argparse_lays_it_out(
    columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The formatter that asks for the width late must write what argparse's would.
    monkeypatch.setenv("COLUMNS", columns)
    parsers = list(_parsers(cli.build_parser(None)))
    assert len(parsers) > len(cli.COMMANDS)
    for parser in parsers:
        ours = parser.format_help()
        parser.formatter_class = argparse.HelpFormatter
        assert parser.format_help() == ours, parser.prog
