"""The imported lists of this process: opened once, on first use."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..screening import Entry, Index
from ..screening.index import Searchable
from . import store
from .model import LISTS, SCREENED


class Loaded:
    """The stored lists of one data folder, screened through their on-disk index.

    Nothing is read until :meth:`index` is first called; a check then reads only the
    index rows its names lead to. When the on-disk index cannot be opened or written,
    the lists are loaded and indexed in memory instead (slower, same answers).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._index: Searchable | None = None
        self._counts: dict[str, int] = {}
        self._stored: list[store.Stored] = []
        self._has: bool | None = None
        self._missing: dict[tuple[str, ...], tuple[str, ...]] = {}

    def has_files(self) -> bool:
        """Whether any list has been imported into the folder.

        Asked once per instance: :func:`loaded` gives a new one when the files change.
        """
        if self._has is None:
            stems = set(store.STEMS.values())
            self._has = any((self.folder / f"{s}.json").is_file() for s in stems)
        return self._has

    def index(self) -> Searchable:
        """The screening index of every kept entry (see :func:`store.load`)."""
        if self._index is None:
            opened = None
            if self.has_files():
                from . import lookup  # the on-disk index (sqlite3), only when lists were imported

                opened = lookup.open_index(self.folder)
            if opened is not None:
                self._index, self._counts, self._stored = opened
            else:
                entries, self._stored = store.load(self.folder)
                self._index = Index(entries)
                for e in entries:
                    self._counts[e.list_id] = self._counts.get(e.list_id, 0) + 1
        return self._index

    @property
    def entries(self) -> list[Entry]:
        """Every kept entry (reads them all: for listings and tests, not for checks)."""
        return store.load(self.folder)[0]

    @property
    def stored(self) -> list[store.Stored]:
        """The provenance of each stored file."""
        self.index()
        return self._stored

    def counts(self) -> dict[str, int]:
        """Entries kept per list id."""
        self.index()
        return dict(self._counts)

    def missing(self, wanted: tuple[str, ...] = SCREENED) -> list[str]:
        """Titles of the ``wanted`` lists with no imported entries."""
        if wanted not in self._missing:
            have = self.counts()
            self._missing[wanted] = tuple(LISTS[w] for w in wanted if not have.get(w))
        return list(self._missing[wanted])

    def date_of(self, list_id: str) -> str | None:
        """The date of the file the entries of ``list_id`` come from."""
        for s in self.stored:
            if list_id in s.lists:
                return s.generated or s.imported_at[:10]
        return None


_CACHE: dict[tuple[object, ...], Loaded] = {}
_OVERRIDE: list[Path] = []
_HELD: list[tuple[int, Loaded]] = []  # (overrides in force when held, the lists held)


@contextmanager
def using(folder: Path) -> Iterator[None]:
    """Screen against the lists stored in ``folder`` instead of the data folder, for a while."""
    _OVERRIDE.append(folder)
    try:
        yield
    finally:
        _OVERRIDE.pop()


@functools.lru_cache(maxsize=8)
def _files(folder: Path) -> tuple[str, tuple[tuple[str, str], ...], tuple[object, ...]]:
    """``folder``, each stored file's stem and path (text for ``os.stat``), the stamp of none."""
    stems = sorted(set(store.STEMS.values()))
    absent = (str(folder), *((stem, None) for stem in stems))
    return str(folder), tuple((stem, str(folder / f"{stem}.json")) for stem in stems), absent


def _stamp(folder: Path) -> tuple[object, ...]:
    where, files, absent = _files(folder)
    if not os.access(where, os.F_OK):  # nothing imported yet (usual): one look, raising nothing
        return absent
    out: list[object] = [where]
    for stem, path in files:
        try:
            st = os.stat(path)
            out.append((stem, st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((stem, None))
    return tuple(out)


@contextmanager
def held() -> Iterator[Loaded]:
    """The lists as they are now, for every check made meanwhile (see :func:`loaded`).

    One command's many checks (a matrix's recipients) are then made against one set of
    lists, whose files are not looked at again for each check.
    """
    lists = loaded()
    _HELD.append((len(_OVERRIDE), lists))
    try:
        yield lists
    finally:
        _HELD.pop()


def loaded(folder: Path | None = None) -> Loaded:
    """The lists stored in ``folder`` (default: the data folder), shared per process.

    A new import (a changed file) is picked up on the next call, except while lists are
    :func:`held` (then the held lists are the default).
    """
    if _HELD and _HELD[-1][0] == len(_OVERRIDE) and folder in (None, _HELD[-1][1].folder):
        return _HELD[-1][1]
    folder = folder or (_OVERRIDE[-1] if _OVERRIDE else store.data_dir())
    key = _stamp(folder)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = Loaded(folder)
    return _CACHE[key]


def searchable() -> Searchable:
    """The imported lists as one screening source (see :mod:`armscheck.screening.sources`)."""
    return loaded().index()
