"""Every performance target of armscheck, each a ratio measured in one run.

Run from a checkout, after installing the project::

    python benchmarks/checks.py             # about two minutes on a 2-core machine
    python benchmarks/checks.py --quick     # fewer files and runs, for a smoke test
    python benchmarks/checks.py --stages    # also the per-stage table and a cProfile top list

Both sides of every ratio use the same files and are measured in turns (A, B, A, B...),
so that load from other processes falls on both; each figure is the median over the runs,
with the range. Targets (PASS or FAIL is printed for each):

* warm check: checking files in a warm process, its rulebook loaded as the commands load it
  (read, parse with line marks, facts, engine, verdict, JSON), costs at most 3x parsing the
  same files with PyYAML's CSafeLoader;
  ``armscheck batch --jobs 1`` at most 3x a process that only parses them;
* cold check: ``armscheck check`` on one file at most 1.8x ``python -c "import yaml, rich,
  durable.engine"``, and at most 3x with the rulebook cache off;
* matrix: ``armscheck matrix --recipients all`` at most 1.5x one cold check;
* counterfactuals: one re-check of a proposed change to a 500-item file costs about 10x
  one to a 50-item file (linear in the file's size; at most 15x);
* memory: ``armscheck batch`` over 4,000 files peaks at most 1.1x its peak over 1,000.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import ENV, generate, timed  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
Row = tuple[str, str, bool | None]


def armscheck(*args: str) -> list[str]:
    """The command line of armscheck in this interpreter."""
    return [sys.executable, "-m", "armscheck", *args]


def turns(sides: dict[str, Callable[[], float]], runs: int) -> dict[str, list[float]]:
    """Each side's seconds over ``runs`` rounds, measured in turns."""
    out: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(runs):
        for name, fn in sides.items():
            out[name].append(fn())
    return out


def spread(values: list[float], scale: float = 1.0, unit: str = "ms") -> str:
    """Median and range of ``values`` (seconds) in ``unit`` after ``scale``."""
    factor = {"s": 1.0, "ms": 1e3, "us": 1e6}[unit] * scale
    med = statistics.median(values) * factor
    return f"{med:,.1f} {unit} ({min(values) * factor:,.1f}-{max(values) * factor:,.1f})"


def ratios(a: list[float], b: list[float]) -> tuple[float, float, float]:
    """Median, min and max of the per-round ratios a/b."""
    r = [x / y for x, y in zip(a, b, strict=True)]
    return statistics.median(r), min(r), max(r)


def verdict_row(name: str, a: list[float], b: list[float], target: float) -> Row:
    med, lo, hi = ratios(a, b)
    return (name, f"{med:.2f}x ({lo:.2f}-{hi:.2f}; target <= {target}x)", med <= target)


def wall(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or ENV, check=False
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[2:6])} ... exited {proc.returncode}")
    return time.perf_counter() - start


# --- warm checks, in this process --------------------------------------------------------


def loaded_checker() -> Any:
    """The checker loaded as armscheck's commands load it (``batch`` workers included).

    A command loads the rulebook once and leaves it out of later garbage collections
    (``gc.freeze``), so the warm rows measure a check in the state the tool runs it in;
    the parse side of each ratio runs in the same process, in the same state.
    """
    from armscheck.cli.shared import load_checker

    return load_checker(None)


def warm(files: list[Path], runs: int) -> tuple[list[Row], dict[str, list[float]]]:
    """Checking ``files`` in this (warm) process against parsing them with CSafeLoader."""
    from armscheck.batch import result_of

    checker = loaded_checker()

    def parse_only() -> float:
        start = time.perf_counter()
        for p in files:
            yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
        return time.perf_counter() - start

    def check() -> float:
        start = time.perf_counter()
        for p in files:
            result_of(str(p), checker.check_file(str(p)), None, 0.0)
        return time.perf_counter() - start

    check()  # warm every per-process cache once
    got = turns({"parse": parse_only, "check": check}, runs)
    n = len(files)
    rows: list[Row] = [
        ("CSafeLoader parse, per file", spread(got["parse"], 1 / n, "us"), None),
        ("warm check, per file", spread(got["check"], 1 / n, "us"), None),
        verdict_row("warm check / parse", got["check"], got["parse"], 3.0),
    ]
    return rows, got


