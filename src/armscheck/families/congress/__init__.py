"""US congressional notification of arms sales (AECA §36(b), §36(c), §3(d)).

The channel is decided by the supplier: a US supplier sells by Foreign
Military Sale (``channel: fms``, §36(b)) or under an export licence
(``channel: dcs``, §36(c)); any other supplier of US-origin USML content makes
a third-party transfer (§3(d)), valued at the US content only. The tier follows
the recipient on the date (``lists/nato-plus.yaml``); the thresholds and the
statutory review period come from ``lists/congress-thresholds.yaml``.

One ``congress-channel`` fact per transfer says, for each measure in force
(MDE, total, design and construction, Category I firearms), the value, whether
it meets its threshold (``>=``), and the headroom. A ``congress-split`` fact
appears when the transfer is under every threshold alone but crosses one with
the ``related_sales`` made within the split-sale window before it.
"""

from __future__ import annotations

from functools import partial

from ...facts import Context, Fact, FactKind, Family
from ...newfact import new_fact
from . import lists as cl
from .changes import change_dates, channel_changes, split_date_change
from .notes import (
    DRAWDOWN,
    NOT_ASSESSED,
    drawdown_fact,
    not_assessed_fact,
    unconfirmed_notes,
)
from .parts import parts
from .thresholds import (
    SECTIONS,
    Evaluation,
    channel_of,
    counted_lines,
    crossed,
    evaluate,
    related_in_window,
)

CHANNEL = FactKind(
    "congress-channel",
    "congress",
    {
        "channel": "str",
        "section": "str",
        "channel_text": "str",
        "recipient": "str",
        "tier": "str",
        "tier_text": "str",
        "met": "bool",
        "mde_met": "bool",
        "total_met": "bool",
        "dc_met": "bool",
        "firearms_met": "bool",
        "articles_met": "bool",
        "mde_value": "int",
        "total_value": "int",
        "met_text": "str",
        "headroom_text": "str",
        "nearest_text": "str",
        "review_days": "int",
        "informal_days": "int",
        "counted": "str",
    },
    "the transfer's values for one AECA notification channel against the thresholds in force",
)
SPLIT = FactKind(
    "congress-split",
    "congress",
    {
        "channel": "str",
        "section": "str",
        "channel_text": "str",
        "recipient": "str",
        "tier_text": "str",
        "alone_text": "str",
        "crossed_text": "str",
        "related_text": "str",
        "months": "int",
        "review_days": "int",
        "informal_days": "int",
    },
    "with related sales in the split-sale window, the transfer crosses a threshold",
)


def _tier_text(ctx: Context, ev: Evaluation) -> str:
    name = ctx.transfer.recipient.country_name
    if ev.member is None:
        return f"{name} is not in the AECA NATO+ group on {ctx.date.isoformat()}"
    since = f" since {ev.member.start.isoformat()}" if ev.member.start else ""
    if ev.territory:
        return (
            f"{name} is in the AECA NATO+ group{since} ({ev.member.basis}), but the NATO+ "
            "values need a sale that authorizes no sales territory outside the group, which is "
            "not established here"
        )
    return f"{name} is in the AECA NATO+ group{since} ({ev.member.basis})"


def _channel_fact(ctx: Context, ev: Evaluation) -> Fact:
    t = ctx.transfer
    section, channel_text = SECTIONS[ev.channel]
    values = ev.values
    texts, review, cites, assumptions, informal = parts(ctx, ev)
    met, met_text, headroom_text, nearest_text, counted = texts
    evidence = [ln.loc for ln in ev.lines]
    if ev.channel != "third-party":
        evidence.append(t.loc("channel"))
    evidence.append(t.loc("recipient", "country"))
    return new_fact(
        kind=CHANNEL.kind,
        key=f"congress:{ev.channel}",
        fields={
            "channel": ev.channel,
            "section": section,
            "channel_text": channel_text,
            "recipient": t.recipient.end_user or t.recipient.country_name,
            "tier": "nato-plus" if ev.plus else "standard",
            "tier_text": _tier_text(ctx, ev),
            "met": bool(met),
            "mde_met": "mde" in met,
            "total_met": "total" in met,
            "dc_met": "design-construction" in met,
            "firearms_met": "firearms" in met,
            "articles_met": "mde" in met or "total" in met,
            "mde_value": values.get("mde", 0),
            "total_value": values.get("total", 0),
            "met_text": met_text,
            "headroom_text": headroom_text,
            "nearest_text": nearest_text,
            "review_days": review,
            "informal_days": informal,
            "counted": counted,
        },
        evidence=tuple(dict.fromkeys(evidence)),
        citations=cites,
        assumptions=assumptions,
        changes=partial(channel_changes, ctx, ev) if met else (),
    )


