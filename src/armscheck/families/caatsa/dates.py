"""CAATSA's enactment date, and the change that moves a transaction across it."""

from __future__ import annotations

import datetime as dt

from ...errors import RuleError
from ...facts import Change, Context
from ...rulebook.reference import Reference


def enactment(ctx: Context) -> dt.date:
    """CAATSA's enactment date, from ``caatsa-statute.yaml`` (read once per process)."""
    ref = ctx.reference
    return ref.memo("caatsa:enactment", lambda: _enactment(ref))


def _enactment(ref: Reference) -> dt.date:
    statute = ref.get("caatsa-statute")
    day = statute.date((statute.data.get("enactment") or {}).get("date"), ("enactment", "date"))
    if day is None:  # the list's schema requires it: never a date made up here
        raise RuleError(
            "caatsa-statute.yaml gives no enactment date",
            hint="add enactment: date: with its citation (Pub. L. 115-44)",
        )
    return day


def date_change(ctx: Context) -> Change:
    """Moving the date across CAATSA's enactment."""
    start = enactment(ctx)
    earlier, later = ctx.reference.memo("caatsa:date-changes", lambda: _changes(start))
    return earlier if ctx.date >= start else later


def _changes(start: dt.date) -> tuple[Change, Change]:
    """The change to a date before CAATSA's enactment, and to one on or after it."""
    before = start - dt.timedelta(days=1)
    return (
        Change(
            f"a transaction before {start.isoformat()}, when CAATSA was enacted",
            (("date", before.isoformat()),),
        ),
        Change(
            f"a delivery or payment on or after {start.isoformat()}, when CAATSA was enacted",
            (("date", start.isoformat()),),
        ),
    )
