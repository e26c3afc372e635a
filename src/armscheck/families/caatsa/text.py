"""Wording for CAATSA findings: significance, citations and the §231(d) waiver.

None of this decides an outcome. "Significant" has no legal threshold: the
advanced-systems list and the value indicator in ``caatsa-precedents.yaml``
only say why a transaction looks significant.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from ...facts import Citation, kept_for
from ...rulebook.reference import Reference, RefList
from ...screening.normalise import text_key
from ...transfer.model import Item
from ...transfer.values import money_text, parse_money

SUSTAINMENT = frozenset({"spare-parts", "training", "defense-services"})


LOW_QUALITY = ("print-search", "checkpointasia.net")


def citations(raw: Any, limit: int | None = None) -> list[Citation]:
    """Citations from a list entry's ``citations`` (the first ``limit`` of them).

    Low-quality sources (print-search page captures, aggregators) are dropped
    when the entry has another source. Lists do not change once read: the answer for one
    ``raw`` object is kept (a bounded number of them).
    """
    out = kept_for(_CITED, raw, lambda: _read_citations(raw))
    return list(out[:limit] if limit is not None else out)


_CITED: dict[int, tuple[Any, tuple[Citation, ...]]] = {}


def _read_citations(raw: Any) -> tuple[Citation, ...]:
    out = [
        Citation(
            str(c["instrument"]), str(c.get("url") or ""), str(c.get("pinpoint") or "") or None
        )
        for c in raw or []
        if isinstance(c, dict) and c.get("instrument")
    ]
    good = [c for c in out if not any(bad in c.url for bad in LOW_QUALITY)]
    return tuple(good or out)


def unique_citations(cites: list[Citation]) -> tuple[Citation, ...]:
    """``cites`` in order, each URL once (the first citation of a URL is kept)."""
    seen: set[str] = set()
    out: list[Citation] = []
    for c in cites:
        if c.url and c.url in seen:
            continue
        seen.add(c.url)
        out.append(c)
    return tuple(out)


def _section(ref: Reference, section: str) -> dict[str, Any]:
    sections: dict[Any, dict[str, Any]] = ref.memo("caatsa:sections", lambda: _sections(ref))
    return sections.get(section) or {}


def _sections(ref: Reference) -> dict[Any, dict[str, Any]]:
    """Each section of the statute list by id (the first of an id)."""
    out: dict[Any, dict[str, Any]] = {}
    for s in ref.get("caatsa-statute").data.get("sections") or []:
        out.setdefault(s.get("id"), s)
    return out


def primary_citation(ref: Reference, section: str) -> Citation:
    """The statute citation that heads a finding (``finding_citation`` of the section)."""
    kept: dict[str, Citation] = ref.memo("caatsa:primary-citations", dict)
    found = kept.get(section)
    if found is None:
        raw = _section(ref, section).get("finding_citation") or {}
        found = kept[section] = _read_citations([raw])[0]
    return found


def names_of(entry: dict[str, Any]) -> list[str]:
    """An entry's id, name and aliases, as text."""
    return [
        str(x) for x in [entry.get("id"), entry.get("name"), *(entry.get("aliases") or [])] if x
    ]


def item_text(item: Item, ref: Reference) -> str:
    """The item's description plus its catalogue system's names, as a match key."""
    parts = [item.description]
    if item.system:
        parts += ref.memo("caatsa:system-names", lambda: _system_names(ref)).get(item.system, ())
    return text_key(" | ".join(parts))


def _system_names(ref: Reference) -> dict[Any, tuple[str, ...]]:
    """The names of the catalogue's systems (``systems.yaml``) by id, every entry of an id."""
    systems = ref.lists.get("systems")
    out: dict[Any, tuple[str, ...]] = {}
    for s in (systems.data.get("systems") or []) if systems else []:
        out[s.get("id")] = (*out.get(s.get("id"), ()), *names_of(s))
    return out


