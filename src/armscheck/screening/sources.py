"""Where screening gets its entries: a registry of sources, gathered into one index.

A source is a function returning entries. The curated lists under ``rules/lists`` are one;
imported official lists are another. Register a source by name with :func:`register`, or
name it in :data:`BUILT_IN` as ``"module:function"`` so that it is found without an import
elsewhere. :func:`index` builds one :class:`Index` over every source and keeps it until a
source is registered or :func:`forget` is called.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from .index import Index
from .model import Entry

Source = Callable[[], Iterable[Entry]]

# Sources found by name: "module:function", each function taking no arguments.
BUILT_IN: dict[str, str] = {}

_registered: dict[str, Source] = {}
_index: dict[tuple[str, ...], Index] = {}


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
    """The entries of every source (or of the sources named in ``only``), in order."""
    wanted = names() if only is None else list(only)
    out: list[Entry] = []
    for name in wanted:
        out.extend(_resolve(name)())
    return out


def index(only: Iterable[str] | None = None) -> Index:
    """One index over the entries of every source (or of ``only``), built once."""
    key = tuple(names() if only is None else only)
    if key not in _index:
        _index[key] = Index(gather(key))
    return _index[key]
