"""Benchmark: time from process start to the assessment list being shown, against a bare
Textual app showing a 1,000-row DataTable; and the time from a keypress to the next question.

    python benchmarks/tui_start.py [--files 1000] [--repeat 3] [--json]

Each measurement is a fresh process (headless ``run_test``), timed by this script from the
moment it starts the process to the moment the child reports a line. The vendorrisk app is
measured with an empty summary cache (cold, first start of the day) and with the cache of the
previous start (warm). Cold, two moments: the first usable screen (a row for every file,
those not yet summarised saying "loading…", keys working: ``cold_vs_bare``) and the last
summary filled in (``cold_filled_vs_bare``). Warm, the list with every row complete: the
first screen itself when no row was loading (one pause, as the bare app gets).

Keypress to next question: ctrl+n on 30 questions, each timed from the key event to the last
frame it caused (the frame with the next question, its focus and footer): the screen's
frames are counted, and a key is done when 100 ms pass without one. ``pilot.press`` and
``pilot.pause`` are not used for this: they sleep in steps of 20 ms until the process looks
idle, so a key that changes nothing already measures about 60 ms that way. That older
figure is still printed (``keypress_pilot_*``, 30 further questions) for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".work"

BARE_CHILD = r"""
import asyncio, sys
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns(*"vendor service kind tier status decision risk next".split())
        for i in range(int(sys.argv[1])):
            table.add_row(f"株式会社ベンチマーク{i:05d}", "住民記録システム保守", "業務委託",
                          "LGWAN", "提出済み", "", "中", "2027-03-31")

async def main():
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.query_one(DataTable).row_count == int(sys.argv[1])
        print("shown", flush=True)

asyncio.run(main())
"""

VENDORRISK_CHILD = r"""
import asyncio, datetime as dt, statistics, sys, time
from pathlib import Path
from textual import events
from textual.widgets import DataTable
from vendorrisk.core.catalog import load_catalog
from vendorrisk.messages import set_language
from vendorrisk.features.summaries import Pending
from vendorrisk.tui.app import VendorRiskApp

FRAMES = []

def count_frames(screen):
    # Textual has no public "frame drawn" event; the screen's compositor refresh is it.
    draw = screen._compositor_refresh
    def counted():
        draw()
        FRAMES.append(time.perf_counter())
    screen._compositor_refresh = counted

async def key_to_last_frame(app, key):
    FRAMES.clear()
    event = events.Key(key, None)
    event.set_sender(app)
    start = time.perf_counter()
    app.post_message(event)
    seen = -1
    for _ in range(50):
        await asyncio.sleep(0.1)
        if FRAMES and len(FRAMES) == seen:
            break
        seen = len(FRAMES)
    return FRAMES[-1] - start

async def main():
    set_language("ja")
    day = dt.date(2026, 11, 27)
    app = VendorRiskApp(Path(sys.argv[1]), load_catalog(), today=day, user="bench")
    count = int(sys.argv[2])
    async with app.run_test(size=(120, 40)) as pilot:
        # The first usable screen: every file has its row (some still "loading…") and the
        # frame with them is drawn; keys act on it from now on.
        while True:
            await pilot.pause()
            screen = app.screen
            if getattr(screen, "rows", []) and screen.query_one(DataTable).row_count == count:
                break
        print("shown", flush=True)
        # The last summary: no row is "loading…" any more.
        waited = False
        while any(isinstance(r, Pending) for r in screen.rows):
            waited = True
            await pilot.pause()
        if waited:
            # The frame with the last rows. Not when every row was complete at the first
            # screen (warm): that frame is drawn, as the bare app's is after its one pause.
            await pilot.pause()
        assert screen.query_one(DataTable).row_count == count
        print("filled", flush=True)
        if len(sys.argv) > 3:
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            count_frames(app.screen)
            for _ in range(30):
                latency = await key_to_last_frame(app, "ctrl+n")
                print(f"keypress {latency * 1000:.2f}", flush=True)
            for _ in range(30):
                start = time.perf_counter()
                await pilot.press("ctrl+n")
                await pilot.pause()
                print(f"pilot {(time.perf_counter() - start) * 1000:.2f}", flush=True)

asyncio.run(main())
"""


def generate(folder: Path, count: int) -> None:
    """Reuse the validate benchmark's realistic files (80 answers each)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from validate import generate as make_files  # type: ignore[import-not-found]

    make_files(folder, count)