@functools.lru_cache(maxsize=1024)
def names_pattern(aliases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern that finds any of ``aliases`` as whole words (``None`` for no aliases).

    It searches a match key (see :func:`item_text`) written with a space either side.
    """
    if not aliases:
        return None
    keys = "|".join(re.escape(text_key(a)) for a in aliases)
    return re.compile(rf"(?<!\w)(?:{keys})(?!\w)")


def advanced_systems(items: list[Item], ref: Reference) -> list[dict[str, Any]]:
    """The significant-systems entries that the items name."""
    systems = ref.memo("caatsa:significant-systems", lambda: _significant(ref))
    texts = [f" {item_text(it, ref)} " for it in items]
    words = {w for t in texts for w in t.split()}
    found = []
    for s, names, first in systems:
        if first is not None and first.isdisjoint(words):
            continue
        pattern = names_pattern(names)  # compiled when first needed, then kept
        if pattern is not None and any(pattern.search(t) for t in texts):
            found.append(s)
    return found


Significant = tuple[dict[str, Any], tuple[str, ...], "frozenset[str] | None"]


def _significant(ref: Reference) -> list[Significant]:
    """(entry, its names, first words of its names) for each system with a name.

    Match keys are words of letters and digits with one space between them, so a name found
    as whole words starts at a word of the text equal to its own first word: a system none of
    whose first words is in the text is not named there (``None``: a name has no word). The
    pattern of a system's names is compiled only for a text that has one of those words.
    """
    systems = ref.get("caatsa-precedents").data.get("significant_systems") or []
    out: list[Significant] = []
    for s in systems:
        names = tuple(names_of(s))
        if names:
            keys = [text_key(n) for n in names]
            first = None if "" in keys else frozenset(k.split(" ", 1)[0] for k in keys)
            out.append((s, names, first))
    return out


def value_indicator(prec: RefList) -> float:
    """The value above which a transaction is called high-value (a policy assumption)."""
    raw = (prec.data.get("value_significance_usd") or {}).get("value")
    return parse_money(raw) if raw is not None else 10e6


def _indicator(ref: Reference) -> tuple[float, str, tuple[Citation, ...]]:
    """The high-value indicator, the assumption that says so, the guidance's citation."""
    prec = ref.get("caatsa-precedents")
    bar = value_indicator(prec)
    note = (
        f"High value is taken as {money_text(bar)} or more: an indicator for wording only, "
        "not a legal threshold; significance is decided case by case."
    )
    guidance = citations((prec.data.get("significance_guidance") or {}).get("citations"), 1)
    return bar, note, tuple(guidance)


def significance(
    items: list[Item],
    ref: Reference,
    intelligence: bool = False,
    systems: list[dict[str, Any]] | None = None,
) -> tuple[str, list[str], list[Citation]]:
    """(sentence, assumptions, citations) on why the transaction looks significant.

    The dual-use remark (civilian end uses are less likely significant) is left
    out when the counterparty is in the intelligence sector. ``systems``: the items'
    :func:`advanced_systems`, when the caller has them.
    """
    systems = advanced_systems(items, ref) if systems is None else systems
    value = sum(it.value for it in items)
    bar, bar_note, guidance = ref.memo("caatsa:value-indicator", lambda: _indicator(ref))
    reasons: list[str] = []
    if systems:
        names = ", ".join(str(s.get("name")) for s in systems)
        reasons.append(f"it involves an advanced system ({names})")
    if value >= bar:
        reasons.append(f"its value, {money_text(value)}, is high")
    assumptions = [bar_note]
    assumptions += [
        f"this rests on an unconfirmed entry ({s.get('name')} in lists/caatsa-precedents.yaml): "
        f"{s.get('note') or 'not confirmed'} (it only words the finding; the outcome stands)"
        for s in systems
        if s.get("unconfirmed")
    ]
    cites = list(guidance)
    for s in systems:
        cites += citations(s.get("citations"), 1)
    note = ""
    if items and all(it.category in SUSTAINMENT for it in items):
        note = (
            " It is sustainment (spare parts, training or services), which the State "
            "Department said was not its focus."
        )
    elif items and not intelligence and all(it.category == "dual-use" for it in items):
        note = (
            " The items are dual-use; purely civilian end uses are less likely to be significant."
        )
    if reasons:
        text = "It looks significant because " + " and ".join(reasons) + "." + note
    else:
        text = (
            f"Nothing here marks it as significant (no advanced system from the list; value "
            f"{money_text(value)} under the {money_text(bar)} indicator).{note} Significance "
            "is decided case by case, so the exposure stands."
        )
    return " ".join(text.split()), assumptions, cites


def _day(entry: dict[str, Any], key: str) -> dt.date | None:
    raw = entry.get(key)
    return dt.date.fromisoformat(str(raw)) if raw else None


def _s231_days(ref: Reference) -> tuple[dt.date | None, dt.date | None]:
    """The first day of the transactions §231 reaches, and of its sanctions."""
    entry = _section(ref, "s231")
    return _day(entry, "transactions_from"), _day(entry, "sanctions_from")


def _waiver(ref: Reference) -> tuple[frozenset[str], dt.date | None]:
    """The ids barred from the §231(d) waiver, and the day the waiver was added."""
    entry = _section(ref, "s231-waiver")
    return frozenset(str(x) for x in entry.get("barred_ids") or []), _day(entry, "added_on")


def timing(ref: Reference, day: dt.date) -> str:
    """A sentence when ``day`` falls before §231 sanctions could first be imposed.

    §231(a): sanctions "on and after the date that is 180 days after" enactment (29 Jan 2018)
    on a person that knowingly, on or after enactment, engages in a significant transaction.
    """
    start, first = ref.memo("caatsa:s231-days", lambda: _s231_days(ref))
    if start is None or first is None or not start <= day < first:
        return ""
    return (
        f"Sanctions could be imposed only from {first.isoformat()} (180 days after enactment, "
        f"§231(a)), but a transaction on or after {start.isoformat()} is one they reach."
    )


def waiver(ref: Reference, intelligence: list[dict[str, Any]], day: dt.date | None = None) -> str:
    """The §231(d) waiver in brief, and whether it is open for this transaction."""
    barred_ids, added = ref.memo("caatsa:waiver", lambda: _waiver(ref))
    before = (
        f"On {day.isoformat()} the §231(d) waiver did not exist yet (added on {added.isoformat()} "
        "by the FY2019 NDAA; until then relief was a §236(b) national-security waiver subject to "
        "congressional review, or a §231(c) delay); it can be used from that date. "
        if day is not None and added is not None and day < added
        else ""
    )
    head = (
        "Sanctions need a State finding that the transaction is significant and knowing. "
        + before
        + "A §231(d) waiver is transaction by transaction (no country or blanket "
        "waiver), certified to Congress 30 days ahead: US national security interest; no harm "
        "to an alliance, US operations, defence cooperation or US systems; and the buyer's "
        "government cutting its Russian-made inventory or cooperating on critical security "
        "matters."
    )
    barred = [str(e.get("name")) for e in intelligence if str(e.get("id")) in barred_ids]
    others = [str(e.get("name")) for e in intelligence if str(e.get("id")) not in barred_ids]
    if barred:
        tail = (
            f" It is not available here: {', '.join(barred)} is among the persons barred for "
            "Russian government cyber intrusions; only a §236(b) waiver of imposed sanctions "
            "(subject to congressional review) remains."
        )
    elif others:
        tail = (
            f" {', '.join(others)} is in the intelligence sector; the waiver is closed only if "
            "it directly participated in or facilitated Russian government cyber intrusions, "
            "so check that."
        )
    else:
        tail = " Each later delivery or payment needs its own waiver."
    return head + tail
