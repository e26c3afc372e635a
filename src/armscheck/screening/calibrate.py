"""Measuring the matcher on a labelled set of name pairs (``tests/data/name-pairs.yaml``).

Each pair is a name as a user might write it, the party's country, one list entry, and
whether they are the same party. The figures: precision of the exact tier (exact hits
on the labelled entry that are the same party), recall over exact and possible together
(same-party pairs found at all), and how many false friends land in the review band.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..pyyaml import yaml
from ..records import field, record
from .index import Index
from .model import Entry


@record(frozen=True)
class Pair:
    """One labelled pair."""

    name: str
    country: str | None
    ref: str
    same: bool
    kind: str  # the kind of variant: typo, cyrillic, acronym, false-friend...


@record
class Figures:
    """Counts over a labelled set, and the pairs the matcher got wrong."""

    exact_true: int = 0
    exact_false: int = 0
    possible_true: int = 0
    possible_false: int = 0
    missed: int = 0
    silent_false: int = 0
    wrong: list[tuple[Pair, str]] = field(default_factory=list)

    @property
    def same(self) -> int:
        """Pairs that are the same party."""
        return self.exact_true + self.possible_true + self.missed

    @property
    def different(self) -> int:
        """Pairs that are different parties (false friends)."""
        return self.exact_false + self.possible_false + self.silent_false

    @property
    def precision_exact(self) -> float:
        """Share of exact hits that are the same party."""
        found = self.exact_true + self.exact_false
        return self.exact_true / found if found else 1.0

    @property
    def recall(self) -> float:
        """Share of same-party pairs found, exactly or as possible matches."""
        return (self.exact_true + self.possible_true) / self.same if self.same else 1.0

    @property
    def band_noise(self) -> float:
        """Share of false friends that land in the review band."""
        return self.possible_false / self.different if self.different else 0.0


def load(path: Path) -> tuple[list[Entry], list[Pair]]:
    """The entries and pairs of a labelled file."""
    data: Mapping[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = [
        Entry(
            list_id="labelled",
            ref=str(ref),
            names=tuple(str(n) for n in e["names"]),
            kind=str(e.get("kind") or "entity"),
            countries=_codes(e.get("country")),
        )
        for ref, e in data["entries"].items()
    ]
    pairs = [
        Pair(str(n), str(c) if c else None, str(r), bool(s), str(k))
        for n, c, r, s, k in data["pairs"]
    ]
    return entries, pairs


def _codes(raw: object) -> tuple[str, ...]:
    if not raw:
        return ()
    return tuple(str(c) for c in raw) if isinstance(raw, list) else (str(raw),)


def measure(index: Index, pairs: Sequence[Pair], on: dt.date | None = None) -> Figures:
    """Screen every pair's name and count the outcomes for its labelled entry."""
    out = Figures()
    for pair in pairs:
        hits = [h for h in index.screen(pair.name, country=pair.country, on=on)]
        tier = next((h.tier for h in hits if h.entry.ref == pair.ref), None)
        if pair.same:
            if tier == "exact":
                out.exact_true += 1
            elif tier == "possible":
                out.possible_true += 1
            else:
                out.missed += 1
                out.wrong.append((pair, "missed"))
        elif tier == "exact":
            out.exact_false += 1
            out.wrong.append((pair, "exact hit on a false friend"))
        elif tier == "possible":
            out.possible_false += 1
        else:
            out.silent_false += 1
    return out
