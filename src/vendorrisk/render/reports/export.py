"""One row per assessment, for a spreadsheet (CSV) or a script (JSON).

CSV is for people: headers and values in the user's language, UTF-8 with a byte order mark
by default because Japanese Excel reads BOM-less UTF-8 as Shift_JIS. JSON is for scripts:
stable keys and codes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import asdict, dataclass, fields
from typing import Any, Final

from vendorrisk.core.assessed import Assessed
from vendorrisk.core.encoding import csv_cell
from vendorrisk.messages import Lang, t

FORMAT_VERSION: Final = 1


@dataclass(frozen=True, slots=True)
class ExportRow:
    path: str
    vendor: str
    service: str
    kind: str
    tier: str
    confidentiality: str
    integrity: str
    availability: str
    status: str
    decision: str | None  # the recorded review decision
    suggested_decision: str
    risk_level: str
    score: float
    blockers: int
    next_review: dt.date | None


COLUMNS: Final = tuple(f.name for f in fields(ExportRow))


def export_row(item: Assessed) -> ExportRow:
    """An approval that does not stand is exported as ``approval_invalid`` with no
    decision, never as approved."""
    assessment, result = item.assessment, item.result
    service = assessment.service
    c = service.classification
    status = item.standing
    recorded = status == assessment.review.status
    return ExportRow(
        path=item.path,
        vendor=assessment.vendor.name,
        service=service.name,
        kind=service.kind,
        tier=service.tier,
        confidentiality=c.confidentiality,
        integrity=c.integrity,
        availability=c.availability,
        status=status,
        decision=assessment.review.decision if recorded else None,
        suggested_decision=result.decision,
        risk_level=result.risk_level,
        score=result.score,
        blockers=len(result.blockers),
        next_review=assessment.review.next_review,
    )


def neutralise(cell: str) -> str:
    """Make a cell that a spreadsheet would evaluate display as the text it is."""
    return csv_cell(cell)


def _display(row: ExportRow, lang: Lang) -> list[str]:
    return [
        row.path,
        row.vendor,
        row.service,
        t(f"report.kind.{row.kind}", lang),
        t(f"report.tier.{row.tier}", lang),
        row.confidentiality,
        row.integrity,
        row.availability,
        t(f"report.review-status.{row.status}", lang),
        t(f"decision.{row.decision}", lang) if row.decision else "",
        t(f"decision.{row.suggested_decision}", lang),
        t(f"risk.{row.risk_level}", lang),
        f"{row.score:.1f}",
        str(row.blockers),
        row.next_review.isoformat() if row.next_review else "",
    ]


def rows_csv(rows: list[ExportRow], lang: Lang, left_out: list[str] | None = None) -> str:
    """``left_out``: for a disclosure copy, what each row's assessment left out, in words
    (a last column)."""
    buffer = io.StringIO()
    # CRLF line ends and minimal quoting: what Excel writes and expects.
    writer = csv.writer(buffer, lineterminator="\r\n")
    header = [t(f"export.col.{name}", lang) for name in COLUMNS]
    cells = [_display(row, lang) for row in rows]
    if left_out is not None:
        header.append(t("export.col.omissions", lang))
        cells = [[*row, text] for row, text in zip(cells, left_out, strict=True)]
    writer.writerow(header)
    writer.writerows([neutralise(cell) for cell in row] for row in cells)
    return buffer.getvalue()


def rows_json(
    rows: list[ExportRow], today: dt.date, left_out: list[list[dict[str, Any]]] | None = None
) -> dict[str, Any]:
    """``left_out``: for a disclosure copy, what each row's assessment left out."""

    def plain(row: ExportRow) -> dict[str, Any]:
        data = asdict(row)
        data["next_review"] = row.next_review.isoformat() if row.next_review else None
        return data

    plain_rows = [plain(r) for r in rows]
    if left_out is not None:
        for data, omissions in zip(plain_rows, left_out, strict=True):
            data["omissions"] = omissions
    document: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "today": today.isoformat(),
        "rows": plain_rows,
    }
    if left_out is not None:
        document["disclosure"] = True
    return document
