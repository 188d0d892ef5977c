"""The one way the program reads and writes assessments: a ``Store`` bound to a catalogue
(and, for listings, a folder).

Whoever needs an assessment asks a store. ``load`` gives a valid one with the digest of its
bytes (to be saved again without losing anyone's update) and refuses any other;
``load_all`` does so for every file under a folder, with a report for each that fails.
Those that want an assessment whatever is wrong with it -- ``diff`` and git's textconv, the
list summaries, ``validate``, ``migrate`` (against the catalogue version a file is pinned
to) -- ``read`` the bytes and ``check`` them, and judge the verdict themselves. Every read
goes through the bounded reader (``files.read_limited``), every check through
``check_assessment_bytes``, every write through ``storage``'s atomic save with history.

The storage layer and the checks are imported when first used: the list screen reads
files through a store at start-up, where a folder listed from its cache needs neither.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from vendorrisk.store.files import FileReport, find_files, read_limited
from vendorrisk.store.tomlfile import MAX_ASSESSMENT_BYTES

if TYPE_CHECKING:
    from vendorrisk.core.catalog.model import Catalogue
    from vendorrisk.core.history_codes import Summary
    from vendorrisk.core.model import Assessment
    from vendorrisk.store.assessment_check import Checked
    from vendorrisk.store.storage import Loaded


def read_assessment(path: Path) -> bytes:
    """The bytes of the assessment file at ``path``, at most ``MAX_ASSESSMENT_BYTES``;
    raises OSError (a ``files.ReadRefused`` says which refusal)."""
    return read_limited(path, MAX_ASSESSMENT_BYTES)


class Store:
    """Assessments of ``catalogue``; ``folder`` is where ``load_all`` looks by default."""

    def __init__(self, catalogue: Catalogue, folder: Path | None = None) -> None:
        self.catalogue = catalogue
        self.folder = folder

    # --- reading ------------------------------------------------------------------------

    read = staticmethod(read_assessment)

    def check(
        self, raw: bytes, catalogue: Catalogue | None = None, *, lines: bool = True
    ) -> Checked:
        """What ``raw`` holds as an assessment of this catalogue, or of ``catalogue`` (the
        version a file is pinned to): the assessment wherever it could be built, however
        invalid, and every problem found (``lines=False``: problems of meaning without
        their line, for a caller that shows none)."""
        from vendorrisk.store.assessment_check import check_assessment_bytes

        return check_assessment_bytes(raw, catalogue or self.catalogue, lines=lines)

    def load(self, path: Path) -> Loaded:
        """The valid assessment at ``path``; raises ``storage.StorageError`` (an
        ``InvalidAssessment`` names every problem)."""
        from vendorrisk.store import storage

        return storage.load(path, self.catalogue)

    def load_all(self, folder: Path | None = None) -> Iterator[Loaded | FileReport]:
        """Each file under ``folder`` (by default the store's) in file order: loaded, or a
        report of why not. One bad file leaves that file out, never the whole batch."""
        from vendorrisk.core.problems import Problem
        from vendorrisk.store import storage

        where = folder or self.folder
        if where is None:
            raise ValueError("load_all needs a folder")
        for entry in find_files([where]):
            if isinstance(entry, FileReport):
                yield entry
                continue
            try:
                yield storage.load(entry, self.catalogue)
            except storage.StorageError as exc:
                yield FileReport(entry, exc.problems or (Problem("unreadable", exc.phrase),))

    def load_folder(self, folder: Path | None = None) -> tuple[list[Loaded], list[FileReport]]:
        """``load_all``, sorted into the loaded assessments and the reports of failures."""
        loaded: list[Loaded] = []
        failed: list[FileReport] = []
        for item in self.load_all(folder):
            if isinstance(item, FileReport):
                failed.append(item)
            else:
                loaded.append(item)
        return loaded, failed

    # --- writing ------------------------------------------------------------------------

    def render(self, assessment: Assessment, path: Path) -> bytes:
        """The canonical bytes of ``assessment`` saved at ``path``."""
        from vendorrisk.store import storage

        return storage.render(assessment, self.catalogue, path)

    def create(
        self,
        path: Path,
        assessment: Assessment,
        *,
        by: str | None = None,
        summary: Summary | None = None,
        at: dt.datetime | None = None,
    ) -> Loaded:
        """A new file holding ``assessment`` as revision 1; never replaces a file."""
        from vendorrisk.store import storage

        return storage.create(path, assessment, self.catalogue, by=by, summary=summary, at=at)

    def save(
        self,
        loaded: Loaded,
        assessment: Assessment,
        *,
        by: str | None = None,
        summary: Summary,
        at: dt.datetime | None = None,
        amend: bool = False,
    ) -> Loaded:
        """``assessment`` as the next revision of ``loaded`` (``storage.save``)."""
        from vendorrisk.store import storage

        return storage.save(
            loaded, assessment, self.catalogue, by=by, summary=summary, at=at, amend=amend
        )

    def save_as(
        self,
        loaded: Loaded,
        assessment: Assessment,
        path: Path,
        *,
        by: str | None = None,
        summary: Summary,
        at: dt.datetime | None = None,
    ) -> Loaded:
        """The edited ``assessment`` in a new file at ``path``, keeping its history."""
        from vendorrisk.store import storage

        return storage.save_as(
            loaded, assessment, path, self.catalogue, by=by, summary=summary, at=at
        )

    def reformat(self, path: Path, *, write: bool) -> bool:
        """Rewrite a valid file in canonical form; True if its bytes (would) change."""
        from vendorrisk.store import storage

        return storage.reformat(path, self.catalogue, write=write)