def stages(files: list[Path], runs: int, profile: bool) -> list[Row]:
    """Exclusive time per stage of a warm check (perf_counter around each stage)."""
    import armscheck.checker as checker_mod
    import armscheck.engine as engine_mod
    import armscheck.transfer.loader as transfer_mod
    from armscheck.batch import result_of
    from armscheck.transfer import yamldoc

    spent: dict[str, float] = {}
    stack: list[str] = []
    wrapped: list[tuple[Any, str, Any]] = []

    def wrap(owner: Any, name: str, stage: str) -> None:
        fn = getattr(owner, name)
        wrapped.append((owner, name, fn))

        def timed_stage(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            before = sum(spent.values())
            stack.append(stage)
            try:
                return fn(*args, **kwargs)
            finally:
                stack.pop()
                inner = sum(spent.values()) - before
                spent[stage] = spent.get(stage, 0.0) + time.perf_counter() - start - inner

        setattr(owner, name, timed_stage)

    wrap(yamldoc, "parse", "parse with line marks")
    wrap(transfer_mod, "parse", "parse with line marks")
    wrap(transfer_mod, "read_doc", "validate into a transfer")
    wrap(checker_mod.Checker, "facts", "facts (screening, families)")
    wrap(engine_mod.Engine, "run", "durable-rules step")
    wrap(checker_mod.Checker, "check", "verdict assembly")
    checker = loaded_checker()

    def one_round() -> float:
        start = time.perf_counter()
        for p in files:
            result_of(str(p), checker.check_file(str(p)), None, 0.0)
        return time.perf_counter() - start

    one_round()
    per: dict[str, list[float]] = {}
    totals = []
    for _ in range(runs):
        spent.clear()
        total = one_round()
        totals.append(total)
        for k, v in spent.items():
            per.setdefault(k, []).append(v)
        per.setdefault("JSON and the rest", []).append(total - sum(spent.values()))
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        one_round()
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(20)
    for owner, name, fn in wrapped:
        setattr(owner, name, fn)
    n = len(files)
    rows: list[Row] = [(f"  {k}", spread(v, 1 / n, "us"), None) for k, v in per.items()]
    rows.append(("  whole check (timed stages)", spread(totals, 1 / n, "us"), None))
    return rows


# --- counterfactuals -------------------------------------------------------------------------


def big_transfer(items: int) -> str:
    """A non-US supplier's deal with ``items`` lines, each with a US part (many findings)."""
    doc: dict[str, Any] = {
        "name": f"{items} items",
        "date": "2021-06-01",
        "supplier": {"country": "TR", "entities": ["SSB"]},
        "recipient": {"country": "PK", "end_user": "Pakistan Army", "end_user_type": "government"},
        "items": [
            {
                "description": f"helicopter kit {i}",
                "category": "spare-parts",
                "quantity": 2,
                "unit_value_usd": "1.5m",
                "components": [
                    {
                        "description": f"US engine {i}",
                        "origin": "US",
                        "control": "itar",
                        "per_unit": 1,
                        "unit_value_usd": "0.4m",
                    }
                ],
            }
            for i in range(items)
        ],
    }
    return yaml.safe_dump(doc, sort_keys=False)


def counterfactual_cost(runs: int) -> list[Row]:
    """One counterfactual re-check (apply the change, check again): 500 items against 50.

    The number of re-checks per transfer is bounded; each one must cost time linear in
    the file's size (the edit copies only the path it changes).
    """
    from armscheck.api import load_checker, read_transfer
    from armscheck.explore.counterfactuals import apply_change

    checker = load_checker()
    ref = checker.rulebook.reference

    def cost(items: int) -> Callable[[], float]:
        transfer = read_transfer(big_transfer(items), f"{items}.yaml", ref)
        change = checker.check(transfer).findings[0].changes[0]

        def go() -> float:
            start = time.perf_counter()
            for _ in range(3):
                changed, day = apply_change(checker, transfer, change)
                checker.check(changed, day)
            return (time.perf_counter() - start) / 3

        return go

    got = turns({"50": cost(50), "500": cost(500)}, runs)
    return [
        ("one counterfactual re-check, 50 items", spread(got["50"]), None),
        ("one counterfactual re-check, 500 items", spread(got["500"]), None),
        verdict_row("counterfactual 500 / 50 items", got["500"], got["50"], 15.0),
    ]


# --- processes ------------------------------------------------------------------------------


def main() -> int:
    """Generate, measure, print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer files and runs")
    ap.add_argument("--runs", type=int, default=None, help="rounds per ratio (default 7)")
    ap.add_argument("--stages", action="store_true", help="per-stage table and cProfile")
    args = ap.parse_args()
    runs = args.runs or (3 if args.quick else 7)
    n_warm = 300 if args.quick else 1_000
    rows: list[Row] = [
        (
            "machine",
            f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
            None,
        ),
        ("rounds per ratio", str(runs), None),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        # a rulebook cache of this run's own: on a shared machine, other checkouts using the
        # same cache folder could push ours out between rounds (the cache keeps a few)
        ENV["XDG_CACHE_HOME"] = str(base / "cache")
        files = generate(base / "warm", n_warm, seed=3)
        files += sorted((ROOT / "scenarios").rglob("*.yaml"))
        small, mid = base / "small", base / "mid"
        generate(small, 1_000, seed=11)
        generate(mid, 4_000, seed=11)
        sample = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"
        wall(armscheck("check", "--format", "json", str(sample)))  # byte-code, cache

        more, _ = warm(files, runs)
        rows += more
        if args.stages:
            rows.append(("stages of a warm check, per file", "", None))
            rows += stages(files, max(runs, 5), profile=True)

        parse_code = (
            "import sys, yaml, pathlib\n"
            "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
            "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
        )
        batch = ["batch", "--jobs", "1", "--format", "jsonl", "--quiet"]
        got = turns(
            {
                "parse": lambda: wall([sys.executable, "-c", parse_code, str(small)]),
                "batch": lambda: wall(armscheck(*batch, str(small))),
            },
            runs,
        )
        rows += [
            ("parse-only process, 1,000 files", spread(got["parse"], unit="s"), None),
            ("batch --jobs 1, 1,000 files", spread(got["batch"], unit="s"), None),
            verdict_row("batch --jobs 1 / parse-only", got["batch"], got["parse"], 3.0),
        ]

        no_cache = {**ENV, "ARMSCHECK_NO_CACHE": "1"}
        check = armscheck("check", "--format", "json", str(sample))
        matrix = armscheck("matrix", "--recipients", "all", "--format", "json", str(sample))
        got = turns(
            {
                "imports": lambda: wall(
                    [sys.executable, "-c", "import yaml, rich, durable.engine"]
                ),
                "check": lambda: wall(check),
                "uncached": lambda: wall(check, no_cache),
                "matrix": lambda: wall(matrix),
            },
            runs,
        )
        rows += [
            ("import yaml, rich, durable.engine", spread(got["imports"]), None),
            ("check, cold", spread(got["check"]), None),
            ("check, cold, no rulebook cache", spread(got["uncached"]), None),
            ("matrix --recipients all", spread(got["matrix"]), None),
            verdict_row("cold check / imports", got["check"], got["imports"], 1.8),
            verdict_row("cold check without cache / imports", got["uncached"], got["imports"], 3.0),
            verdict_row("matrix / cold check", got["matrix"], got["check"], 1.5),
        ]

        rows += counterfactual_cost(runs)

        batch2 = ["batch", "--jobs", "2", "--format", "jsonl", "--quiet"]
        mem_small, mem_mid = [], []
        for _ in range(max(2, runs // 3)):
            mem_small.append(timed(armscheck(*batch2, str(small)))[1])
            mem_mid.append(timed(armscheck(*batch2, str(mid)))[1])
        s, m = statistics.median(mem_small), statistics.median(mem_mid)
        rows += [
            ("peak memory, batch of 1,000 files", f"{s / 1024:.1f} MiB", None),
            ("peak memory, batch of 4,000 files", f"{m / 1024:.1f} MiB", None),
            ("memory 4,000 / 1,000 files", f"{m / s:.2f}x (target <= 1.1x)", m / s <= 1.1),
        ]
    width = max(len(k) for k, _, _ in rows)
    failed = 0
    for name, value, ok in rows:
        mark = "" if ok is None else ("PASS  " if ok else "FAIL  ")
        failed += ok is False
        print(f"{mark:6}{name:<{width}}  {value}")
    print("all targets met" if not failed else f"{failed} target(s) NOT met")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
