"""An index of list entries that screens one name in microseconds.

Three dictionaries find candidates without scanning the entries: the folded key of every
alias (whole-name and contained matches), its words in sorted order (word order), and
its words, their first and last four letters (fuzzy candidates). Only candidates are
scored, so screening costs time linear in the name's length, not in the list's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Entry, Hit, Normalised
from .normalise import canonical, normalise, skeleton
from .score import Candidate, judge

MAX_RUN = 8  # contained aliases are looked for as runs of at most this many words
BUCKET_CAP = 64  # a fuzzy key shared by more aliases than this says too little to use
GRAM = 4  # letters at each end of a word that index it for fuzzy matching


@dataclass(frozen=True, slots=True)
class Alias:
    """One name of one entry, normalised once when the index is built."""

    entry: int  # index into Index.entries
    text: str
    norm: Normalised
    skeleton: str


class Index:
    """Entries ready for screening; build it once and screen many names against it."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.aliases: list[Alias] = []
        self.exact: dict[str, list[int]] = {}
        self.order: dict[str, list[int]] = {}
        self.grams: dict[str, list[int]] = {}
        self.skeletons: dict[str, list[int]] = {}
        for e, entry in enumerate(self.entries):
            seen: set[str] = set()
            for text in entry.names:
                norm = normalise(text)
                if not norm.flat or norm.flat in seen:
                    continue
                seen.add(norm.flat)
                self._add(Alias(e, text, norm, skeleton("".join(norm.words))))

    def _add(self, alias: Alias) -> None:
        a = len(self.aliases)
        self.aliases.append(alias)
        norm = alias.norm
        self.exact.setdefault(norm.flat, []).append(a)
        if len(norm.tokens) > 1:
            self.order.setdefault(" ".join(sorted(norm.tokens)), []).append(a)
        for key in _grams(norm):
            self.grams.setdefault(key, []).append(a)
        if len(alias.skeleton) >= 3:
            self.skeletons.setdefault(alias.skeleton, []).append(a)

    def __len__(self) -> int:
        return len(self.entries)

    def __reduce__(self) -> tuple[type[Index], tuple[tuple[Entry, ...]]]:
        return Index, (self.entries,)  # pickled as its entries, rebuilt on loading

    def candidates(self, q: Normalised) -> dict[int, str]:
        """Alias ids worth scoring against ``q``, each with how it was found."""
        found: dict[int, str] = {}
        for a in self.exact.get(q.flat, ()):
            found[a] = "whole"
        if len(q.tokens) > 1:
            for a in self.order.get(" ".join(sorted(q.tokens)), ()):
                found.setdefault(a, "order")
            words = q.words
            for i in range(len(words)):
                for j in range(i + 1, min(len(words), i + MAX_RUN) + 1):
                    if j - i == len(words):
                        continue
                    for a in self.exact.get(canonical("".join(words[i:j])), ()):
                        found.setdefault(a, f"run:{i}:{j}")
        for key in _grams(q):
            bucket = self.grams.get(key, ())
            if len(bucket) <= BUCKET_CAP:
                for a in bucket:
                    found.setdefault(a, "fuzzy")
        if q.skeleton:
            for a in self.skeletons.get(q.skeleton, ()):
                found.setdefault(a, "skeleton")
        return found

    def screen(
        self,
        name: str,
        *,
        country: str | None = None,
        kind: str | None = None,
        on: dt.date | None = None,
        fuzzy: bool = True,
    ) -> list[Hit]:
        """Every entry ``name`` matches, best first: exact hits, then possible ones by score.

        ``country`` (ISO alpha-2) and ``kind`` are evidence: they confirm or weaken a
        match, and an acronym matches only with a compatible country. ``on`` keeps the
        entries listed on that day. ``fuzzy=False`` keeps whole, reordered and contained
        matches only (for place names). Raises :class:`NameTooLong` for an over-long name.
        """
        q = normalise(name)
        if not q.flat:
            return []
        best: dict[int, Hit] = {}
        for a, how in self.candidates(q).items():
            if not fuzzy and how in ("fuzzy", "skeleton"):
                continue
            alias = self.aliases[a]
            entry = self.entries[alias.entry]
            if not entry.in_force(on):
                continue
            hit = judge(
                Candidate(q, alias.text, alias.norm, alias.skeleton, how), entry, country, kind
            )
            if hit is None:
                continue
            old = best.get(alias.entry)
            if old is None or _rank(hit) > _rank(old):
                best[alias.entry] = hit
        return sorted(
            best.values(), key=lambda h: (not h.exact, -h.score, h.entry.list_id, h.entry.ref)
        )


def _rank(hit: Hit) -> tuple[bool, float, int]:
    return hit.exact, hit.score, -len(hit.alias)


def _grams(norm: Normalised) -> set[str]:
    """The fuzzy keys of a name: each long word whole, and its first and last letters."""
    keys: set[str] = set()
    for word in {*norm.tokens, norm.flat}:
        if len(word) >= GRAM + 1:
            keys.update((f"t{word}", f"p{word[:GRAM]}", f"s{word[-GRAM:]}"))
    return keys


def build(entries: Sequence[Entry]) -> Index:
    """An :class:`Index` over ``entries``."""
    return Index(entries)
