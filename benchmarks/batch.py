"""Benchmark ``armscheck batch`` against a parse-only baseline.

Run from a checkout, after installing the project::

    python benchmarks/batch.py            # 10,000 files, --jobs 2 (about a minute)
    python benchmarks/batch.py --quick    # 2,000 files, for a smoke test

It generates N realistic transfers (varied countries, dates, items, components,
entities), then measures:

* files per second and per-check latency of ``armscheck batch --jobs J``;
* the ratio to a baseline that only parses the same files with PyYAML's C loader
  in one process (target: at most 4x);
* peak memory of the whole process tree for 1,000 and 4,000 files (target: flat,
  at most 1.3x);
* ``armscheck check`` on one file, cold, against ``python -c "import yaml, rich,
  durable.engine"`` (target: at most 3x).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

SUPPLIERS = [
    "US",
    "RU",
    "CN",
    "TR",
    "FR",
    "DE",
    "GB",
    "IL",
    "KR",
    "IR",
    "KP",
    "BY",
    "UA",
    "IT",
    "ES",
    "SE",
    "BR",
    "IN",
    "PK",
    "AE",
    "RS",
    "CZ",
]
RECIPIENTS = [
    "IQ",
    "EG",
    "SA",
    "IN",
    "PK",
    "PH",
    "ID",
    "VN",
    "NG",
    "SO",
    "SD",
    "SS",
    "LY",
    "CD",
    "CF",
    "YE",
    "LB",
    "HT",
    "MM",
    "VE",
    "TW",
    "JP",
    "PL",
    "TR",
    "GR",
    "IR",
    "KP",
    "ER",
    "DZ",
    "MA",
    "KE",
    "AZ",
    "AM",
    "UA",
    "RS",
    "BR",
    "CO",
    "MX",
    "AU",
    "FI",
]
CATEGORIES = [
    "battle-tank",
    "armoured-combat-vehicle",
    "large-calibre-artillery",
    "combat-aircraft",
    "armed-uav",
    "attack-helicopter",
    "other-helicopter",
    "warship",
    "missile",
    "air-defence-system",
    "small-arms",
    "light-weapons",
    "ammunition",
    "electronic-warfare",
    "radar-and-sensors",
    "spare-parts",
    "training",
]
ENTITIES = [
    "Rosoboronexport",
    "Almaz-Antey",
    "SSB",
    "Turkish Aerospace Industries",
    "Aselsan",
    "Equipment Development Department",
    "Norinco",
    "Hanwha Aerospace",
    "",
]
END_USERS = [
    ("government", "Ministry of Defence"),
    ("government", "Air Force"),
    ("non-state", "armed opposition group"),
    ("un-mission", "UN peacekeeping mission"),
    ("non-state", "Houthis"),
    ("non-state", "al-Shabaab"),
]
CONTROLS = ["itar", "ear-600", "ear", "ear99", None]
# measure a normal installation: byte-code is written and reused as usual
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def transfer(rng: random.Random, i: int) -> dict[str, object]:
    """One realistic, valid transfer."""
    supplier = rng.choice(SUPPLIERS)
    recipient = rng.choice([r for r in RECIPIENTS if r != supplier])
    eut, end_user = rng.choice(END_USERS)
    day = f"{rng.randint(1995, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    items = []
    for _ in range(rng.randint(1, 4)):
        item: dict[str, object] = {
            "description": f"item {rng.randint(1, 999)}",
            "category": rng.choice(CATEGORIES),
            "quantity": rng.randint(1, 48),
            "unit_value_usd": f"{rng.choice([0.2, 1.5, 4, 12, 35, 60, 90])}m",
        }
        if rng.random() < 0.5:
            item["components"] = [
                {
                    "description": "engine or sensor",
                    "origin": rng.choice(["US", "US", "FR", "GB", "RU", "TR"]),
                    **({"control": c} if (c := rng.choice(CONTROLS)) else {}),
                    "per_unit": rng.randint(1, 2),
                    "unit_value_usd": f"{rng.choice([0.1, 0.5, 1, 1.5, 3])}m",
                }
                for _ in range(rng.randint(1, 3))
            ]
        items.append(item)
    doc: dict[str, object] = {
        "name": f"Generated transfer {i}",
        "date": day,
        "supplier": {"country": supplier, "entities": [e for e in [rng.choice(ENTITIES)] if e]},
        "recipient": {"country": recipient, "end_user": end_user, "end_user_type": eut},
        "items": items,
    }
    if supplier == "US":
        doc["channel"] = rng.choice(["fms", "dcs"])
    if recipient == "SD" and rng.random() < 0.5:
        doc["recipient"]["region"] = rng.choice(["North Darfur", "Khartoum"])  # type: ignore[index]
    return doc


def generate(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """Write ``n`` transfers into ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"t{i:06d}.yaml"
        p.write_text(yaml.safe_dump(transfer(rng, i), sort_keys=False), encoding="utf-8")
        paths.append(p)
    return paths


