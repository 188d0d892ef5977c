"""``vendorrisk init``: the files of an assessments repository of the city's own.

Idempotent, and never overwrites what the user changed: the marker ``vendorrisk.toml``
records the SHA-256 of every whole file init wrote. A file is (re)written only when it is
missing, or still holds exactly what init wrote last time; otherwise it is kept and named.
``.gitattributes`` and ``.gitignore`` belong to the user: init only appends the lines it
needs. Nothing is written through a symbolic link or outside the folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from string import Template
from typing import Final, Literal

from vendorrisk import __version__
from vendorrisk.core.codes import Code, CodedError, phrase
from vendorrisk.core.schemas import SCHEMA_NAMES
from vendorrisk.store import toml_writer
from vendorrisk.store.files import MAX_OUTPUT_BYTES, read_limited, reason_of
from vendorrisk.store.gitfiles import (
    ATTRIBUTE_LINE,
    TEMP_IGNORE_LINE,
    GitError,
    GitSaid,
    ensure_lines,
)
from vendorrisk.store.repository import MARKER, SCHEMAS_FOLDER

ASSESSMENTS_FOLDER: Final = "assessments"
# Shown until the user names the repository the hooks come from (--hooks-repo).
PLACEHOLDER_REPO: Final = "https://example.invalid/REPLACE-WITH-THE-VENDORRISK-REPOSITORY"
# Canonical assessment bytes are LF: a checkout that turned them into CRLF would fail
# `fmt --check` on every file.
_ATTRIBUTES: Final = ("*.toml text eol=lf", ATTRIBUTE_LINE)
_MAX_MARKER_BYTES: Final = 1024 * 1024
_TEMPLATES: Final = Path(__file__).resolve().parent.parent / "data" / "init"

Outcome = Literal["created", "updated", "unchanged", "kept-changed", "kept-foreign", "appended"]


class InitSaid(Code):
    SYMLINK = "init.symlink"
    MARKER_UNREADABLE = "init.marker-unreadable"
    NOT_A_FILE = "init.not-a-file"
    NOT_A_FOLDER = "init.not-a-folder"
    WRITE_FAILED = "init.write-failed"


class InitError(CodedError):
    """The folder cannot be set up; ``phrase`` says why."""


@dataclass(frozen=True, slots=True)
class Step:
    path: str  # relative to the repository root, '/'-separated
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class HooksSource:
    repo: str
    rev: str

    @property
    def known(self) -> bool:
        return self.repo != PLACEHOLDER_REPO


def installed_source() -> HooksSource | None:
    """Where this vendorrisk was installed from, when pip recorded a git URL and commit
    (``pip install git+https://…``): the hooks of exactly this version."""
    try:
        text = metadata.distribution("vendorrisk").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not text:
        return None
    try:
        info = json.loads(text)
    except ValueError:
        return None
    vcs = info.get("vcs_info") if isinstance(info, dict) else None
    url = info.get("url") if isinstance(info, dict) else None
    if not isinstance(vcs, dict) or vcs.get("vcs") != "git" or not isinstance(url, str):
        return None
    commit = vcs.get("commit_id")
    if not isinstance(commit, str) or not url.startswith("https://"):
        return None
    return HooksSource(url, commit)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _template(name: str) -> Template:
    return Template((_TEMPLATES / name).read_text("utf-8"))


def planned_files(source: HooksSource) -> dict[str, bytes]:
    """Every whole file init writes, by path relative to the root (the marker aside)."""
    values = {"hooks_repo": source.repo, "hooks_rev": source.rev, "version": __version__}
    files: dict[str, bytes] = {f"{ASSESSMENTS_FOLDER}/.gitkeep": b""}
    schemas = resources.files("vendorrisk.core.schemas")
    for name in SCHEMA_NAMES:
        files[f"{SCHEMAS_FOLDER}/{name}.schema.json"] = schemas.joinpath(
            f"{name}.schema.json"
        ).read_bytes()
    for target, name in (
        (".pre-commit-config.yaml", "pre-commit-config.yaml"),
        (".taplo.toml", "taplo.toml"),
        ("ci/vendorrisk.example.yml", "ci.yml"),
        ("README.md", "README.md"),
    ):
        files[target] = _template(name).substitute(values).encode("utf-8")
    return files


@dataclass(frozen=True, slots=True)
class Marker:
    source: HooksSource | None
    written: Mapping[str, str]  # path -> sha256 of what init wrote there


def _refuse_links(root: Path, relative: str) -> Path:
    """``root/relative`` after checking that no part of it below ``root`` is a link."""
    path = root
    for part in relative.split("/"):
        path = path / part
        if path.is_symlink():
            raise InitError(phrase(InitSaid.SYMLINK, path=path))
    return path


def read_marker(root: Path) -> Marker:
    path = _refuse_links(root, MARKER)
    try:
        raw = read_limited(path, _MAX_MARKER_BYTES, head=True)
    except FileNotFoundError:
        return Marker(None, {})
    except OSError as exc:
        raise InitError(
            phrase(InitSaid.MARKER_UNREADABLE, path=path, reason=reason_of(exc))
        ) from None
    if len(raw) > _MAX_MARKER_BYTES:
        raise InitError(
            phrase(InitSaid.MARKER_UNREADABLE, path=path, reason=GitSaid.TOO_LARGE_FILE)
        )
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InitError(phrase(InitSaid.MARKER_UNREADABLE, path=path, reason=str(exc))) from None
    init = document.get("init")
    if not isinstance(init, dict):
        return Marker(None, {})
    repo, rev = init.get("hooks_repo"), init.get("hooks_rev")
    source = HooksSource(repo, rev) if isinstance(repo, str) and isinstance(rev, str) else None
    files = init.get("files")
    written = (
        {k: v for k, v in files.items() if isinstance(v, str)} if isinstance(files, dict) else {}
    )
    return Marker(source, written)


def _marker_bytes(source: HooksSource, written: Mapping[str, str]) -> bytes:
    preamble = (
        "# vendorrisk の評価リポジトリのルート。vendorrisk init が作成・更新します（編集不要）。\n"
        "# The root of a vendorrisk assessments repository, written by `vendorrisk init`.\n"
        "# `#:schema` lines of assessments are relative links inside this folder; the digests\n"
        "# below let init update its own files and never one you changed.\n"
    )
    document = {
        "init": {
            "vendorrisk": __version__,
            "hooks_repo": source.repo,
            "hooks_rev": source.rev,
            "files": dict(sorted(written.items())),
        }
    }
    return toml_writer.dumps(document, preamble=preamble).encode("utf-8")


def _write(path: Path, data: bytes) -> None:
    """Atomically (temporary file, fsync, rename), so an interrupted init leaves either the
    old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    tmp = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _current(path: Path) -> bytes | None:
    if not path.exists():
        return None
    if not path.is_file():
        raise InitError(phrase(InitSaid.NOT_A_FILE, path=path))
    # A file larger than anything init writes differs from what it would write and from
    # the digest it recorded, whatever follows its first bytes.
    return read_limited(path, MAX_OUTPUT_BYTES, head=True)


def _place(root: Path, relative: str, data: bytes, written: dict[str, str]) -> Step:
    path = _refuse_links(root, relative)
    current = _current(path)
    if current == data:
        written[relative] = _digest(data)
        return Step(relative, "unchanged")
    if current is not None:
        recorded = written.get(relative)
        if recorded is None:
            return Step(relative, "kept-foreign")
        if recorded != _digest(current):
            return Step(relative, "kept-changed")
    _write(path, data)
    written[relative] = _digest(data)
    return Step(relative, "created" if current is None else "updated")


@contextlib.contextmanager
def _errors_named(path: Path) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise InitError(
            phrase(InitSaid.WRITE_FAILED, path=path, reason=exc.strerror or str(exc))
        ) from None


def initialise(
    root: Path, *, hooks_repo: str | None = None, hooks_rev: str | None = None
) -> tuple[list[Step], HooksSource]:
    """Create or update the repository at ``root``; the steps taken, and the hooks source
    used (the one given, else the one recorded last time, else where this tool came from)."""
    if root.is_symlink() or (root.exists() and not root.is_dir()):
        raise InitError(phrase(InitSaid.NOT_A_FOLDER, path=root))
    with _errors_named(root):
        root.mkdir(parents=True, exist_ok=True)
    marker = read_marker(root)
    known = marker.source or installed_source()
    chosen = HooksSource(
        hooks_repo or (known.repo if known else PLACEHOLDER_REPO),
        hooks_rev or (known.rev if known and not hooks_repo else f"v{__version__}"),
    )
    written = dict(marker.written)
    steps: list[Step] = []
    for relative, data in planned_files(chosen).items():
        with _errors_named(root / relative):
            steps.append(_place(root, relative, data, written))
    for name, lines in ((".gitattributes", _ATTRIBUTES), (".gitignore", (TEMP_IGNORE_LINE,))):
        path = _refuse_links(root, name)
        try:
            added = ensure_lines(path, lines)
        except GitError as exc:
            raise InitError(exc.phrase) from None
        steps.append(Step(name, "appended" if added else "unchanged"))
    marker_path = _refuse_links(root, MARKER)
    data = _marker_bytes(chosen, written)
    with _errors_named(marker_path):
        current = _current(marker_path)
        if current != data:
            _write(marker_path, data)
    outcome: Outcome = (
        "unchanged" if current == data else "created" if current is None else "updated"
    )
    steps.append(Step(MARKER, outcome))
    return steps, chosen
