"""An :class:`~.index.Index` as plain JSON data, and back, for the rulebook cache.

Building the indexes of the curated lists normalises every alias (transliteration
included) and costs more than the rest of a check; the rulebook cache keeps them as
built, so a new process reads them instead. The state holds only JSON's own types
(lists, text-keyed mappings, text, numbers, booleans), and :func:`thawed` checks every
value's type, raising :class:`ValueError` on anything else.
"""

from __future__ import annotations

import itertools
from typing import Any

from .index import Index
from .keys import sorted_tokens
from .model import Entry, Normalised, entry_dict, entry_from


def frozen(index: Index) -> dict[str, Any]:
    """The state of ``index`` as plain JSON data."""
    return {
        "entries": [entry_dict(e) for e in index.entries],
        "owner": list(index.owner),
        "texts": list(index.texts),
        "norms": [
            [
                n.original,
                list(n.words),
                list(n.tokens),
                n.flat,
                list(n.upper),
                list(n.steps),
                list(n.scripts),
                n.skeleton,
                n.core,
            ]
            for n in index.norms
        ],
        "keys": {k: list(v) for k, v in index.keys.items()},
    }


def _texts(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(type(x) is str for x in raw):
        raise ValueError("not a list of text")
    return tuple(raw)


def _ids(raw: Any, bound: int) -> tuple[int, ...]:
    """``raw`` as a tuple, if it is a list of whole numbers from 0 to ``bound`` - 1."""
    if not isinstance(raw, list) or (
        raw and not (set(map(type, raw)) == {int} and 0 <= min(raw) and max(raw) < bound)
    ):
        raise ValueError("not a list of ids")
    return tuple(raw)


# each field of Normalised as stored: its type, and the type of its items if a list
_FIELDS: tuple[tuple[type, type | None], ...] = (
    (str, None),  # original
    (list, str),  # words
    (list, str),  # tokens
    (str, None),  # flat
    (list, bool),  # upper
    (list, str),  # steps
    (list, str),  # scripts
    (str, None),  # skeleton
    (str, None),  # core
)


def _norms(raw: Any) -> list[Normalised]:
    """The normalised names :func:`frozen` wrote, checked field by field across all names."""
    if not isinstance(raw, list) or set(map(type, raw)) - {list} or set(map(len, raw)) - {9}:
        raise ValueError("not a list of normalised names")
    columns = list(zip(*raw, strict=True)) if raw else [()] * 9
    for column, (kind, item) in zip(columns, _FIELDS, strict=True):
        if set(map(type, column)) - {kind}:
            raise ValueError("not a normalised name")
        if item is not None and set(map(type, itertools.chain.from_iterable(column))) - {item}:
            raise ValueError("not a normalised name")
    original, words, tokens, flat, upper, steps, scripts, skeleton, core = columns
    return list(
        map(
            Normalised,
            original,
            map(tuple, words),
            map(tuple, tokens),
            flat,
            map(tuple, upper),
            map(tuple, steps),
            map(tuple, scripts),
            skeleton,
            core,
        )
    )


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
    keys_raw = state["keys"]
    if not isinstance(keys_raw, dict) or not all(isinstance(v, list) for v in keys_raw.values()):
        raise ValueError("not a key table")
    if set(map(type, keys_raw)) - {str}:
        raise ValueError("not a key table")
    keys = dict(zip(keys_raw, map(tuple, keys_raw.values()), strict=True))
    _ids(list(itertools.chain.from_iterable(keys_raw.values())), len(norms))
    index = Index.__new__(Index)  # the attributes Index.__init__ sets, as it set them
    index.entries = entries
    index.owner = list(owner)
    index.texts = list(texts)
    index.norms = norms
    index.pairs = [(n.flat, sorted_tokens(n)) for n in norms]
    index.keys = keys
    return index
