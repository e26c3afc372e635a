"""Screening entries made from the curated lists under ``rules/lists``.

The curated lists carry legal context the official files lack (which §231 sector an
entry belongs to, what a designation imposed); each becomes :class:`Entry` objects with
the list entry's id as ``ref``, its dates, and its country (or the list's, for lists of
one country's parties). One :class:`Index` per list is built once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Protocol

from ..records import record
from .index import Index
from .model import Entry, entry_of


class Lists(Protocol):
    """What this module needs from the reference lists (see ``rulebook``)."""

    def get(self, name: str) -> Any:
        """The list file called ``name``: ``.data`` and ``.date(raw, path)``."""

    def memo(self, name: str, build: Callable[[], Any]) -> Any:
        """A value derived from the lists, built once per process."""


@record(frozen=True)
class Shape:
    """Where a curated list keeps its entries, and what they are."""

    file: str  # the list's file stem under rules/lists
    key: str  # the key holding its entries
    list_id: str  # Entry.list_id of its entries
    home: str = ""  # the country of every entry that names none
    start: str = ""  # the key of the first day an entry applies
    end: str = ""  # the key of the first day it no longer applies
    # whether a party's own country is evidence: not for a list of parties looked for in
    # consignments through other countries (Iranian end users named by a Hong Kong buyer)
    by_country: bool = True


UN_GROUPS = Shape("un-listed-groups", "groups", "un/listed-groups", "", "listed_from", "listed_to")
CAATSA_LSP = Shape(
    "caatsa-specified-persons",
    "persons",
    "caatsa/specified-persons",
    "RU",
    "listed_from",
    "listed_to",
)
CAATSA_DESIGNATIONS = Shape(
    "caatsa-designations",
    "designations",
    "caatsa/designations",
    "",
    "designated_from",
    "designated_to",
)
CAATSA_IRAN = Shape(
    "caatsa-statute", "iranian_end_users", "caatsa/iranian-end-users", "IR", by_country=False
)
US_BARRED = Shape("us-barred-parties", "parties", "us/barred-parties", "", "from", "to")
SHAPES = (UN_GROUPS, CAATSA_LSP, CAATSA_DESIGNATIONS, CAATSA_IRAN, US_BARRED)
NON_STATE = "un/non-state-actors"


def entries(lists: Lists, shape: Shape) -> list[Entry]:
    """The entries of one curated list."""
    ref = lists.get(shape.file)
    source = f"rules/lists/{shape.file}.yaml"
    start_key, end_key = shape.start, shape.end
    out = []
    for i, row in enumerate(ref.data.get(shape.key) or []):
        names = [str(n) for n in [row.get("name"), *(row.get("aliases") or [])] if n]
        country = str(row.get("country") or shape.home)
        # by position, as Entry declares its fields: list_id, ref, names, kind, countries,
        # then listed_from, listed_to, programs, source, extra
        common = (
            shape.list_id,
            str(row.get("id") or i),
            tuple(dict.fromkeys(names)),
            "unknown",  # the curated lists mix organisations, groups and people
            (country,) if country else (),
        )
        start = row.get(start_key) if start_key else None
        if start is not None:  # (a day's text read, or an error located in the file)
            start = ref.date(start, (shape.key, i, start_key))
        end = row.get(end_key) if end_key else None
        if end is not None:
            end = ref.date(end, (shape.key, i, end_key))
        out.append(entry_of(*common, start, end, (), source, {}))
    return out


def non_state_entries(lists: Lists) -> list[Entry]:
    """One entry per UN embargo naming non-state actors: their names, in its target country.

    The names are separate groups (Hezbollah, Amal, Hamas in Lebanon), so a hit's alias,
    not the entry, says which one was named.
    """
    out = []
    for embargo in lists.get("un-embargoes").data.get("embargoes") or []:
        names = tuple(dict.fromkeys(str(n) for n in embargo.get("non_state_actors") or []))
        target = str(embargo.get("target") or "")
        if names:
            out.append(
                Entry(
                    list_id=NON_STATE,
                    ref=str(embargo.get("id")),
                    names=names,
                    kind="group",
                    countries=(target,) if target else (),
                    source="rules/lists/un-embargoes.yaml",
                    extra={
                        "title": f"non-state actors: {embargo.get('title') or embargo.get('id')}"
                    },
                )
            )
    return out


def index(lists: Lists, shape: Shape) -> Index:
    """The index of one curated list, built once per process."""
    built: Index = lists.memo(memo_name(shape.list_id), lambda: Index(entries(lists, shape)))
    return built


def non_state_index(lists: Lists) -> Index:
    """The index of every UN embargo's non-state actors, built once per process."""
    built: Index = lists.memo(memo_name(NON_STATE), lambda: Index(non_state_entries(lists)))
    return built


def memo_name(list_id: str) -> str:
    """The name the index of ``list_id`` is kept under in the lists' memo."""
    return f"screening:{list_id}"


def every_index(lists: Lists) -> dict[str, Callable[[], Index]]:
    """How to get each curated index, by memo name (for the rulebook cache to keep them)."""
    out: dict[str, Callable[[], Index]] = {
        memo_name(s.list_id): functools.partial(index, lists, s) for s in SHAPES
    }
    out[memo_name(NON_STATE)] = functools.partial(non_state_index, lists)
    return out


def all_entries(lists: Lists) -> list[Entry]:
    """Every curated entry, for screening one name against all the curated lists."""
    out = [e for shape in SHAPES for e in entries(lists, shape)]
    return out + non_state_entries(lists)
