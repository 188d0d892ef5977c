"""Assessments on disk: canonical bytes, atomic writes, no lost updates, kept history.

Every write goes to a temporary file in the same folder, is flushed and fsynced, and then
renamed over the target, so a reader (or a crash) sees the old file or the new one, never
a mix. A save compares the file on disk with the content hash taken when it was loaded and
refuses if someone else changed it in between.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from vendorrisk.core.approval import reopened_if_changed, reopened_if_invalid
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.codec import to_document
from vendorrisk.core.codes import Code, CodedError, Joined, Phrase, phrase, verbatim
from vendorrisk.core.history_codes import HistoryCode, Summary, events_of
from vendorrisk.core.localtime import current_user, now
from vendorrisk.core.model import Assessment, HistoryEntry
from vendorrisk.core.problems import Problem
from vendorrisk.core.schemas import schema_id
from vendorrisk.store import toml_writer
from vendorrisk.store.assessment_check import check_assessment_bytes
from vendorrisk.store.files import (
    MAX_OUTPUT_BYTES,
    digest_hex,
    leftover_temp_files,
    read_limited,
    reason_of,
)
from vendorrisk.store.files import digest_of as digest_of  # part of this module's API too
from vendorrisk.store.repository import SCHEMAS_FOLDER, relative_link, repository_root, stays_inside
from vendorrisk.store.tomlfile import MAX_ASSESSMENT_BYTES


class StorageCode(Code):
    UNREADABLE = "storage.unreadable"
    INVALID = "storage.invalid"
    WRITE_FAILED = "storage.write-failed"
    EXISTS = "storage.exists"
    CHANGED_ON_DISK = "storage.changed-on-disk"
    REFUSED_INVALID = "storage.refused-invalid"
    SUMMARY_FORMATTED = "storage.summary-formatted"


class StorageError(CodedError):
    """A save or load that did not happen; ``phrase`` says why, and ``problems`` what is
    wrong with the file when that was the reason."""

    def __init__(self, said: Phrase | str, problems: tuple[Problem, ...] = ()) -> None:
        # Text is accepted as it is: a caller's own words (a test's stand-in for a disk error).
        super().__init__(said if isinstance(said, Phrase) else verbatim(said))
        self.problems = problems


class ChangedOnDisk(StorageError):
    pass


class AlreadyExists(StorageError):
    pass


class InvalidAssessment(StorageError):
    pass


@dataclass(frozen=True, slots=True)
class Loaded:
    """An assessment with the identity of the bytes it came from."""

    path: Path
    assessment: Assessment
    digest: str
    warnings: tuple[Problem, ...] = ()


# Legal forms say nothing about which vendor it is; file names are shorter without them.
_LEGAL_FORMS = re.compile(
    r"株式会社|有限会社|合同会社|合資会社|合名会社|(?:一般|公益)(?:社団|財団)法人|特定非営利活動法人"
    r"|\(株\)|\(有\)"
)
_UNSAFE_IN_NAMES = re.compile(r'[\s/\\:*?"<>|\x00-\x1f]+')
_NAME_PART_CHARS = 16
_ASCII_PART_CHARS = 30


def _name_part(name: str) -> tuple[str, bool]:
    """One name as it reads in a file name, and whether it had to be cut."""
    if name.isascii():
        words = "-".join(re.findall(r"[a-z0-9]+", name.lower()))
        return words[:_ASCII_PART_CHARS].strip("-"), len(words) > _ASCII_PART_CHARS
    # Japanese names are kept as they are written: a romanisation would need a dictionary,
    # and a hash tells a clerk nothing.
    text = _LEGAL_FORMS.sub("", unicodedata.normalize("NFKC", name))
    text = _UNSAFE_IN_NAMES.sub("-", text.lower()).strip("-.")
    return text[:_NAME_PART_CHARS].strip("-"), len(text) > _NAME_PART_CHARS


def name_slug(vendor: str, service: str) -> str:
    """The readable part of a file name for one vendor's service: the names themselves
    (without legal forms like 株式会社), with a short hash of the full names only when one
    was cut, so that it stays unique per vendor and service."""
    parts = [_name_part(vendor), _name_part(service)]
    slug = "-".join(text for text, _ in parts if text)
    if not slug or any(cut for _, cut in parts):
        tag = digest_hex(f"{vendor}\n{service}", size=4)
        slug = f"{slug}-{tag}" if slug else tag
    return slug


def suggested_file_name(kind: str, vendor: str, service: str, today: dt.date) -> str:
    """A readable assessment file name, unique per vendor and service (``name_slug``)."""
    return f"{today:%Y}-{kind}-{name_slug(vendor, service)}.toml"


def schema_directive(path: Path) -> str:
    """The ``#:schema`` comment editors (taplo, Even Better TOML) use to validate as you type.

    A function of the repository, never of the machine: the link is relative to the file's
    folder and leads to ``schemas/assessment.schema.json`` at the repository root (see
    :mod:`vendorrisk.store.repository`), never above it. A line the file already has is kept as it
    is when it is an https URL (other than the schema's own ``$id``, which no editor can
    fetch) or a relative link that stays inside the repository (any relative link when no
    root is known: then there is nothing to check it against), so saving never rewrites
    it. A new file outside any repository, or in one without the schema, gets no line:
    nothing else would mean the same on another machine.
    """
    folder = path.resolve().parent
    root = repository_root(folder)
    existing = _existing_directive(path)
    if existing is not None:
        target = existing.removeprefix("#:schema").strip()
        published = target.startswith("https://") and target != schema_id("assessment")
        if published or stays_inside(target, folder, root):
            return f"{existing}\n"
    if root is None:
        return ""
    schema = root / SCHEMAS_FOLDER / "assessment.schema.json"
    if not schema.is_file():
        return ""
    return f"#:schema {relative_link(schema, folder)}\n"


def _existing_directive(path: Path) -> str | None:
    """The first line of the file at ``path`` when it is a ``#:schema`` line."""
    try:
        head = read_limited(path, 4095, head=True)  # the 4096 bytes a first line may take
    except OSError:
        return None
    line = head.split(b"\n", 1)[0].decode("utf-8", "replace").rstrip("\r")
    if not line.startswith("#:schema ") or not line.removeprefix("#:schema ").strip():
        return None
    return line


