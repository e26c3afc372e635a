"""Official lists: the UN consolidated list, the US Consolidated Screening List, OFAC's SDN.

Import (:func:`store.import_file`), fetch (:func:`fetch.fetch`), and load
(:func:`loaded`) the lists a user has imported into their data directory.
"""

from __future__ import annotations

from .loaded import Loaded, loaded
from .model import LISTS, SCREENED
from .store import Imported, Stored, data_dir

__all__ = ["LISTS", "SCREENED", "Imported", "Loaded", "Stored", "data_dir", "loaded"]
