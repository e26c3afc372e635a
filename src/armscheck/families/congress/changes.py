"""Congressional notification: changes to a transfer that would take it under the thresholds.

Every change is derived from the transfer's own values and the thresholds in
the lists: fewer units of the line that carries the value, a date from which
the recipient is in the NATO+ group, non-US content instead of US-origin
content (§3(d)), or a date after the related sales leave the split-sale window.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from ...facts import Change, Context
from . import lists as cl
from .thresholds import SECTIONS, Evaluation, channel_of, counted_lines, crossed, rows_on
from .values import measure_value


def _under(values: dict[str, int], rows: dict[str, cl.Row]) -> bool:
    return all(values[m] < r.amount for m, r in rows.items())


def quantity_change(ctx: Context, ev: Evaluation) -> Change | None:
    """Fewer units of one item line so that every measure is under its threshold."""
    best: tuple[int, Change] | None = None
    by_item: dict[int, list[Any]] = {}  # one pass, not one per item (linear in the file)
    for ln in ev.lines:
        by_item.setdefault(ln.item_index, []).append(ln)
    for item in ctx.transfer.items:
        mine = by_item.get(item.index, [])
        if not mine or not all(ln.scales for ln in mine):
            continue
        per = {m: measure_value(mine, ev.channel, m) / item.quantity for m in ev.rows}
        other = {m: ev.values[m] - measure_value(mine, ev.channel, m) for m in ev.rows}
        limits = [
            math.ceil((r.amount - other[m]) / per[m]) - 1 for m, r in ev.rows.items() if per[m] > 0
        ]
        if not limits:
            continue
        q = min(min(limits), item.quantity - 1)
        while q >= 1 and not _under({m: other[m] + round(per[m] * q) for m in ev.rows}, ev.rows):
            q -= 1
        if q < 1 or not _under(other, ev.rows):
            continue
        weight = sum(measure_value(mine, ev.channel, m) for m in ev.rows)
        change = Change(
            f"{q} instead of {item.quantity} × {item.description}, which keeps every "
            f"{SECTION_WORD[ev.channel]} value under its threshold",
            ((f"{item.loc.path}.quantity", q),),
        )
        if best is None or weight > best[0]:
            best = (weight, change)
    return best[1] if best else None


SECTION_WORD = {"fms": "§36(b)", "dcs": "§36(c)", "third-party": "§3(d)"}


def tier_change(ctx: Context, ev: Evaluation) -> Change | None:
    """A later date on which the recipient joins the NATO+ group and the sale is under."""
    if ev.member is not None:
        return None
    for m in sorted(cl.memberships(ctx), key=lambda m: m.start or dt.date.min):
        if m.start is None or m.start <= ctx.date:
            continue
        rows = rows_on(ctx, ev.channel, True, m.start)
        if rows and _under({k: measure_value(ev.lines, ev.channel, k) for k in rows}, rows):
            return Change(
                f"a transfer on or after {m.start.isoformat()}, when "
                f"{ctx.transfer.recipient.country_name} is in the NATO+ group",
                (("date", m.start.isoformat()),),
            )
        return None
    return None


def origin_change(ctx: Context, ev: Evaluation) -> Change | None:
    """Non-US content in place of every counted US-origin line (third-party only)."""
    if ev.channel != "third-party" or any(ln.origin_path is None for ln in ev.lines):
        return None
    names = ", ".join(dict.fromkeys(ln.description for ln in ev.lines))
    return Change(
        f"non-US content in place of the US-origin {names}",
        tuple((str(ln.origin_path), ctx.transfer.supplier.country) for ln in ev.lines),
    )


def territory_change(ctx: Context, ev: Evaluation) -> Change | None:
    """No sales territory outside the group, for a NATO+ recipient held to the standard tier."""
    if ev.territory is None:
        return None
    return Change(
        "a sale that authorizes no re-export outside the NATO+ group (sales_territory: [])",
        (("sales_territory", ()),),
    )


def channel_changes(ctx: Context, ev: Evaluation) -> tuple[Change, ...]:
    """Every derived change that would take a notifiable transfer under the thresholds."""
    found = (
        quantity_change(ctx, ev),
        tier_change(ctx, ev),
        territory_change(ctx, ev),
        origin_change(ctx, ev),
    )
    return tuple(c for c in found if c is not None)


def split_date_change(ctx: Context, ev: Evaluation) -> tuple[Change, ...]:
    """The first later date on which the related sales no longer cross a threshold."""
    months = cl.window_months(ctx)
    exits = sorted(
        {
            cl.add_months(s.date, months) + dt.timedelta(days=1)
            for s in ctx.transfer.related_sales
            if s.date <= ctx.date
        }
    )
    for day in exits:
        if day > ctx.date and not crossed(ctx, ev, day):
            return (
                Change(
                    f"a transfer on or after {day.isoformat()}, when the related sales are "
                    f"more than {months} months old",
                    (("date", day.isoformat()),),
                ),
            )
    return ()


def change_dates(ctx: Context) -> list[tuple[dt.date, str]]:
    """Tier membership, threshold and split-window dates that matter to this transfer."""
    channel = channel_of(ctx)
    if channel is None or not counted_lines(ctx, channel, []):
        return []
    out: dict[dt.date, list[str]] = {}
    name = ctx.transfer.recipient.country_name
    members = cl.memberships(ctx)
    for m in members:
        label = m.citations[0].instrument if m.citations else "lists/nato-plus.yaml"
        if m.start:
            out.setdefault(m.start, []).append(f"{label}: {name} in the AECA NATO+ group")
        if m.end:
            out.setdefault(m.end, []).append(f"{label}: {name} leaves the AECA NATO+ group")
    section = SECTIONS[channel][0]
    first = min(
        (r.start for r in cl.all_rows(ctx) if r.channel == channel and r.start), default=None
    )
    if first:
        out.setdefault(first, []).append(
            f"{section} notification thresholds encoded from here (earlier dates: not assessed)"
        )
    rows = [
        r for r in cl.all_rows(ctx) if r.channel == channel and (r.tier == "standard" or members)
    ]
    starts = {(r.start, r.tier, r.measure) for r in rows}
    grouped: dict[tuple[dt.date, str, str], list[str]] = {}
    for r in rows:
        label = next(
            (c.instrument for c in r.citations if c.instrument.startswith("P.L.")),
            r.citations[0].instrument if r.citations else "lists/congress-thresholds.yaml",
        )
        if r.start:
            grouped.setdefault((r.start, label, r.tier), []).append(
                f"{cl.LABELS[r.measure]} {cl.amount_text(r.amount)} ({r.review_days} days)"
            )
        if r.end and (r.end, r.tier, r.measure) not in starts:
            out.setdefault(r.end, []).append(
                f"{label}: {section} {r.tier}-tier {cl.LABELS[r.measure]} threshold ends"
            )
    for (day, label, tier), parts in grouped.items():
        out.setdefault(day, []).append(f"{label}: {section} {tier}-tier {', '.join(parts)}")
    months = cl.window_months(ctx)
    for s in ctx.transfer.related_sales:
        out.setdefault(s.date, []).append(f"related sale of {s.date.isoformat()} takes place")
        exit_day = cl.add_months(s.date, months) + dt.timedelta(days=1)
        out.setdefault(exit_day, []).append(
            f"related sale of {s.date.isoformat()} leaves the {months}-month split-sale window"
        )
    return sorted((d, "; ".join(dict.fromkeys(labels))) for d, labels in out.items())
