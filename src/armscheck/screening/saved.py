"""An :class:`~.index.Index` as plain data, and back, for the rulebook cache.

Building the indexes of the curated lists normalises every alias (transliteration
included) and costs more than the rest of a check; the rulebook cache keeps them as
built, so a new process reads them instead. The state holds only tuples, text-keyed
mappings, text, bytes, numbers and booleans (kept by ``marshal``), in columns: each
entry field and each normalised-name field is one tuple, and the key table is the keys in
sorted order, all their alias numbers in turn and where each key's numbers end, packed in
two strings of bytes (found by bisection, so that reading it makes no mapping of thousands
of keys). :func:`thawed` checks every value's type, column by column, and every
alias number, raising :class:`ValueError` on anything else; the :class:`Thawed` index it
returns makes an entry or a normalised alias into an object only when screening first
reaches it (a check screens a few names, which reach a few of the aliases).
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .index import Index, Searchable
from .keys import sorted_tokens
from .model import Entry, Normalised
from .packed import IDS, WIDTH, below

Columns = tuple[tuple[Any, ...], ...]
Ids = memoryview  # alias numbers, as IDS
_DAY_MAX = dt.date.max.toordinal()
# each field of Entry as stored, in order: its type (None: a day number or None), and the
# type of its items (the keys' and values' type for the mapping)
_ENTRY: tuple[tuple[str, type | None, type | None], ...] = (
    ("list_id", str, None),
    ("ref", str, None),
    ("names", tuple, str),
    ("kind", str, None),
    ("countries", tuple, str),
    ("listed_from", None, None),
    ("listed_to", None, None),
    ("programs", tuple, str),
    ("source", str, None),
    ("extra", dict, str),
)
# each field of Normalised as stored, in order: its name, its type, and its items' if a tuple
_NORM: tuple[tuple[str, type, type | None], ...] = (
    ("original", str, None),
    ("words", tuple, str),
    ("tokens", tuple, str),
    ("flat", str, None),
    ("upper", tuple, bool),
    ("steps", tuple, str),
    ("scripts", tuple, str),
    ("skeleton", str, None),
    ("core", str, None),
)


def _day_number(day: dt.date | None) -> int | None:
    return day.toordinal() if day else None


def frozen(index: Index) -> dict[str, Any]:
    """The state of ``index`` as plain data: tuples, text-keyed mappings, bytes, scalars."""
    entries = index.entries
    columns = [tuple(getattr(e, name) for e in entries) for name, _, _ in _ENTRY]
    for at in (5, 6):  # the listing's days, as day numbers
        columns[at] = tuple(map(_day_number, columns[at]))
    columns[9] = tuple(dict(extra) for extra in columns[9])
    return {
        "byteorder": sys.byteorder,
        "entries": tuple(columns),
        "owner": tuple(index.owner),
        "texts": tuple(index.texts),
        "norms": tuple(tuple(getattr(n, name) for name, _, _ in _NORM) for n in index.norms),
        **_table(index.keys),
    }


def _table(keys: Mapping[str, Sequence[int]]) -> dict[str, Any]:
    """The key table: the keys sorted, their alias numbers in turn, and where each key's end."""
    order = sorted(keys)
    return {
        "keys": tuple(order),
        "ends": array(IDS, itertools.accumulate(len(keys[k]) for k in order)).tobytes(),
        "ids": array(IDS, itertools.chain.from_iterable(keys[k] for k in order)).tobytes(),
    }


def _texts(raw: Any) -> tuple[str, ...]:
    if type(raw) is not tuple or not _only(raw, str):
        raise ValueError("not a tuple of text")
    return raw


def _only(values: Iterable[Any], kind: type) -> bool:
    """Whether every one of ``values`` is a ``kind`` (text is told by joining it: quicker)."""
    if kind is str:
        try:
            "".join(values)
        except TypeError:
            return False
        return True
    return not set(map(type, values)) - {kind}


def _ids(raw: Any, bound: int) -> tuple[int, ...]:
    """``raw``, if it is a tuple of whole numbers from 0 to ``bound`` - 1."""
    if type(raw) is not tuple or (
        raw and not (set(map(type, raw)) == {int} and 0 <= min(raw) and max(raw) < bound)
    ):
        raise ValueError("not a tuple of ids")
    return raw


