"""Loading a catalogue file: TOML, then the schema, then the rules a schema cannot express
(unique ids, known sections, conditions that parse and look only backwards)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from vendorrisk import __version__
from vendorrisk.core.catalog.conditions import (
    PROFILE_NAMES,
    ConditionError,
    names_in,
    parse_condition,
)
from vendorrisk.core.catalog.model import (
    AnswerSpec,
    Catalogue,
    Clause,
    Criteria,
    EvidenceSpec,
    Option,
    Requirement,
    ReviewPolicy,
    Schedule,
    Section,
    Text,
)
from vendorrisk.core.classification import SEVERITIES
from vendorrisk.core.digests import digest_hex
from vendorrisk.core.problems import Problem, ProblemCode, problem
from vendorrisk.core.validation.schema_check import schema_problems
from vendorrisk.store.cache import CacheFile
from vendorrisk.store.tomlfile import MAX_CATALOG_BYTES, jsonable, read_toml


class CatalogError(Exception):
    """A catalogue that cannot be used, with every problem found in it."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__(f"{path}: {len(problems)} problem(s)")
        self.path = path
        self.problems = problems


def builtin_catalog_path() -> Path:
    return Path(__file__).resolve().parent.parent.parent / "data" / "catalog.toml"


def _text(doc: Mapping[str, str]) -> Text:
    return Text(ja=doc["ja"], en=doc["en"])


def _requirement(doc: Mapping[str, Any]) -> Requirement:
    answer_doc = doc["answer"]
    criteria_doc = doc.get("criteria")
    evidence_doc = doc.get("evidence", {})
    condition_text = doc.get("condition")

    def frozen(key: str) -> frozenset[Any] | None:
        return frozenset(doc[key]) if key in doc else None

    return Requirement(
        id=doc["id"],
        section=doc["section"],
        title=_text(doc["title"]),
        question=_text(doc["question"]),
        guidance=_text(doc["guidance"]),
        severity=doc["severity"],
        kinds=frozenset(doc["kinds"]),
        audience=doc["audience"],
        answer=AnswerSpec(
            type=answer_doc["type"],
            options=tuple(
                Option(id=o["id"], label=_text(o["label"])) for o in answer_doc.get("options", [])
            ),
            max_length=answer_doc.get("max_length"),
            minimum=answer_doc.get("min"),
            maximum=answer_doc.get("max"),
        ),
        criteria=(
            Criteria(
                met=_text(criteria_doc["met"]),
                partial=_text(criteria_doc["partial"]),
                not_met=_text(criteria_doc["not_met"]),
            )
            if criteria_doc
            else None
        ),
        tiers=frozen("tiers"),
        terminal_models=frozen("terminal_models"),
        min_confidentiality=doc.get("min_confidentiality"),
        max_confidentiality=doc.get("max_confidentiality"),
        min_integrity=doc.get("min_integrity"),
        min_availability=doc.get("min_availability"),
        personal_data=doc.get("personal_data", False),
        mynumber_data=doc.get("mynumber_data", False),
        evidence=EvidenceSpec(
            required=evidence_doc.get("required", False), kinds=tuple(evidence_doc.get("kinds", []))
        ),
        condition_text=condition_text,
        condition=parse_condition(condition_text) if condition_text else None,
        gate=doc.get("gate", False),
        refs={k: tuple(v) for k, v in doc.get("refs", {}).items()},
        source_edition=doc.get("source_edition"),
        trust=doc.get("trust"),
        disclosure=doc.get("disclosure", "public"),
        binding_from=doc.get("binding_from"),
        severity_before=doc.get("severity_before"),
    )


