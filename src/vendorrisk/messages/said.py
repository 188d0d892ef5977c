"""The core's problems and errors in words, for the faces (CLI, UI, reports).

The core hands over codes and parameters (``Problem.said``, ``CodedError.phrase``,
``files.reason_of``); these put them into the current language, or the one asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vendorrisk.core.codes import Code, CodedError, Phrase
from vendorrisk.messages import Lang, say
from vendorrisk.store.reading import ReadRefused, reason_of

if TYPE_CHECKING:
    # Only named: every command's start loads this module, and the problem codes are a
    # large enum that a command such as ``check`` never needs before its work.
    from vendorrisk.core.problems import Problem


def text_of(said: Phrase | Code | str, lang: Lang | None = None) -> str:
    """A phrase or code in words; text that is already words is kept."""
    return say(said, lang) if isinstance(said, (Phrase, Code)) else said


def problem_text(found: Problem, lang: Lang | None = None) -> str:
    return say(found.said, lang)


def problem_json(found: Problem) -> dict[str, Any]:
    """A problem as JSON output has it: code, place, severity and the message in words."""
    return {
        "line": found.line,
        "key": found.key,
        "code": found.code,
        "severity": found.severity,
        "message": say(found.said),
    }


def error_text(exc: BaseException, lang: Lang | None = None) -> str:
    """An error of the core in words; any other exception as it describes itself."""
    if isinstance(exc, CodedError):
        return say(exc.phrase, lang)
    if isinstance(exc, ReadRefused):
        return say(exc.problem.said, lang)
    return str(exc)


def os_reason(exc: BaseException) -> str:
    """Why a file could not be read or written, in words (``exc.strerror`` or the refusal)."""
    return text_of(reason_of(exc)) if isinstance(exc, OSError) else str(exc)


def save_failure(exc: BaseException) -> str:
    """A failed save in words: the storage message, and the first rule it broke if any."""
    problems: tuple[Problem, ...] = getattr(exc, "problems", ())
    if problems:
        first = problems[0]
        where = f"{first.key}: " if first.key else ""
        return f"{error_text(exc)} ({where}{problem_text(first)})"
    return error_text(exc)
