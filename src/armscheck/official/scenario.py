"""Official lists for scenarios: fixed files, never the user's own imports.

A scenario that needs official lists names a folder of official files in
``expect.official_lists`` (relative to the scenario). The files are imported once per
process into a private temporary store, and the scenario is checked against that store.
A scenario that names none is checked with no official list at all, so that its
expectation holds on every machine whatever the user has imported.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import lookup, store
from .loaded import using
from .model import CountryFn

SUFFIXES = (".xml", ".json", ".csv")
_STORES: dict[Path | None, Path] = {}


def _store(folder: Path | None, country: CountryFn) -> Path:
    key = folder.resolve() if folder else None
    if key not in _STORES:
        target = Path(tempfile.mkdtemp(prefix="armscheck-lists-"))
        atexit.register(shutil.rmtree, target, True)
        for path in sorted(folder.iterdir()) if folder else []:
            if path.suffix.lower() in SUFFIXES:
                store.import_file(path, country, target)
        if folder:
            lookup.build(target)
        _STORES[key] = target
    return _STORES[key]


@contextmanager
def scenario_lists(folder: Path | None, country: CountryFn) -> Iterator[None]:
    """Check against the official files in ``folder`` only (none when it is None)."""
    with using(_store(folder, country)):
        yield
