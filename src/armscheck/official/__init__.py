"""Official lists: the UN consolidated list, the US Consolidated Screening List, OFAC's SDN.

Import (:func:`store.import_file`), fetch (:func:`fetch.fetch`), and load
(:func:`loaded`) the lists a user has imported into their data directory.

The names below are imported on first use, so that a check, which only asks whether
any list was imported, does not load the list parsers and the on-disk index.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .loaded import Loaded, loaded
    from .model import LISTS, SCREENED
    from .store import Imported, Stored, data_dir

__all__ = ["LISTS", "SCREENED", "Imported", "Loaded", "Stored", "data_dir", "loaded"]

_HOME = {
    "LISTS": "model",
    "SCREENED": "model",
    "Imported": "store",
    "Stored": "store",
    "data_dir": "store",
    "Loaded": "loaded",
    "loaded": "loaded",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
