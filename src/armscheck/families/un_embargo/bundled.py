"""The entities of the UN consolidated list bundled in ``rules/lists/un-listed-entities.yaml``.

Without an imported UN list, the parties are screened against this copy instead: the
groups, undertakings and companies of the regimes in ``un-sanctions-regimes.yaml``, with
their aliases and listing dates, taken from copies of the official XML by
``tools/un_entities.py``. A hit is read exactly as a hit on the imported list is (same
entry references, same regimes); its citation names the bundled copy. Individuals are not
bundled, so a check that rests on this copy says so; and a possible match against an entry of
another country than the party's is left out (see :func:`_abroad`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from ...facts import MAX_KEPT, Context
from ...rulebook.reference import Reference
from ...screening import Entry, Index
from ...screening.model import entry_of
from ..official_names import OfficialHit
from ..parties import named_parties

LIST = "un-listed-entities"
FILE = f"rules/lists/{LIST}.yaml"
MEMO = f"screening:{LIST}"
APART = f"{MEMO}:possible-only"  # each name's Index.possible_only, kept


def entries(ref: Reference) -> list[Entry]:
    """One screening entry per listing period of each bundled entity."""
    lst = ref.get(LIST)
    out: list[Entry] = []
    for i, row in enumerate(lst.data.get("entities") or []):
        names = tuple(dict.fromkeys(map(str, [row["name"], *(row.get("aliases") or [])])))
        reference = str(row["ref"])
        extra = {
            "reference": reference,
            "regime": str(row["regime"]),
            "source_list_url": str(row["citations"][0]["url"]),
            "bundled": "true",
        }
        if row.get("unconfirmed"):
            extra["unconfirmed"] = " ".join(str(row.get("note") or "not confirmed").split())
        # by position, as Entry declares its fields: list_id, ref, names, kind, countries,
        # then listed_from, listed_to, programs, source, extra
        common = ("un-sc", reference, names, "entity", tuple(map(str, row.get("countries") or ())))
        start, end, again = row.get("listed_from"), row.get("listed_to"), row.get("relisted_from")
        if start is not None:  # (a day's text read, or an error located in the file)
            start = lst.date(start, ("entities", i, "listed_from"))
        if end is not None:
            end = lst.date(end, ("entities", i, "listed_to"))
        if again is not None:
            again = lst.date(again, ("entities", i, "relisted_from"))
        out.append(entry_of(*common, start, end, (), FILE, extra))
        if again is not None:
            out.append(entry_of(*common, again, None, (), FILE, extra))
    return out


def index(ref: Reference) -> Index:
    """The index of the bundled entities, built once per process (or kept in the cache)."""
    built: Index = ref.memo(MEMO, lambda: Index(entries(ref)))
    return built


def indexes(ref: Reference) -> dict[str, Callable[[], Index]]:
    """How to get the bundled index, by memo name (for the rulebook cache to keep it)."""
    return {MEMO: functools.partial(index, ref)}


def newest(ref: Reference) -> str:
    """The date of the newest official copy the bundled entities were taken from."""
    rows = ref.get(LIST).data.get("entities") or []
    found: str = ref.memo(
        f"{LIST}:newest", lambda: max((str(r.get("seen") or "") for r in rows), default="")
    )
    return found or "?"


def hits(ctx: Context, side: str | None = None) -> list[OfficialHit]:
    """The transfer's parties (of ``side``) that match a bundled entity listed on the date."""
    ref = ctx.reference
    out: list[OfficialHit] = []
    seen: set[tuple[str, str]] = set()
    names = [n for n in named_parties(ctx.transfer) if not side or n.side == side]
    if not names:
        return out  # the index is read only when a check has a name for it
    held = _HELD[0]
    if held is None or held[0] is not ref:  # (the lists' memo, once a rulebook)
        held = _HELD[0] = (ref, index(ref), ref.memo(APART, dict))
    _, found, kept = held
    for named in names:
        apart = None
        if named.country:  # (the index stays put: each name's answer is kept for the next)
            apart = kept.get(named.name, _UNASKED)  # (the answer as made, not read back)
            if apart is _UNASKED:
                if len(kept) >= MAX_KEPT:
                    kept.clear()
                apart = kept[named.name] = found.possible_only(named.name)
        if apart is not None and named.country not in apart:
            continue  # only possible matches against entries abroad: none is taken (_abroad)
        for hit in found.screen(named.name, country=named.country or None, on=ctx.date):
            key = (named.side, hit.entry.ref)
            if _abroad(hit, named.country):
                continue
            if key not in seen:
                seen.add(key)
                out.append(OfficialHit(named, hit, f"{newest(ref)}, bundled copy ({FILE})"))
    return out


# the index and the possible-only table, with the lists they came from (held, so never another's)
_HELD: list[tuple[Reference, Index, dict[str, frozenset[str] | None]] | None] = [None]
_UNASKED: frozenset[str] | None = frozenset({"?"})  # no answer kept for the name


def _abroad(hit: Any, country: str) -> bool:
    """A possible match against an entry of another country: not taken from the bundled copy.

    Some listed names are generic ("Ministry of Defence", an alias of the DPRK's ministry):
    a near miss for a party in another country is no evidence. The full list, once imported,
    still reports such possible matches for review. A name that begins with a listed
    company's distinctive leading words is kept wherever the party is: a listed company's
    subsidiary or branch abroad is what it looks like (Mansudae's in Namibia).
    """
    countries = hit.entry.countries
    return (
        not hit.exact
        and not hit.leading
        and bool(country and countries and country not in countries)
    )


def scope_note(ctx: Context) -> str:
    """What a check without the imported UN list was screened against, as an assumption."""
    ref = ctx.reference
    note: str = ref.memo(
        f"{LIST}:scope-note",
        lambda: (
            "not screened against the full UN list; bundled entity list only: the "
            f"{len(ref.get(LIST).data.get('entities') or [])} entities (groups and "
            f"companies, no individuals) of the UN consolidated list as of {newest(ref)} "
            f"in {FILE}; a person or entity listed after that date, or any listed individual, "
            "is not caught. Import the official list ('armscheck lists fetch') to screen them."
        ),
    )
    return note
