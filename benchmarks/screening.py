"""Benchmark the screening matcher: accuracy on the labelled pairs, and latency.

Run from a checkout, after installing the project::

    python benchmarks/screening.py            # 20,000 entries, 3,000 screened names
    python benchmarks/screening.py --quick    # 5,000 entries, for a smoke test

It measures, and prints PASS or FAIL against each target:

* on ``tests/data/name-pairs.yaml`` (true variants and false friends): precision of the
  exact tier (target: at least 0.98) and recall over exact and possible together (target:
  at least 0.95), with the share of false friends that land in the review band, and the
  same figures for other edges of the band (how the band was calibrated);
* the cost of screening one name against 20,000 entries (the curated lists, the labelled
  entries and synthetic ones in several scripts): median and 95th percentile (target:
  median at most 100 µs), and the time to build the index;
* the same index kept in a file (``screening.disk``, for imported lists): the time to
  write it, to open it, and to screen one name (for information).
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from armscheck.api import load_checker
from armscheck.screening import Entry, Index, curated, disk, score
from armscheck.screening.calibrate import load, measure
from armscheck.screening.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "data" / "name-pairs.yaml"

SYLLABLES = (
    "ka ro so bo ne ta li ma vo ze ga ru de mi sha kho tor len var dan bur sel kor pat mon ril"
    " gra ste vin lo pe tri nov zav mash tek ser gun vel bar dor ash fen jin hua zhong xin"
).split()
WORDS = (
    "Trading Industries Technology International Engineering Systems Holdings Logistics"
    " Machinery Electronics Aviation Marine Shipping Defence Research Institute Plant Bureau"
    " Services Supply Import Export Precision Energy Components Instruments Optics Metals"
).split()
FORMS = ["", "", "", "LLC", "Ltd", "JSC", "OOO", "GmbH", "Co., Ltd.", "S.A.", "PJSC", "FZE", "A.Ş."]
CYRILLIC = "абвгдежзиклмнопрстуфхцчшэюя"
HAN = "中国航天科工集团电子技术研究所北京上海深圳华为海康机械设备进出口贸易"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
FIRST = "Ivan Sergey Ali Mohammed Wei Li Hassan Omar Pavel Dmitry Ahmad Kim Chen Yusuf Igor".split()
COUNTRIES = "RU CN IR KP SY AE TR IN PK BY VE MM LB IQ YE".split()


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def synthetic(rng: random.Random, n: int) -> list[Entry]:
    """``n`` made-up entries: companies, people and names in Cyrillic, Chinese and Arabic."""
    out = []
    for i in range(n):
        roll = rng.random()
        if roll < 0.6:
            main = " ".join([word(rng) for _ in range(rng.randint(1, 2))] + rng.sample(WORDS, 1))
            names = [f"{main} {rng.choice(FORMS)}".strip(), main]
            kind = "entity"
        elif roll < 0.8:
            names = [f"{rng.choice(FIRST)} {word(rng)}", f"{word(rng)} {rng.choice(FIRST)}"]
            kind = "individual"
        elif roll < 0.9:
            names = ["".join(rng.choice(CYRILLIC) for _ in range(rng.randint(6, 14))).capitalize()]
            kind = "entity"
        elif roll < 0.95:
            names = ["".join(rng.choice(HAN) for _ in range(rng.randint(4, 10)))]
            kind = "entity"
        else:
            names = [" ".join("".join(rng.choice(ARABIC) for _ in range(4)) for _ in range(2))]
            kind = "group"
        if rng.random() < 0.3:
            names.append("".join(w[0] for w in names[0].split() if w[:1].isalpha()).upper())
        out.append(
            Entry(
                list_id="synthetic",
                ref=f"s{i}",
                names=tuple(names),
                kind=kind,
                countries=(rng.choice(COUNTRIES),),
            )
        )
    return out


def typo(rng: random.Random, name: str) -> str:
    if len(name) < 4:
        return name
    i = rng.randrange(1, len(name) - 1)
    return rng.choice([name[:i] + name[i + 1 :], name[:i] + name[i] + name[i:]])


def accuracy() -> bool:
    entries, pairs = load(PAIRS)
    index = Index(entries)
    keep = score.POSSIBLE_MIN
    score.POSSIBLE_MIN = 0.78  # score every pair down to here, then cut at each edge
    try:
        scored = []
        for pair in pairs:
            hits = index.screen(pair.name, country=pair.country)
            hit = next((h for h in hits if h.entry.ref == pair.ref), None)
            scored.append((pair, hit))
    finally:
        score.POSSIBLE_MIN = keep
    print(
        f"labelled pairs: {len(pairs)} ({sum(p.same for p in pairs)} true variants, "
        f"{sum(not p.same for p in pairs)} false friends), {len(entries)} entries"
    )
    print("  band edge  exact precision  recall (exact+possible)  false friends in band")
    for edge in (0.80, 0.82, 0.84, 0.86, 0.88, 0.90, 0.92):
        same = [h for p, h in scored if p.same]
        diff = [h for p, h in scored if not p.same]
        found = sum(1 for h in same if h and (h.exact or h.score >= edge))
        exact_true = sum(1 for h in same if h and h.exact)
        exact_false = sum(1 for h in diff if h and h.exact)
        noise = sum(1 for h in diff if h and not h.exact and h.score >= edge)
        mark = "  <- POSSIBLE_MIN" if abs(edge - keep) < 1e-9 else ""
        print(
            f"  {edge:9.2f}  {exact_true / max(exact_true + exact_false, 1):15.3f}"
            f"  {found / len(same):23.3f}  {noise / len(diff):21.3f}{mark}"
        )
    figures = measure(index, pairs)
    ok = True
    for label, value, target in (
        ("exact-tier precision", figures.precision_exact, 0.98),
        ("recall over exact and possible", figures.recall, 0.95),
    ):
        passed = value >= target
        ok &= passed
        print(f"{'PASS' if passed else 'FAIL'}  {label}: {value:.3f} (target at least {target})")
    print(
        f"      false friends in the review band: {figures.band_noise:.3f} "
        f"({figures.possible_false} of {figures.different})"
    )
    for pair, why in figures.wrong:
        print(f"      {why}: {pair.name!r} ({pair.country}) vs {pair.ref} [{pair.kind}]")
    return ok


def latency(n_entries: int, n_queries: int) -> bool:
    rng = random.Random(20261201)
    real, pairs = load(PAIRS)
    real += curated.all_entries(load_checker().rulebook.reference)
    fake = synthetic(rng, max(n_entries - len(real), 0))
    entries = real + fake
    start = time.perf_counter()
    index = Index(entries)
    built = time.perf_counter() - start
    queries = [(p.name, p.country) for p in pairs]
    for e in rng.sample(fake, min(len(fake), n_queries)):
        queries.append((typo(rng, e.names[0]), e.countries[0]))
        queries.append((f"{word(rng)} {rng.choice(WORDS)} {rng.choice(FORMS)}".strip(), None))
    queries = queries[:n_queries]
    times = []
    for _ in range(3):
        normalise.cache_clear()  # every name is screened cold, as a new party would be
        for name, country in queries:
            t0 = time.perf_counter_ns()
            index.screen(name, country=country)
            times.append(time.perf_counter_ns() - t0)
    median = statistics.median(times) / 1000
    p95 = statistics.quantiles(times, n=20)[-1] / 1000
    passed = median <= 100
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.sqlite"
        start = time.perf_counter()
        disk.save(entries, path)
        written = time.perf_counter() - start
        start = time.perf_counter()
        on_disk = disk.DiskIndex(path)
        opened = time.perf_counter() - start
        normalise.cache_clear()
        file_times = []
        for name, country in queries:
            t0 = time.perf_counter_ns()
            on_disk.screen(name, country=country)
            file_times.append(time.perf_counter_ns() - t0)
        on_disk.close()
    print(
        f"screening against {len(entries):,} entries ({len(real)} real, {len(fake):,} synthetic):"
        f" index built in {built:.2f} s"
    )
    print(
        f"{'PASS' if passed else 'FAIL'}  median {median:.1f} µs per name, 95th percentile "
        f"{p95:.1f} µs, {len(queries):,} names screened three times, each time cold "
        "(target: median at most 100 µs)"
    )
    print(
        f"      index file: written in {written:.2f} s, opened in {opened * 1000:.1f} ms, "
        f"median {statistics.median(file_times) / 1000:.0f} µs per name"
    )
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 entries")
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}")
    ok = accuracy()
    ok &= latency(5_000 if args.quick else 20_000, 3_000)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
