"""An index of list entries that screens one name in microseconds.

One table of keys (see :mod:`.keys`) finds the candidates without scanning the entries.
Fuzzy candidates are filtered by their spelling similarity (:mod:`.fuzzy`) before any is
judged, so screening costs time linear in the name's length, not in the list's.

:class:`Index` keeps the table in memory; :mod:`.disk` keeps the same table in a file and
reads only the keys a name needs, for lists too large to index in every process.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain

from ..garbage import no_collection
from .fuzzy import matches as fuzzy_matches
from .keys import EXACT, WORD, query_keys, sorted_tokens
from .model import Entry, Hit, Normalised
from .normalise import normalise
from .score import POSSIBLE_MIN, Candidate, Worth, assess, weigh

BUCKET_CAP = 32  # a fuzzy key shared by more aliases than this says too little to use
PREFILTER = 100 * POSSIBLE_MIN - 10  # similarity (percent) a fuzzy candidate needs to be judged
MEMO_NAMES = 2048  # screened names whose hits an index keeps (forgotten all at once)

# a name normalised; its candidates (alias id -> how found); by alias id, once assessed:
# the entry number, the entry, the candidate and its worth (None: never a hit)
Found = tuple[Normalised, dict[int, str], dict[int, tuple[int, Entry, Candidate, Worth | None]]]


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

    def words_of(self, a: int) -> tuple[str, ...]:
        """The tokens of alias ``a``'s normalised form."""
        return self.alias(a)[2].tokens

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
            if mine.issuperset(self.words_of(a)):
                found[a] = "subset"
        fuzzy.difference_update(found)
        if fuzzy:
            order = list(fuzzy)
            pairs = self.flats(order)
            for text, pool in (
                (q.flat, [p[0] for p in pairs]),
                (sorted_tokens(q), [p[1] for p in pairs]),
            ):
                for k in fuzzy_matches(text, pool, PREFILTER):
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
            # no candidate (whatever the country): nothing to judge, and no hit to keep
            found = self._judged(name, country, kind, fuzzy) if self._candidates_of(name)[1] else ()
            if len(memo) >= MEMO_NAMES:
                memo.clear()
            memo[key] = found
        if not found:
            return []  # most names match nothing
        return [hit for hit in found if hit.entry.in_force(on)]

    _memo: dict[tuple[str, str | None, str | None, bool], tuple[Hit, ...]] | None = None

    def _judged(
        self, name: str, country: str | None, kind: str | None, fuzzy: bool
    ) -> tuple[Hit, ...]:
        """The best hit of ``name`` on each entry, whatever its dates, in report order."""
        q, found, worths = self._candidates_of(name)
        if not q.flat:
            return ()
        best: dict[int, Hit] = {}
        for a, how in found.items():
            if not fuzzy and (how in ("fuzzy", "skeleton", "subset") or how[:5] == "head:"):
                continue
            got = worths.get(a)
            if got is None:
                e, text, norm = self.alias(a)
                c = Candidate(q, text, norm, how)
                got = worths[a] = (e, self.entry(e), c, assess(c))
            e, entry, c, worth = got
            if worth is None:
                continue
            hit = weigh(c, worth, entry, country, kind)
            if hit is not None and (e not in best or rank(hit) > rank(best[e])):
                best[e] = hit
        return tuple(sorted(best.values(), key=order))

    def possible_only(self, name: str) -> frozenset[str] | None:  # (None: it may match more)
        """The countries of the entries ``name`` may match if it can only possibly match them.

        That is when each candidate is worth a possible match at most and names a country (a
        party so named elsewhere gets possible matches abroad or none: :func:`.score.weigh`).
        """
        q, found, worths = self._candidates_of(name)
        countries: set[str] = set()
        for a, how in found.items():
            got = worths.get(a)
            if got is None:  # (assessed as _judged assesses it, and kept for it)
                e, text, norm = self.alias(a)
                got = worths[a] = (e, self.entry(e), c := Candidate(q, text, norm, how), assess(c))
            if got[3] is not None and (got[3].how != "possible" or not got[1].countries):
                return None
            countries.update(got[1].countries if got[3] is not None else ())
        return frozenset(countries)

    _found: dict[str, Found] | None = None

    def _candidates_of(self, name: str) -> Found:
        """``name`` normalised, its candidates, and what each is worth once assessed.

        None of these depends on the country or kind given as evidence, so a name screened
        for many recipients (``armscheck matrix``) is looked up, and each of its candidates
        assessed, once; only the weighing of the evidence is done for each recipient.
        """
        memo = self._found
        if memo is None:
            memo = self._found = {}
        got = memo.get(name)
        if got is None:
            q = normalise(name)
            got = (q, self.candidates(q) if q.flat else {}, {})
            if len(memo) >= MEMO_NAMES:
                memo.clear()
            memo[name] = got
        return got


