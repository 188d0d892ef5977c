"""Reading a vendor's filled-in questionnaire: untrusted input, checked before anything is
recorded.

The whole file is refused when it breaks a limit (size, number of answers, length of a
cell): such a file is a mistake or an attack, not something to import in part. Otherwise
each answer is checked on its own -- unknown ids, questions the city answers itself, wrong
types, spreadsheet formulas in CSV cells, control and bidi characters, cells that are not
text -- and refused or accepted with a reason.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from vendorrisk.core import encoding
from vendorrisk.core.codes import Code, CodedError, Joined, Phrase, phrase
from vendorrisk.store.files import ReadRefused, read_limited, reason_of
from vendorrisk.store.storage import StorageCode
from vendorrisk.store.tomlfile import check_bytes, parse_text

MAX_FILE_BYTES: Final = 2 * 1024 * 1024
MAX_ANSWERS: Final = 2_000
MAX_CELL: Final = 20_000
MAX_EVIDENCE: Final = 50
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
MAX_LINE: Final = 500  # the schema's limit for one-line fields such as answered_by
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")

# The "format" key of a questionnaire file: what the city sent, and what a vendor returns.
FORMAT: Final = "vendorrisk-questionnaire"


class ImportCode(Code):
    """What reading and recording a vendor's questionnaire found; the faces say it."""

    BAD_ENTRY = "import.bad-entry"
    BAD_EVIDENCE = "import.bad-evidence"
    CELL_TOO_LONG = "import.cell-too-long"
    CITY_VERIFIED = "import.city-verified"
    CONTROL = "import.control"
    CONTROL_LINE = "import.control-line"
    CSV_BROKEN = "import.csv-broken"
    CSV_COLUMNS = "import.csv-columns"
    DUPLICATE = "import.duplicate"
    FILE_PROBLEMS = "import.file-problems"
    EVIDENCE_NOT_LIST = "import.evidence-not-list"
    EVIDENCE_NOT_TEXT = "import.evidence-not-text"
    EVIDENCE_TOO_LONG = "import.evidence-too-long"
    FILE_TOO_LARGE = "import.file-too-large"
    FORMULA = "import.formula"
    INVALID = "import.invalid"
    LINE = "import.line"
    LINE_BLANK = "import.line-blank"
    LINE_CONTROL = "import.line-control"
    LINE_TOO_LONG = "import.line-too-long"
    NAME_CONTROL = "import.name-control"
    NOTE_TOO_LONG = "import.note-too-long"
    NOT_APPLICABLE = "import.not-applicable"
    NOT_ASKED = "import.not-asked"
    NOT_QUESTIONNAIRE = "import.not-questionnaire"
    NOT_TEXT = "import.not-text"
    NOT_UTF8 = "import.not-utf8"
    NO_QUESTIONS = "import.no-questions"
    PROVENANCE = "import.provenance"
    TOML_BROKEN = "import.toml-broken"
    TOO_MANY = "import.too-many"
    UNKNOWN_FORMAT = "import.unknown-format"
    UNKNOWN_ID = "import.unknown-id"


class VendorFileError(CodedError):
    """The whole file is refused; the phrase says why."""


class BadValue(CodedError, ValueError):
    """A vendor's value that cannot be recorded; the phrase says why."""


@dataclass(frozen=True, slots=True)
class Row:
    """One answer as the vendor wrote it, not yet trusted."""

    id: str
    value: Any  # "" or absent: not answered
    reason: str | None
    note: str | None
    evidence: tuple[str, ...]
    where: Phrase | str  # "line 12" / "questions[3]", for messages
    from_csv: bool
    defect: Phrase | None = None  # found while reading: the row is refused with this reason


@dataclass(frozen=True, slots=True)
class VendorFile:
    name: str
    digest: str  # SHA-256 of the bytes received, for provenance
    rows: tuple[Row, ...]
    catalog_id: str | None = None
    kind: str | None = None


def _check_limits(cells: list[Any], where: Phrase | str) -> None:
    for cell in cells:
        if isinstance(cell, str) and len(cell) > MAX_CELL:
            raise VendorFileError(
                phrase(ImportCode.CELL_TOO_LONG, where=where, size=len(cell), limit=MAX_CELL)
            )


