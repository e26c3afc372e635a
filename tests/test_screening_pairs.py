"""The matcher on the labelled name pairs: the targets the benchmark reports, as a test."""

from __future__ import annotations

from pathlib import Path

from armscheck.screening import Index
from armscheck.screening.calibrate import load, measure

PAIRS = Path(__file__).parent / "data" / "name-pairs.yaml"


def test_the_labelled_set_is_large_and_balanced() -> None:
    entries, pairs = load(PAIRS)
    refs = {e.ref for e in entries}
    assert len(pairs) >= 300
    assert all(p.ref in refs for p in pairs)
    assert sum(not p.same for p in pairs) >= 100
    assert len({(p.name, p.country, p.ref) for p in pairs}) == len(pairs), "a pair is listed twice"


def test_precision_and_recall_meet_their_targets() -> None:
    entries, pairs = load(PAIRS)
    figures = measure(Index(entries), pairs)
    assert figures.precision_exact >= 0.98, figures.wrong
    assert figures.recall >= 0.95, figures.wrong