# The words a clause text may leave to the document: the two parties and what binds them.
CLAUSE_PLACEHOLDERS = frozenset({"city", "City", "party", "Party", "contract"})
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _clause(doc: Mapping[str, Any]) -> Clause:
    return Clause(
        id=doc["id"],
        part=doc["part"],
        title=_text(doc["title"]),
        text=_text(doc["text"]),
        section=doc["section"],
        kinds=frozenset(doc["kinds"]),
        requirements=tuple(doc.get("requirements", [])),
        applies_with=tuple(doc.get("applies_with", [])),
        tiers=frozenset(doc["tiers"]) if "tiers" in doc else None,
        min_confidentiality=doc.get("min_confidentiality"),
        max_confidentiality=doc.get("max_confidentiality"),
        min_integrity=doc.get("min_integrity"),
        min_availability=doc.get("min_availability"),
        personal_data=doc.get("personal_data", False),
        mynumber_data=doc.get("mynumber_data", False),
        evaluation=doc.get("evaluation"),
        refs={k: tuple(v) for k, v in doc.get("refs", {}).items()},
    )


def _clause_problems(doc: Mapping[str, Any], section_ids: set[str]) -> list[Problem]:
    """Clauses name requirements and sections that exist, and only the known placeholders:
    a typo there would print a brace into a contract."""
    problems: list[Problem] = []
    requirement_ids = {r["id"] for r in doc["requirements"]}
    seen: set[str] = set()
    for index, clause in enumerate(doc.get("clauses", [])):
        cid = clause["id"]
        key = f"clauses[{index}]"
        if cid in seen or cid in requirement_ids:
            problems.append(problem(ProblemCode.CATALOG_DUPLICATE_ID, key=key, id=cid))
        seen.add(cid)
        if clause["section"] not in section_ids:
            problems.append(
                problem(
                    ProblemCode.CATALOG_UNKNOWN_SECTION, key=key, id=cid, section=clause["section"]
                )
            )
        for field_name in ("requirements", "applies_with"):
            problems.extend(
                problem(
                    ProblemCode.CATALOG_CLAUSE_REQUIREMENT,
                    key=f"{key}.{field_name}",
                    id=cid,
                    name=rid,
                )
                for rid in clause.get(field_name, [])
                if rid not in requirement_ids
            )
        for lang in ("ja", "en"):
            for text_field in ("title", "text"):
                problems.extend(
                    problem(
                        ProblemCode.CATALOG_CLAUSE_PLACEHOLDER,
                        key=f"{key}.{text_field}.{lang}",
                        id=cid,
                        name=name,
                    )
                    for name in _PLACEHOLDER.findall(clause[text_field][lang])
                    if name not in CLAUSE_PLACEHOLDERS
                )
    return problems


def _schedule(doc: Mapping[str, Any] | None) -> Schedule:
    if doc is None:
        return Schedule()
    return Schedule(
        interval_months=dict(doc["interval_months"]),
        fiscal_year=doc.get("fiscal_year", True),
        due_soon_days=doc.get("due_soon_days", 60),
    )