def render(assessment: Assessment, catalogue: Catalogue, path: Path) -> bytes:
    """The canonical bytes: the same assessment at the same place always gives these."""
    document = to_document(assessment, catalogue.order)
    return toml_writer.dumps(document, preamble=schema_directive(path)).encode("utf-8")


def _read(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_ASSESSMENT_BYTES)
    except OSError as exc:
        raise StorageError(
            phrase(StorageCode.UNREADABLE, path=path, reason=reason_of(exc))
        ) from None


def _from_bytes(path: Path, raw: bytes, catalogue: Catalogue) -> Loaded:
    checked = check_assessment_bytes(raw, catalogue)
    if not checked.valid or checked.assessment is None:
        raise InvalidAssessment(phrase(StorageCode.INVALID, path=path), checked.problems)
    return Loaded(path, checked.assessment, digest_of(raw), checked.problems)


def load(path: Path, catalogue: Catalogue) -> Loaded:
    """Read an assessment; raises InvalidAssessment naming every problem."""
    return _from_bytes(path, _read(path), catalogue)


def fsync_folder(folder: Path) -> None:
    # The rename is durable only once the folder entry is on disk too.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


if sys.platform == "win32":  # pragma: no cover - no flock there; the hash check stands

    @contextlib.contextmanager
    def _folder_lock(folder: Path) -> Iterator[None]:
        yield

