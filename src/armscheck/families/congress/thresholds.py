"""A channel's counted lines against the thresholds in force on a date, with related sales."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any

from ...facts import Context, in_force
from ...records import record
from . import lists as cl
from .notes import COST_NOTE
from .values import Line, measure_value, third_party_lines, us_lines

SECTIONS = {
    "fms": ("AECA §36(b)(1)", "Foreign Military Sale"),
    "dcs": ("AECA §36(c)", "direct commercial sale under an export licence"),
    "third-party": ("AECA §3(d)", "third-party transfer of US-origin defense articles"),
}


@record(frozen=True)
class Evaluation:
    """A channel's lines, thresholds and values on one date."""

    channel: str
    lines: list[Line]
    rows: dict[str, cl.Row]
    values: dict[str, int]
    member: cl.Membership | None
    notes: list[str]
    territory: str | None = None  # why the NATO+ values were not used for a member
    review_rows: dict[str, cl.Row] | None = None  # the member's rows, for its review period

    @property
    def plus(self) -> bool:
        """Whether the NATO+ dollar values apply."""
        return self.member is not None and self.territory is None

    def review_days(self, measure: str) -> int:
        """The statutory review period for ``measure``.

        It follows the recipient alone (22 U.S.C. 2776(b)(1), (c)(2); 2753(d)(2)): a member of
        the NATO+ group keeps its shorter period when a sales territory outside the group
        takes away its higher dollar values.
        """
        own = (self.review_rows or {}).get(measure)
        return (own or self.rows[measure]).review_days

    def met(self, measure: str) -> bool:
        """Whether ``measure`` meets its threshold (``>=``)."""
        return measure in self.rows and self.values[measure] >= self.rows[measure].amount

    @property
    def any_met(self) -> bool:
        """Whether any measure meets its threshold."""
        return any(self.met(m) for m in self.rows)


def channel_of(ctx: Context) -> str | None:
    """``fms``, ``dcs``, ``third-party``, or ``None`` when no AECA channel applies."""
    t = ctx.transfer
    if t.recipient.country == "US":
        return None
    if t.supplier.country == "US":
        return None if t.channel == "drawdown" else t.channel
    return "third-party"


def counted_lines(ctx: Context, channel: str, notes: list[str]) -> list[Line]:
    """The lines a channel counts (US-origin content only for third-party transfers).

    They depend on the transfer alone, so they are worked out once per check (once per
    matrix); ``notes`` gains what they assume each time.
    """

    def count() -> tuple[tuple[Line, ...], tuple[str, ...]]:
        said: list[str] = []
        if channel == "third-party":
            return tuple(third_party_lines(ctx, said)), tuple(said)
        return tuple(us_lines(ctx, channel, said)), tuple(said)

    lines, said = ctx.once_for_transfer(f"congress:lines:{channel}", count)
    notes.extend(said)
    return list(lines)


def rows_on(ctx: Context, channel: str, nato_plus: bool, day: dt.date) -> dict[str, cl.Row]:
    """The row that applies to each measure of ``channel`` on ``day`` (absent: no test).

    Between two consecutive dates on which a row starts or ends the same rows are in
    force: the answer is worked out once per process for each such run of days.
    """
    bounds, kept = ctx.reference.memo("congress:rows-by-run", lambda: _runs(cl.all_rows(ctx)))
    key = (channel, nato_plus, bisect.bisect_right(bounds, day))
    found = kept.get(key)
    if found is None:
        found = kept[key] = _rows_on(ctx, channel, nato_plus, day)
    return dict(found)


def _runs(rows: list[cl.Row]) -> tuple[list[dt.date], dict[tuple[str, bool, int], Any]]:
    """The dates on which a row starts or ends, in order; an empty table of answers."""
    return sorted({d for r in rows for d in (r.start, r.end) if d is not None}), {}