def _text_field(entry: dict[str, Any], name: str) -> tuple[str | None, Phrase | None]:
    """(the text, or a reason to refuse the row): a table or number where text belongs must
    not be recorded as its string form."""
    value = entry.get(name)
    if value is None or isinstance(value, str):
        return (_lf(value) if value else None), None
    return None, phrase(ImportCode.NOT_TEXT, field=name, found=_toml_type(value))


def _toml_type(value: Any) -> str:
    if isinstance(value, dict):
        return "table"
    if isinstance(value, list):
        return "array"
    return type(value).__name__


def _lf(text: str) -> str:
    # Stored files keep LF only; normalising here makes a re-import compare equal.
    return text.replace("\r\n", "\n")


def _toml_rows(data: dict[str, Any]) -> Iterator[Row]:
    questions = data.get("questions")
    if not isinstance(questions, list):
        raise VendorFileError(phrase(ImportCode.NO_QUESTIONS))
    if len(questions) > MAX_ANSWERS:
        raise VendorFileError(phrase(ImportCode.TOO_MANY, count=len(questions), limit=MAX_ANSWERS))
    for index, entry in enumerate(questions):
        where = f"questions[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise VendorFileError(phrase(ImportCode.BAD_ENTRY, where=where))
        defects: list[Phrase] = []
        evidence = entry.get("evidence", [])
        if isinstance(evidence, str):
            evidence = [evidence]
        if not isinstance(evidence, list):
            defects.append(phrase(ImportCode.EVIDENCE_NOT_LIST, found=_toml_type(evidence)))
            evidence = []
        if len(evidence) > MAX_EVIDENCE:
            raise VendorFileError(phrase(ImportCode.BAD_EVIDENCE, where=where, limit=MAX_EVIDENCE))
        not_text = [e for e in evidence if not isinstance(e, str)]
        if not_text:
            defects.append(phrase(ImportCode.EVIDENCE_NOT_TEXT, found=_toml_type(not_text[0])))
        reason, reason_defect = _text_field(entry, "reason")
        note, note_defect = _text_field(entry, "note")
        defects += [d for d in (reason_defect, note_defect) if d]
        value = entry.get("value", "")
        cells = [value, entry.get("reason"), entry.get("note"), *evidence]
        _check_limits(cells, where)
        yield Row(
            id=entry["id"],
            value=_lf(value) if isinstance(value, str) else value,
            reason=reason,
            note=note,
            evidence=tuple(e for e in evidence if isinstance(e, str) and e.strip()),
            where=where,
            from_csv=False,
            defect=defects[0] if defects else None,
        )


def _csv_rows(text: str) -> Iterator[Row]:
    # The csv module's own field limit (128 KiB) would raise mid-file; ours is lower and
    # checked per cell with a message, so lift its limit to the file size.
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if (
        reader.fieldnames is None
        or "id" not in reader.fieldnames
        or "value" not in reader.fieldnames
    ):
        raise VendorFileError(phrase(ImportCode.CSV_COLUMNS))
    count = 0
    try:
        for record in reader:
            count += 1
            if count > MAX_ANSWERS:
                raise VendorFileError(
                    phrase(ImportCode.TOO_MANY, count=f"{count}+", limit=MAX_ANSWERS)
                )
            where = phrase(ImportCode.LINE, line=reader.line_num)
            cells = [record.get(k) for k in ("id", "value", "reason", "note", "evidence")]
            _check_limits(cells, where)
            evidence = [
                part.strip()
                for part in re.split(r"[\n;]", record.get("evidence") or "")
                if part.strip()
            ]
            if len(evidence) > MAX_EVIDENCE:
                raise VendorFileError(
                    phrase(ImportCode.BAD_EVIDENCE, where=where, limit=MAX_EVIDENCE)
                )
            yield Row(
                id=(record.get("id") or "").strip().lstrip("'"),
                value=_lf(record.get("value") or ""),
                reason=_lf(record.get("reason") or "") or None,
                note=_lf(record.get("note") or "") or None,
                evidence=tuple(evidence),
                where=where,
                from_csv=True,
            )
    except csv.Error as exc:
        raise VendorFileError(phrase(ImportCode.CSV_BROKEN, reason=str(exc))) from None


