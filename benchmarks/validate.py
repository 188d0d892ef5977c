"""Benchmark: `vendorrisk validate` against check-jsonschema and a bare tomllib parse.

Generates N realistic assessments (default 2,000 with about 80 answers each), then times,
in one run and on the same files:

  * a bare ``tomllib`` parse of every file (in this process: the floor for any TOML tool),
  * ``check-jsonschema --schemafile schemas/assessment.schema.json FILES`` (installed into
    benchmarks/.work/cj-venv on first use, never into the project's environment),
  * ``vendorrisk validate`` cold (empty cache) and warm (files unchanged since the last run).

The ``vendorrisk validate`` runs (cold and warm alike) start from compiled bytecode, as an
installed copy does, like benchmarks/urlcheck.py and tui_start.py: run from the source tree
with PYTHONDONTWRITEBYTECODE set (as this machine's shells do), every start would compile
vendorrisk's modules again, a cost no user pays. The bytecode is kept under
benchmarks/.work/pycache (``PYTHONPYCACHEPREFIX``), filled by one untimed run first.

Prints the times and the ratios; with ``--json`` also one JSON object as the last line
(``cold_speedup`` and ``warm_speedup``: how many times faster than check-jsonschema).
Goals (issue 15): cold at least 25x faster than check-jsonschema, warm at least 100x.

    python benchmarks/validate.py [--files 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import replace
from pathlib import Path

from vendorrisk.core.catalog import load_catalog
from vendorrisk.core.catalog.applicability import Profile, applicable_requirements
from vendorrisk.core.model import Answer, Evidence
from vendorrisk.store import storage

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".work"
TEMPLATE = ROOT / "assessments" / "2026-contractor-juki-zeimu-hoshu.toml"
VALUES = ("met", "met", "met", "partial", "not_met")


def generate(folder: Path, count: int) -> list[Path]:
    """Variations of the example contractor assessment: every applicable question answered."""
    catalogue = load_catalog()
    base = storage.load(TEMPLATE, catalogue).assessment
    requirements = applicable_requirements(
        catalogue, Profile.of(base), {rid: a.value for rid, a in base.answers.items()}
    )
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        answers = dict(base.answers)
        for j, req in enumerate(requirements):
            if req.answer.type != "compliance":
                continue
            value = VALUES[(i + j) % len(VALUES)]
            answers[req.id] = Answer(
                value=value,
                # A partly met or unmet answer carries its note, as the city requires.
                note=f"確認結果 {i}-{j}\n根拠資料を確認した。"
                if j % 3 == 0 or value != "met"
                else None,
                source="city" if req.audience == "city" else "vendor",
                answered_by="調達担当",
                answered_at=dt.date(2026, 10, 1 + j % 28),
                evidence=(Evidence(kind="document", ref=f"資料 {i}-{j}"),)
                if value != "not_met"
                else (),
            )
        assessment = replace(
            base,
            vendor=replace(base.vendor, name=f"株式会社ベンチマーク{i:05d}"),
            answers=answers,
        )
        path = folder / f"bench-{i:05d}.toml"
        path.write_bytes(storage.render(assessment, catalogue, path))
        paths.append(path)
    return paths


def check_jsonschema() -> Path:
    venv = WORK / "cj-venv"
    exe = venv / "bin" / "check-jsonschema"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "--quiet", "check-jsonschema"], check=True
        )
    return exe


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({result.returncode}):\n{result.stderr.decode()[-2000:]}")
    return elapsed


def bytecode_env() -> dict[str, str]:
    """The environment of the vendorrisk runs: this tree's sources, with a bytecode cache."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(WORK / "pycache")
    return env


def best(times: list[float]) -> float:
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per measurement; the best is kept"
    )
    parser.add_argument(
        "--json", action="store_true", help="also print one JSON object as the last line"
    )
    args = parser.parse_args()

    folder = WORK / f"validate-{args.files}"
    if folder.exists():
        shutil.rmtree(folder)
    paths = generate(folder, args.files)
    size = sum(p.stat().st_size for p in paths)
    answers = len(tomllib.loads(paths[0].read_text("utf-8"))["answers"])
    print(f"{len(paths)} files, {answers} answers each, {size / 1e6:.1f} MB in all")

    def parse_all() -> float:
        start = time.perf_counter()
        for p in paths:
            tomllib.loads(p.read_text("utf-8"))
        return time.perf_counter() - start

    bare = best([parse_all() for _ in range(args.repeat)])
    schema = ROOT / "schemas" / "assessment.schema.json"
    cj_exe = check_jsonschema()
    cj = best(
        [
            timed([str(cj_exe), "--schemafile", str(schema), *map(str, paths)])
            for _ in range(args.repeat)
        ]
    )

    vr = [sys.executable, "-m", "vendorrisk", "validate", "--format", "json", str(folder)]
    cold_times, warm_times = [], []
    # Untimed: fills the bytecode cache, so that no timed run compiles a module.
    scratch = Path(tempfile.mkdtemp(prefix="vr-cache-"))
    timed(vr, {**bytecode_env(), "VENDORRISK_CACHE_DIR": str(scratch)})
    shutil.rmtree(scratch)
    for _ in range(args.repeat):
        cache = Path(tempfile.mkdtemp(prefix="vr-cache-"))
        env = {**bytecode_env(), "VENDORRISK_CACHE_DIR": str(cache)}
        cold_times.append(timed(vr, env))
        warm_times.append(timed(vr, env))
        shutil.rmtree(cache)
    cold, warm = best(cold_times), best(warm_times)

    print(f"bare tomllib parse          {bare:8.2f} s  ({bare / len(paths) * 1000:.2f} ms/file)")
    print(f"check-jsonschema            {cj:8.2f} s  ({cj / len(paths) * 1000:.2f} ms/file)")
    vs = "x faster than check-jsonschema"
    print(f"vendorrisk validate (cold)  {cold:8.2f} s  {cj / cold:6.1f}{vs} (goal 25x)")
    print(f"vendorrisk validate (warm)  {warm:8.2f} s  {cj / warm:6.1f}{vs} (goal 100x)")
    print(f"cold vs bare tomllib parse  {bare / cold:8.2f}x")
    if args.json:
        figures = {
            "files": len(paths),
            "bare_parse_s": round(bare, 3),
            "check_jsonschema_s": round(cj, 3),
            "cold_s": round(cold, 3),
            "warm_s": round(warm, 3),
            "cold_speedup": round(cj / cold, 2),
            "warm_speedup": round(cj / warm, 2),
        }
        print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