def _columns(raw: Any, count: int, what: str) -> Columns:
    """``raw`` as ``count`` tuples of one length (the rows of a table, transposed)."""
    if type(raw) is not tuple or len(raw) != count or set(map(type, raw)) - {tuple}:
        raise ValueError(f"not the columns of {what}")
    if len(set(map(len, raw))) > 1:
        raise ValueError(f"columns of {what} of different lengths")
    return raw


def _typed(column: tuple[Any, ...], kind: type, item: type | None, what: str) -> None:
    """Raise :class:`ValueError` unless every value in ``column`` is a ``kind`` of ``item``."""
    if not _only(column, kind):
        raise ValueError(f"not {what}")
    if item is None:
        return
    if kind is dict:
        inner = itertools.chain(
            itertools.chain.from_iterable(map(dict.keys, column)),
            itertools.chain.from_iterable(map(dict.values, column)),
        )
    else:
        inner = itertools.chain.from_iterable(column)
    if not _only(inner, item):
        raise ValueError(f"not {what}")


def _entries(raw: Any) -> Columns:
    """The entry columns :func:`frozen` wrote, checked field by field across all entries."""
    columns = _columns(raw, len(_ENTRY), "entries")
    for column, (name, kind, item) in zip(columns, _ENTRY, strict=True):
        if kind is not None:
            _typed(column, kind, item, f"an entry's {name}")
            continue
        days = [d for d in column if d is not None]
        if set(map(type, days)) - {int} or (days and not 1 <= min(days) <= max(days) <= _DAY_MAX):
            raise ValueError(f"not an entry's {name}")
    return columns


def _norms(raw: Any) -> Columns:
    """The normalised names :func:`frozen` wrote, checked field by field across all names."""
    if type(raw) is not tuple or set(map(type, raw)) - {tuple} or set(map(len, raw)) - {9}:
        raise ValueError("not a tuple of normalised names")
    columns = list(zip(*raw, strict=True)) if raw else [()] * 9
    for column, (_, kind, item) in zip(columns, _NORM, strict=True):
        _typed(column, kind, item, "a normalised name")
    return raw


def _keys(keys: Any, ends: Any, ids: Any, bound: int) -> tuple[tuple[str, ...], Ids, Ids]:
    """The key table :func:`_table` wrote, as (keys, where each key's ids end, the ids).

    The keys must be text, one end each, the last end that of the alias ids, and every id
    below ``bound``. (Ends out of order would only find fewer ids, each of them checked.)
    """
    if (
        type(keys) is not tuple
        or not _only(keys, str)
        or type(ends) is not bytes
        or type(ids) is not bytes
        or len(ends) != len(keys) * WIDTH
        or len(ids) % WIDTH
    ):
        raise ValueError("not a key table")
    last, numbers = memoryview(ends).cast(IDS), memoryview(ids).cast(IDS)
    if (last[-1] if keys else 0) != len(numbers):
        raise ValueError("not a key table: its last key does not end with its alias numbers")
    if not below(ids, bound):
        raise ValueError("not a key table: an alias number out of range")
    return keys, last, numbers


def thawed(state: Any) -> Thawed:
    """The index :func:`frozen` wrote; :class:`ValueError` for anything else."""
    fields = {"byteorder", "entries", "owner", "texts", "norms", "keys", "ends", "ids"}
    if not isinstance(state, dict) or set(state) != fields:
        raise ValueError("not an index")
    if state["byteorder"] != sys.byteorder:
        raise ValueError("an index of another byte order")
    entries = _entries(state["entries"])
    owner = _ids(state["owner"], len(entries[0]))
    texts = _texts(state["texts"])
    norms = _norms(state["norms"])
    if not len(owner) == len(texts) == len(norms):
        raise ValueError("aliases of different lengths")
    table = _keys(state["keys"], state["ends"], state["ids"], len(norms))
    return Thawed(entries, owner, texts, norms, table)


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
        self._norms: list[Normalised | None] = [None] * len(norms)
        self._pairs: list[tuple[str, str] | None] = [None] * len(norms)

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
            norm = self._norms[a] = Normalised(*self._rows[a])
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


def _day(number: int | None) -> dt.date | None:
    return dt.date.fromordinal(number) if number is not None else None