def _split_fact(ctx: Context, ev: Evaluation) -> Fact | None:
    t = ctx.transfer
    if ev.any_met or not t.related_sales:
        return None
    hit = crossed(ctx, ev, ctx.date)
    if not hit:
        return None
    window = related_in_window(ctx, ctx.date)
    sales = [t.related_sales[i] for i in window]
    section, channel_text = SECTIONS[ev.channel]
    notes = list(ev.notes)
    if "mde" in hit and any(s.mde_value is None for s in sales):
        notes.append("related sales without mde_value_usd are not counted toward MDE.")
    if "firearms" in hit:
        notes.append(
            "the related sales are counted toward the USML Category I firearms threshold at "
            "their whole value, as this sale includes such firearms (a policy of this "
            "check; related_sales do not say what they contained)."
        )
    notes.extend(unconfirmed_notes([ev.rows[m] for m in hit], ev.member))
    related = "; ".join(
        f"'{s.description or 'related sale'}' ({s.date.isoformat()}, "
        f"{cl.value_text(round(s.value), (r.amount for r in ev.rows.values()))})"
        for s in sales
    )
    alone = "; ".join(cl.headroom(ev.values[m], ev.rows[m].amount, m) for m in hit)
    crossed_text = "; ".join(
        f"the combined {cl.NAMES[m]} is {cl.value_text(v, ev.rows[m].amount)} "
        f"({cl.headroom(v, ev.rows[m].amount, m)})"
        for m, v in hit.items()
    )
    return new_fact(
        kind=SPLIT.kind,
        key=f"congress:split:{ev.channel}",
        fields={
            "channel": ev.channel,
            "section": section,
            "channel_text": channel_text,
            "recipient": t.recipient.end_user or t.recipient.country_name,
            "tier_text": _tier_text(ctx, ev),
            "alone_text": alone,
            "crossed_text": crossed_text,
            "related_text": related,
            "months": cl.window_months(ctx),
            "review_days": max(ev.review_days(m) for m in hit),
            "informal_days": cl.informal_days(ctx, ev.member is not None, ctx.date),
        },
        evidence=(*(s.loc for s in sales), *(ln.loc for ln in ev.lines)),
        citations=tuple(c for m in hit for c in ev.rows[m].citations),
        assumptions=tuple(dict.fromkeys(notes)),
        changes=partial(split_date_change, ctx, ev),
    )


def build(ctx: Context) -> list[Fact]:
    """The ``congress-channel`` fact, and a ``congress-split`` fact when one applies.

    When a channel applies but no threshold is encoded on the date, a
    ``congress-not-assessed`` fact instead (a note, never a silent clear).
    """
    if ctx.transfer.channel == "drawdown" and ctx.transfer.recipient.country != "US":
        return [drawdown_fact(ctx)]
    ev = evaluate(ctx, ctx.date)
    if ev is None:
        channel = channel_of(ctx)
        notes: list[str] = []
        lines = counted_lines(ctx, channel, notes) if channel else []
        if channel is None or not lines:
            return []
        return [not_assessed_fact(ctx, channel, SECTIONS[channel], lines, notes)]
    facts = [_channel_fact(ctx, ev)]
    split = _split_fact(ctx, ev)
    if split is not None:
        facts.append(split)
    return facts


FAMILY = Family(
    id="congress",
    title="US congressional notification (AECA §36(b), §36(c), §3(d))",
    outcomes=("notification-required", "clear"),
    kinds=(CHANNEL, SPLIT, NOT_ASSESSED, DRAWDOWN),
    build=build,
    change_dates=change_dates,
)
