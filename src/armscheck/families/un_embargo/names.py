"""The recipient's names screened against UN-listed groups and non-state actors, and places.

Names go through the one matcher (:mod:`armscheck.screening`) with the recipient's
country as evidence: an exact match counts as before; a possible one counts too, with an
assumption naming its score and alias and a ``match: possible`` on the finding. Places
(an embargo's regions) are compared by their normalised words only, never fuzzily.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...facts import Context, Match
from ...screening import MAX_NAME_CHARS, curated, normalise
from ..parties import Hit, Named, assumption, named_parties, screen

NON_STATE_LIST = "un-embargoes"


def _recipient(ctx: Context) -> list[Named]:
    return [n for n in named_parties(ctx.transfer) if n.side == "recipient"]


def group_hits(ctx: Context) -> list[Hit]:
    """The recipient's names that match UN-listed groups, whatever the date."""
    return ctx.once(
        "un-embargo:group-hits", lambda: screen(_recipient(ctx), ctx.reference, curated.UN_GROUPS)
    )


def groups_matched(ctx: Context, day: dt.date) -> dict[str, dict[str, Any]]:
    """UN-listed groups named as the end user or a recipient entity, in force on ``day``, by id."""
    return {str(h.entry.get("id")): h.entry for h in group_hits(ctx) if h.in_force(day)}


def groups_matched_any(ctx: Context) -> set[str]:
    """Ids of UN-listed groups named by the recipient, whatever their listing dates."""
    return {str(h.entry.get("id")) for h in group_hits(ctx)}


def group_matches(ctx: Context, ids: list[str]) -> tuple[Match, ...]:
    """The (recipient name, listed group) pairs behind the groups ``ids``."""
    return tuple(dict.fromkeys(h.match() for h in group_hits(ctx) if str(h.entry.get("id")) in ids))


def group_assumptions(ctx: Context, ids: list[str]) -> list[str]:
    """What the findings on the groups ``ids`` assume about the names (possible matches)."""
    out = [h.assumption() for h in group_hits(ctx) if str(h.entry.get("id")) in ids]
    return [a for a in dict.fromkeys(out) if a]


def non_state_actor(ctx: Context, embargo: dict[str, Any]) -> tuple[str, str | None, Match] | None:
    """(actor, assumption, match) when the recipient names one of the embargo's non-state actors.

    ``actor`` is the name as the embargo lists it; ``assumption`` is set for a match
    that is only possible (or rests on an acronym).
    """
    index = curated.non_state_index(ctx.reference)
    wanted = str(embargo.get("id"))
    for named in _recipient(ctx):
        for found in index.screen(named.name, country=named.country or None):
            if found.entry.ref == wanted:
                said = assumption(named.name, named.loc.path, found.alias, found)
                match = Match.of(named.name, NON_STATE_LIST, wanted, found)
                return found.alias, said, match
    return None


def place_in(where: list[str], places: list[str]) -> str | None:
    """The first of ``places`` whose words appear, in order, among the words of ``where``."""
    texts = [normalise(w).tokens for w in where if len(w) <= MAX_NAME_CHARS]
    for place in places:
        words = normalise(place).tokens
        n = len(words)
        if n and any(words == text[i : i + n] for text in texts for i in range(len(text))):
            return place
    return None
