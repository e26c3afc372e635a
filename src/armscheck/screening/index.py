"""An index of list entries that screens one name in microseconds.

Dictionaries find the candidates without scanning the entries: the folded key of every
alias (whole names, and aliases contained in a longer name), the key without descriptive
words, the words in sorted order (word order), the consonants, and for fuzzy matching each
word whole, its last four letters and its first five letters less any one (so that one edit
anywhere leaves a key shared). Fuzzy candidates are filtered by ``rapidfuzz`` in C before
any is judged, so screening costs time linear in the name's length, not in the list's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from .forms import DESCRIPTORS
from .model import Entry, Hit, Normalised
from .normalise import canonical, normalise
from .score import POSSIBLE_MIN, Candidate, judge

MAX_RUN = 8  # contained aliases are looked for as runs of at most this many words
BUCKET_CAP = 32  # a fuzzy key shared by more aliases than this says too little to use
GRAM = 4  # letters at the end of a word that index it for fuzzy matching
CORE_MIN = 4  # a name without its descriptive words is compared whole if this long
SKELETON_MIN = 3  # consonants of a name in Arabic script compared when at least this many
LATIN_SKELETON_MIN = 5  # and of a name in Latin script
PREFILTER = 100 * POSSIBLE_MIN - 10  # similarity (percent) a fuzzy candidate needs to be judged


class Index:
    """Entries ready for screening; build it once and screen many names against it."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.owner: list[int] = []  # alias id -> entry index
        self.texts: list[str] = []  # alias id -> the alias as the list writes it
        self.norms: list[Normalised] = []
        self.sorted: list[str] = []  # alias id -> its tokens in sorted order
        self.exact: dict[str, list[int]] = {}
        self.cores: dict[str, list[int]] = {}
        self.order: dict[str, list[int]] = {}
        self.words: dict[str, list[int]] = {}
        self.grams: dict[str, list[int]] = {}
        self.skeletons: dict[str, list[int]] = {}
        for e, entry in enumerate(self.entries):
            seen: set[str] = set()
            for text in entry.names:
                norm = normalise(text)
                if norm.flat and norm.flat not in seen:
                    seen.add(norm.flat)
                    self._add(e, text, norm)

    def _add(self, e: int, text: str, norm: Normalised) -> None:
        a = len(self.owner)
        self.owner.append(e)
        self.texts.append(text)
        self.norms.append(norm)
        self.sorted.append(" ".join(sorted(norm.tokens)))
        self.exact.setdefault(norm.flat, []).append(a)
        if len(norm.core) >= CORE_MIN:
            self.cores.setdefault(norm.core, []).append(a)
        if len(norm.tokens) > 1:
            self.order.setdefault(self.sorted[a], []).append(a)
            for token in set(norm.tokens):
                self.words.setdefault(token, []).append(a)
        for key in _grams(norm):
            self.grams.setdefault(key, []).append(a)
        if len(norm.skeleton) >= SKELETON_MIN:
            self.skeletons.setdefault(norm.skeleton, []).append(a)

    def __len__(self) -> int:
        return len(self.entries)

    def __reduce__(self) -> tuple[type[Index], tuple[tuple[Entry, ...]]]:
        return Index, (self.entries,)  # pickled as its entries, rebuilt on loading

    def candidates(self, q: Normalised) -> dict[int, str]:
        """Alias ids worth judging against ``q``, each with how it was found."""
        found: dict[int, str] = dict.fromkeys(self.exact.get(q.flat, ()), "whole")
        for key in (q.flat, q.core):
            for a in self.cores.get(key, ()):
                found.setdefault(a, "core")
        if len(q.core) >= CORE_MIN:
            for a in self.exact.get(q.core, ()):
                found.setdefault(a, "core")
        if len(q.words) > 1:
            for a in self.order.get(" ".join(sorted(q.tokens)), ()):
                found.setdefault(a, "order")
            self._runs(q, found)
            self._subsets(q, found)
        if len(q.skeleton) >= (SKELETON_MIN if q.scripts else LATIN_SKELETON_MIN):
            for a in self.skeletons.get(q.skeleton, ()):
                found.setdefault(a, "skeleton")
        self._fuzzy(q, found)
        return found

    def _runs(self, q: Normalised, found: dict[int, str]) -> None:
        """Aliases written as a run of consecutive words of ``q`` (at most MAX_RUN long)."""
        words = q.words
        n = len(words)
        for i in range(n):
            for j in range(i + 1, min(n, i + MAX_RUN) + 1):
                if j - i < n:
                    for a in self.exact.get(canonical("".join(words[i:j])), ()):
                        found.setdefault(a, f"run:{i}:{j}")

    def _subsets(self, q: Normalised, found: dict[int, str]) -> None:
        """Aliases of several words, all of them among ``q``'s words (in any order)."""
        mine = set(q.tokens)
        for token in mine:
            bucket = self.words.get(token, ())
            if len(bucket) <= BUCKET_CAP:
                for a in bucket:
                    if a not in found and mine.issuperset(self.norms[a].tokens):
                        found[a] = "subset"

    def _fuzzy(self, q: Normalised, found: dict[int, str]) -> None:
        """Aliases that share a fuzzy key with ``q`` and are similar enough to judge."""
        ids: set[int] = set()
        for key in _grams(q):
            bucket = self.grams.get(key, ())
            if len(bucket) <= BUCKET_CAP:
                ids.update(bucket)
        ids.difference_update(found)
        if not ids:
            return
        order = list(ids)
        mine = " ".join(sorted(q.tokens))
        for text, scorer, pool in (
            (q.flat, fuzz.ratio, [self.norms[a].flat for a in order]),
            (mine, fuzz.ratio, [self.sorted[a] for a in order]),
        ):
            for _, _, k in process.extract(
                text, pool, scorer=scorer, score_cutoff=PREFILTER, limit=None
            ):
                found.setdefault(order[k], "fuzzy")

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
            if not fuzzy and how in ("fuzzy", "skeleton", "subset"):
                continue
            e = self.owner[a]
            entry = self.entries[e]
            if not entry.in_force(on):
                continue
            hit = judge(Candidate(q, self.texts[a], self.norms[a], how), entry, country, kind)
            if hit is not None and (e not in best or _rank(hit) > _rank(best[e])):
                best[e] = hit
        return sorted(
            best.values(), key=lambda h: (not h.exact, -h.score, h.entry.list_id, h.entry.ref)
        )


def _rank(hit: Hit) -> tuple[bool, float, int]:
    return hit.exact, hit.score, -len(hit.alias)


def _grams(norm: Normalised) -> set[str]:
    """The fuzzy keys of a name: last four letters and first five less one, of each word.

    The name written as one word counts as a word; short and descriptive words have none.
    """
    keys: set[str] = set()
    for word in {*norm.tokens, norm.flat}:
        if len(word) > GRAM and word not in DESCRIPTORS:
            head = word[: GRAM + 1]
            keys.update(f"d{head[:i]}{head[i + 1 :]}" for i in range(GRAM + 1))
            keys.add(f"s{word[-GRAM:]}")
    return keys
