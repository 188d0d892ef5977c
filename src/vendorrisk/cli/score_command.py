"""``vendorrisk score``: risk level, score, findings, blockers and the suggested decision."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from vendorrisk.cli.common import add_catalog_option, catalogue_from, load_assessment, print_json
from vendorrisk.encoding import one_line
from vendorrisk.exitcodes import ExitCode
from vendorrisk.localtime import today as _today_in_japan
from vendorrisk.messages import t
from vendorrisk.scoring import ScoreResult, score_assessment


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("score", help=t("score.help"), description=t("score.help"))
    parser.add_argument("path", type=Path, metavar="PATH")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=t("cli.opt_format")
    )
    add_catalog_option(parser)
    parser.set_defaults(func=run)


def result_json(result: ScoreResult) -> dict[str, Any]:
    def finding(f: Any) -> dict[str, Any]:
        return {
            "requirement": f.requirement,
            "section": f.section,
            "severity": f.severity,
            "status": f.status,
            "gate": f.gate,
            "blocker": f.blocker,
            "excepted": f.excepted,
            "message": f.message,
        }

    return {
        "risk_level": result.risk_level,
        "score": result.score,
        "impact": result.impact,
        "impact_points": result.impact_points,
        "decision": result.decision,
        "complete": result.complete,
        "unanswered": list(result.unanswered),
        "findings": [finding(f) for f in result.findings],
        "blockers": [finding(f) for f in result.blockers],
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


def today() -> dt.date:
    return _today_in_japan()


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    loaded = load_assessment(args.path, catalogue)
    result = score_assessment(loaded.assessment, catalogue, today=today())
    if args.format == "json":
        print_json(result_json(result))
        return ExitCode.OK
    print(
        t(
            "score.summary",
            risk=t(f"risk.{result.risk_level}"),
            score=result.score,
            impact=t(f"impact.{result.impact}"),
            decision=t(f"decision.{result.decision}"),
        )
    )
    if result.unanswered:
        print(t("score.unanswered", count=len(result.unanswered)))
    for f in result.findings:
        mark = "✗" if f.blocker and not f.excepted else ("△" if f.excepted else "-")
        status = t(f"status.{f.status}")
        print(one_line(f"{mark} {f.requirement} §{f.section} [{f.severity}/{status}] {f.message}"))
    return ExitCode.OK