def _semantic_problems(doc: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    effective = doc["effective"]
    if not isinstance(effective, dt.date) or isinstance(effective, dt.datetime):
        # JSON Schema sees a quoted date and a TOML date as the same string.
        problems.append(
            problem(ProblemCode.DATE_QUOTED, key="effective", value=str(effective)[:40])
        )
    section_ids = {s["id"] for s in doc["sections"]}
    seen: set[str] = set()
    for index, req in enumerate(doc["requirements"]):
        rid = req["id"]
        key = f"requirements[{index}]"
        if rid in seen:
            problems.append(problem(ProblemCode.CATALOG_DUPLICATE_ID, key=key, id=rid))
        if req["section"] not in section_ids:
            problems.append(
                problem(
                    ProblemCode.CATALOG_UNKNOWN_SECTION, key=key, id=rid, section=req["section"]
                )
            )
        options = [o["id"] for o in req["answer"].get("options", [])]
        if len(options) != len(set(options)):
            problems.append(problem(ProblemCode.CATALOG_DUPLICATE_OPTION, key=key, id=rid))
        if "condition" in req:
            try:
                names = names_in(parse_condition(req["condition"]))
            except ConditionError as exc:
                problems.append(
                    problem(ProblemCode.CATALOG_BAD_CONDITION, key=key, id=rid, reason=exc.phrase)
                )
            else:
                problems.extend(
                    problem(ProblemCode.CATALOG_CONDITION_FORWARD, key=key, id=rid, name=name)
                    for name in sorted(names - set(PROFILE_NAMES) - seen)
                )
        problems.extend(_binding_problems(req, key))
        seen.add(rid)
    problems.extend(_clause_problems(doc, section_ids))
    return problems


def _binding_problems(req: Mapping[str, Any], key: str) -> list[Problem]:
    """An effective date needs the severity that holds before it, and that one must be lower:
    otherwise the date would change nothing, or raise a rule for older contracts."""
    rid = req["id"]
    if ("binding_from" in req) != ("severity_before" in req):
        return [problem(ProblemCode.CATALOG_BINDING_PAIR, key=key, id=rid)]
    if "binding_from" not in req:
        return []
    found: list[Problem] = []
    binding = req["binding_from"]
    if not isinstance(binding, dt.date) or isinstance(binding, dt.datetime):
        found.append(
            problem(ProblemCode.DATE_QUOTED, key=f"{key}.binding_from", value=str(binding)[:40])
        )
    if SEVERITIES.index(req["severity_before"]) <= SEVERITIES.index(req["severity"]):
        found.append(
            problem(
                ProblemCode.CATALOG_SEVERITY_BEFORE,
                key=key,
                id=rid,
                level=req["severity"],
                before=req["severity_before"],
            )
        )
    return found


def _checked_marker(digest: str) -> CacheFile:
    """A file whose presence says: these exact bytes passed every check with this version."""
    return CacheFile.named(f"catalogs/{__version__}-{digest}.ok")


def _passed_every_check(raw: bytes) -> bool:
    return _checked_marker(digest_hex(raw, size=16)).exists()


def parse_catalog(path: Path) -> Catalogue:
    # Every command and the UI load the catalogue at start; the same bytes need checking
    # only once per tool version, reading the TOML included.
    result = read_toml(path, MAX_CATALOG_BYTES, passed_before=_passed_every_check)
    if result.data is None:
        raise CatalogError(path, list(result.problems))
    digest = digest_hex(result.raw, size=16)
    marker = _checked_marker(digest)
    if not marker.exists():
        problems = schema_problems("catalog", jsonable(result.data))
        if not problems:
            problems = _semantic_problems(result.data)
        if problems:
            raise CatalogError(path, problems)
        marker.write(b"")
    doc = result.data
    requirements = tuple(_requirement(r) for r in doc["requirements"])
    return Catalogue(
        id=doc["id"],
        version=doc["version"],
        effective=doc["effective"],
        title=_text(doc["title"]),
        description=_text(doc["description"]) if "description" in doc else None,
        organisation=_text(doc["organisation"]) if "organisation" in doc else None,
        sections=tuple(Section(id=s["id"], title=_text(s["title"])) for s in doc["sections"]),
        requirements=requirements,
        clauses=tuple(_clause(c) for c in doc.get("clauses", [])),
        schedule=_schedule(doc.get("schedule")),
        review_policy=ReviewPolicy(
            separate_approver=doc.get("review", {}).get("separate_approver", False)
        ),
        digest=digest,
        by_id={r.id: r for r in requirements},
        order={r.id: i for i, r in enumerate(requirements)},
    )


@cache
def _load_cached(path: Path, mtime_ns: int, size: int) -> Catalogue:
    return parse_catalog(path)


def load_catalog(path: Path | None = None) -> Catalogue:
    """The catalogue at ``path`` (default: the built-in one); raises CatalogError."""
    target = (path or builtin_catalog_path()).resolve()
    try:
        stat = target.stat()
    except OSError as exc:
        raise CatalogError(
            target, [problem(ProblemCode.UNREADABLE, reason=exc.strerror or str(exc))]
        ) from None
    return _load_cached(target, stat.st_mtime_ns, stat.st_size)
