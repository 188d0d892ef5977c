"""Benchmark: how many keys a clerk presses to complete a cloud assessment in the UI.

    python benchmarks/keys.py [--json] [--size 100x30]

Drives the real app headless through the pilot, exactly as a fast clerk would: the wizard
(defaults, typed names), then every question that applies -- one key for each answer that
needs nothing else, the evidence where the catalogue asks for it (typed once, then brought
back with ``up`` from the evidence already given), typed text and dates -- until nothing is
left unanswered. Navigation keys and typed characters are counted apart. Goal (issue 12): one
navigation key a question on the fast path.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

TYPED = {"text": "C22-0001-1", "date": "R11.3.31", "number": "3", "url": "https://example.jp/"}
EVIDENCE = "契約書 第12条"


@dataclass
class Count:
    navigation: int = 0
    typed: int = 0
    questions: int = 0
    with_evidence: int = 0  # answered "met" with evidence: 1, then up (or typed), enter
    skips: int = 0  # ctrl+g presses over answered questions (0: answering moves on itself)
    by_kind: dict[str, int] = field(default_factory=dict)


class Keys:
    """Presses keys and counts them: a printable character typed is not navigation."""

    def __init__(self, pilot: Any, count: Count) -> None:
        self.pilot = pilot
        self.count = count

    async def nav(self, *keys: str) -> None:
        self.count.navigation += len(keys)
        await self.pilot.press(*keys)

    async def type(self, text: str) -> None:
        self.count.typed += len(text)
        await self.pilot.press(*text)


async def run(size: tuple[int, int]) -> Count:
    from vendorrisk.core.catalog import load_catalog
    from vendorrisk.messages import set_language
    from vendorrisk.tui.app import VendorRiskApp
    from vendorrisk.tui.screens.questionnaire import QuestionnaireScreen

    set_language("ja")
    count = Count()
    with tempfile.TemporaryDirectory() as tmp:
        app = VendorRiskApp(Path(tmp) / "assessments", load_catalog(), user="bench")
        async with app.run_test(size=size) as pilot:
            keys = Keys(pilot, count)
            await pilot.pause()
            await keys.nav("n", "down", "enter", "ctrl+n")  # new; kind: cloud
            await keys.type("株式会社ベンチマーク")
            await keys.nav("ctrl+n")
            await keys.type("文書管理クラウド")
            await keys.nav("ctrl+n", "ctrl+n", "ctrl+n")  # tier and classification: defaults
            await pilot.pause()
            await app.workers.wait_for_complete()
            screen = app.screen
            assert isinstance(screen, QuestionnaireScreen), screen
            wizard_keys = count.navigation
            evidence_given = False
            for _ in range(1000):
                rid = screen.current
                assert rid is not None
                if rid in screen.session.assessment.answers:
                    if screen.session.next_unanswered(rid) is None:
                        break
                    await keys.nav("ctrl+g")
                    count.skips += 1
                    continue
                requirement = screen.session.catalogue.by_id[rid]
                kind = requirement.answer.type
                count.questions += 1
                count.by_kind[kind] = count.by_kind.get(kind, 0) + 1
                if kind in ("compliance", "boolean", "choice"):
                    await keys.nav("1")
                    if kind == "compliance" and requirement.evidence.required:
                        count.with_evidence += 1
                        if evidence_given:
                            await keys.nav("up")  # the evidence already given
                        else:
                            await keys.type(EVIDENCE)
                            evidence_given = True
                        await keys.nav("enter")
                elif kind == "multi":
                    await keys.nav("space", "ctrl+g")
                else:
                    await keys.type(TYPED[kind])
                    await keys.nav("enter")
                await pilot.pause()
            else:
                raise AssertionError("the questionnaire never ran out of questions")
            count.navigation -= wizard_keys  # the wizard is counted apart
            count.by_kind["wizard navigation keys"] = wizard_keys
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.add_argument("--size", default="100x30", help="terminal size, WxH")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    count = asyncio.run(run((width, height)))
    per_question = count.navigation / max(1, count.questions)
    if args.json:
        print(json.dumps({**asdict(count), "navigation_per_question": round(per_question, 2)}))
        return
    print(f"questions answered:        {count.questions}")
    print(f"navigation keys:           {count.navigation}")
    print(f"typed characters:          {count.typed}")
    print(f"navigation keys/question:  {per_question:.2f}")
    plain = count.questions - count.with_evidence
    print(f"  questions needing only a choice: {plain} (one key each when nothing else)")
    print(f"  questions needing evidence:      {count.with_evidence} (1, up, enter)")
    print(f"  ctrl+g over answered questions:  {count.skips}")
    for kind, number in sorted(count.by_kind.items()):
        print(f"  {kind}: {number}")


if __name__ == "__main__":
    main()