def read_vendor_file(path: Path) -> VendorFile:
    """Parse and size-check the vendor's TOML or CSV file; raises VendorFileError."""
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except ReadRefused as exc:
        if exc.problem.code == "too-large":
            raise VendorFileError(phrase(ImportCode.FILE_TOO_LARGE, limit=MAX_FILE_BYTES)) from None
        raise VendorFileError(
            phrase(StorageCode.UNREADABLE, path=path, reason=reason_of(exc))
        ) from None
    except OSError as exc:
        raise VendorFileError(
            phrase(StorageCode.UNREADABLE, path=path, reason=exc.strerror or str(exc))
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise VendorFileError(phrase(ImportCode.FILE_TOO_LARGE, limit=MAX_FILE_BYTES))
    digest = hashlib.sha256(raw).hexdigest()
    # The name goes into every provenance note and the history: it must be a clean line.
    if (char := forbidden_character(path.name, multiline=False)) is not None:
        raise VendorFileError(phrase(ImportCode.NAME_CONTROL, char=char))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise VendorFileError(phrase(ImportCode.NOT_UTF8)) from None
        return VendorFile(path.name, digest, tuple(_csv_rows(text)))
    if suffix != ".toml":
        raise VendorFileError(phrase(ImportCode.UNKNOWN_FORMAT, suffix=suffix or "—"))
    checked, problems = check_bytes(raw, MAX_FILE_BYTES)
    if checked is None:
        said = Joined(tuple(p.said for p in problems))
        raise VendorFileError(phrase(ImportCode.FILE_PROBLEMS, problems=said))
    data, syntax = parse_text(checked)
    if data is None:
        reason = syntax.said if syntax else ""
        line = syntax.line if syntax else None
        raise VendorFileError(phrase(ImportCode.TOML_BROKEN, line=line, reason=reason))
    if data.get("format") != FORMAT:
        raise VendorFileError(phrase(ImportCode.NOT_QUESTIONNAIRE, expected=FORMAT))
    catalog = data.get("catalog")
    catalog_id = catalog.get("id") if isinstance(catalog, dict) else None
    kind = data.get("kind") if isinstance(data.get("kind"), str) else None
    return VendorFile(path.name, digest, tuple(_toml_rows(data)), catalog_id, kind)


def formula_cell(row: Row, numeric_ok: bool) -> str | None:
    """The first CSV cell a spreadsheet would run as a formula, if any."""
    if not row.from_csv:
        return None
    for cell in (row.value, row.reason, row.note, *row.evidence):
        if not isinstance(cell, str) or not cell.startswith(FORMULA_STARTS):
            continue
        if numeric_ok and cell is row.value and _PLAIN_NUMBER.fullmatch(cell):
            continue  # "-3" in a number answer is a number, not a formula
        return cell[:20]
    return None


def forbidden_character(text: str, *, multiline: bool) -> str | None:
    """The first character the assessment schema would refuse in ``text`` (C0/C1 controls
    drive terminals, bidi controls reorder what a reviewer reads), as ``U+001B``, if any:
    the same rule as the schema's, so an import never records what validate refuses."""
    found = encoding.forbidden_character(text, multiline=multiline)
    return found[1].split()[0] if found else None


shown = encoding.one_line


def text_defect(row: Row, multiline_value: bool) -> Phrase | None:
    """Why a cell of ``row`` may not be recorded (a control or bidi character), if it may not."""
    values = row.value if isinstance(row.value, list) else [row.value]
    cells: list[tuple[str, object, bool]] = [
        ("id", row.id, False),
        *(("value", v, multiline_value) for v in values),
        ("reason", row.reason, True),
        ("note", row.note, True),
        *(("evidence", e, False) for e in row.evidence),
    ]
    for name, cell, multiline in cells:
        if isinstance(cell, str) and (char := forbidden_character(cell, multiline=multiline)):
            return phrase(
                ImportCode.CONTROL if multiline else ImportCode.CONTROL_LINE, field=name, char=char
            )
    return None


def line_defect(text: str) -> Phrase | None:
    """Why ``text`` cannot be a one-line field of an assessment (e.g. who answered)."""
    if not text.strip():
        return phrase(ImportCode.LINE_BLANK)
    if len(text) > MAX_LINE:
        return phrase(ImportCode.LINE_TOO_LONG, size=len(text), limit=MAX_LINE)
    char = forbidden_character(text, multiline=False)
    return phrase(ImportCode.LINE_CONTROL, char=char) if char else None
