"""The systems catalogue (``rules/lists/systems.yaml``) by id, shared by the families."""

from __future__ import annotations

from typing import Any

from ..rulebook.reference import Reference


def system_entry(ref: Reference, system_id: str | None) -> dict[str, Any] | None:
    """The catalogue entry with id ``system_id`` (the first of an id), if any (read only)."""
    if not system_id or "systems" not in ref.lists:
        return None
    found: dict[str, Any] | None = ref.memo("catalogue:systems-by-id", lambda: _by_id(ref)).get(
        system_id
    )
    return found


def _by_id(ref: Reference) -> dict[str, dict[str, Any]]:
    """Each catalogue entry by id (the first of an id), read once per process."""
    out: dict[str, dict[str, Any]] = {}
    for entry in ref.get("systems").data.get("systems") or []:
        out.setdefault(str(entry.get("id")), entry)
    return out
