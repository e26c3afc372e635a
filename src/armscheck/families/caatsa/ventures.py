"""Joint ventures in which a person on the §231 list holds a share.

The list of specified persons is not exhaustive and carries no ownership rule, so a joint
venture part-owned by a listed person (BrahMos Aerospace, Indo-Russia Rifles) is not taken
as the sector; but §231 reaches a person that "operates for or on behalf of" it, so a deal
with one gets a note saying what is assumed, never a silent clear.
"""

from __future__ import annotations

import re
from typing import Any

from ...facts import MAX_KEPT, Citation, Context, Fact, FactKind
from ...lazyre import deferred
from ...newfact import new_fact
from ...rulebook.reference import Reference
from ...screening.normalise import text_key
from ..parties import named_parties
from .text import citations

JOINT_VENTURE = FactKind(
    "caatsa-listed-joint-venture",
    "caatsa",
    {"party": "str", "side": "str", "owners": "str", "counterparty": "str", "date": "str"},
    "a party is a joint venture in which a person on the §231 list holds a share",
)
SIDE_TEXT = {"supplier": "seller", "recipient": "buyer"}


def _names(entry: dict[str, Any]) -> list[str]:
    return [str(x) for x in [entry.get("name"), *(entry.get("aliases") or [])] if x]


def _pattern(entry: dict[str, Any]) -> str | None:
    """One pattern that finds any name of ``entry`` as whole words (None: it has no name)."""
    names = _names(entry)
    if not names:
        return None
    return "|".join(rf"(?<!\w){re.escape(text_key(a))}(?!\w)" for a in names)


Prepared = tuple[
    str,
    list[tuple[dict[str, Any], str]],
    dict[str, dict[str, Any]],
    "re.Pattern[str] | None",
    "frozenset[str] | None",
]


def _prepared(ref: Reference) -> Prepared:
    """(enactment date, (venture, pattern) pairs, persons by id, two prefilters) of the list.

    Read once per process. The prefilters are a pattern of all the ventures' names and the
    first words of those names: a name is found as whole words of a match key (words of
    letters and digits, one space between them), so only in a key that has its first word
    (``None``: a name has no word). Only when both pass is a venture's own pattern compiled
    (by :func:`re.search`, which keeps it).
    """
    data = ref.get("caatsa-specified-persons").data
    start = (ref.get("caatsa-statute").data.get("enactment") or {}).get("date")
    ventures = [(v, p) for v in data.get("joint_ventures") or [] if (p := _pattern(v)) is not None]
    persons = {str(p.get("id")): p for p in data.get("persons") or []}
    every = deferred("|".join(p for _, p in ventures)) if ventures else None
    keys = [text_key(n) for v, _ in ventures for n in _names(v)]
    firsts = None if "" in keys else frozenset(k.split(" ", 1)[0] for k in keys)
    return str(start) if start else "", ventures, persons, every, firsts


def _owners(entry: dict[str, Any], persons: dict[str, dict[str, Any]]) -> tuple[str, list[str]]:
    """("A (49.5%) and B (7.5%)", assumptions on unconfirmed listings)."""
    parts, flags = [], []
    for o in entry.get("owners") or []:
        person = persons.get(str(o.get("person"))) or {}
        name = str(person.get("name") or o.get("person"))
        since = person.get("listed_from")
        parts.append(f"{name} ({o.get('share') or 'share unknown'}; listed from {since})")
        if person.get("unconfirmed"):
            flags.append(
                f"this rests on an unconfirmed entry ({name} in "
                f"lists/caatsa-specified-persons.yaml): {person.get('note') or 'not confirmed'}"
            )
    text = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else "".join(parts)
    return text, flags


def _named(
    name: str,
    ventures: list[tuple[dict[str, Any], str]],
    every: re.Pattern[str],
    firsts: frozenset[str] | None,
) -> tuple[dict[str, Any], ...]:
    """The ventures whose names ``name`` holds as whole words, in list order.

    They depend on the name alone (the list stays put): a check asks for each party's
    name, so each answer is kept for the next check that names it.
    """
    key = f" {text_key(name)} "
    if firsts is not None and firsts.isdisjoint(key.split()):
        return ()  # no venture's first word in it: no venture's name either
    if every.search(key) is None:
        return ()  # no venture's name in it: none of the patterns below can match
    return tuple(v for v, pattern in ventures if re.search(pattern, key) is not None)


def joint_ventures(ctx: Context, exposed_sides: set[str]) -> list[Fact]:
    """Note facts for the named parties that are joint ventures of listed persons.

    Nothing is built before CAATSA's enactment, nor when the venture's side is already
    taken as the defence sector (its counterparty is then exposed by a finding).
    """
    ref = ctx.reference
    start, ventures, persons, every, firsts = ref.memo(
        "caatsa:joint-ventures", lambda: _prepared(ref)
    )
    if every is None or (start and ctx.date.isoformat() < start):
        return []
    t = ctx.transfer
    out: list[Fact] = []
    named_by: dict[str, tuple[dict[str, Any], ...]] = ref.memo("caatsa:ventures-named", dict)
    for named in named_parties(t):
        other = "recipient" if named.side == "supplier" else "supplier"
        if other in exposed_sides:
            continue
        found = named_by.get(named.name)
        if found is None:
            if len(named_by) >= MAX_KEPT:
                named_by.clear()
            found = named_by[named.name] = _named(named.name, ventures, every, firsts)
        for v in found:
            owners, flags = _owners(v, persons)
            if other == "recipient":
                who = [t.recipient.end_user or "", *t.recipient.entities]
                country = t.recipient.country_name
            else:
                who, country = list(t.supplier.entities), t.supplier.country_name
            names = list(dict.fromkeys(n for n in who if n))
            counterparty = (", ".join(names) or f"the {SIDE_TEXT[other]}") + f" ({country})"
            cites: list[Citation] = citations(v.get("citations"))
            out.append(
                new_fact(
                    kind=JOINT_VENTURE.kind,
                    key=f"caatsa:231:joint-venture:{v.get('id')}:{named.side}",
                    fields={
                        "party": f"{named.name} ({v.get('name')})",
                        "side": SIDE_TEXT[named.side],
                        "owners": owners,
                        "counterparty": counterparty,
                        "date": ctx.date.isoformat(),
                    },
                    evidence=(named.loc,),
                    citations=tuple(cites),
                    assumptions=(
                        f"{v.get('name')} is taken as not part of, and not acting for, Russia's "
                        "defence sector: it is not on the list of specified persons, and a listed "
                        "shareholder does not by itself put a joint venture on it.",
                        *flags,
                    ),
                )
            )
    return out
