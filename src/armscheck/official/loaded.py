"""The imported lists of this process: loaded once, indexed once, on first use."""

from __future__ import annotations

import os
from pathlib import Path

from ..screening import Entry, Index
from . import store
from .model import LISTS, SCREENED


class Loaded:
    """The stored lists of one data folder; entries and index are built on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._entries: list[Entry] | None = None
        self._stored: list[store.Stored] = []
        self._index: Index | None = None

    def _load(self) -> list[Entry]:
        if self._entries is None:
            self._entries, self._stored = store.load(self.folder)
        return self._entries

    @property
    def entries(self) -> list[Entry]:
        """Every entry kept (see :func:`store.load`)."""
        return self._load()

    @property
    def stored(self) -> list[store.Stored]:
        """The provenance of each stored file."""
        self._load()
        return self._stored

    def counts(self) -> dict[str, int]:
        """Entries kept per list id."""
        out: dict[str, int] = {}
        for e in self.entries:
            out[e.list_id] = out.get(e.list_id, 0) + 1
        return out

    def missing(self, wanted: tuple[str, ...] = SCREENED) -> list[str]:
        """Titles of the ``wanted`` lists with no imported entries."""
        have = self.counts()
        return [LISTS[w] for w in wanted if not have.get(w)]

    def date_of(self, list_id: str) -> str | None:
        """The date of the file the entries of ``list_id`` come from."""
        for s in self.stored:
            if list_id in s.lists:
                return s.generated or s.imported_at[:10]
        return None

    def index(self) -> Index:
        """The screening index of every entry, built on first use."""
        if self._index is None:
            self._index = Index(self.entries)
        return self._index


_CACHE: dict[tuple[object, ...], Loaded] = {}


def _stamp(folder: Path) -> tuple[object, ...]:
    out: list[object] = [str(folder)]
    for stem in sorted(set(store.STEMS.values())):
        try:
            st = os.stat(folder / f"{stem}.json")
            out.append((stem, st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((stem, None))
    return tuple(out)


def loaded(folder: Path | None = None) -> Loaded:
    """The lists stored in ``folder`` (default: the data folder), shared per process.

    A new import (a changed file) is picked up on the next call.
    """
    folder = folder or store.data_dir()
    key = _stamp(folder)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = Loaded(folder)
    return _CACHE[key]
