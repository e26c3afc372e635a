"""Benchmark the official lists: importing a large file, and what loaded lists cost a check.

Run from a checkout, after installing the project::

    python benchmarks/official.py            # a 20,000-entry CSL file, 7 cold checks each way
    python benchmarks/official.py --quick    # 5,000 entries, 3 checks each way

It writes a synthetic Consolidated Screening List (JSON, the real field names, a mix of
Entity List, Denied Persons, ITAR-debarred and SDN rows with aliases), then measures, with
``armscheck`` run as a user runs it (a fresh process each time):

* ``armscheck lists import FILE`` into an empty data folder: parse, store and index
  (median of three imports, each into a new folder);
* re-importing the same file (``unchanged``: only the hash is computed);
* ``armscheck check`` of a transfer naming three parties, cold, with no list imported and
  with the file imported: the median of each and their ratio (target: at most 1.5);
* the same check repeated in one process (the per-check cost once the lists are open),
  with and without the lists, and their ratio (target: at most 1.5).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYLLABLES = (
    "ka ro so bo ne ta li ma vo ze ga ru de mi sha kho tor len var dan bur sel kor pat mon ril"
    " gra ste vin lo pe tri nov zav mash tek ser gun vel bar dor ash fen jin hua zhong xin"
).split()
WORDS = "Trading Industries Technology Engineering Systems Holdings Aviation Marine Plant".split()
FORMS = ["", "LLC", "Ltd", "JSC", "OOO", "GmbH", "Co., Ltd.", "FZE"]
SOURCES = [
    ("Entity List (EL) - Bureau of Industry and Security", 0.3),
    ("Denied Persons List (DPL) - Bureau of Industry and Security", 0.05),
    ("ITAR Debarred (DTC) - State Department", 0.05),
    ("Specially Designated Nationals (SDN) - Treasury Department", 0.6),
]
COUNTRIES = "RU CN IR KP SY AE TR IN PK BY VE MM LB IQ YE".split()
TRANSFER = """\
name: Benchmark transfer naming three parties
date: 2024-03-01
supplier: {country: US, entities: [Acme Avionics Inc]}
recipient:
  country: AE
  end_user: UAE Air Force
  entities: [Gulf Aviation Trading LLC, Emirates Defence Logistics FZE]
channel: dcs
items:
  - {description: Avionics spare parts, category: spare-parts, quantity: 10, unit_value_usd: 5000,
     control: ear}
"""


def _name(rng: random.Random) -> str:
    words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()]
    words += rng.sample(WORDS, rng.randint(0, 2))
    return " ".join(w for w in [*words, rng.choice(FORMS)] if w)


def write_csl(path: Path, n: int, seed: int = 7) -> None:
    """A CSL JSON file of ``n`` synthetic rows with the real field names."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        source = rng.choices([s for s, _ in SOURCES], [w for _, w in SOURCES])[0]
        rows.append(
            {
                "id": f"{i:040x}",
                "source": source,
                "entity_number": str(10000 + i) if "SDN" in source else None,
                "type": "Entity",
                "programs": ["RUSSIA-EO14024"] if "SDN" in source else [],
                "name": _name(rng),
                "alt_names": [_name(rng) for _ in range(rng.randint(0, 3))],
                "addresses": [{"city": "X", "country": rng.choice(COUNTRIES)}],
                "start_date": "2022-04-14",
                "end_date": None,
                "license_requirement": "For all items subject to the EAR.",
                "license_policy": "Policy of denial.",
                "federal_register_notice": "87 FR 22130",
                "source_list_url": "https://www.trade.gov/consolidated-screening-list",
            }
        )
    doc = {"sources_used": [{"source_last_updated": "2026-11-30T00:00:00"}], "results": rows}
    path.write_text(json.dumps(doc), encoding="utf-8")


def _run(args: list[str], data: Path) -> float:
    env = {**os.environ, "ARMSCHECK_DATA_DIR": str(data)}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "armscheck", *args], env=env, capture_output=True, text=True
    )
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"armscheck {' '.join(args)} failed:\n{done.stderr}")
    return took


def _in_process(transfer: Path, data: Path, repeat: int) -> float:
    code = (
        "import sys,time,statistics\n"
        "from armscheck.api import load_checker\n"
        "from armscheck.api import read_transfer\n"
        "c=load_checker(); r=c.rulebook.reference\n"
        "text=open(sys.argv[1]).read()\n"
        "ts=[]\n"
        f"for i in range({repeat}):\n"
        "    b=text.replace('Trading LLC', f'Trading {i} LLC').encode()\n"
        "    t=read_transfer(b, 'bench.yaml', r)\n"
        "    s=time.perf_counter(); c.check(t); ts.append(time.perf_counter()-s)\n"
        "print(statistics.median(ts))\n"
    )
    env = {**os.environ, "ARMSCHECK_DATA_DIR": str(data)}
    out = subprocess.run(
        [sys.executable, "-c", code, str(transfer)], env=env, capture_output=True, text=True
    )
    if out.returncode:
        sys.exit(out.stderr)
    return float(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n, runs = (5000, 3) if args.quick else (20000, 7)
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, {n:,} entries")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        csl = root / "consolidated.json"
        write_csl(csl, n)
        print(f"file: {csl.stat().st_size / 1e6:.1f} MB")
        imports = []
        for i in range(3):
            imports.append(_run(["lists", "import", str(csl)], root / f"data{i}"))
        data = root / "data0"
        again = _run(["lists", "import", str(csl)], data)
        print(f"import: median {statistics.median(imports):.2f} s (parse, store, index)")
        print(f"re-import, unchanged: {again:.2f} s")
        transfer = root / "transfer.yaml"
        transfer.write_text(TRANSFER, encoding="utf-8")
        empty = root / "empty"
        cold: dict[str, list[float]] = {"without": [], "with": []}
        for _ in range(runs):  # interleaved, so that load on the machine hits both alike
            cold["without"].append(_run(["check", "--format", "json", str(transfer)], empty))
            cold["with"].append(_run(["check", "--format", "json", str(transfer)], data))
        without, with_ = (statistics.median(cold[k]) for k in ("without", "with"))
        ratio = with_ / without
        verdict = "PASS" if ratio <= 1.5 else "FAIL"
        print(f"cold check: without lists {without:.3f} s, with {n:,} entries {with_:.3f} s")
        print(f"  ratio {ratio:.2f} (target <= 1.5): {verdict}")
        warm_without = _in_process(transfer, empty, 50)
        warm_with = _in_process(transfer, data, 50)
        warm = warm_with / warm_without
        print(
            f"check in a warm process: without {warm_without * 1000:.1f} ms, "
            f"with {warm_with * 1000:.1f} ms, ratio {warm:.2f} (target <= 1.5): "
            f"{'PASS' if warm <= 1.5 else 'FAIL'}"
        )
        return 0 if ratio <= 1.5 and warm <= 1.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
