"""Congressional notification: notes and assumptions that go with the facts.

* a ``congress-not-assessed`` fact when a channel applies but no threshold row of
  ``lists/congress-thresholds.yaml`` is in force on the date (before 1976 for
  §36(b)/(c), before 29 Dec 1981 for §3(d)): the transfer is not assessed, and the
  note says so instead of a silent clear;
* the sentences that carry a list entry's ``unconfirmed: true`` and ``note`` into
  the finding, and the §3(d) valuation assumption.
"""

from __future__ import annotations

import datetime as dt

from ...facts import Context, Fact, FactKind
from ...newfact import new_fact
from ...transfer.values import money_text
from . import lists as cl
from .values import Line

NOT_ASSESSED = FactKind(
    "congress-not-assessed",
    "congress",
    {
        "channel": "str",
        "section": "str",
        "channel_text": "str",
        "recipient": "str",
        "first_text": "str",
        "earlier_text": "str",
    },
    "an AECA channel applies but no notification threshold is encoded on the date",
)

COST_NOTE = (
    "§3(d) values are taken as the original acquisition cost of the US-origin articles; "
    "for used, donated or discounted articles enter that cost, not the price paid."
)


def first_row_date(ctx: Context, channel: str) -> dt.date | None:
    """The first day any threshold row of ``channel`` is in force."""
    starts = [r.start for r in cl.all_rows(ctx) if r.channel == channel and r.start]
    return min(starts, default=None)


def not_assessed_fact(
    ctx: Context, channel: str, sections: tuple[str, str], lines: list[Line], notes: list[str]
) -> Fact:
    """The note for a transfer dated before the channel's first encoded threshold."""
    t = ctx.transfer
    first = first_row_date(ctx, channel)
    raw = ctx.reference.get("congress-thresholds").data.get("not_encoded") or {}
    earlier = " ".join(str(raw.get(channel) or "").split())
    if channel == "third-party":
        notes = [*notes, COST_NOTE]
    evidence = [ln.loc for ln in lines]
    if channel != "third-party":
        evidence.append(t.loc("channel"))
    return new_fact(
        kind=NOT_ASSESSED.kind,
        key=f"congress:not-assessed:{channel}",
        fields={
            "channel": channel,
            "section": sections[0],
            "channel_text": sections[1],
            "recipient": t.recipient.end_user or t.recipient.country_name,
            "first_text": first.isoformat() if first else "any date",
            "earlier_text": f" {earlier}" if earlier else "",
        },
        evidence=(*dict.fromkeys(evidence), t.loc("date")),
        assumptions=tuple(dict.fromkeys(notes)),
    )


def unconfirmed_notes(rows: list[cl.Row], member: cl.Membership | None) -> list[str]:
    """One sentence per unconfirmed list entry the outcome rests on."""
    out = [r.flag for r in rows if r.unconfirmed]
    if member is not None and member.unconfirmed:
        out.append(
            f"this rests on an unconfirmed entry (NATO+ membership in lists/nato-plus.yaml): "
            f"{member.note}"
        )
    return out


DRAWDOWN = FactKind(
    "drawdown",
    "congress",
    {"item_text": "str", "recipient": "str", "value_text": "str"},
    "defense articles drawn down from US stocks for a foreign country (FAA §506)",
)


def drawdown_fact(ctx: Context) -> Fact:
    """The notice a Presidential drawdown needs before it is exercised (FAA §§506, 652)."""
    t = ctx.transfer
    total = sum(i.value for i in t.items)
    return new_fact(
        kind=DRAWDOWN.kind,
        key="congress:drawdown",
        fields={
            "item_text": "; ".join(dict.fromkeys(i.description for i in t.items)),
            "recipient": t.recipient.end_user or t.recipient.country_name,
            "value_text": money_text(total),
        },
        evidence=(t.loc("channel"), t.loc("recipient", "country"), *(i.loc for i in t.items)),
    )
