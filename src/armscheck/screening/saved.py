"""An :class:`~.index.Index` as plain data, and back, for the rulebook cache.

Building the indexes of the curated lists normalises every alias (transliteration
included) and costs more than the rest of a check; the rulebook cache keeps them as
built, so a new process reads them instead. The state holds only tuples, text-keyed
mappings, text, bytes, numbers and booleans (kept by ``marshal``), in columns: each
entry field and each normalised-name field is one tuple (a normalised-name field of several
values, such as its words, is all aliases' values in turn and where each alias's end, so that
no tuple is made per alias until screening reaches it), and the key table is the keys in
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
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .index import Index
from .model import Normalised
from .packed import IDS, WIDTH, below
from .thawed import Columns, Ids, Thawed

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
        "norms": _norm_columns(index.norms),
        **_table(index.keys),
    }


def _norm_columns(norms: Sequence[Normalised]) -> Columns:
    """The normalised names by field: a field of several values as all of them and ends."""
    columns: list[Any] = []
    for name, _, item in _NORM:
        values = [getattr(n, name) for n in norms]
        if item is None:
            columns.append(tuple(values))
            continue
        flat = tuple(itertools.chain.from_iterable(values))
        ends = array(IDS, itertools.accumulate(map(len, values))).tobytes()
        columns.append((bytes(flat) if item is bool else flat, ends))
    return tuple(columns)


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
    """The normalised names :func:`_norm_columns` wrote, checked column by column.

    A text field is a tuple of text, one an alias; a field of several values is the values
    of every alias in turn (a tuple of text, or bytes of 0 and 1 for flags) and where each
    alias's values end. (Ends out of order would only cut fewer values, each of them checked.)
    """
    if type(raw) is not tuple or len(raw) != len(_NORM):
        raise ValueError("not the columns of normalised names")
    columns: list[Any] = []
    for column, (name, _, item) in zip(raw, _NORM, strict=True):
        if item is None:
            if type(column) is not tuple or not _only(column, str):
                raise ValueError(f"not a normalised name's {name}")
            size = len(column)
        else:
            if type(column) is not tuple or len(column) != 2:
                raise ValueError(f"not a normalised name's {name}")
            flat, ends = column
            if item is bool:
                ok = type(flat) is bytes and not flat.translate(None, b"\0\1")
            else:
                ok = type(flat) is tuple and _only(flat, item)
            if not ok or type(ends) is not bytes or len(ends) % WIDTH:
                raise ValueError(f"not a normalised name's {name}")
            last = memoryview(ends).cast(IDS)
            if (last[-1] if last else 0) != len(flat):
                raise ValueError(f"not a normalised name's {name}: its ends")
            size = len(last)
            column = (flat, last)
        if columns and size != len(columns[0]):
            raise ValueError("columns of normalised names of different lengths")
        columns.append(column)
    return tuple(columns)


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
    if not len(owner) == len(texts) == len(norms[0]):
        raise ValueError("aliases of different lengths")
    table = _keys(state["keys"], state["ends"], state["ids"], len(owner))
    return Thawed(entries, owner, texts, norms, table)
