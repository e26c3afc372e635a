"""An :class:`~.index.Index` as plain data, and back, for the rulebook cache.

Building the indexes of the curated lists normalises every alias (transliteration
included) and costs more than the rest of a check; the rulebook cache keeps them as
built, so a new process reads them instead. The state holds only tuples, lists,
text-keyed mappings, text, numbers and booleans (kept by ``marshal``), and
:func:`thawed` checks every value's type, raising :class:`ValueError` on anything else.
"""

from __future__ import annotations

import itertools
from typing import Any

from .index import Index
from .keys import sorted_tokens
from .model import Entry, Normalised, entry_dict, entry_from


def frozen(index: Index) -> dict[str, Any]:
    """The state of ``index`` as plain data: tuples, lists, text-keyed mappings, scalars."""
    return {
        "entries": [entry_dict(e) for e in index.entries],
        "owner": tuple(index.owner),
        "texts": tuple(index.texts),
        "norms": tuple(
            (
                n.original,
                n.words,
                n.tokens,
                n.flat,
                n.upper,
                n.steps,
                n.scripts,
                n.skeleton,
                n.core,
            )
            for n in index.norms
        ),
        "keys": dict(index.keys),
    }


def _texts(raw: Any) -> tuple[str, ...]:
    if type(raw) is not tuple or set(map(type, raw)) - {str}:
        raise ValueError("not a tuple of text")
    return raw


def _ids(raw: Any, bound: int) -> tuple[int, ...]:
    """``raw``, if it is a tuple of whole numbers from 0 to ``bound`` - 1."""
    if type(raw) is not tuple or (
        raw and not (set(map(type, raw)) == {int} and 0 <= min(raw) and max(raw) < bound)
    ):
        raise ValueError("not a tuple of ids")
    return raw


# each field of Normalised as stored: its type, and the type of its items if a tuple
_FIELDS: tuple[tuple[type, type | None], ...] = (
    (str, None),  # original
    (tuple, str),  # words
    (tuple, str),  # tokens
    (str, None),  # flat
    (tuple, bool),  # upper
    (tuple, str),  # steps
    (tuple, str),  # scripts
    (str, None),  # skeleton
    (str, None),  # core
)


def _norms(raw: Any) -> list[Normalised]:
    """The normalised names :func:`frozen` wrote, checked field by field across all names."""
    if type(raw) is not tuple or set(map(type, raw)) - {tuple} or set(map(len, raw)) - {9}:
        raise ValueError("not a tuple of normalised names")
    columns = list(zip(*raw, strict=True)) if raw else [()] * 9
    for column, (kind, item) in zip(columns, _FIELDS, strict=True):
        if set(map(type, column)) - {kind}:
            raise ValueError("not a normalised name")
        if item is not None and set(map(type, itertools.chain.from_iterable(column))) - {item}:
            raise ValueError("not a normalised name")
    return list(map(Normalised, *columns))


def thawed(state: Any) -> Index:
    """The index :func:`frozen` wrote; :class:`ValueError` for anything else."""
    if not isinstance(state, dict) or set(state) != {"entries", "owner", "texts", "norms", "keys"}:
        raise ValueError("not an index")
    raw_entries = state["entries"]
    if not isinstance(raw_entries, list) or not all(isinstance(e, dict) for e in raw_entries):
        raise ValueError("not a list of entries")
    try:
        entries: tuple[Entry, ...] = tuple(entry_from(e) for e in raw_entries)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not an entry: {exc}") from None
    owner = _ids(state["owner"], len(entries))
    texts = _texts(state["texts"])
    norms = _norms(state["norms"])
    if not len(owner) == len(texts) == len(norms):
        raise ValueError("aliases of different lengths")
    keys = state["keys"]
    if (
        type(keys) is not dict
        or set(map(type, keys)) - {str}
        or set(map(type, keys.values())) - {tuple}
    ):
        raise ValueError("not a key table")
    _ids(tuple(itertools.chain.from_iterable(keys.values())), len(norms))
    index = Index.__new__(Index)  # the attributes Index.__init__ sets, as it set them
    index.entries = entries
    index.owner = list(owner)
    index.texts = list(texts)
    index.norms = norms
    index.pairs = [(n.flat, sorted_tokens(n)) for n in norms]
    index.keys = keys
    return index
