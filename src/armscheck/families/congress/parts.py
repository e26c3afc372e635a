"""What a ``congress-channel`` fact takes of a channel's evaluation alone.

Its texts, review period, citations and assumptions follow from the evaluation and the date:
worked out once a check, and once for all the recipients of a matrix that share one
evaluation (outside the NATO+ group, see :func:`.thresholds.evaluate`).
"""

from __future__ import annotations

from typing import Any

from ...facts import Citation, Context
from . import lists as cl
from .notes import unconfirmed_notes
from .thresholds import Evaluation
from .values import counted_text

Texts = tuple[tuple[str, ...], str, str, str, str]


def _texts(ctx: Context, ev: Evaluation) -> Texts:
    """(met measures, met text, headrooms, nearest headroom, what was counted) of ``ev``.

    They follow from the lines counted and the rows in force alone: worked out once a check,
    and once for all the recipients of a matrix held to the same rows.
    """
    kept: dict[tuple[int, ...], tuple[tuple[cl.Row, ...], Texts]]
    kept = ctx.once_for_transfer(f"congress:texts:{ev.channel}", dict)
    rows = tuple(ev.rows.values())
    got = kept.get(key := tuple(map(id, rows)))
    if got is None or any(a is not b for a, b in zip(got[0], rows, strict=True)):
        got = kept[key] = (rows, _texts_of(ev))
    return got[1]


def _texts_of(ev: Evaluation) -> Texts:
    rows, values = ev.rows, ev.values
    met: list[str] = []  # (as Evaluation.met: the rows and the values have the same keys)
    room: dict[str, str] = {}  # each measure's headroom, once (the met ones are named twice)
    rooms: list[tuple[float, str]] = []
    for m, r in rows.items():
        value, amount = values[m], r.amount
        if value >= amount:
            met.append(m)
        text = room[m] = cl.headroom(value, amount, m)
        if value > 0 or m in ("mde", "total"):
            rooms.append((value / amount, text))
    met_text = "; ".join(
        [f"{cl.NAMES[m]} {cl.value_text(values[m], rows[m].amount)} ({room[m]})" for m in met]
    )
    return (
        tuple(met),
        met_text or "none",
        "; ".join([text for _, text in rooms]),
        max(rooms)[1],
        counted_text(ev.lines, [r.amount for r in rows.values()]),
    )


Parts = tuple[Texts, int, tuple[Citation, ...], tuple[str, ...], int]


def parts(ctx: Context, ev: Evaluation) -> Parts:
    """(texts, review period, citations, assumptions, informal review) of ``ev`` on the date.

    They follow from the evaluation alone: worked out once a check, and once for all the
    recipients of a matrix that share one evaluation (outside the NATO+ group).
    """
    kept: dict[tuple[int, Any], tuple[Evaluation, Parts]]
    kept = ctx.once_for_transfer("congress:channel-parts", dict)
    got = kept.get(key := (id(ev), ctx.date))
    if got is None or got[0] is not ev:
        got = kept[key] = (ev, _parts_of(ctx, ev))
    return got[1]


def _parts_of(ctx: Context, ev: Evaluation) -> Parts:
    rows = ev.rows
    texts = _texts(ctx, ev)
    named = texts[0] or tuple(rows)
    behind = [rows[m] for m in named]
    own = ev.review_rows or {}
    review = max((own.get(m) or rows[m]).review_days for m in named)  # as ev.review_days(m)
    cites: list[Citation] = [c for r in behind for c in r.citations]
    if ev.member is not None:
        cites.extend(ev.member.citations)
    return (
        texts,
        review,
        tuple(dict.fromkeys(cites)),
        tuple(dict.fromkeys([*ev.notes, *unconfirmed_notes(behind, ev.member)])),
        cl.informal_days(ctx, ev.member is not None, ctx.date),
    )
