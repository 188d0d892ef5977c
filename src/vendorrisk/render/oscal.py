"""An assessment as an OSCAL 1.1 assessment-results document (JSON).

Mapping: one result per assessment; each applicable scored question becomes a finding
whose target is the requirement id (``objective-id``), satisfied when met or not
applicable and not satisfied otherwise, with the judgement criterion as the reason; each
answer becomes an observation (method EXAMINE when city staff verified it, INTERVIEW when
the vendor stated it) with its evidence as relevant-evidence; each open finding of a
``must`` question or a tier gate becomes a risk, whose deadline is the end of the exception
that covers it, or the next review date (the end of that day in Japan time: both are last
valid days). ``import-ap`` points at a back-matter resource standing for the assessment
plan (the pinned catalogue and the service's profile). UUIDs are name-based (v5) so that
the same assessment always exports the same document.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Final
from urllib.parse import quote

from vendorrisk.core.assessed import Assessed
from vendorrisk.core.catalog.applicability import applies
from vendorrisk.core.catalog.model import Catalogue
from vendorrisk.core.model import Answer, Assessment
from vendorrisk.messages import Lang, say, t
from vendorrisk.render.reports.answers import display_value

OSCAL_VERSION: Final = "1.1.2"
JST: Final = dt.timezone(dt.timedelta(hours=9))
_NAMESPACE: Final = uuid.UUID("6f1c8a52-3b7e-5d0a-9c44-7a1e2b9d0c11")
_NS_PROPS: Final = "https://vendorrisk.invalid/ns/oscal"


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def _stamp(day: dt.date | dt.datetime) -> str:
    if isinstance(day, dt.datetime):
        moment = day if day.tzinfo else day.replace(tzinfo=JST)
    else:
        moment = dt.datetime(day.year, day.month, day.day, tzinfo=JST)
    return moment.isoformat(timespec="seconds")


def _end_of_day(day: dt.date) -> str:
    """A date that is the last valid day (an exception's ``until``, a review date) as a
    deadline: the end of that day in Japan time, not its first second."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), JST).isoformat(timespec="seconds")


# RFC 3986 reserved characters and "%" stay as they are: the URL's structure and any
# escapes it already has are kept; spaces and non-ASCII characters are percent-encoded
# (UTF-8), which OSCAL's uri-reference requires.
_URL_SAFE: Final = ":/?#[]@!$&'()*+,;=%~"


def href(url: str) -> str:
    return quote(url, safe=_URL_SAFE)


def _prop(name: str, value: str) -> dict[str, str]:
    return {"name": name, "ns": _NS_PROPS, "value": value}


def _observation(
    key: str, rid: str, answer: Answer, text: str, fallback: dt.datetime, lang: Lang
) -> dict[str, Any]:
    collected = answer.answered_at or fallback
    observation: dict[str, Any] = {
        "uuid": _uuid(key, "observation", rid),
        "title": rid,
        "description": text,
        "props": [_prop("answer-source", answer.source)],
        "methods": ["EXAMINE" if answer.source == "city" else "INTERVIEW"],
        "types": ["control-objective"],
        "collected": _stamp(collected),
    }
    evidence = [
        {
            **({"href": href(e.ref)} if e.ref.startswith(("https://", "http://")) else {}),
            "description": f"{e.kind}: {e.ref}"
            + (
                f" ({t('oscal.collected', lang, date=e.collected.isoformat())})"
                if e.collected
                else ""
            ),
        }
        for e in answer.evidence
    ]
    if evidence:
        observation["relevant-evidence"] = evidence
    expiry = [e.expires for e in answer.evidence if e.expires is not None]
    if expiry:
        observation["expires"] = _stamp(min(expiry))
    if answer.note:
        observation["remarks"] = answer.note
    return observation


def assessment_results(
    item: Assessed,
    catalogue: Catalogue,
    *,
    file_name: str,
    lang: Lang,
    leave_out: frozenset[str] = frozenset(),
    remarks: str | None = None,
) -> dict[str, Any]:
    """``leave_out`` names questions the document must not mention (a disclosure copy,
    reports/disclosure.py), and ``remarks`` says what was left out."""
    a, result, today = item.assessment, item.result, item.today
    key = f"{a.vendor.corporate_number or a.vendor.name}/{a.service.name}/{file_name}"
    last = a.history[-1].at if a.history else _stamp(today)
    last_modified = last if isinstance(last, str) else _stamp(last)
    start = a.history[0].at if a.history else dt.datetime.combine(today, dt.time(), JST)
    applicable = {rid: r for rid, r in applies(catalogue, a).items() if rid not in leave_out}
    observations: list[dict[str, Any]] = []
    obs_by_id: dict[str, str] = {}
    for rid, requirement in applicable.items():
        answer = a.answers.get(rid)
        if answer is None:
            continue
        text = f"{requirement.question.get(lang)} — {display_value(answer, requirement, lang)}"
        observation = _observation(key, rid, answer, text, start, lang)
        observations.append(observation)
        obs_by_id[rid] = observation["uuid"]
    by_requirement = {f.requirement: f for f in result.findings}
    exceptions = {g.requirement: g for g in a.exceptions}
    risks: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    for rid, requirement in applicable.items():
        if not requirement.scored:
            continue
        finding = by_requirement.get(rid)
        satisfied = finding is None
        target: dict[str, Any] = {
            "type": "objective-id",
            "target-id": rid,
            "status": {"state": "satisfied" if satisfied else "not-satisfied"},
        }
        if not satisfied:
            target["status"]["reason"] = "fail"
            target["status"]["remarks"] = say(finding.message, lang) if finding else ""
        entry: dict[str, Any] = {
            "uuid": _uuid(key, "finding", rid),
            "title": f"{rid} {requirement.title.get(lang)}",
            "description": requirement.question.get(lang),
            "props": [
                _prop("policy-section", requirement.section),
                _prop("severity", requirement.severity),
            ],
            "target": target,
        }
        if rid in obs_by_id:
            entry["related-observations"] = [{"observation-uuid": obs_by_id[rid]}]
        if finding is not None and (finding.blocker or requirement.severity == "must"):
            grant = exceptions.get(rid)
            deadline = grant.until if grant else a.review.next_review
            risk: dict[str, Any] = {
                "uuid": _uuid(key, "risk", rid),
                "title": f"{rid} {requirement.title.get(lang)}",
                "description": say(finding.message, lang),
                "statement": t("oscal.risk-statement", lang, id=rid, section=requirement.section),
                "status": "deviation-approved" if finding.excepted else "open",
            }
            if deadline is not None:
                risk["deadline"] = _end_of_day(deadline)
            if grant is not None:
                risk["remediations"] = [
                    {
                        "uuid": _uuid(key, "remediation", rid),
                        "lifecycle": "planned",
                        "title": t("oscal.compensating", lang),
                        "description": grant.compensating_control,
                    }
                ]
            risks.append(risk)
            entry["related-risks"] = [{"risk-uuid": risk["uuid"]}]
        findings.append(entry)
    title = t("oscal.title", lang, vendor=a.vendor.name, service=a.service.name)
    result_doc: dict[str, Any] = {
        "uuid": _uuid(key, "result", str(a.revision)),
        "title": title,
        "description": t(
            "oscal.description",
            lang,
            catalog=a.catalog_id,
            version=a.catalog_version,
            risk=result.risk_level,
            score=result.score,
            decision=result.decision,
        ),
        "start": _stamp(start),
        "props": [
            _prop("risk-level", result.risk_level),
            _prop("score", f"{result.score}"),
            _prop("suggested-decision", result.decision),
            # An approval that does not stand is not exported as one (rule W9).
            _prop("review-status", item.standing),
        ],
        "reviewed-controls": {"control-selections": [{"include-all": {}}]},
    }
    if observations:
        result_doc["observations"] = observations
    if risks:
        result_doc["risks"] = risks
    if findings:
        result_doc["findings"] = findings
    if remarks:
        result_doc["remarks"] = remarks
    plan = _plan_resource(a, key, file_name, lang)
    return {
        "assessment-results": {
            "uuid": _uuid(key, "document", str(a.revision)),
            "metadata": {
                "title": title,
                "last-modified": last_modified,
                "version": str(a.revision),
                "oscal-version": OSCAL_VERSION,
                "props": [_prop("catalog", f"{a.catalog_id} {a.catalog_version}")],
            },
            "import-ap": {"href": f"#{plan['uuid']}"},
            "results": [result_doc],
            "back-matter": {"resources": [plan]},
        }
    }


def _plan_resource(a: Assessment, key: str, file_name: str, lang: Lang) -> dict[str, Any]:
    """The assessment plan, as the back-matter resource ``import-ap`` points at.

    vendorrisk has no separate plan document: what is assessed is fixed by the pinned
    catalogue version and the service's profile (kind, tier, classification), and both are
    in the assessment file, which the resource links to.
    """
    c = a.service.classification
    return {
        "uuid": _uuid(key, "assessment-plan", a.catalog_id, a.catalog_version),
        "title": t("oscal.plan-title", lang, vendor=a.vendor.name, service=a.service.name),
        "description": t(
            "oscal.plan-description",
            lang,
            catalog=a.catalog_id,
            version=a.catalog_version,
            kind=a.service.kind,
            tier=a.service.tier,
            c=c.confidentiality,
            i=c.integrity,
            a=c.availability,
        ),
        "props": [
            _prop("catalog", f"{a.catalog_id} {a.catalog_version}"),
            _prop("service-kind", a.service.kind),
            _prop("tier", a.service.tier),
        ],
        "rlinks": [{"href": href(file_name), "media-type": "application/toml"}],
    }
