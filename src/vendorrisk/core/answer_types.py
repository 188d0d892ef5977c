"""What each answer type of the catalogue means, in one place: how a value is checked, read
from a vendor's file or from typed text, which values a single-choice answer offers, and
what a value is when shown (a plain value: the faces choose the words).

Validation, the import, the questionnaire, the reports and the UI all ask the registry
``ANSWER_TYPES`` instead of switching on ``answer.type`` each in their own way; adding an
answer type is one class here (and the schema's enum).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from typing import Final, Literal

from vendorrisk.core.catalog.model import (
    COMPLIANCE_VALUES,
    AnswerSpec,
    AnswerType,
    Text,
)
from vendorrisk.core.codes import Code, CodedError, Phrase, phrase
from vendorrisk.core.dates import parse_date
from vendorrisk.core.model import Answer, AnswerValue
from vendorrisk.core.problems import Problem, problem

# The one test of an https URL (an answer of type "url", typed or read from a file).
HTTPS_URL: Final = re.compile(r"https://[^\s/?#]+\S*")

# Which family of input an answer type is given with (the UI builds one widget per family).
InputFamily = Literal["choice", "multi", "text"]


class AnswerWord(Code):
    """Answer values the faces put into words (a status, yes or no)."""

    MET = "status.met"
    PARTIAL = "status.partial"
    NOT_MET = "status.not_met"
    NA = "status.na"
    UNANSWERED = "status.unanswered"
    YES = "report.yes"
    NO = "report.no"


class ReadCode(Code):
    """Why a vendor's value could not be read as the type the question asks for."""

    BAD_VALUE = "import.bad-value"
    NOT_FINITE = "import.not-finite"
    WRONG_TYPE = "import.wrong-type"


class AnswerValueError(CodedError, ValueError):
    """A vendor's value that is not of the question's answer type."""


# A value as it is shown: words chosen at the faces for codes and catalogue texts, a date
# in the reader's calendar; a tuple for several chosen options.
Plain = str | int | float | dt.date | Code | Text | tuple["Plain", ...]
# How a face says a code in each language it knows (to read a vendor's 「適合」 as "met").
Spoken = Callable[[Code], Iterable[str]]

_STATUS_WORDS: Final = {
    "met": AnswerWord.MET,
    "partial": AnswerWord.PARTIAL,
    "not_met": AnswerWord.NOT_MET,
    "na": AnswerWord.NA,
    "unanswered": AnswerWord.UNANSWERED,
}
_TRUE: Final = {"true", "yes", "y", "1", "はい", "有", "あり"}
_FALSE: Final = {"false", "no", "n", "0", "いいえ", "無", "なし"}


def _label(spec: AnswerSpec, option_id: str) -> Text | str:
    for option in spec.options:
        if option.id == option_id:
            return option.label
    return option_id  # validation refuses unknown options; keep the raw id just in case


def _option(spec: AnswerSpec, raw: str) -> str:
    # The questionnaire shows "id (label)"; a vendor may keep the label or type the id.
    text = raw.strip().split(" (", 1)[0].strip()
    for option in spec.options:
        if text == option.id or text in (option.label.ja, option.label.en):
            return option.id
    return text  # left for the catalogue check, which names the valid options


def _wrong(kind: str) -> AnswerValueError:
    return AnswerValueError(phrase(ReadCode.WRONG_TYPE, type=kind))


def _number_from(text: str) -> int | float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() and "." not in text else number


class AnswerKind:
    """One answer type. The defaults fit a free text; each type overrides what differs."""

    name: AnswerType = "text"
    widget: InputFamily = "text"
    # How problems name the values the type takes ("expected ...").
    expected: str = "string"
    # Whether a vendor's value may run over several lines (a free text only).
    multiline: bool = False
    # Whether a value is a number, so a leading "-" or "+" in a spreadsheet cell is not a
    # formula but the sign.
    numeric: bool = False

    def problems(self, spec: AnswerSpec, answer: Answer, key: str, rid: str) -> list[Problem]:
        """What is wrong with a stored answer's value for this type (empty when fine)."""
        if not isinstance(answer.value, str):
            return [self.wrong_type(key, rid)]
        return []

    def wrong_type(self, key: str, rid: str) -> Problem:
        return problem("answer-type", key=key, id=rid, expected=self.expected)

    def coerce(self, spec: AnswerSpec, raw: object, spoken: Spoken) -> AnswerValue:
        """A vendor's value (from TOML or a CSV cell) as this type; AnswerValueError when
        it is not one."""
        if isinstance(raw, str):
            return raw
        raise _wrong(self.name)

    def parse(self, spec: AnswerSpec, text: str) -> AnswerValue | None:
        """A value typed into the UI, or None when it is not (yet) a valid one."""
        text = text.strip()
        if not text:
            return None
        return text if spec.max_length is None or len(text) <= spec.max_length else None

    def options(self, spec: AnswerSpec) -> tuple[AnswerValue, ...]:
        """The values a single-choice answer offers, in order (empty for other types)."""
        return ()

    def written(self, spec: AnswerSpec) -> tuple[str | tuple[str, Text], ...]:
        """What a vendor may write in a questionnaire, in order: a value as written, or an
        option's id with its label (empty when the answer is free)."""
        return ()

    def plain(self, spec: AnswerSpec, value: AnswerValue) -> Plain:
        """``value`` as it is shown. A value that does not fit the type (a lenient read for
        a diff, a file of another catalogue version) is shown by its own shape."""
        if isinstance(value, bool):
            return AnswerWord.YES if value else AnswerWord.NO
        if isinstance(value, tuple):
            return tuple(_label(spec, v) for v in value)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, dt.date):
            return value
        return str(value)


