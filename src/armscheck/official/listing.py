"""The lists a check screens against, curated and imported, with their dates and ages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..rulebook.reference import Reference
from .loaded import Loaded
from .model import LISTS, SCREENED

# the curated party lists under rules/lists, and the key holding their entries
CURATED = {
    "un-listed-groups": "groups",
    "caatsa-specified-persons": "persons",
    "caatsa-designations": "designations",
    "us-barred-parties": "parties",
}
OFFICIAL_OLD_DAYS = 30  # the UN and US lists change every week
CURATED_OLD_DAYS = 180  # a hand-kept list not reviewed for half a year


def rows(reference: Reference, lists: Loaded, today: dt.date) -> list[dict[str, Any]]:
    """One row per list: id, title, origin, entries, date, age_days, old, file."""
    out: list[dict[str, Any]] = []
    for name, key in CURATED.items():
        ref = reference.lists.get(name)
        if ref is None:
            continue
        day = ref.date(ref.data.get("last_reviewed"), ("last_reviewed",))
        age = (today - day).days if day else None
        out.append(
            {
                "id": name,
                "title": str(ref.data.get("title") or name),
                "origin": "curated",
                "entries": len(ref.data.get(key) or []),
                "date": day.isoformat() if day else None,
                "age_days": age,
                "old": age is not None and age > CURATED_OLD_DAYS,
                "file": f"rules/lists/{name}.yaml",
            }
        )
    counts = lists.counts()
    for list_id, title in LISTS.items():
        if list_id not in counts and list_id not in SCREENED:
            continue
        meta = next((s for s in lists.stored if list_id in s.lists and counts.get(list_id)), None)
        date = (meta.generated or meta.imported_at[:10]) if meta else None
        age = (today - dt.date.fromisoformat(date)).days if date else None
        out.append(
            {
                "id": list_id,
                "title": title,
                "origin": "official",
                "entries": counts.get(list_id, 0),
                "date": date,
                "dated_by": ("file" if meta.generated else "import") if meta else None,
                "age_days": age,
                "old": age is not None and age > OFFICIAL_OLD_DAYS,
                "file": meta.file if meta else None,
                "sha256": meta.sha256 if meta else None,
                "imported_at": meta.imported_at if meta else None,
            }
        )
    return out
