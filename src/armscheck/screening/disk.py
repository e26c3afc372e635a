"""The screening index kept in a file, for lists too large to index in every process.

:func:`save` builds the index of a list's entries once (when the list is imported) and
writes it as an SQLite file; :class:`DiskIndex` screens names against that file, reading
only the keys and aliases each name needs, so opening it costs about a millisecond however
many entries it holds. The file records the version of the matcher that wrote it; a file
written by another version is refused (:class:`StaleIndex`) and should be rebuilt from the
entries.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import tempfile
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from anyascii import __version__ as anyascii_version

from .index import Index, Searchable
from .model import Entry, Normalised, entry_dict, entry_from
from .normalise import normalise

VERSION = f"armscheck-screening-2 anyascii-{anyascii_version}"
_CHUNK = 500  # keys per query (SQLite allows 999 parameters in older releases)


class StaleIndex(Exception):
    """An index file written by another version of the matcher, or not an index at all."""


def _ids(blob: bytes) -> array[int]:
    out = array("i")
    out.frombytes(blob)
    return out


def save(entries: Iterable[Entry], path: Path, stamp: str = "") -> None:
    """Build the index of ``entries`` and write it to ``path``, replacing it atomically.

    ``stamp`` says what the entries were made from (a hash of the list files), for
    :func:`cached` to tell whether the file is still current.
    """
    index = Index(entries)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        with db:
            db.executescript(
                """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
                CREATE TABLE keys (key TEXT PRIMARY KEY, ids BLOB) WITHOUT ROWID;
                CREATE TABLE aliases (id INTEGER PRIMARY KEY, entry INTEGER, text TEXT,
                                      flat TEXT, sorted TEXT);
                CREATE TABLE entries (id INTEGER PRIMARY KEY, data TEXT);
                """
            )
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)", [("version", VERSION), ("stamp", stamp)]
            )
            db.executemany(
                "INSERT INTO keys VALUES (?, ?)",
                ((k, array("i", v).tobytes()) for k, v in index.keys.items()),
            )
            db.executemany(
                "INSERT INTO aliases VALUES (?, ?, ?, ?, ?)",
                (
                    (a, index.owner[a], index.texts[a], *index.pairs[a])
                    for a in range(len(index.owner))
                ),
            )
            db.executemany(
                "INSERT INTO entries VALUES (?, ?)",
                ((e, json.dumps(entry_dict(x))) for e, x in enumerate(index.entries)),
            )
        db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class DiskIndex(Searchable):
    """An index file written by :func:`save`, screened without loading it whole."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StaleIndex(f"{path} is not a screening index ({exc})") from exc
        if not row or row[0] != VERSION:
            self.db.close()
            raise StaleIndex(f"{path} was written by {row[0] if row else 'an unknown version'}")
        self.alias = functools.lru_cache(maxsize=4096)(self._alias)  # type: ignore[method-assign]
        self.entry = functools.lru_cache(maxsize=4096)(self._entry)  # type: ignore[method-assign]

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM entries").fetchone()[0])

    @property
    def stamp(self) -> str:
        """What the entries were made from, as given to :func:`save`."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        return str(row[0]) if row else ""

    def close(self) -> None:
        """Close the file."""
        self.db.close()

    def _select(self, sql: str, keys: Sequence[object]) -> list[Any]:
        rows: list[Any] = []
        for i in range(0, len(keys), _CHUNK):
            part = keys[i : i + _CHUNK]
            marks = ",".join("?" * len(part))
            rows += self.db.execute(sql.format(marks), part).fetchall()
        return rows

    def buckets(self, keys: Sequence[str]) -> Mapping[str, Sequence[int]]:
        """The alias ids under each of ``keys`` that has any, in the order of ``keys``."""
        found = {
            str(k): _ids(bytes(v))
            for k, v in self._select("SELECT key, ids FROM keys WHERE key IN ({})", keys)
        }
        return {k: found[k] for k in keys if k in found}

    def flats(self, ids: Sequence[int]) -> list[tuple[str, str]]:
        """Each alias's folded key and sorted words, in the order of ``ids``."""
        rows = self._select("SELECT id, flat, sorted FROM aliases WHERE id IN ({})", ids)
        found = {int(a): (str(f), str(s)) for a, f, s in rows}
        return [found[a] for a in ids]

    def _alias(self, a: int) -> tuple[int, str, Normalised]:
        e, text = self.db.execute("SELECT entry, text FROM aliases WHERE id = ?", (a,)).fetchone()
        return int(e), str(text), normalise(str(text))

    def _entry(self, e: int) -> Entry:
        (data,) = self.db.execute("SELECT data FROM entries WHERE id = ?", (e,)).fetchone()
        return entry_from(json.loads(data))


def cached(path: Path, stamp: str, entries: Callable[[], Iterable[Entry]]) -> DiskIndex:
    """The index file at ``path`` if it was written from ``stamp``, else one written anew.

    A file from another version of the matcher, another stamp or not an index at all is
    rebuilt from ``entries()`` (called only then) and replaced atomically.
    """
    try:
        found = DiskIndex(path)
    except (StaleIndex, OSError):
        pass
    else:
        if found.stamp == stamp:
            return found
        found.close()
    save(entries(), path, stamp)
    return DiskIndex(path)
