"""Statutory bars: Acts of Congress that forbid a named system to a named country."""

from __future__ import annotations

import datetime as dt

from ...facts import Context, Fact, FactKind, in_force, list_citations
from ...transfer.values import fold

FAMILY_ID = "us-content"
BAR = FactKind(
    "us-statutory-bar",
    FAMILY_ID,
    {
        "bar": "str",
        "item": "str",
        "recipient": "str",
        "summary": "str",
        "since": "str",
    },
    "an item is a system that an Act of Congress bars from this recipient",
)


def _names(text: str) -> str:
    return f" {fold(text)} "


def bar_facts(ctx: Context) -> list[Fact]:
    """One fact per item that a bar in force covers."""
    lst = ctx.reference.lists.get("us-statutory-bars")
    if lst is None:
        return []
    t = ctx.transfer
    out = []
    for i, bar in enumerate(lst.data.get("bars") or []):
        if bar.get("recipient") != t.recipient.country:
            continue
        start = lst.date(bar.get("from"), ("bars", i, "from"))
        end = lst.date(bar.get("to"), ("bars", i, "to"))
        if not in_force(start, end, ctx.date):
            continue
        names = [f" {fold(str(n))} " for n in bar.get("names") or []]
        for item in t.items:
            by_system = item.system in (bar.get("systems") or [])
            if not by_system and not any(n in _names(item.description) for n in names):
                continue
            assumptions: tuple[str, ...] = (
                ()
                if by_system
                else (
                    f"'{item.description}' ({item.loc.path}) is taken to be the system the act "
                    "names, from its description.",
                )
            )
            if bar.get("unconfirmed"):
                assumptions += (
                    f"This rests on a list entry not fully confirmed: {bar.get('note')}",
                )
            out.append(
                Fact(
                    kind=BAR.kind,
                    key=f"us:bar:{bar['id']}:{item.index}",
                    fields={
                        "bar": str(bar["id"]),
                        "item": item.description,
                        "recipient": t.recipient.country_name,
                        "summary": " ".join(str(bar.get("summary") or "").split()),
                        "since": start.isoformat() if start else "",
                    },
                    evidence=(t.loc("recipient", "country"), item.loc),
                    citations=list_citations(bar.get("citations")),
                    assumptions=assumptions,
                )
            )
    return out


def bar_dates(ctx: Context) -> list[tuple[dt.date, str]]:
    """Start and end dates of the bars that name this transfer's recipient."""
    lst = ctx.reference.lists.get("us-statutory-bars")
    out: list[tuple[dt.date, str]] = []
    for i, bar in enumerate(lst.data.get("bars") or [] if lst else []):
        if lst is None or bar.get("recipient") != ctx.transfer.recipient.country:
            continue
        cite = (bar.get("citations") or [{}])[0].get("instrument", bar.get("id"))
        for key, verb in (("from", "bar applies"), ("to", "bar ends")):
            day = lst.date(bar.get(key), ("bars", i, key))
            if day is not None:
                out.append((day, f"{cite}: {bar.get('id')} {verb}"))
    return out