def _bytecode_env() -> dict[str, str]:
    """The children's environment, with a bytecode cache (as benchmarks/urlcheck.py does).

    An installed package runs from compiled bytecode; run from the source tree with
    PYTHONDONTWRITEBYTECODE set (as this machine's shells do), every start would compile
    vendorrisk's modules again, a cost no user pays. The cache lives under benchmarks/.work.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(WORK / "pycache")
    return env


def timed_child(
    code: str, args: list[str], env: dict[str, str]
) -> tuple[dict[str, float], list[str]]:
    """Seconds from starting the child to each of its marker lines ("shown", "filled"), as
    the lines arrive here; and the other lines it printed."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    marks: dict[str, float] = {}
    rest: list[str] = []
    for line in process.stdout:
        if line.strip() in ("shown", "filled"):
            marks[line.strip()] = time.perf_counter() - start
        else:
            rest.append(line.rstrip("\n"))
    if process.wait() != 0 or "shown" not in marks:
        sys.exit(f"child failed: {marks} {rest}")
    return marks, rest


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--json", action="store_true", help="also print one JSON object as the last line"
    )
    parser.add_argument(
        "--no-keys", action="store_true", help="start-up only, without the keypress figures"
    )
    args = parser.parse_args()
    folder = WORK / f"tui-{args.files}"
    if folder.exists():
        shutil.rmtree(folder)
    generate(folder, args.files)
    count = str(args.files)

    env = _bytecode_env()
    # Compile once, untimed, as an installed copy is: the sources and Textual alike.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], env=env, check=True
    )
    timed_child(BARE_CHILD, [count], env)
    bare_times, cold_times, filled_times, warm_times = [], [], [], []
    keypress: list[float] = []
    pilot: list[float] = []
    for _ in range(args.repeat):
        # The bare app between the others, not all before them: on a shared machine a busy
        # spell then weighs on both sides of the ratio alike.
        bare_times.append(timed_child(BARE_CHILD, [count], env)[0]["shown"])
        cache = tempfile.mkdtemp(prefix="vr-tui-cache-")
        child_env = {**env, "VENDORRISK_CACHE_DIR": cache}
        cold_marks, _ = timed_child(VENDORRISK_CHILD, [str(folder), count], child_env)
        cold_times.append(cold_marks["shown"])
        filled_times.append(cold_marks["filled"])
        keys = [] if args.no_keys else ["keys"]
        marks, lines = timed_child(VENDORRISK_CHILD, [str(folder), count, *keys], child_env)
        warm_times.append(marks["filled"])
        keypress += [float(line.split()[1]) for line in lines if line.startswith("keypress")]
        pilot += [float(line.split()[1]) for line in lines if line.startswith("pilot")]
        shutil.rmtree(cache)
    bare, cold, filled, warm = min(bare_times), min(cold_times), min(filled_times), min(warm_times)
    print(f"{args.files} assessments of 80 answers")
    print(f"bare Textual app, {args.files}-row DataTable   {bare:6.2f} s")
    print(
        f"vendorrisk list, cold cache, first screen {cold:6.2f} s  {cold / bare:5.2f}x bare"
        " (goal 2x)"
    )
    print(f"  cold cache, last summary in           {filled:6.2f} s  {filled / bare:5.2f}x bare")
    goal = "(goal 1.2x)"
    print(f"vendorrisk list, warm cache             {warm:6.2f} s  {warm / bare:5.2f}x bare {goal}")
    if args.no_keys:
        keypress = pilot = [0.0, 0.0]
    median = statistics.median(keypress)
    p95 = statistics.quantiles(keypress, n=20, method="inclusive")[-1]
    pilot_median = statistics.median(pilot)
    pilot_p95 = statistics.quantiles(pilot, n=20, method="inclusive")[-1]
    print(f"keypress to next question (median)      {median:6.1f} ms")
    print(f"keypress to next question (p95)         {p95:6.1f} ms  (goal 50 ms)")
    print(f"  as pilot.press + pause measure (median, p95) {pilot_median:.1f} / {pilot_p95:.1f} ms")
    if args.json:
        figures = {
            "files": args.files,
            "bare_s": round(bare, 3),
            "cold_s": round(cold, 3),
            "warm_s": round(warm, 3),
            "warm_vs_bare": round(warm / bare, 2),
            "cold_vs_bare": round(cold / bare, 2),
            "cold_filled_s": round(filled, 3),
            "cold_filled_vs_bare": round(filled / bare, 2),
            "keypress_median_ms": round(median, 1),
            "keypress_p95_ms": round(p95, 1),
            "keypress_pilot_median_ms": round(pilot_median, 1),
            "keypress_pilot_p95_ms": round(pilot_p95, 1),
        }
        print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
