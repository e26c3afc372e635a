"""The AECA's NATO+ group (``rules/lists/nato-plus.yaml``), read once per process.

The us-content family asks whether a country is in the group on a date; the congress family
also reads each membership's basis, note and citations.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..facts import Citation, in_force, list_citations
from ..records import record
from ..rulebook.reference import Reference, RefList

LIST = "nato-plus"


@record(frozen=True)
class Membership:
    """A country's (or NATO's own) place in the NATO+ group for a span of days."""

    start: dt.date | None
    end: dt.date | None
    basis: str
    note: str
    citations: tuple[Citation, ...]
    unconfirmed: bool = False


def membership(lst: RefList, node: dict[str, Any], path: tuple[str | int, ...]) -> Membership:
    """The membership a list node (a member, or ``nato_organisation``) at ``path`` gives."""
    return Membership(
        lst.date(node.get("from"), (*path, "from")),
        lst.date(node.get("to"), (*path, "to")),
        str(node.get("basis") or ""),
        " ".join(str(node.get("note") or "").split()),
        list_citations(node.get("citations")),
        bool(node.get("unconfirmed")),
    )


def memberships(ref: Reference, country: str) -> tuple[Membership, ...]:
    """Every NATO+ membership of ``country``, any date, in list order (none without the list)."""
    found: tuple[Membership, ...] = ref.memo("nato-plus:members", lambda: _members(ref)).get(
        country, ()
    )
    return found


def in_group(ref: Reference, country: str, day: dt.date) -> bool:
    """Whether ``country`` is in the NATO+ group on ``day``."""
    return any(in_force(m.start, m.end, day) for m in memberships(ref, country))


def _members(ref: Reference) -> dict[str, tuple[Membership, ...]]:
    lst = ref.lists.get(LIST)
    out: dict[str, list[Membership]] = {}
    for i, m in enumerate(lst.data.get("members") or [] if lst else []):
        assert lst is not None
        out.setdefault(str(m.get("country")), []).append(membership(lst, m, ("members", i)))
    return {country: tuple(found) for country, found in out.items()}
