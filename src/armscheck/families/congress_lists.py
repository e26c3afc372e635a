"""Congressional notification: reading the dated lists the ``congress`` family uses.

* ``lists/nato-plus.yaml`` says who is in the AECA's NATO+ group on a date;
* ``lists/congress-thresholds.yaml`` says what each channel, tier and measure
  needs on a date (a NATO+ recipient falls back to the standard row where no
  NATO+ row covers the channel, measure and date);
* ``lists/review-periods.yaml`` gives the informal review (advice only) and the
  split-sale window.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..facts import Citation, Context, in_force, list_citations
from ..values import fold, money_text

MEASURES: dict[str, tuple[str, ...]] = {
    "fms": ("mde", "total", "design-construction"),
    "dcs": ("mde", "total", "firearms"),
    "third-party": ("mde", "total"),
}
LABELS = {
    "mde": "MDE",
    "total": "total",
    "design-construction": "design-and-construction",
    "firearms": "Category I firearms",
}
NAMES = {
    "mde": "major defense equipment",
    "total": "defense articles and services (total)",
    "design-construction": "design and construction services",
    "firearms": "USML Category I firearms",
}


@dataclass(frozen=True)
class Row:
    """One threshold row in force: amount, review period and its citations."""

    channel: str
    tier: str
    measure: str
    amount: int
    review_days: int
    start: dt.date | None
    end: dt.date | None
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Membership:
    """The recipient's place in the NATO+ group on a date."""

    start: dt.date | None
    end: dt.date | None
    basis: str
    note: str
    citations: tuple[Citation, ...]


citations = list_citations


def all_rows(ctx: Context) -> list[Row]:
    """Every threshold row of the list, dated."""
    lst = ctx.reference.get("congress-thresholds")
    out = []
    for i, r in enumerate(lst.data.get("thresholds") or []):
        out.append(
            Row(
                channel=str(r["channel"]),
                tier=str(r["tier"]),
                measure=str(r["measure"]),
                amount=int(r["amount_usd"]),
                review_days=int(r["review_days"]),
                start=lst.date(r.get("from"), ("thresholds", i, "from")),
                end=lst.date(r.get("to"), ("thresholds", i, "to")),
                citations=citations(r.get("citations")),
            )
        )
    return out


def rows_on(ctx: Context, channel: str, nato_plus: bool, day: dt.date) -> dict[str, Row]:
    """The row that applies to each measure of ``channel`` on ``day`` (absent: no test)."""
    rows = [r for r in all_rows(ctx) if r.channel == channel and in_force(r.start, r.end, day)]
    out: dict[str, Row] = {}
    for measure in MEASURES[channel]:
        mine = [r for r in rows if r.measure == measure]
        plus = [r for r in mine if r.tier == "nato-plus"]
        std = [r for r in mine if r.tier == "standard"]
        pick = plus if nato_plus and plus else std
        if pick:
            out[measure] = pick[0]
    return out


_NATO_NAMES = ("nato", "north atlantic treaty organization", "north atlantic treaty organisation")


def _names_nato(ctx: Context) -> bool:
    rec = ctx.transfer.recipient
    for name in [rec.end_user or "", *rec.entities]:
        text = f" {fold(name)} "
        if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in _NATO_NAMES):
            return True
    return False


def memberships(ctx: Context) -> list[Membership]:
    """Every NATO+ entry for the recipient (its country, or NATO itself), any date."""
    lst = ctx.reference.get("nato-plus")
    out = []
    for i, m in enumerate(lst.data.get("members") or []):
        if str(m.get("country")) != ctx.transfer.recipient.country:
            continue
        out.append(
            Membership(
                lst.date(m.get("from"), ("members", i, "from")),
                lst.date(m.get("to"), ("members", i, "to")),
                str(m.get("basis") or ""),
                str(m.get("note") or ""),
                citations(m.get("citations")),
            )
        )
    org = lst.data.get("nato_organisation")
    if isinstance(org, dict) and _names_nato(ctx):
        out.append(
            Membership(
                lst.date(org.get("from"), ("nato_organisation", "from")),
                lst.date(org.get("to"), ("nato_organisation", "to")),
                "the North Atlantic Treaty Organization itself",
                str(org.get("note") or ""),
                citations(org.get("citations")),
            )
        )
    return out


def membership_on(ctx: Context, day: dt.date) -> Membership | None:
    """The NATO+ entry covering the recipient on ``day``, if any."""
    for m in memberships(ctx):
        if in_force(m.start, m.end, day):
            return m
    return None


def informal_days(ctx: Context, nato_plus: bool, day: dt.date) -> int:
    """The informal (tiered) review period for the tier, advice only; 0 if unknown."""
    lst = ctx.reference.get("review-periods")
    tier = "nato-plus" if nato_plus else "standard"
    for i, r in enumerate(lst.data.get("informal_review") or []):
        start = lst.date(r.get("from"), ("informal_review", i, "from"))
        end = lst.date(r.get("to"), ("informal_review", i, "to"))
        if r.get("tier") == tier and in_force(start, end, day):
            return int(r["days"])
    return 0


def window_months(ctx: Context) -> int:
    """The split-sale look-back window in months (policy)."""
    raw = ctx.reference.get("review-periods").data.get("split_sale_window") or {}
    return int(raw.get("months") or 12)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def amount_text(amount: int) -> str:
    """A threshold as written in the statute's style: ``$14m``, ``$1m``, ``$200m``."""
    if amount % 1_000_000 == 0 and amount < 1_000_000_000:
        return f"${amount // 1_000_000:,}m"
    return money_text(amount)


def value_text(value: int, near: int | None = None) -> str:
    """Dollars, exact when rounding would hide how close ``value`` is to ``near``."""
    if near is not None and value != near and abs(value - near) < 100_000:
        return f"${value:,}"
    return money_text(value)


def headroom(value: int, amount: int, measure: str) -> str:
    """``$2.0m under the $14m MDE threshold``, ``$22.0m over ...``, ``exactly at ...``."""
    gap = value - amount
    where = f"the {amount_text(amount)} {LABELS[measure]} threshold"
    if gap == 0:
        return f"exactly at {where}"
    return f"{value_text(abs(gap))} {'over' if gap > 0 else 'under'} {where}"