ANSWER_TYPES: dict[str, AnswerKind] = {}


def _registered(cls: type[AnswerKind]) -> type[AnswerKind]:
    ANSWER_TYPES[cls.name] = cls()
    return cls


@_registered
class Compliance(AnswerKind):
    name = "compliance"
    widget = "choice"
    expected = "met / partial / not_met / na"

    def problems(self, spec: AnswerSpec, answer: Answer, key: str, rid: str) -> list[Problem]:
        value = answer.value
        if not isinstance(value, str) or value not in COMPLIANCE_VALUES:
            return [self.wrong_type(key, rid)]
        if value == "na" and not (answer.reason and answer.reason.strip()):
            return [problem("na-reason", key=key, id=rid)]
        return []

    def coerce(self, spec: AnswerSpec, raw: object, spoken: Spoken) -> AnswerValue:
        if not isinstance(raw, str):
            raise _wrong(self.name)
        text = raw.strip()
        if text in COMPLIANCE_VALUES:
            return text
        for value in COMPLIANCE_VALUES:
            if text in spoken(_STATUS_WORDS[value]):
                return value
        bad: Phrase = phrase(ReadCode.BAD_VALUE, value=text[:40], expected=self.expected)
        raise AnswerValueError(bad)

    def options(self, spec: AnswerSpec) -> tuple[AnswerValue, ...]:
        return COMPLIANCE_VALUES

    def written(self, spec: AnswerSpec) -> tuple[str | tuple[str, Text], ...]:
        return COMPLIANCE_VALUES

    def plain(self, spec: AnswerSpec, value: AnswerValue) -> Plain:
        # An unknown status (a hand edit, another tool's file) is shown as written.
        if isinstance(value, str):
            return _STATUS_WORDS.get(value, value)
        return super().plain(spec, value)


@_registered
class Boolean(AnswerKind):
    name = "boolean"
    widget = "choice"
    expected = "true / false"

    def problems(self, spec: AnswerSpec, answer: Answer, key: str, rid: str) -> list[Problem]:
        return [] if isinstance(answer.value, bool) else [self.wrong_type(key, rid)]

    def coerce(self, spec: AnswerSpec, raw: object, spoken: Spoken) -> AnswerValue:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
            return raw.strip().lower() in _TRUE
        raise _wrong(self.name)

    def options(self, spec: AnswerSpec) -> tuple[AnswerValue, ...]:
        return (True, False)

    def written(self, spec: AnswerSpec) -> tuple[str | tuple[str, Text], ...]:
        return ("true", "false")


@_registered
class Choice(AnswerKind):
    name = "choice"
    widget = "choice"

    def problems(self, spec: AnswerSpec, answer: Answer, key: str, rid: str) -> list[Problem]:
        value = answer.value
        if not isinstance(value, str):
            return [self.wrong_type(key, rid)]
        if value not in spec.option_ids():
            options = ", ".join(spec.option_ids())
            return [problem("answer-option", key=key, id=rid, value=value, options=options)]
        return []

    def coerce(self, spec: AnswerSpec, raw: object, spoken: Spoken) -> AnswerValue:
        if isinstance(raw, str):
            return _option(spec, raw)
        raise _wrong(self.name)

    def options(self, spec: AnswerSpec) -> tuple[AnswerValue, ...]:
        return spec.option_ids()

    def written(self, spec: AnswerSpec) -> tuple[str | tuple[str, Text], ...]:
        return tuple((o.id, o.label) for o in spec.options)

    def plain(self, spec: AnswerSpec, value: AnswerValue) -> Plain:
        if isinstance(value, str):
            return _label(spec, value)
        return super().plain(spec, value)