else:
    import fcntl

    @contextlib.contextmanager
    def _folder_lock(folder: Path) -> Iterator[None]:
        """An exclusive lock on the folder, between vendorrisk processes (advisory)."""
        fd = os.open(folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock


def _disk_digest(path: Path) -> str | None:
    try:
        # Reports and exports are replaced through here too, and may exceed an assessment's limit.
        return digest_of(read_limited(path, MAX_OUTPUT_BYTES))
    except FileNotFoundError:
        return None


def _remove_leftovers(path: Path) -> None:
    """Remove what killed saves of ``path`` left (``validate`` names them until then).

    Run once this save has succeeded. Only files untouched for a minute count as left
    over, so a save of the same file running in another process keeps its own.
    """
    for leftover in leftover_temp_files(path):
        with contextlib.suppress(OSError):
            leftover.unlink()


def atomic_write(
    path: Path, data: bytes, *, expected_digest: str | None, create: bool = False
) -> None:
    """Replace ``path`` with ``data`` atomically.

    ``expected_digest`` is the hash of the bytes the caller loaded; if the file now holds
    something else the write is refused. With ``create`` the file must not exist yet.
    """
    folder = path.parent
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    try:
        handle = tempfile.NamedTemporaryFile(
            dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
    except OSError as exc:
        raise StorageError(
            phrase(StorageCode.WRITE_FAILED, path=path, reason=reason_of(exc))
        ) from None
    tmp = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if create:
            try:
                # link() fails if the target exists: creation can never replace a file.
                os.link(tmp, path)
            except FileExistsError:
                raise AlreadyExists(phrase(StorageCode.EXISTS, path=path)) from None
            tmp.unlink()
            _remove_leftovers(path)
        else:
            # Without the lock two writers could both find the old bytes and both replace
            # them: the first one's edit would be lost with no one told.
            with _folder_lock(folder):
                if _disk_digest(path) != expected_digest:
                    raise ChangedOnDisk(phrase(StorageCode.CHANGED_ON_DISK, path=path))
                os.replace(tmp, path)
                _remove_leftovers(path)
        fsync_folder(folder)
    except OSError as exc:
        raise StorageError(
            phrase(StorageCode.WRITE_FAILED, path=path, reason=reason_of(exc))
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _checked_render(assessment: Assessment, catalogue: Catalogue, path: Path) -> bytes:
    """Render, and refuse to write what could not be loaded again: every file the tool
    writes must pass ``validate``."""
    data = render(assessment, catalogue, path)
    checked = check_assessment_bytes(data, catalogue)
    if not checked.valid:
        errors = tuple(p for p in checked.problems if p.severity == "error")
        raise InvalidAssessment(phrase(StorageCode.REFUSED_INVALID, path=path), errors)
    return data


def _entry(revision: int, at: dt.datetime, by: str, summary: Summary) -> HistoryEntry:
    events, comment = events_of(summary)
    return HistoryEntry(revision=revision, at=at, by=by, events=events, comment=comment)


def _record(
    assessment: Assessment, revision: int, by: str, summary: Summary, at: dt.datetime
) -> Assessment:
    entry = _entry(revision, at, by, summary)
    return replace(assessment, revision=revision, history=(*assessment.history, entry))


def _reopen_changed_approval(
    base: Assessment,
    edited: Assessment,
    catalogue: Catalogue,
    summary: Summary,
    at: dt.datetime,
    earlier: tuple[HistoryEntry, ...],
) -> tuple[Assessment, Phrase | None]:
    """Rules W8 and W2: every save path (UI, review, import, migrate) passes here, so an
    approval is never written back on answers other than the ones approved, nor when it
    does not stand on the answers it has. Returns what to write and why it was reopened.

    ``earlier`` is the history this save's entry will follow: the approval this save
    records is judged with its own move in the history (rule W9).
    """
    reopened, reason = reopened_if_changed(base, edited)
    if reason is None:
        pending = _entry(edited.revision + 1, at, "", summary)
        judged, reason = reopened_if_invalid(
            replace(reopened, history=(*earlier, pending)), catalogue, at.date()
        )
        reopened = replace(judged, history=reopened.history)
    return reopened, reason


def approval_after_save(
    loaded: Loaded,
    assessment: Assessment,
    catalogue: Catalogue,
    *,
    summary: Summary,
    at: dt.datetime | None = None,
) -> Phrase | None:
    """Why saving ``assessment`` would put a recorded approval back into review, or None:
    for a dry run to say what the real run will do, in the same words."""
    base = loaded.assessment
    edited = replace(assessment, revision=base.revision, history=base.history)
    if edited == base:
        return None
    _, reason = _reopen_changed_approval(
        base, edited, catalogue, summary, at or now(), base.history
    )
    return reason


def _with_reason(summary: Summary, reason: Phrase | None) -> Summary:
    """The summary and, after it, why the approval went back into review (a phrase: its
    lists of ids are already cut short, so the entry stays within the schema's limits)."""
    if reason is None:
        return summary
    before = summary.items if isinstance(summary, Joined) else (summary,)
    return Joined((*before, reason))


def create(
    path: Path,
    assessment: Assessment,
    catalogue: Catalogue,
    *,
    by: str | None = None,
    summary: Summary | None = None,
    at: dt.datetime | None = None,
) -> Loaded:
    """Write a new assessment as revision 1; never replaces an existing file."""
    first = _record(
        replace(assessment, history=()),
        1,
        by or current_user(),
        summary or phrase(HistoryCode.CREATED),
        at or now(),
    )
    data = _checked_render(first, catalogue, path)
    atomic_write(path, data, expected_digest=None, create=True)
    return Loaded(path, first, digest_of(data))


def save(
    loaded: Loaded,
    assessment: Assessment,
    catalogue: Catalogue,
    *,
    by: str | None = None,
    summary: Summary,
    at: dt.datetime | None = None,
    amend: bool = False,
) -> Loaded:
    """Save a changed assessment as the next revision.

    Revision and history are the storage layer's business: callers pass the edited
    assessment as they got it, and an unchanged one writes nothing. With ``amend`` the
    latest revision is rewritten instead (its history entry replaced) -- for a caller that
    made that revision itself in the same sitting.
    """
    base = loaded.assessment
    edited = replace(assessment, revision=base.revision, history=base.history)
    if edited == base:
        return loaded
    at = at or now()
    earlier = base.history[:-1] if amend else base.history
    edited, reason = _reopen_changed_approval(base, edited, catalogue, summary, at, earlier)
    summary = _with_reason(summary, reason)
    if amend:
        # One editing session is one revision: its later autosaves replace the entry its
        # first save made, so history and git show one change per sitting, not per keystroke.
        previous = replace(edited, history=base.history[:-1])
        updated = _record(previous, base.revision, by or current_user(), summary, at or now())
    else:
        updated = _record(edited, base.revision + 1, by or current_user(), summary, at or now())
    data = _checked_render(updated, catalogue, loaded.path)
    atomic_write(loaded.path, data, expected_digest=loaded.digest)
    return Loaded(loaded.path, updated, digest_of(data))


def save_as(
    loaded: Loaded,
    assessment: Assessment,
    path: Path,
    catalogue: Catalogue,
    *,
    by: str | None = None,
    summary: Summary,
    at: dt.datetime | None = None,
) -> Loaded:
    """Write the edited assessment to a new file (after a conflict), keeping its history."""
    base = loaded.assessment
    at = at or now()
    edited, reason = _reopen_changed_approval(
        base,
        replace(assessment, revision=base.revision, history=base.history),
        catalogue,
        summary,
        at,
        base.history,
    )
    summary = _with_reason(summary, reason)
    updated = _record(
        edited,
        base.revision + 1,
        by or current_user(),
        summary,
        at or now(),
    )
    data = _checked_render(updated, catalogue, path)
    atomic_write(path, data, expected_digest=None, create=True)
    return Loaded(path, updated, digest_of(data))


def reformat(path: Path, catalogue: Catalogue, *, write: bool) -> bool:
    """Rewrite a valid file in canonical form; True if its bytes (would) change.

    Formatting is not a change of content, so it keeps the revision and history.
    """
    raw = _read(path)
    loaded = _from_bytes(path, raw, catalogue)
    data = render(loaded.assessment, catalogue, path)
    if data == raw:
        return False
    if write:
        atomic_write(path, data, expected_digest=loaded.digest)
    return True
