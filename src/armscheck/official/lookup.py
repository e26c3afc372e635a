"""The screening index of the stored lists, kept on disk so that a check need not build it.

Building the index of tens of thousands of entries takes seconds; a check screens a
handful of names. So the index is built once, when a list is imported, and written beside
the stored lists as ``index.sqlite`` (the screening module's :mod:`~armscheck.screening.disk`
format), with ``index.json`` saying what it was built from: the stored files (name, size,
time), the entries kept per list and their provenance. A check opens the file read-only and
reads only the rows its names lead to. When the stored files changed, or the index was
written by another version of the matcher, it is rebuilt.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from ..errors import ListError
from ..screening.disk import DiskIndex, StaleIndex, save
from . import store

FILE = "index.sqlite"
META = "index.json"


def stamp(folder: Path) -> list[Any]:
    """What the index must have been built from: the stored files as they are now."""
    out: list[Any] = []
    for stem in sorted(set(store.STEMS.values())):
        try:
            st = os.stat(folder / f"{stem}.json")
            out.append([stem, st.st_size, st.st_mtime_ns])
        except OSError:
            out.append([stem, None, None])
    return out


Opened = tuple[DiskIndex, dict[str, int], list[store.Stored]]


def build(folder: Path) -> Path | None:
    """(Re)build the index from the stored lists; ``None`` when it cannot be written."""
    key = stamp(folder)
    entries, stored = store.load(folder)
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.list_id] = counts.get(e.list_id, 0) + 1
    meta = {
        "stamp": key,
        "counts": counts,
        "stored": [dataclasses.asdict(s) for s in stored],
    }
    try:
        save(entries, folder / FILE)
        store.write_atomic(folder / META, meta)
    except (OSError, ListError):
        return None
    return folder / FILE


def _open(folder: Path) -> Opened | None:
    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        if meta.get("stamp") != stamp(folder):
            return None
        index = DiskIndex(folder / FILE)
    except (OSError, ValueError, StaleIndex):
        return None
    stored = [store.Stored(**s) for s in meta["stored"]]
    return index, dict(meta["counts"]), stored


def open_index(folder: Path) -> Opened | None:
    """The index of ``folder``'s stored lists, rebuilt if stale; ``None`` if it cannot be."""
    found = _open(folder)
    if found is None and build(folder) is not None:
        found = _open(folder)
    return found