@_registered
class Multi(AnswerKind):
    name = "multi"
    widget = "multi"
    expected = "array of strings"

    def problems(self, spec: AnswerSpec, answer: Answer, key: str, rid: str) -> list[Problem]:
        value = answer.value
        if not isinstance(value, tuple):
            return [self.wrong_type(key, rid)]
        unknown = [v for v in value if v not in spec.option_ids()]
        if unknown:
            options = ", ".join(spec.option_ids())
            return [problem("answer-option", key=key, id=rid, value=unknown[0], options=options)]
        return []

    def coerce(self, spec: AnswerSpec, raw: object, spoken: Spoken) -> AnswerValue:
        if isinstance(raw, str):
            parts = raw.replace(",", ";").split(";")
            return tuple(_option(spec, p) for p in parts if p.strip())
        if isinstance(raw, list) and all(isinstance(p, str) for p in raw):
            return tuple(_option(spec, p) for p in raw if p.strip())
        raise _wrong(self.name)

    def written(self, spec: AnswerSpec) -> tuple[str | tuple[str, Text], ...]:
        return tuple((o.id, o.label) for o in spec.options)


@_registered
class FreeText(AnswerKind):
    name = "text"
    multiline = True

    def problems(self, spec: AnswerSpec, answer: Answer, key: str, rid: str) -> list[Problem]:
        value = answer.value
        if not isinstance(value, str):
            return [self.wrong_type(key, rid)]
        if spec.max_length is not None and len(value) > spec.max_length:
            return [problem("answer-too-long", key=key, id=rid, limit=spec.max_length)]
        return []


@_registered
class Day(AnswerKind):
    name = "date"
    expected = "date"

    def problems(self, spec: AnswerSpec, answer: Answer, key: str, rid: str) -> list[Problem]:
        value = answer.value
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            return [self.wrong_type(key, rid)]
        return []

    def coerce(self, spec: AnswerSpec, raw: object, spoken: Spoken) -> AnswerValue:
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw
        if isinstance(raw, str):
            try:
                return dt.date.fromisoformat(raw.strip())
            except ValueError:
                pass
        raise _wrong(self.name)

    def parse(self, spec: AnswerSpec, text: str) -> AnswerValue | None:
        text = text.strip()
        return parse_date(text) if text else None


@_registered
class Number(AnswerKind):
    name = "number"
    expected = "number"
    numeric = True

    def problems(self, spec: AnswerSpec, answer: Answer, key: str, rid: str) -> list[Problem]:
        value = answer.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            return [self.wrong_type(key, rid)]
        if not math.isfinite(value):
            return [problem("answer-not-finite", key=key, id=rid, value=value)]
        if (spec.minimum is not None and value < spec.minimum) or (
            spec.maximum is not None and value > spec.maximum
        ):
            return [problem("answer-range", key=key, id=rid, value=value)]
        return []

    def coerce(self, spec: AnswerSpec, raw: object, spoken: Spoken) -> AnswerValue:
        if isinstance(raw, float) and not math.isfinite(raw):
            raise AnswerValueError(phrase(ReadCode.NOT_FINITE, value=str(raw)))
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return raw
        if isinstance(raw, str):
            try:
                number = float(raw.strip())
            except ValueError:
                pass
            else:
                if not math.isfinite(number):
                    raise AnswerValueError(phrase(ReadCode.NOT_FINITE, value=raw.strip()[:20]))
                return int(number) if number.is_integer() and "." not in raw else number
        raise _wrong(self.name)

    def parse(self, spec: AnswerSpec, text: str) -> AnswerValue | None:
        text = text.strip()
        return _number_from(text) if text else None


@_registered
class Url(AnswerKind):
    name = "url"
    expected = "https URL"

    def problems(self, spec: AnswerSpec, answer: Answer, key: str, rid: str) -> list[Problem]:
        value = answer.value
        if not isinstance(value, str) or not HTTPS_URL.fullmatch(value):
            return [problem("answer-url", key=key, id=rid)]
        return []

    def coerce(self, spec: AnswerSpec, raw: object, spoken: Spoken) -> AnswerValue:
        if isinstance(raw, str):
            return raw.strip()
        raise _wrong(self.name)

    def parse(self, spec: AnswerSpec, text: str) -> AnswerValue | None:
        text = text.strip()
        return text if text and HTTPS_URL.fullmatch(text) else None


def answer_kind(spec: AnswerSpec) -> AnswerKind:
    return ANSWER_TYPES[spec.type]
