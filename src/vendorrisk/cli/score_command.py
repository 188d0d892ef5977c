"""``vendorrisk score``: risk level, score, findings, blockers and the suggested decision."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import (
    add_catalog_option,
    add_format_option,
    catalogue_from,
    load_assessment,
)
from vendorrisk.core.approval import ApprovalProblem, approval_stands
from vendorrisk.core.assessed import assess
from vendorrisk.core.encoding import json_text, one_line
from vendorrisk.core.exitcodes import ExitCode
from vendorrisk.core.localtime import today as _today_in_japan
from vendorrisk.core.model import Assessment
from vendorrisk.core.problems import Problem
from vendorrisk.core.rule_codes import problem_phrase
from vendorrisk.core.scoring import Finding, ScoreResult
from vendorrisk.core.validation.consistency import inconsistencies
from vendorrisk.messages import say, t
from vendorrisk.messages.said import problem_text
from vendorrisk.render.formats import Formats, Reporter


@dataclass(frozen=True, slots=True)
class ScoreView:
    """What ``vendorrisk score`` shows of one assessment."""

    result: ScoreResult
    assessment: Assessment
    approval: tuple[ApprovalProblem, ...]
    warnings: list[Problem]


SCORE_FORMATS: Formats[Reporter[ScoreView, str]] = Formats("score")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("score", help=t("score.help"), description=t("score.help"))
    parser.add_argument("path", type=Path, metavar="PATH")
    add_format_option(parser, SCORE_FORMATS)
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "requirement": f.requirement,
        "section": f.section,
        "severity": f.severity,
        "status": f.status,
        "gate": f.gate,
        "blocker": f.blocker,
        "excepted": f.excepted,
        "condition": f.condition,
        "law": list(f.law),
        "message": say(f.message),
    }


def _na_reason(assessment: Assessment, requirement: str) -> str | None:
    answer = assessment.answers.get(requirement)
    return answer.reason if answer is not None else None


def result_json(result: ScoreResult, assessment: Assessment) -> dict[str, Any]:
    """The result as JSON; each not-applicable answer to confirm carries its stated reason
    (rule B4)."""
    return {
        "risk_level": result.risk_level,
        "score": result.score,
        "impact": result.impact,
        "impact_points": result.impact_points,
        "decision": result.decision,
        "decision_reasons": list(result.decision_reasons),
        "complete": result.complete,
        "unanswered": list(result.unanswered),
        "findings": [_finding_json(f) for f in result.findings],
        "blockers": [_finding_json(f) for f in result.blockers],
        "conditions_needed": list(result.conditions_needed),
        "unverified_gates": [
            {"requirement": rid, "reason": "not_verified_by_city"}
            for rid in result.unverified_gates
        ],
        "na_to_confirm": [
            {"requirement": rid, "reason": _na_reason(assessment, rid)}
            for rid in result.na_to_confirm
        ],
        "exceptions": [
            {
                "requirement": e.grant.requirement,
                "compensating_control": e.grant.compensating_control,
                "approved_by": e.grant.approved_by,
                "until": e.grant.until.isoformat(),
                "active": e.active,
            }
            for e in result.exceptions
        ],
    }


def _finding_line(f: Finding) -> str:
    if f.blocker and not f.excepted:
        mark = "✗"
    elif f.excepted:
        mark = "△"
    else:
        mark = "!" if f.condition is not None else "-"
    status = t(f"status.{f.status}")
    line = f"{mark} {f.requirement} §{f.section} [{f.severity}/{status}] {say(f.message)}"
    if f.condition is not None:
        line += f" [{t('score.condition', reason=t(f'condition.{f.condition}'))}]"
    if f.law:
        line += f" [{t('score.law', law=', '.join(f.law))}]"
    return line


def text_lines(
    result: ScoreResult,
    assessment: Assessment,
    approval: tuple[ApprovalProblem, ...],
    warnings: list[Problem] | None = None,
) -> list[str]:
    lines = [
        t(
            "score.summary",
            risk=t(f"risk.{result.risk_level}"),
            score=result.score,
            impact=t(f"impact.{result.impact}"),
            decision=t(f"decision.{result.decision}"),
        )
    ]
    if result.decision_reasons:
        reasons = "; ".join(t(f"score.reason.{code}") for code in result.decision_reasons)
        lines.append(t("score.why", reasons=reasons))
    if result.unanswered:
        lines.append(t("score.unanswered", count=len(result.unanswered)))
    if result.conditions_needed and result.decision != "reject":
        lines.append(t("score.conditions-needed", ids=", ".join(result.conditions_needed)))
    if result.unverified_gates:
        lines.append(t("score.unverified-gates"))
        for rid in result.unverified_gates:
            answer = assessment.answers[rid]
            status = t(f"status.{answer.value}")
            lines.append("  " + t("score.unverified-gate", id=rid, status=status))
    if result.na_to_confirm:
        lines.append(t("score.na-to-confirm"))
        for rid in result.na_to_confirm:
            reason = _na_reason(assessment, rid) or t("score.no-reason")
            lines.append("  " + t("score.na-item", id=rid, reason=one_line(reason)))
    if warnings:
        # The same fact answered two ways: only a person can tell which answer is wrong.
        lines.append(t("score.consistency"))
        lines += [
            "  " + one_line(t("score.consistency-item", message=problem_text(w))) for w in warnings
        ]
    lines += [one_line(_finding_line(f)) for f in result.findings]
    if approval:
        lines.append(
            t(
                "score.approval-problems",
                reasons="; ".join(say(problem_phrase(p)) for p in approval),
            )
        )
    return lines


@SCORE_FORMATS.register("text")
class ScoreText:
    for_people = True

    def render(self, value: ScoreView) -> str:
        lines = text_lines(value.result, value.assessment, value.approval, value.warnings)
        return "".join(line + "\n" for line in lines)


@SCORE_FORMATS.register("json")
class ScoreJson:
    for_people = False

    def render(self, value: ScoreView) -> str:
        data = {
            **result_json(value.result, value.assessment),
            "approval": {
                "status": value.assessment.review.status,
                "stands": approval_stands(value.approval),
                "problems": [{"code": p.code, "ids": list(p.ids)} for p in value.approval],
            },
            "consistency_warnings": [
                {"code": w.code, "key": w.key, "message": problem_text(w)} for w in value.warnings
            ],
        }
        return json_text(data) + "\n"


def today() -> dt.date:
    return _today_in_japan()


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    loaded = load_assessment(args.path, catalogue)
    # Whether the recorded approval stands, and what the reviewer must confirm (rules W7–W9).
    item = assess(loaded.assessment, catalogue, today())
    warnings = inconsistencies(loaded.assessment, catalogue)
    view = ScoreView(item.result, item.assessment, item.approval, warnings)
    sys.stdout.write(SCORE_FORMATS[args.format].render(view))
    return ExitCode.OK
