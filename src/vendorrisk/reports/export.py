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

from vendorrisk.encoding import csv_cell
from vendorrisk.messages import Lang, t
from vendorrisk.model import Assessment
from vendorrisk.scoring import ScoreResult

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


def export_row(
    path: str, assessment: Assessment, result: ScoreResult, status: str | None = None
) -> ExportRow:
    """``status`` is the standing to show (``approval.standing``): an approval that does
    not stand is exported as ``approval_invalid`` with no decision, never as approved."""
    service = assessment.service
    c = service.classification
    status = status or assessment.review.status
    recorded = status == assessment.review.status
    return ExportRow(
        path=path,
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


def rows_csv(rows: list[ExportRow], lang: Lang) -> str:
    buffer = io.StringIO()
    # CRLF line ends and minimal quoting: what Excel writes and expects.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(t(f"export.col.{name}", lang) for name in COLUMNS)
    writer.writerows([neutralise(cell) for cell in _display(row, lang)] for row in rows)
    return buffer.getvalue()


def rows_json(rows: list[ExportRow], today: dt.date) -> dict[str, Any]:
    def plain(row: ExportRow) -> dict[str, Any]:
        data = asdict(row)
        data["next_review"] = row.next_review.isoformat() if row.next_review else None
        return data

    return {
        "format_version": FORMAT_VERSION,
        "today": today.isoformat(),
        "rows": [plain(r) for r in rows],
    }
