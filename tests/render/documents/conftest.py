"""Golden files of the clause documents (Markdown, and the text of the Word file).

After an intended change to the clause texts or their layout, regenerate and read the diff:

    VENDORRISK_UPDATE_GOLDEN=1 python -m pytest tests/render/documents
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import docx
import pytest

from tests.conftest import REPO

GOLDEN = Path(__file__).parent / "golden"
JUKI = "2026-contractor-juki-zeimu-hoshu"
FUMIKURA = "2026-cloud-fumikura-lgwan"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "assessments"
    target.mkdir()
    for example in sorted((REPO / "assessments").glob("*.toml")):
        shutil.copyfile(example, target / example.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("VENDORRISK_UPDATE_GOLDEN") == "1":
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"{path} missing: run with VENDORRISK_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_bytes().decode("utf-8"), f"{name} differs from its golden file"


def docx_text(data: bytes) -> str:
    """What a reader of the Word file sees: one line per paragraph, with its style."""
    document = docx.Document(io.BytesIO(data))
    lines = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        prefix = {"Heading 1": "# ", "Heading 2": "## "}.get(style, "")
        lines.append(prefix + paragraph.text)
    return "\n".join(lines) + "\n"
