"""The screening index of the stored lists, kept on disk so that a check need not build it.

Building the index of tens of thousands of entries (normalising every alias) takes
seconds; a check screens a handful of names. So the index is built once, when a list is
imported, and written to ``index.sqlite`` beside the stored lists: its lookup tables
(whole names, word order, fuzzy keys, consonant skeletons), its aliases and its entries.
A check opens it read-only and reads only the rows its names lead to, through
:class:`StoredIndex`, which is the screening :class:`~armscheck.screening.Index` with its
tables on disk. The file records the stored files it was built from (name, size, time)
and a fingerprint of the screening code; when either differs it is rebuilt.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import screening
from ..screening import Entry, Index, normalise
from ..screening.index import Alias
from . import store

FILE = "index.sqlite"
SCHEMA = 1
MAPS = {"e": "exact", "o": "order", "g": "grams", "s": "skeletons"}


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the screening code: an index built by other code is not trusted."""
    digest = hashlib.sha256(f"{SCHEMA}".encode())
    for path in sorted(Path(screening.__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def stamp(folder: Path) -> str:
    """What the index must have been built from: the stored files as they are now."""
    parts = [code_fingerprint()]
    for stem in sorted(set(store.STEMS.values())):
        try:
            st = os.stat(folder / f"{stem}.json")
            parts.append(f"{stem}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{stem}:-")
    return "|".join(parts)


def build(folder: Path) -> Path | None:
    """(Re)build ``index.sqlite`` from the stored lists; ``None`` when it cannot be written."""
    key = stamp(folder)
    entries, stored = store.load(folder)
    index = Index(entries)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".index.", suffix=".tmp", dir=folder)
    except OSError:
        return None
    os.close(fd)
    try:
        with sqlite3.connect(tmp) as db:
            _write(db, index, key, stored)
        db.close()
        os.replace(tmp, folder / FILE)
    except (OSError, sqlite3.Error):
        Path(tmp).unlink(missing_ok=True)
        return None
    return folder / FILE


def _write(db: sqlite3.Connection, index: Index, key: str, stored: list[store.Stored]) -> None:
    db.executescript(
        """
        CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
        CREATE TABLE entries(id INTEGER PRIMARY KEY, data TEXT);
        CREATE TABLE aliases(id INTEGER PRIMARY KEY, entry INTEGER, text TEXT, skeleton TEXT);
        CREATE TABLE keys(map TEXT, key TEXT, alias INTEGER);
        """
    )
    counts: dict[str, int] = {}
    for e in index.entries:
        counts[e.list_id] = counts.get(e.list_id, 0) + 1
    meta = {
        "key": key,
        "count": str(len(index.entries)),
        "counts": json.dumps(counts),
        "stored": json.dumps([dataclasses.asdict(s) for s in stored]),
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    db.executemany(
        "INSERT INTO entries VALUES (?, ?)",
        (
            (i, json.dumps(store.entry_dict(e), ensure_ascii=False))
            for i, e in enumerate(index.entries)
        ),
    )
    db.executemany(
        "INSERT INTO aliases VALUES (?, ?, ?, ?)",
        ((i, a.entry, a.text, a.skeleton) for i, a in enumerate(index.aliases)),
    )
    for code, attr in MAPS.items():
        table: dict[str, list[int]] = getattr(index, attr)
        db.executemany(
            "INSERT INTO keys VALUES (?, ?, ?)",
            ((code, k, a) for k, ids in table.items() for a in ids),
        )
    db.execute("CREATE INDEX keys_by ON keys(map, key)")


class _Map:
    """One lookup table of the index, read from disk on demand."""

    def __init__(self, owner: StoredIndex, code: str) -> None:
        self.owner, self.code = owner, code

    def get(self, key: str, default: Any = ()) -> Any:
        rows = self.owner.db().execute(
            "SELECT alias FROM keys WHERE map = ? AND key = ? ORDER BY rowid", (self.code, key)
        )
        found = [r[0] for r in rows]
        return found or default


class _Rows:
    """The entries or the aliases of the index, read and built on demand."""

    def __init__(self, owner: StoredIndex, table: str, size: int) -> None:
        self.owner, self.table, self.size = owner, table, size
        self._built: dict[int, Any] = {}

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[Any]:
        return (self[i] for i in range(self.size))

    def __getitem__(self, i: int) -> Any:
        if i not in self._built:
            db = self.owner.db()
            if self.table == "entries":
                (data,) = db.execute("SELECT data FROM entries WHERE id = ?", (i,)).fetchone()
                self._built[i] = store.entry_from(json.loads(data))
            else:
                entry, text, skel = db.execute(
                    "SELECT entry, text, skeleton FROM aliases WHERE id = ?", (i,)
                ).fetchone()
                self._built[i] = Alias(entry, text, normalise(text), skel)
        return self._built[i]


class StoredIndex(Index):
    """The screening index with its tables in ``index.sqlite``: cheap to open, same answers."""

    def __init__(self, path: Path) -> None:  # the parent's build is what this avoids
        self.path = path
        self._db: tuple[int, sqlite3.Connection] | None = None
        meta = dict(self.db().execute("SELECT k, v FROM meta").fetchall())
        self.key: str = meta["key"]
        self.counts: dict[str, int] = json.loads(meta["counts"])
        self.stored = [store.Stored(**s) for s in json.loads(meta["stored"])]
        (n_aliases,) = self.db().execute("SELECT COUNT(*) FROM aliases").fetchone()
        self.entries = _Rows(self, "entries", int(meta["count"]))  # type: ignore[assignment]
        self.aliases = _Rows(self, "aliases", n_aliases)  # type: ignore[assignment]
        for code, attr in MAPS.items():
            setattr(self, attr, _Map(self, code))

    def db(self) -> sqlite3.Connection:
        """The read-only connection of this process (a forked worker opens its own)."""
        if self._db is None or self._db[0] != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self._db = (os.getpid(), sqlite3.connect(uri, uri=True, check_same_thread=False))
        return self._db[1]

    def __reduce__(self) -> tuple[Any, ...]:
        return StoredIndex, (self.path,)

    def all_entries(self) -> list[Entry]:
        """Every entry (reads them all)."""
        return list(self.entries)


def open_index(folder: Path) -> StoredIndex | None:
    """The index of ``folder``'s stored lists, rebuilt if stale; ``None`` if it cannot be."""
    path = folder / FILE
    key = stamp(folder)
    for attempt in (0, 1):
        if path.is_file():
            try:
                found = StoredIndex(path)
                if found.key == key:
                    return found
            except (sqlite3.Error, KeyError, ValueError, TypeError):
                pass
        if attempt == 0 and build(folder) is None:
            return None
    return None