def _tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, in KiB."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total


def timed(cmd: list[str]) -> tuple[float, int]:
    """Run ``cmd``; return wall seconds and peak RSS of its process tree (KiB)."""
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    proc.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])} ... exited {proc.returncode}")
    return elapsed, peak


def baseline(folder: Path) -> float:
    """Seconds to parse every file in ``folder`` with PyYAML's C loader in one process."""
    code = (
        "import sys, yaml, pathlib\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
        "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
    )
    return timed([sys.executable, "-c", code, str(folder)])[0]


def armscheck(*args: str) -> list[str]:
    """The command line of armscheck in this interpreter."""
    return [sys.executable, "-m", "armscheck", *args]


def cold(cmd: list[str], runs: int = 7) -> float:
    """Median wall time of ``cmd`` over ``runs`` runs."""
    return statistics.median(timed(cmd)[0] for _ in range(runs))


def main() -> int:
    """Generate, measure, print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="files (default 10,000)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="2,000 files")
    args = ap.parse_args()
    n = 2_000 if args.quick else args.n
    with tempfile.TemporaryDirectory() as tmp:
        small, mid, large = Path(tmp) / "small", Path(tmp) / "mid", Path(tmp) / "large"
        generate(large, n)
        generate(small, 1_000, seed=11)
        generate(mid, 4_000, seed=11)
        sample = next(large.glob("*.yaml"))
        subprocess.run(
            armscheck("check", "--format", "json", str(sample)),
            stdout=subprocess.DEVNULL,
            env=ENV,
            check=False,
        )  # warm the byte-code and rulebook caches
        base = baseline(large)
        batch_args = ["batch", "--jobs", str(args.jobs), "--format", "jsonl", "--quiet"]
        t_large, _ = timed(armscheck(*batch_args, str(large)))
        _, mem_small = timed(armscheck(*batch_args, str(small)))
        _, mem_mid = timed(armscheck(*batch_args, str(mid)))
        t_import = cold([sys.executable, "-c", "import yaml, rich, durable.engine"])
        t_check = cold(armscheck("check", "--format", "json", str(sample)))
    rows = [
        (
            "machine",
            f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        ),
        ("files", f"{n:,}"),
        (
            f"batch --jobs {args.jobs}",
            f"{t_large:.2f} s, {n / t_large:,.0f} files/s, "
            f"{t_large / n * 1e3 * args.jobs:.2f} ms per check per worker",
        ),
        ("parse-only baseline", f"{base:.2f} s"),
        ("ratio to baseline", f"{t_large / base:.2f}x (target <= 4x)"),
        ("peak memory, 1,000 files", f"{mem_small / 1024:.1f} MiB"),
        (
            "peak memory, 4,000 files",
            f"{mem_mid / 1024:.1f} MiB ({mem_mid / max(mem_small, 1):.2f}x; target <= 1.3x)",
        ),
        ("import yaml, rich, durable", f"{t_import * 1e3:.0f} ms"),
        (
            "armscheck check, cold",
            f"{t_check * 1e3:.0f} ms ({t_check / t_import:.2f}x; target <= 3x)",
        ),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    ok = t_large / base <= 4 and mem_mid / max(mem_small, 1) <= 1.3 and t_check / t_import <= 3
    print("targets met" if ok else "targets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