def rank(hit: Hit) -> tuple[bool, float, int]:
    """How good a hit is, to keep the best one per entry."""
    return hit.exact, hit.score, -len(hit.alias)


def order(hit: Hit) -> tuple[bool, float, str, str]:
    """Hits in report order: exact first, then by score, then by list and reference."""
    return not hit.exact, -hit.score, hit.entry.list_id, hit.entry.ref


class Index(Searchable):
    """Entries ready for screening, in memory; build once, screen many names.

    Fuzzy keys (most keys) are kept by the distinct word that gives them (see :mod:`.filing`).
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.owner: list[int] = []  # alias id -> entry number
        self.texts: list[str] = []  # alias id -> the alias as the list writes it
        self.tokens: list[tuple[str, ...]] = []  # alias id -> its normalised form's tokens
        self.pairs: list[tuple[str, str]] = []  # alias id -> folded key, sorted words
        self._plain: dict[str, int | list[int]] = {}  # ids by key (not fuzzy): one, or a list
        self._grams: dict[str, list[list[int]]] = {}  # each fuzzy key's lists of ids
        self._words: dict[str, list[int]] = {}  # the ids of the aliases holding each word
        self._made: dict[str, tuple[int, ...]] = {}  # the buckets looked up so far
        if self.entries:  # (none: no official list imported)
            from .filing import file_aliases  # only where an index is built from the lists

            with no_collection():  # building makes many objects and no garbage cycles
                filed = file_aliases(self.entries)
            self.owner, self.texts, self.tokens, self.pairs = filed[:4]
            self._plain, self._grams, self._words = filed[4:]

    @functools.cached_property
    def norms(self) -> list[Normalised]:
        """Each alias's normalised form, made when first asked for (to write the index out)."""
        from .filing import normalised

        with no_collection():
            return normalised(self.texts)

    @functools.cached_property
    def keys(self) -> dict[str, tuple[int, ...]]:
        """The alias ids under each key (see :func:`.keys.key_list`), ascending."""
        from .filing import whole_table

        with no_collection():  # made only when asked for (to write the index out)
            return whole_table(self.norms, self.pairs)

    def __len__(self) -> int:
        return len(self.entries)

    def __reduce__(self) -> tuple[type[Index], tuple[tuple[Entry, ...]]]:
        return Index, (self.entries,)  # pickled as its entries, rebuilt on loading

    def buckets(self, keys: Sequence[str]) -> Mapping[str, Sequence[int]]:
        """The alias ids under each of ``keys`` that has any."""
        made, table, grams = self._made, self._plain, self._grams  # a bucket is kept once made
        out: dict[str, tuple[int, ...]] = {}
        for k in keys:
            ids = made.get(k)
            if ids is None:
                got = table.get(k)
                if got is not None:
                    ids = (got,) if isinstance(got, int) else tuple(got)
                elif k[:1] == WORD or k[:1] == EXACT:  # made from a word's ids (see filing)
                    word, has, tokens = k[1:], self._words.get(k[1:], ()), self.tokens
                    if k[0] == EXACT:  # the aliases whose folded whole it is
                        ids = tuple([a for a in has if self.pairs[a][0] == word])
                    else:  # the aliases of several words, this word one of them
                        ids = tuple([a for a in has if len(tokens[a]) > 1 and word in tokens[a]])
                    if not ids:
                        continue
                else:
                    lists = grams.get(k)  # (ids in no order, some twice: see filing.by_gram)
                    if not lists:
                        continue
                    ids = tuple(sorted({*chain(*lists)}))
                made[k] = ids
            out[k] = ids
        return out

    def flats(self, ids: Sequence[int]) -> list[tuple[str, str]]:
        """Each alias's folded key and sorted words, in the order of ``ids``."""
        pairs = self.pairs
        return [pairs[a] for a in ids]

    def alias(self, a: int) -> tuple[int, str, Normalised]:
        """The entry number, the text and the normalised form of alias ``a``."""
        norms = self.__dict__.get("norms")  # (if not made, normalise gives what it would hold)
        text = self.texts[a]
        return self.owner[a], text, normalise(text) if norms is None else norms[a]

    def words_of(self, a: int) -> tuple[str, ...]:
        """The tokens of alias ``a``'s normalised form."""
        return self.tokens[a]

    def entry(self, e: int) -> Entry:
        """Entry number ``e``."""
        return self.entries[e]
