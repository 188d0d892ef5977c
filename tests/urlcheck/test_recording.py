"""check --assessments/--write and import-checks: results recorded as evidence in assessments,
through the storage layer, against a real HTTPS server on loopback."""

from __future__ import annotations

import json
import shutil
import ssl
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import trustme

from tests.cli.helpers import run_cli
from tests.conftest import REPO
from tests.said import history_of
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.model import VendorUrls
from vendorrisk.core.schedule import expiries
from vendorrisk.store import storage

from .servers import valid_security_txt


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/.well-known/security.txt":
            body, kind = valid_security_txt().encode(), "text/plain; charset=utf-8"
        else:
            body, kind = "<p>ISMAP 登録サービス</p>".encode(), "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Strict-Transport-Security", "max-age=31536000")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> tuple[trustme.CA, Path]:
    authority = trustme.CA()
    bundle = tmp_path_factory.mktemp("ca") / "ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    return authority, bundle


@pytest.fixture
def https_site(ca: tuple[trustme.CA, Path], command_loop: str) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca[0].issue_cert("127.0.0.1").configure_cert(context)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    # shutdown() waits for the next poll: 0.05 s instead of the default half second.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


def _assessments(tmp_path: Path, catalogue: Catalogue, url: str) -> Path:
    folder = tmp_path / "assessments"
    folder.mkdir()
    path = folder / "vendor.toml"
    shutil.copy(REPO / "assessments" / "2026-cloud-fumikura-lgwan.toml", path)
    loaded = storage.load(path, catalogue)
    vendor = replace(loaded.assessment.vendor, urls=VendorUrls(security=url))
    storage.save(
        loaded, replace(loaded.assessment, vendor=vendor), catalogue, summary="URL を試験用に変更"
    )
    return folder


def test_check_write_records_results_in_the_matching_assessment(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    catalogue: Catalogue,
    https_site: str,
    ca: tuple[trustme.CA, Path],
) -> None:
    folder = _assessments(tmp_path, catalogue, https_site)
    before = storage.load(folder / "vendor.toml", catalogue).assessment
    code, out, err = run_cli(
        capsys,
        "check",
        "--assessments",
        folder,
        "--write",
        "--allow-private",
        "--ca-bundle",
        ca[1],
        "--format",
        "jsonl",
        "--timeout",
        "5",
    )
    assert code in (0, 1), err
    (line,) = out.splitlines()
    assert json.loads(line)["url"] == https_site
    after = storage.load(folder / "vendor.toml", catalogue).assessment
    assert after.answers == before.answers  # results are evidence, never answers
    (record,) = after.url_checks
    assert record["url"] == https_site and record["tls"]["verified"] is True
    assert after.revision == before.revision + 1
    assert "1" in history_of(after.history[-1])
    # The certificate's expiry now feeds the reassessment schedule.
    assert any(d.kind == "tls_certificate" for d in expiries(after))
    assert run_cli(capsys, "validate", folder)[0] == 0
    # The same results recorded again add nothing.
    results = tmp_path / "results.jsonl"
    results.write_text(out, "utf-8")
    assert run_cli(capsys, "import-checks", results, "--dir", folder)[0] == 0
    assert storage.load(folder / "vendor.toml", catalogue).assessment.revision == after.revision


def test_import_checks_records_valid_lines_and_names_bad_ones(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    catalogue: Catalogue,
    https_site: str,
    ca: tuple[trustme.CA, Path],
) -> None:
    folder = _assessments(tmp_path, catalogue, https_site)
    code, out, _ = run_cli(
        capsys, "check", https_site, "--allow-private", "--ca-bundle", ca[1], "--format", "jsonl"
    )
    good = out.strip()
    forged = json.loads(good)
    forged["ok"] = "yes"
    results = tmp_path / "results.jsonl"
    results.write_text(
        "\n".join([good, "{not json", json.dumps(forged), json.dumps({"url": 1})]) + "\n", "utf-8"
    )
    code, _, err = run_cli(capsys, "import-checks", results, "--dir", folder)
    assert code == 1
    assert "results.jsonl:2" in err and "results.jsonl:3" in err and "results.jsonl:4" in err
    assert "1 of 4" in err
    assessment = storage.load(folder / "vendor.toml", catalogue).assessment
    assert [r["url"] for r in assessment.url_checks] == [https_site]


def test_import_checks_on_a_missing_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run_cli(capsys, "import-checks", tmp_path / "nope.jsonl", "--dir", tmp_path)
    assert code == 2 and "nope.jsonl" in err
