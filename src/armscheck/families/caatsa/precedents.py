"""The §231 precedents known on a date, as a sentence for CAATSA findings (wording only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...facts import Citation
from ...rulebook.reference import Reference, RefList
from ...screening.normalise import text_key
from .text import citations, contains_words, names_of

_OUTCOME_TEXT = {
    "sanctioned": "sanctioned",
    "no-sanction": "not sanctioned",
    "abandoned": "deal abandoned, not sanctioned",
}


def precedents(
    ref: Reference, day: dt.date, country: str, systems: list[dict[str, Any]]
) -> tuple[str, list[Citation]]:
    """A sentence citing the §231 precedents known on ``day``, most relevant first."""
    dated = ref.memo("caatsa:dated-precedents", lambda: _dated(ref.get("caatsa-precedents")))
    # A sanction is known from the day it is imposed; an absence of sanctions (a warning, a deal
    # left unsanctioned or abandoned) can only be observed after the event's date.
    known = [(w, p) for w, p in dated if w <= day and (p.get("outcome") == "sanctioned" or w < day)]
    if not known:
        first = min((w for w, p in dated if p.get("outcome") == "sanctioned"), default=None)
        tail = f" (the first came on {first.isoformat()})" if first else ""
        return f"No §231 sanction had been imposed by this date{tail}.", []

    def relevant(p: dict[str, Any]) -> bool:
        text = text_key(str(p.get("system") or ""))
        return p.get("country") == country or any(
            contains_words(text, a) for s in systems for a in names_of(s)
        )

    def label(when: dt.date, p: dict[str, Any]) -> str:
        who = _country(ref, p)
        outcome = _OUTCOME_TEXT.get(str(p.get("outcome")), str(p.get("outcome")))
        system = str(p.get("system") or "").replace("; ", ", ")
        return f"{who} over {system} ({outcome}, {when.isoformat()})"

    sanctioned = [(w, p) for w, p in known if p.get("outcome") == "sanctioned"]
    others = [(w, p) for w, p in known if p.get("outcome") != "sanctioned"]
    close = [(w, p) for w, p in others if relevant(p)]
    shown = sanctioned + close
    parts = [label(w, p) for w, p in shown]
    if others and not close:
        rest = ", ".join(f"{_country(ref, p)} ({p.get('system')})" for _, p in others)
        parts.append(f"exposure without sanctions: {rest}")
    cites = [c for _, p in shown for c in citations(p.get("citations"), 1)]
    return "Precedents: " + "; ".join(parts) + ".", cites


def _dated(prec: RefList) -> list[tuple[dt.date, dict[str, Any]]]:
    """(date, entry) for each precedent with a date, in list order."""
    dated: list[tuple[dt.date, dict[str, Any]]] = []
    for i, p in enumerate(prec.data.get("precedents") or []):
        when = prec.date(p.get("date"), ("precedents", i, "date"))
        if when is not None:
            dated.append((when, p))
    return dated


def _country(ref: Reference, p: dict[str, Any]) -> str:
    c = ref.countries.get(str(p.get("country")))
    return c.name if c else str(p.get("country"))
