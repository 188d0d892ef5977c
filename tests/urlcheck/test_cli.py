"""The ``check`` and ``securitytxt`` commands: output formats and exit codes.

The commands run their own event loop, so these tests are plain functions and the site is
an ``http.server`` in a thread.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from vendorrisk.cli import main
from vendorrisk.urlcheck.record import validate_record

from .servers import valid_security_txt


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/.well-known/security.txt":
            body, kind, status = valid_security_txt().encode(), "text/plain; charset=utf-8", 200
        elif self.path == "/":
            body, kind, status = (
                "<p>プライバシーマーク取得</p>".encode(),
                "text/html; charset=utf-8",
                200,
            )
        else:
            body, kind, status = b"missing", "text/plain", 404
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site(command_loop: str) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    # shutdown() waits for the next poll: 0.05 s instead of the default half second.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_check_writes_one_valid_json_line_per_url_in_input_order(site, capsys):
    urls = [f"{site}/", f"{site}/nope", "ftp://example.jp/"]
    code = main(
        ["--lang", "en", "check", *urls, "--allow-private", "--format", "jsonl", "--timeout", "5"]
    )
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["url"] for r in records] == urls
    assert all(validate_record(r) == [] for r in records)
    assert records[1]["status"] == 404
    assert records[2]["refused"] is True
    assert code == 1


def test_check_refuses_loopback_without_allow_private(site, capsys):
    assert main(["check", f"{site}/", "--format", "json"]) == 1
    [record] = json.loads(capsys.readouterr().out)
    assert record["error"]["code"] == "refused-loopback"


def test_check_reads_urls_from_a_file_with_comments(site, tmp_path, capsys):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# vendors\n{site}/\n\n  # another comment\n{site}/\n", encoding="utf-8")
    main(["check", "--file", str(listing), "--allow-private", "--format", "json"])
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 1  # duplicates are checked once


def test_check_text_output_is_a_table_with_a_summary(site, capsys):
    main(["--lang", "ja", "check", f"{site}/", "--allow-private", "--format", "text"])
    out = capsys.readouterr().out
    assert "プライバシーマーク" in out
    assert "1 件を確認" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "--file", "/nonexistent/urls.txt"],
        ["check", "https://example.jp/", "--concurrency", "0"],
        ["check", "https://example.jp/", "--ca-bundle", "/nonexistent.pem"],
        ["check", "https://example.jp/", "--allow-network", "not-a-cidr"],
        ["securitytxt", "/nonexistent/security.txt"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err


def test_securitytxt_validates_a_local_file_as_json(tmp_path, capsys):
    path = tmp_path / "security.txt"
    path.write_text(
        valid_security_txt(canonical="https://example.jp/.well-known/security.txt"),
        encoding="utf-8",
    )
    code = main(
        [
            "securitytxt",
            str(path),
            "--url",
            "https://example.jp/.well-known/security.txt",
            "--format",
            "json",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(report) == {"valid", "problems", "fields"}
    assert report["valid"] is True


def test_securitytxt_exits_1_for_an_invalid_file(tmp_path, capsys):
    path = tmp_path / "security.txt"
    path.write_text("Contact: security@example.jp\n", encoding="utf-8")
    assert main(["--lang", "en", "securitytxt", str(path)]) == 1
    out = capsys.readouterr().out
    assert "contact-not-uri" in out and "missing-expires" in out and "invalid" in out


def test_securitytxt_fetches_a_url(site, capsys):
    code = main(["securitytxt", f"{site}/", "--allow-private", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1  # served over http: RFC 9116 wants https
    assert "not-https" in [p["code"] for p in report["problems"]]


def test_the_entry_point_runs_as_a_module(tmp_path):
    path = tmp_path / "security.txt"
    path.write_text(valid_security_txt(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "vendorrisk", "securitytxt", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["valid"] is True


def test_a_check_process_ends_with_every_record_written_and_its_exit_code(site, tmp_path):
    # The process's own entry ends without the interpreter's teardown (cli.run): what the
    # command wrote must all be out, and the code must be the command's.
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"{site}/?n={n}\n" for n in range(30)) + f"{site}/\n", "utf-8")
    argv = [sys.executable, "-m", "vendorrisk", "check", "--allow-private", "--file", str(urls)]
    result = subprocess.run([*argv, "--format", "jsonl"], capture_output=True, text=True)
    written = [json.loads(line)["url"] for line in result.stdout.splitlines()]
    assert written == [f"{site}/?n={n}" for n in range(30)] + [f"{site}/"]
    assert result.returncode == 1  # plain http: the records have findings
    assert result.stderr == ""
    table = subprocess.run([*argv, "--format", "json"], capture_output=True, text=True)
    assert len(json.loads(table.stdout)) == 31


def test_a_check_piped_into_a_reader_that_stops_early_ends_quietly(site, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"{site}/?n={n}\n" for n in range(200)), "utf-8")
    check = subprocess.Popen(
        [sys.executable, "-m", "vendorrisk", "check", "--allow-private", "--file", str(urls)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert check.stdout is not None and check.stderr is not None
    check.stdout.readline()
    check.stdout.close()  # as `| head -1` does
    assert check.wait(timeout=60) in (0, 1)
    with check.stderr:
        assert b"Traceback" not in check.stderr.read()


@pytest.mark.parametrize("command", ["check", "securitytxt"])
def test_a_check_whose_reader_is_gone_before_it_writes_ends_quietly_with_0(site, command):
    # The reader left before the first line (``| head -c1`` on a slow start): the command
    # stops as any command does when its output is closed, with nothing on stderr.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "vendorrisk", command, "--allow-private", f"{site}/"],
            stdout=write_end,
            stderr=subprocess.PIPE,
        )
    finally:
        os.close(write_end)
    assert result.stderr == b""
    assert result.returncode == 0
