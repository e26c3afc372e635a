"""Where screening gets its entries: a registry of sources, screened as one index.

A source is a function taking no arguments that returns either entries (indexed in
memory, as the curated lists under ``rules/lists`` are) or an index of its own (a
:class:`~.disk.DiskIndex` over imported official lists). Register one by name with
:func:`register`, or name it in :data:`BUILT_IN` as ``"module:function"`` so that it is
found without an import elsewhere. :func:`index` screens every source as one index and
keeps it until a source is registered or :func:`forget` is called.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from .combined import Combined
from .index import Index, Searchable
from .model import Entry

Source = Callable[[], "Iterable[Entry] | Searchable"]

# Sources found by name: "module:function", each function taking no arguments.
BUILT_IN: dict[str, str] = {"official": "armscheck.official.loaded:searchable"}

_registered: dict[str, Source] = {}
_index: dict[tuple[str, ...], Searchable] = {}


def register(name: str, source: Source) -> None:
    """Add (or replace) the source ``name``; the next :func:`index` includes it."""
    _registered[name] = source
    forget()


def unregister(name: str) -> None:
    """Remove the source ``name`` if it is registered."""
    _registered.pop(name, None)
    forget()


def forget() -> None:
    """Drop the indexes built so far (after an import changed a source's entries)."""
    _index.clear()


def names() -> list[str]:
    """The names of every source, built-in first."""
    return [*BUILT_IN, *(n for n in _registered if n not in BUILT_IN)]


def _resolve(name: str) -> Source:
    if name in _registered:
        return _registered[name]
    module, _, func = BUILT_IN[name].partition(":")
    found: Source = getattr(importlib.import_module(module), func)
    return found


def gather(only: Iterable[str] | None = None) -> list[Entry]:
    """The entries of the sources that give entries (all, or those named in ``only``)."""
    out: list[Entry] = []
    for name in names() if only is None else only:
        got = _resolve(name)()
        if not isinstance(got, Searchable):
            out.extend(got)
    return out


def index(only: Iterable[str] | None = None) -> Searchable:
    """One index over every source (or the sources named in ``only``), built once."""
    key = tuple(names() if only is None else only)
    if key not in _index:
        entries: list[Entry] = []
        parts: list[Searchable] = []
        for name in key:
            got = _resolve(name)()
            if isinstance(got, Searchable):
                parts.append(got)
            else:
                entries.extend(got)
        mine = Index(entries)
        _index[key] = Combined([mine, *parts]) if parts else mine
    return _index[key]
