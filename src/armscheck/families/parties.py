"""The parties a transfer names, screened against the curated lists by the one matcher.

Each name (supplier and recipient entities, the end user) is screened by
:mod:`armscheck.screening`, with its side's country as evidence, against the index of
one curated list (:mod:`armscheck.screening.curated`, built once per process). A hit
keeps its tier: *exact* (the name or an alias once normalised; an acronym only for a
party in the entry's own country) gives the finding as before; *possible* (a score in
the review band) still gives it, with an assumption naming the score and the alias, to
be confirmed or dismissed by a ``not-a-match`` decision.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..facts import Match, in_force
from ..records import record
from ..rulebook.reference import Reference
from ..screening import Hit as Found
from ..screening import curated
from ..screening.curated import Shape
from ..screening.index import Index
from ..transfer.model import Loc, Transfer

# Written as a call with the types themselves: the class syntax would give typing.NamedTuple the
# postponed annotations as text, which it compiles one by one, and a process's first compile()
# sets up Python's syntax-tree types (about 9 M instructions, 2% of a cold check).
Named = NamedTuple(  # noqa: UP014 - see above
    "Named", [("name", str), ("side", str), ("country", str), ("loc", Loc)]
)
Named.__doc__ = """A party name written in the transfer, with its side ("supplier" or "recipient"),
country and place (made for every check)."""


class Matched:
    """What a hit of the screening matcher says about itself (for dataclasses with ``found``)."""

    found: Found

    @property
    def alias(self) -> str:
        """The entry's name or alias that matched."""
        return self.found.alias

    @property
    def exact(self) -> bool:
        """Whether the match is exact, not one to be confirmed."""
        return self.found.exact


@record(frozen=True)
class Hit(Matched):
    """A party name that matched a curated list entry."""

    entry: dict[str, Any]
    named: Named
    found: Found
    start: dt.date | None
    end: dt.date | None
    list: str = ""

    @property
    def entry_name(self) -> str:
        """The entry's own name."""
        return str(self.entry.get("name") or self.entry.get("id"))

    def in_force(self, day: dt.date) -> bool:
        """Whether the entry applies on ``day``."""
        return in_force(self.start, self.end, day)

    def match(self) -> Match:
        """The (party name, list entry) pair, for reports and ``not-a-match`` decisions."""
        return Match.of(self.named.name, self.list, str(self.entry.get("id")), self.found)

    def assumption(self) -> str | None:
        """What the finding assumes about the match: nothing for a plain exact one."""
        return assumption(self.named.name, self.named.loc.path, self.entry_name, self.found)

    def unconfirmed(self) -> str | None:
        """The flag for an entry marked ``unconfirmed: true``, with its note."""
        if not self.entry.get("unconfirmed"):
            return None
        note = self.entry.get("note") or "not seen in a checked source"
        where = f"{self.entry_name} in lists/{self.list}.yaml"
        return f"this rests on an unconfirmed entry ({where}): {note}"


def assumption(party: str, where: str, entry_name: str, found: Found) -> str | None:
    """The sentence a finding reports about a name match it rests on, if any.

    A possible match names its score and alias and asks to be confirmed; an exact match
    through an acronym says so; other exact matches need no sentence.
    """
    how = "; ".join(found.reasons)
    if found.exact:
        if not any(r.startswith("acronym") for r in found.reasons):
            return None
        return f"'{party}' ({where}) was taken to be {entry_name}: {how}."
    return (
        f"'{party}' ({where}) was taken to be {entry_name}: a possible match (score "
        f"{found.score:.3f} via '{found.alias}': {how}); confirm that it is the same party, "
        "or record a not-a-match decision."
    )


def named_parties(t: Transfer) -> tuple[Named, ...]:
    """Every organisation or end user named in the transfer, by side.

    Several families ask in one check; the last transfer's answer is kept (a transfer
    does not change once read).
    """
    last, names = _LAST_NAMED[0]
    if last is t:
        return names
    out = tuple(_named(t))
    _LAST_NAMED[0] = (t, out)
    return out


_LAST_NAMED: list[tuple[Transfer | None, tuple[Named, ...]]] = [(None, ())]


def _named(t: Transfer) -> list[Named]:
    # (made as tuples of the class, not through its __new__: a Python function, a call a name)
    sup, rec, make = t.supplier, t.recipient, _NEW
    out = [
        make(Named, (n, "supplier", sup.country, t.loc("supplier", "entities", i)))
        for i, n in enumerate(sup.entities)
    ]
    out += [
        make(Named, (n, "recipient", rec.country, t.loc("recipient", "entities", i)))
        for i, n in enumerate(rec.entities)
    ]
    if rec.end_user:
        out.append(
            make(Named, (rec.end_user, "recipient", rec.country, t.loc("recipient", "end_user")))
        )
    return out


_NEW = tuple.__new__


def _rows(ref: Reference, shape: Shape) -> dict[str, dict[str, Any]]:
    rows = ref.get(shape.file).data.get(shape.key) or []
    return {str(row.get("id") or i): row for i, row in enumerate(rows)}


def screen(names: Sequence[Named], ref: Reference, shape: Shape) -> list[Hit]:
    """Every (name, entry) match between ``names`` and one curated list, whatever the date."""
    kept = _KEPT.get(shape.list_id)
    if kept is None or kept[0] is not ref:  # (the lists' memo, one look a list and rulebook)
        made = ref.memo(_memo_name(shape.list_id), lambda: _screening(ref, shape))
        kept = _KEPT[shape.list_id] = (ref, *made)
    _, index, rows = kept
    hits: list[Hit] = []
    by_country = shape.by_country
    for named in names:
        country = named.country if by_country else None
        for found in index.screen(named.name, country=country or None):
            e = found.entry
            hits.append(Hit(rows[e.ref], named, found, e.listed_from, e.listed_to, shape.file))
    return hits


# each list's index and rows, with the lists they were taken from (held, so never another's)
_KEPT: dict[str, tuple[Reference, Index, dict[str, dict[str, Any]]]] = {}


def _screening(ref: Reference, shape: Shape) -> tuple[Index, dict[str, dict[str, Any]]]:
    """The index of one curated list, and its rows by entry reference."""
    return curated.index(ref, shape), _rows(ref, shape)


@functools.cache
def _memo_name(list_id: str) -> str:
    return f"screening-rows:{list_id}"