def _rows_on(ctx: Context, channel: str, nato_plus: bool, day: dt.date) -> dict[str, cl.Row]:
    tiers = ctx.reference.memo("congress:rows-by-measure", lambda: _by_measure(cl.all_rows(ctx)))
    out: dict[str, cl.Row] = {}
    for measure in cl.MEASURES[channel]:
        plus, std = tiers.get((channel, measure), ((), ()))
        pick = next((r for r in plus if in_force(r.start, r.end, day)), None) if nato_plus else None
        pick = pick or next((r for r in std if in_force(r.start, r.end, day)), None)
        if pick is not None:
            out[measure] = pick
    return out


def _by_measure(rows: list[cl.Row]) -> dict[tuple[str, str], tuple[tuple[cl.Row, ...], ...]]:
    """The rows of each (channel, measure): NATO+ tier, standard tier, each in list order."""
    keys = dict.fromkeys((r.channel, r.measure) for r in rows)
    tiers = ("nato-plus", "standard")
    return {
        k: tuple(tuple(r for r in rows if (r.channel, r.measure, r.tier) == (*k, t)) for t in tiers)
        for k in keys
    }


def evaluate(ctx: Context, day: dt.date, nato_plus: bool | None = None) -> Evaluation | None:
    """The channel's evaluation on ``day`` (tier forced by ``nato_plus`` if given)."""
    channel = channel_of(ctx)
    if channel is None or not counted_lines(ctx, channel, []):
        return None
    member = cl.membership_on(ctx, day)
    if member is None and nato_plus is None and not cl.names_nato(ctx):
        # outside the NATO+ group (NATO not named as the buyer), nothing of the recipient
        # counts: made once a check, and once for all such recipients of a matrix
        kept: dict[tuple[str, dt.date], Evaluation | None]
        kept = ctx.once_for_transfer("congress:outside-the-group", dict)
        if (channel, day) not in kept:
            kept[channel, day] = _evaluate(ctx, day, channel, None, None)
        return kept[channel, day]
    return _evaluate(ctx, day, channel, member, nato_plus)


def _evaluate(
    ctx: Context, day: dt.date, channel: str, member: cl.Membership | None, nato_plus: bool | None
) -> Evaluation | None:
    notes: list[str] = []
    lines = counted_lines(ctx, channel, notes)
    if not lines:
        return None
    plus = member is not None if nato_plus is None else nato_plus
    rows = rows_on(ctx, channel, plus, day)
    territory = None
    review_rows = None
    if plus and any(r.territory_condition for r in rows.values()):
        territory = cl.territory_problem(ctx, day, channel)
        if territory:
            review_rows = rows
            rows = rows_on(ctx, channel, False, day)
            notes.append(territory)
    if not rows:
        return None
    outside = cl.nato_outside_note(ctx, day)
    if outside and not plus:
        notes.append(outside)
    if channel == "third-party":
        notes.append(COST_NOTE)
    values = {m: measure_value(lines, channel, m) for m in rows}
    return Evaluation(channel, lines, rows, values, member, notes, territory, review_rows)


def related_in_window(ctx: Context, day: dt.date) -> list[int]:
    """Indexes of the related sales dated within the window up to ``day``."""
    start = cl.add_months(day, -cl.window_months(ctx))
    return [i for i, s in enumerate(ctx.transfer.related_sales) if start <= s.date <= day]


def crossed(ctx: Context, ev: Evaluation, day: dt.date) -> dict[str, int]:
    """Measures the transfer is under alone but meets with the related sales.

    MDE counts the related sales' ``mde_value_usd``; total counts their value; Category I
    firearms (§36(c)) counts their value too, but only when this sale has firearms in it.
    """
    sales = [ctx.transfer.related_sales[i] for i in related_in_window(ctx, day)]
    out: dict[str, int] = {}
    for m in ("mde", "total", "firearms"):
        if m not in ev.rows or ev.met(m) or (m == "firearms" and ev.values[m] <= 0):
            continue
        extra = sum((s.mde_value or 0.0) if m == "mde" else s.value for s in sales)
        combined = ev.values[m] + round(extra)
        if combined >= ev.rows[m].amount:
            out[m] = combined
    return out
