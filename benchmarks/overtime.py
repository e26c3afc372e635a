"""Benchmark ``armscheck matrix --over-time`` over every recipient from 1990.

Run from a checkout, after installing the project::

    python benchmarks/overtime.py

It times, median of three runs each, ``armscheck matrix SEED --over-time --from
1990-01-01 --to 2026-12-01 --format json`` (every current recipient across 36
years) against ``armscheck matrix SEED --format json`` (every recipient on one
date), and prints the ratio: the sweep costs one check per change date of the
rules and list entries that touch each recipient, so the ratio is about the
average number of such dates, not the number of days. Target: the sweep within
30 seconds on a 2-core machine; exit 1 above it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "scenarios/seeds/iraq-turkey-t129-2021.yaml"
SWEEP = ["--over-time", "--from", "1990-01-01", "--to", "2026-12-01"]
LIMIT = 30.0


def timed(extra: list[str]) -> tuple[float, str]:
    """Median seconds of three runs, and the output of the last."""
    times, out = [], ""
    for _ in range(3):
        start = time.perf_counter()
        run = subprocess.run(
            ["armscheck", "matrix", str(SEED), "--format", "json", *extra],
            capture_output=True,
            text=True,
            check=True,
        )
        times.append(time.perf_counter() - start)
        out = run.stdout
    return statistics.median(times), out


def main() -> int:
    one, _ = timed([])
    sweep, out = timed(SWEEP)
    rows = json.loads(out)["rows"]
    periods = sum(len(r["periods"]) for r in rows)
    print(f"matrix, one date:      {one:6.2f} s")
    print(f"matrix --over-time:    {sweep:6.2f} s ({len(rows)} recipients, {periods} periods)")
    print(f"ratio:                 {sweep / one:6.1f}x")
    print(f"target:                at most {LIMIT:.0f} s")
    return 0 if sweep <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
