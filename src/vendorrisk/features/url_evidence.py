"""URL-check results kept in assessments as dated evidence (policy §6.9: confirm the
vendor's measures). Core: works on plain records, imports no HTTP client, so results made
on an internet-side machine can be recorded on the LGWAN side from a file (§6.3).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.codes import Phrase, phrase
from vendorrisk.core.history_codes import HistoryCode
from vendorrisk.core.model import Assessment
from vendorrisk.core.problems import Problem
from vendorrisk.core.validation.schema_check import schema_problems
from vendorrisk.store import storage
from vendorrisk.store.assessments import Store
from vendorrisk.store.files import FileReport
from vendorrisk.store.tomlfile import jsonable

# Older results of the same URL are dropped beyond this many: a daily scheduled check would
# otherwise grow a file past its size limit within months. The history keeps the count.
KEEP_PER_URL = 3


def record_problems(record: Any) -> list[Problem]:
    """Problems of one URL-check record against urlcheck-result.schema.json."""
    return schema_problems("urlcheck-result", jsonable(record))


# A vendor's security.txt may list hundreds of problems and fields; an assessment keeps a
# record of what was found, not the file: these caps keep a few records well inside the size
# limit of an assessment file.
MAX_STORED_PROBLEMS = 20
MAX_STORED_FIELDS = 20


def for_storage(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record as kept in an assessment: keys sorted (stable bytes), long lists capped."""
    out: dict[str, Any] = _sorted(record)
    sectxt = out.get("security_txt")
    if isinstance(sectxt, dict):
        problems = sectxt.get("problems")
        if isinstance(problems, list):
            sectxt["problems"] = problems[:MAX_STORED_PROBLEMS]
        fields = sectxt.get("fields")
        if isinstance(fields, dict):
            sectxt["fields"] = dict(list(fields.items())[:MAX_STORED_FIELDS])
    return out


def _sorted(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


def assessment_urls(assessment: Assessment) -> list[str]:
    return [url for _, url in assessment.vendor.urls.items()]


def with_records(
    assessment: Assessment, records: Iterable[Mapping[str, Any]]
) -> tuple[Assessment, int]:
    """The assessment with the records for its own URLs added (answers untouched), and how
    many were new. A record already present (same URL and time) is not added twice."""
    wanted = set(assessment_urls(assessment))
    kept = list(assessment.url_checks)
    seen = {(r.get("url"), r.get("checked_at")) for r in kept}
    added = 0
    for record in records:
        key = (record.get("url"), record.get("checked_at"))
        if record.get("url") not in wanted or key in seen:
            continue
        stored = for_storage(record)
        if record_problems(stored):
            continue  # a record its own schema refuses would make the file unloadable
        kept.append(stored)
        seen.add(key)
        added += 1
    if not added:
        return assessment, 0
    by_url: dict[str, list[Mapping[str, Any]]] = {}
    for record in kept:
        by_url.setdefault(str(record.get("url")), []).append(record)
    trimmed = []
    for url in sorted(by_url):
        newest = sorted(by_url[url], key=lambda r: str(r.get("checked_at")))[-KEEP_PER_URL:]
        trimmed.extend(newest)
    return replace(assessment, url_checks=tuple(trimmed)), added


@dataclass(frozen=True, slots=True)
class Recorded:
    updated: list[tuple[Path, int]]
    failed: list[FileReport]


def record_in_folder(
    folder: Path, catalogue: Catalogue, records: Sequence[Mapping[str, Any]], *, by: str | None
) -> Recorded:
    """Record each result in every assessment under ``folder`` that lists its URL, through
    the storage layer (atomic, new revision, history entry)."""
    updated: list[tuple[Path, int]] = []
    loaded_files, failed = Store(catalogue, folder).load_folder()
    for loaded in loaded_files:
        changed, added = with_records(loaded.assessment, records)
        if not added:
            continue
        try:
            storage.save(
                loaded,
                changed,
                catalogue,
                by=by,
                summary=phrase(HistoryCode.EVIDENCE_RECORDED, count=added),
            )
        except storage.StorageError as exc:
            failed.append(FileReport(loaded.path, exc.problems or (_as_problem(exc.phrase),)))
        else:
            updated.append((loaded.path, added))
    return Recorded(updated, failed)


def _as_problem(said: Phrase) -> Problem:
    return Problem(code="save-failed", said=said)


def urls_in_folder(folder: Path, catalogue: Catalogue) -> tuple[list[str], list[FileReport]]:
    """Every vendor URL of the valid assessments under ``folder``, in file order."""
    loaded, failed = Store(catalogue, folder).load_folder()
    urls = [url for item in loaded for url in assessment_urls(item.assessment)]
    return list(dict.fromkeys(urls)), failed
