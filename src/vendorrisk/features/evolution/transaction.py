"""Writing a migrated batch all or nothing, even across a crash.

Two phases with a journal. First every new file is written beside its target under a short
hidden name (through ``storage.save``, so it gets the same revision, history and checks as
any save) and fsynced; a failure there removes the new files and leaves every target as it
was. Then the journal is marked as committing and the new files are renamed over their
targets. A run killed before the mark is rolled back by the next ``migrate`` or
``outdated``; one killed after it is finished by them: either way no batch stays half
migrated.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from vendorrisk.core.codes import CodedError, phrase
from vendorrisk.features.evolution.codes import EvolutionCode, at_path, reason_of
from vendorrisk.store import storage
from vendorrisk.store.files import ReadRefused, digest_hex, read_limited
from vendorrisk.store.tomlfile import MAX_ASSESSMENT_BYTES

JOURNAL_NAME = ".vendorrisk-migrate.journal"
MAX_JOURNAL_BYTES = 16 * 1024 * 1024

State = Literal["preparing", "committing"]


class TransactionError(CodedError):
    """A batch that was not written; the phrase names the file and the reason, and nothing
    of the batch is left on disk."""


def _failed(path: Path, exc: OSError) -> TransactionError:
    return TransactionError(
        phrase(storage.StorageCode.WRITE_FAILED, path=path, reason=reason_of(exc))
    )


@dataclass(frozen=True, slots=True)
class Staged:
    target: Path
    staged: Path


@dataclass(frozen=True, slots=True)
class Item:
    """One file of the batch: what was loaded, and what to save in its place."""

    base: storage.Loaded
    save: Callable[[storage.Loaded], storage.Loaded]  # saves to the Loaded's path


def staged_path(target: Path) -> Path:
    # Short and fixed in length: beside a target with a long name, a name derived from it
    # (plus the temporary file storage writes first) could pass the 255-byte limit.
    tag = digest_hex(target.name, size=8)
    return target.with_name(f".vr-{tag}.migrating")


def _write_journal(journal: Path, state: State, entries: Sequence[Staged]) -> None:
    data = {
        "state": state,
        "files": [{"target": str(e.target), "staged": str(e.staged)} for e in entries],
    }
    tmp = journal.with_name(journal.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, journal)
    storage.fsync_folder(journal.parent)


def _remove(paths: Sequence[Path]) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _stage(item: Item) -> Staged:
    target = item.base.path.absolute()
    staged = staged_path(target)
    # A byte-for-byte copy of the target stands in for it, so that the save's lost-update
    # check passes and the new bytes land beside the target exactly as a save would write.
    shutil.copy2(target, staged)
    item.save(replace(item.base, path=staged))
    return Staged(target, staged)


def _unchanged(item: Item) -> bool:
    try:
        return storage.digest_of(read_limited(item.base.path, MAX_ASSESSMENT_BYTES)) == (
            item.base.digest
        )
    except OSError:
        return False


def write_all(items: Sequence[Item], *, dry_run: bool) -> None:
    """Save every item, or none; raises TransactionError naming the file that failed.

    A dry run does all of the first phase (so a name too long, a folder not writable or a
    full disk shows now) and then removes what it wrote.
    """
    if not items:
        return
    journal = items[0].base.path.absolute().parent / JOURNAL_NAME
    planned = [Staged(i.base.path.absolute(), staged_path(i.base.path.absolute())) for i in items]
    try:
        _write_journal(journal, "preparing", planned)
    except OSError as exc:
        raise _failed(journal, exc) from None
    try:
        for item in items:
            try:
                _stage(item)
            except storage.StorageError as exc:
                raise TransactionError(at_path(item.base.path, exc)) from None
            except OSError as exc:
                raise _failed(item.base.path, exc) from None
        for item in items:
            if not _unchanged(item):
                raise TransactionError(
                    phrase(storage.StorageCode.CHANGED_ON_DISK, path=item.base.path)
                )
        if dry_run:
            raise _DryRunDone
        _write_journal(journal, "committing", planned)
    except (TransactionError, _DryRunDone, OSError, KeyboardInterrupt) as exc:
        _remove([s.staged for s in planned])
        _remove([journal])
        if isinstance(exc, _DryRunDone):
            return
        if isinstance(exc, OSError):
            raise _failed(journal, exc) from None
        raise
    try:
        _commit(journal, planned)
    except OSError as exc:
        # Past the commit mark the batch is decided: the journal stays for the next command.
        said = phrase(EvolutionCode.COMMIT_INTERRUPTED, journal=journal, reason=reason_of(exc))
        raise CommitInterrupted(said) from None


class CommitInterrupted(TransactionError):
    """Renaming stopped part way (a disk error); the journal lets the next command finish."""


class _DryRunDone(Exception):
    pass


def _commit(journal: Path, entries: Sequence[Staged]) -> None:
    for entry in entries:
        if entry.staged.exists():
            os.replace(entry.staged, entry.target)
    for folder in {e.target.parent for e in entries}:
        storage.fsync_folder(folder)
    _remove([journal])
    storage.fsync_folder(journal.parent)


def _save_temp_files(staged: Path) -> list[Path]:
    # Whatever their age: a journal still on disk means no run is writing them now (each
    # run settles the journal before it starts).
    return sorted(staged.parent.glob(f".{staged.name}.*.tmp"))


@dataclass(frozen=True, slots=True)
class Recovered:
    journal: Path
    finished: bool  # True: the batch was completed; False: it was rolled back
    targets: tuple[Path, ...]


def recover(folder: Path) -> Recovered | None:
    """Finish or roll back a batch interrupted in ``folder``; None when there was none.

    Raises TransactionError when the journal cannot be read or acted on.
    """
    journal = folder / JOURNAL_NAME
    # A journal torn while being written never replaced the real one: it is only litter.
    _remove([journal.with_name(journal.name + ".tmp")])
    try:
        raw = read_limited(journal, MAX_JOURNAL_BYTES)
    except FileNotFoundError:
        return None
    except (ReadRefused, OSError) as exc:
        unreadable = phrase(storage.StorageCode.UNREADABLE, path=journal, reason=reason_of(exc))
        raise TransactionError(unreadable) from None
    try:
        data = json.loads(raw)
        state = data["state"]
        entries = [Staged(Path(f["target"]), Path(f["staged"])) for f in data["files"]]
    except (ValueError, KeyError, TypeError):
        # Torn while first written (before any new file existed): nothing to undo but it.
        _remove([journal])
        return Recovered(journal, False, ())
    targets = tuple(e.target for e in entries)
    try:
        if state == "committing":
            _commit(journal, entries)
            return Recovered(journal, True, targets)
        _remove([e.staged for e in entries])
        # A save killed while writing a new file leaves its own temporary file too.
        _remove([tmp for e in entries for tmp in _save_temp_files(e.staged)])
        _remove([journal])
    except OSError as exc:
        raise _failed(journal, exc) from None
    return Recovered(journal, False, targets)
