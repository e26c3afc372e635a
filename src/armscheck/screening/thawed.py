"""A cached screening index, checked by :func:`.saved.thawed`, read as screening reaches it."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from typing import Any

from .index import Searchable
from .keys import sorted_tokens
from .model import Entry, Normalised

Columns = tuple[tuple[Any, ...], ...]
Ids = memoryview  # alias numbers, as packed.IDS


class Thawed(Searchable):
    """A cached index, checked whole: an entry or alias becomes an object on first use.

    It screens exactly as the :class:`Index` it was frozen from (the same keys, aliases
    and entries, in the same order).
    """

    def __init__(
        self,
        entries: Columns,
        owner: tuple[int, ...],
        texts: tuple[str, ...],
        norms: Columns,
        table: tuple[tuple[str, ...], Ids, Ids],
    ) -> None:
        self._columns = entries
        self.owner = owner  # alias id -> entry number
        self.texts = texts  # alias id -> the alias as the list writes it
        self._rows = norms
        # every key, sorted; where the alias ids of each end in the ids of all keys
        self.keys, self._ends, self._ids = table
        self._entries: list[Entry | None] = [None] * len(entries[0])
        self._norms: list[Normalised | None] = [None] * len(texts)
        self._pairs: list[tuple[str, str] | None] = [None] * len(texts)

    def __len__(self) -> int:
        return len(self._entries)

    def buckets(self, keys: Sequence[str]) -> Mapping[str, Sequence[int]]:
        """The alias ids under each of ``keys`` that has any."""
        table, ends, ids = self.keys, self._ends, self._ids
        count = len(table)
        found: dict[str, Sequence[int]] = {}
        for k in keys:
            at = bisect_left(table, k)
            if at < count and table[at] == k:
                start = ends[at - 1] if at else 0
                if ends[at] > start:
                    found[k] = ids[start : ends[at]]
        return found

    def flats(self, ids: Sequence[int]) -> list[tuple[str, str]]:
        """Each alias's folded key and sorted words, in the order of ``ids``."""
        pairs = self._pairs
        out = []
        for a in ids:
            pair = pairs[a]
            if pair is None:
                norm = self._norm(a)
                pair = pairs[a] = (norm.flat, sorted_tokens(norm))
            out.append(pair)
        return out

    def alias(self, a: int) -> tuple[int, str, Normalised]:
        """The entry number, the text and the normalised form of alias ``a``."""
        return self.owner[a], self.texts[a], self._norm(a)

    def _norm(self, a: int) -> Normalised:
        norm = self._norms[a]
        if norm is None:
            original, words, tokens, flat, upper, steps, scripts, skeleton, core = self._rows
            norm = self._norms[a] = Normalised(
                original[a],
                _cut(words, a),
                _cut(tokens, a),
                flat[a],
                tuple(map(bool, _cut(upper, a))),
                _cut(steps, a),
                _cut(scripts, a),
                skeleton[a],
                core[a],
            )
        return norm

    def entry(self, e: int) -> Entry:
        """Entry number ``e``."""
        entry = self._entries[e]
        if entry is None:
            c = self._columns
            entry = self._entries[e] = Entry(
                list_id=c[0][e],
                ref=c[1][e],
                names=c[2][e],
                kind=c[3][e],
                countries=c[4][e],
                listed_from=_day(c[5][e]),
                listed_to=_day(c[6][e]),
                programs=c[7][e],
                source=c[8][e],
                extra=c[9][e],
            )
        return entry


def _cut(column: tuple[Any, Ids], a: int) -> Any:
    """Alias ``a``'s values in a column of several values an alias (see :func:`_norms`)."""
    values, ends = column
    return values[ends[a - 1] if a else 0 : ends[a]]


def _day(number: int | None) -> dt.date | None:
    return dt.date.fromordinal(number) if number is not None else None
