"""An index of list entries that screens one name in microseconds.

One table of keys finds the candidates without scanning the entries: the folded key of
every alias (whole names, and aliases contained in a longer name), the key without
descriptive words, the words in sorted order (word order), each word (aliases whose words
all appear), the consonants, and for fuzzy matching each word's last four letters and its
first five letters less any one (one edit anywhere leaves a key shared). Fuzzy candidates
are filtered by ``rapidfuzz`` in C before any is judged, so screening costs time linear in
the name's length, not in the list's.

:class:`Index` keeps the table in memory; :mod:`.disk` keeps the same table in a file and
reads only the keys a name needs, for lists too large to index in every process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

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
MEMO_NAMES = 2048  # screened names whose hits an index keeps (forgotten all at once)

# How a candidate was found, by the prefix of its key.
EXACT, CORE, ORDER, WORD, SKELETON = "=", "c", "o", "w", "k"


def alias_keys(norm: Normalised) -> set[str]:
    """Every key under which an alias is indexed."""
    keys = {EXACT + norm.flat}
    if len(norm.core) >= CORE_MIN:
        keys.add(CORE + norm.core)
    if len(norm.tokens) > 1:
        keys.add(ORDER + sorted_tokens(norm))
        keys.update(WORD + t for t in norm.tokens)
    if len(norm.skeleton) >= SKELETON_MIN:
        keys.add(SKELETON + norm.skeleton)
    return keys | grams(norm)


def sorted_tokens(norm: Normalised) -> str:
    """The name's words in sorted order, for comparing names whatever their word order."""
    return " ".join(sorted(norm.tokens))


def grams(norm: Normalised) -> set[str]:
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


def query_keys(q: Normalised) -> dict[str, str]:
    """The keys to look up for a screened name, each with how a hit on it was found."""
    keys: dict[str, str] = {EXACT + q.flat: "whole"}
    keys.setdefault(CORE + q.flat, "core")
    if q.core:
        keys.setdefault(CORE + q.core, "core")
        if len(q.core) >= CORE_MIN:
            keys.setdefault(EXACT + q.core, "core")
    words = q.words
    n = len(words)
    if n > 1:
        keys.setdefault(ORDER + sorted_tokens(q), "order")
        for i in range(n):
            for j in range(i + 1, min(n, i + MAX_RUN) + 1):
                if j - i < n:
                    keys.setdefault(EXACT + canonical("".join(words[i:j])), f"run:{i}:{j}")
        for t in q.tokens:
            keys.setdefault(WORD + t, "subset")
    if len(q.skeleton) >= (SKELETON_MIN if q.scripts else LATIN_SKELETON_MIN):
        keys.setdefault(SKELETON + q.skeleton, "skeleton")
    for key in grams(q):
        keys.setdefault(key, "fuzzy")
    return keys


