"""Micro-benchmark: the codec alone, over the example assessments.

Parses every file under assessments/ once, then times ``codec.from_document`` (document →
model, with the TOML-type checks) and ``codec.to_document`` (model → canonical document)
over all of them, in CPU time (the machine may be shared); the best of ``--repeat``
rounds of ``--rounds`` passes is kept.

    python benchmarks/codec.py [--rounds 200] [--repeat 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from vendorrisk.core.catalog import load_catalog
from vendorrisk.core.codec import from_document, to_document
from vendorrisk.store.tomlfile import parse_text

ROOT = Path(__file__).resolve().parent.parent


def per_file_us(work: Callable[[], object], files: int, rounds: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(rounds):
            work()
        best = min(best, time.process_time() - start)
    return best / rounds / files * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=200, help="passes over the files per round")
    parser.add_argument("--repeat", type=int, default=7, help="rounds; the best is kept")
    parser.add_argument(
        "--json", action="store_true", help="also print one JSON object as the last line"
    )
    args = parser.parse_args()

    catalogue = load_catalog()
    documents = []
    for path in sorted((ROOT / "assessments").glob("*.toml")):
        document, syntax = parse_text(path.read_text("utf-8"))
        if document is None:
            raise SystemExit(f"{path}: {syntax}")
        documents.append(document)
    models = [from_document(document)[0] for document in documents]
    files = len(documents)

    read = per_file_us(
        lambda: [from_document(d) for d in documents], files, args.rounds, args.repeat
    )
    write = per_file_us(
        lambda: [to_document(m, catalogue.order) for m in models], files, args.rounds, args.repeat
    )
    print(f"{files} example files")
    print(f"from_document  {read:8.1f} µs/file")
    print(f"to_document    {write:8.1f} µs/file")
    if args.json:
        figures = {
            "files": files,
            "from_document_us": round(read, 1),
            "to_document_us": round(write, 1),
        }
        print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
