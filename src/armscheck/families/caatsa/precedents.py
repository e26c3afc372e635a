"""The §231 precedents known on a date, as a sentence for CAATSA findings (wording only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...facts import Citation
from ...records import record
from ...rulebook.reference import Reference
from ...screening.normalise import text_key
from .text import citations, names_of, names_pattern

_OUTCOME_TEXT = {
    "sanctioned": "sanctioned",
    "no-sanction": "not sanctioned",
    "abandoned": "deal abandoned, not sanctioned",
}


@record(frozen=True)
class _Precedent:
    """One dated precedent, with the wording it contributes (read once per process)."""

    when: dt.date
    entry: dict[str, Any]
    sanctioned: bool
    system: str  # the system's name as a match key, with a space either side
    label: str  # "Turkey over S-400 (sanctioned, 2020-12-14)"
    brief: str  # "Turkey (S-400)"
    citations: tuple[Citation, ...]


def precedents(
    ref: Reference, day: dt.date, country: str, systems: list[dict[str, Any]]
) -> tuple[str, list[Citation]]:
    """A sentence citing the §231 precedents known on ``day``, most relevant first."""
    dated, first = ref.memo("caatsa:dated-precedents", lambda: _dated(ref))
    # A sanction is known from the day it is imposed; an absence of sanctions (a warning, a deal
    # left unsanctioned or abandoned) can only be observed after the event's date.
    known = [p for p in dated if p.when <= day and (p.sanctioned or p.when < day)]
    if not known:
        tail = f" (the first came on {first.isoformat()})" if first else ""
        return f"No §231 sanction had been imposed by this date{tail}.", []

    # each system's names as one pattern (whole words)
    named = [found for s in systems if (found := names_pattern(tuple(names_of(s)))) is not None]

    def relevant(p: _Precedent) -> bool:
        return p.entry.get("country") == country or any(n.search(p.system) for n in named)

    sanctioned = [p for p in known if p.sanctioned]
    others = [p for p in known if not p.sanctioned]
    close = [p for p in others if relevant(p)]
    shown = sanctioned + close
    parts = [p.label for p in shown]
    if others and not close:
        parts.append(f"exposure without sanctions: {', '.join(p.brief for p in others)}")
    cites = [c for p in shown for c in p.citations]
    return "Precedents: " + "; ".join(parts) + ".", cites


def _dated(ref: Reference) -> tuple[list[_Precedent], dt.date | None]:
    """Each precedent with a date, in list order, and the date of the first sanction."""
    prec = ref.get("caatsa-precedents")
    dated: list[_Precedent] = []
    for i, p in enumerate(prec.data.get("precedents") or []):
        when = prec.date(p.get("date"), ("precedents", i, "date"))
        if when is None:
            continue
        who = _country(ref, p)
        outcome = _OUTCOME_TEXT.get(str(p.get("outcome")), str(p.get("outcome")))
        system = str(p.get("system") or "").replace("; ", ", ")
        dated.append(
            _Precedent(
                when,
                p,
                p.get("outcome") == "sanctioned",
                f" {text_key(str(p.get('system') or ''))} ",
                f"{who} over {system} ({outcome}, {when.isoformat()})",
                f"{who} ({p.get('system')})",
                tuple(citations(p.get("citations"), 1)),
            )
        )
    first = min((p.when for p in dated if p.sanctioned), default=None)
    return dated, first


def _country(ref: Reference, p: dict[str, Any]) -> str:
    c = ref.countries.get(str(p.get("country")))
    return c.name if c else str(p.get("country"))
