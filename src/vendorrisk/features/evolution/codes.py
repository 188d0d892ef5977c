"""What the format and catalogue upgrades say, as codes; the faces choose the words."""

from __future__ import annotations

from vendorrisk.core.codes import Code, CodedError, Phrase, phrase
from vendorrisk.store.files import reason_of as files_reason_of


class EvolutionCode(Code):
    RECORD_UNUSABLE = "evolution.record-unusable"
    NO_CHAIN = "evolution.no-chain"
    NO_VERSION = "evolution.no-version"
    RESULT_INVALID = "migrate.result-invalid"
    COMMIT_INTERRUPTED = "migrate.commit-interrupted"
    AT_PATH = "evolution.at-path"


class MigrationCode(Code):
    """The marks a migration leaves in moved answers' notes (its history summary is made of
    ``HistoryCode.MIGRATED*`` phrases)."""

    NOTE_SPLIT = "migrate.note-split"
    NOTE_MERGED = "migrate.note-merged"
    NOTE_CRITERIA = "migrate.note-criteria"


def reason_of(exc: BaseException) -> Phrase | str:
    """Why an operation failed, for a phrase: a coded error's phrase, or the system's text
    (an OSError's strerror is the operating system's words, not ours)."""
    if isinstance(exc, CodedError):
        return exc.phrase
    if isinstance(exc, OSError):
        return files_reason_of(exc)
    return str(exc)


def at_path(path: object, exc: BaseException) -> Phrase:
    return phrase(EvolutionCode.AT_PATH, path=path, reason=reason_of(exc))