class Searchable:
    """What screening needs from an index: buckets of alias ids by key, and the aliases.

    Subclasses keep the table in memory (:class:`Index`) or in a file.
    """

    def __len__(self) -> int:
        raise NotImplementedError

    def buckets(self, keys: Sequence[str]) -> Mapping[str, Sequence[int]]:
        """The alias ids under each of ``keys`` that has any, in the order of ``keys``."""
        raise NotImplementedError

    def flats(self, ids: Sequence[int]) -> list[tuple[str, str]]:
        """Each alias's folded key and sorted words, in the order of ``ids``."""
        raise NotImplementedError

    def alias(self, a: int) -> tuple[int, str, Normalised]:
        """The entry number, the text and the normalised form of alias ``a``."""
        raise NotImplementedError

    def entry(self, e: int) -> Entry:
        """Entry number ``e``."""
        raise NotImplementedError

    def candidates(self, q: Normalised) -> dict[int, str]:
        """Alias ids worth judging against ``q``, each with how it was found."""
        keys = query_keys(q)
        found: dict[int, str] = {}
        fuzzy: set[int] = set()
        subset: set[int] = set()
        skeletal: list[int] = []
        for key, ids in self.buckets(list(keys)).items():
            how = keys[key]
            if how == "fuzzy" or how == "subset":
                if len(ids) <= BUCKET_CAP:
                    (fuzzy if how == "fuzzy" else subset).update(ids)
            elif how == "skeleton":
                skeletal.extend(ids)  # the weakest evidence: only if nothing better finds them
                fuzzy.update(ids)
            else:
                for a in ids:
                    found.setdefault(a, how)  # keys come strongest first
        mine = set(q.tokens)
        for a in subset.difference(found):
            if mine.issuperset(self.alias(a)[2].tokens):
                found[a] = "subset"
        fuzzy.difference_update(found)
        if fuzzy:
            from rapidfuzz import fuzz, process  # loaded only when a name has fuzzy candidates

            order = list(fuzzy)
            pairs = self.flats(order)
            for text, pool in (
                (q.flat, [p[0] for p in pairs]),
                (sorted_tokens(q), [p[1] for p in pairs]),
            ):
                for _, _, k in process.extract(
                    text, pool, scorer=fuzz.ratio, score_cutoff=PREFILTER, limit=None
                ):
                    found.setdefault(order[k], "fuzzy")
        for a in skeletal:
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

        An index does not change once built, so the hits of a name, whatever the day,
        are kept for the next time it is screened (a bounded number of names).
        """
        memo = self._memo
        if memo is None:
            memo = self._memo = {}
        key = (name, country, kind, fuzzy)
        found = memo.get(key)
        if found is None:
            found = self._judged(name, country, kind, fuzzy)
            if len(memo) >= MEMO_NAMES:
                memo.clear()
            memo[key] = found
        return [hit for hit in found if hit.entry.in_force(on)]

    _memo: dict[tuple[str, str | None, str | None, bool], tuple[Hit, ...]] | None = None

    def _judged(
        self, name: str, country: str | None, kind: str | None, fuzzy: bool
    ) -> tuple[Hit, ...]:
        """The best hit of ``name`` on each entry, whatever its dates, in report order."""
        q = normalise(name)
        if not q.flat:
            return ()
        best: dict[int, Hit] = {}
        for a, how in self.candidates(q).items():
            if not fuzzy and how in ("fuzzy", "skeleton", "subset"):
                continue
            e, text, norm = self.alias(a)
            entry = self.entry(e)
            hit = judge(Candidate(q, text, norm, how), entry, country, kind)
            if hit is not None and (e not in best or rank(hit) > rank(best[e])):
                best[e] = hit
        return tuple(sorted(best.values(), key=order))


def rank(hit: Hit) -> tuple[bool, float, int]:
    """How good a hit is, to keep the best one per entry."""
    return hit.exact, hit.score, -len(hit.alias)


def order(hit: Hit) -> tuple[bool, float, str, str]:
    """Hits in report order: exact first, then by score, then by list and reference."""
    return not hit.exact, -hit.score, hit.entry.list_id, hit.entry.ref


class Index(Searchable):
    """Entries ready for screening, in memory; build once, screen many names."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.owner: list[int] = []  # alias id -> entry number
        self.texts: list[str] = []  # alias id -> the alias as the list writes it
        self.norms: list[Normalised] = []
        self.pairs: list[tuple[str, str]] = []  # alias id -> folded key, sorted words
        keys: dict[str, list[int]] = {}
        for e, entry in enumerate(self.entries):
            seen: set[str] = set()
            for text in entry.names:
                norm = normalise(text)
                if norm.flat and norm.flat not in seen:
                    seen.add(norm.flat)
                    a = len(self.owner)
                    self.owner.append(e)
                    self.texts.append(text)
                    self.norms.append(norm)
                    self.pairs.append((norm.flat, sorted_tokens(norm)))
                    for key in alias_keys(norm):
                        keys.setdefault(key, []).append(a)
        # tuples of ints are left alone by the garbage collector, lists are not
        self.keys: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in keys.items()}

    def __len__(self) -> int:
        return len(self.entries)

    def __reduce__(self) -> tuple[type[Index], tuple[tuple[Entry, ...]]]:
        return Index, (self.entries,)  # pickled as its entries, rebuilt on loading

    def buckets(self, keys: Sequence[str]) -> Mapping[str, Sequence[int]]:
        """The alias ids under each of ``keys`` that has any."""
        get = self.keys.get
        return {k: ids for k in keys if (ids := get(k))}

    def flats(self, ids: Sequence[int]) -> list[tuple[str, str]]:
        """Each alias's folded key and sorted words, in the order of ``ids``."""
        pairs = self.pairs
        return [pairs[a] for a in ids]

    def alias(self, a: int) -> tuple[int, str, Normalised]:
        """The entry number, the text and the normalised form of alias ``a``."""
        return self.owner[a], self.texts[a], self.norms[a]

    def entry(self, e: int) -> Entry:
        """Entry number ``e``."""
        return self.entries[e]


class Combined(Searchable):
    """Several indexes screened as one (the curated lists and the imported ones)."""

    def __init__(self, parts: Sequence[Searchable]) -> None:
        self.parts = tuple(parts)

    def __len__(self) -> int:
        return sum(len(p) for p in self.parts)

    def screen(
        self,
        name: str,
        *,
        country: str | None = None,
        kind: str | None = None,
        on: dt.date | None = None,
        fuzzy: bool = True,
    ) -> list[Hit]:
        """Every entry of every part ``name`` matches, best first."""
        hits = [
            h
            for p in self.parts
            for h in p.screen(name, country=country, kind=kind, on=on, fuzzy=fuzzy)
        ]
        return sorted(hits, key=order)
