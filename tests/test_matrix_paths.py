"""The short ways a matrix takes (one deal, each recipient in turn) give the plain answers.

* a name with no candidate on a list screens to nothing, whatever the country, without
  being judged for it;
* the UN embargo phases a check looks at, kept by supplier country for each run of days,
  are those a scan of the phases in force finds, whatever order the pairs are asked in.
"""

from __future__ import annotations

import datetime as dt
import random

from armscheck.api import load_checker, read_transfer
from armscheck.facts import Context, in_force
from armscheck.screening import curated

DAY = dt.date
NAMES = [
    "Iraqi Ministry of Defence",
    "Ministry of Defence",
    "Turkish Aerospace Industries",
    "Rosoboronexport",
    "Almaz-Antey",
    "Houthis",
    "al-Shabaab",
    "Hezbollah",
    "KOMID",
    "Air Force",
    "armed opposition group",
    "",
    "  ",
]


def test_a_name_screens_as_judged_with_every_country() -> None:
    ref = load_checker().rulebook.reference
    countries = [None, *sorted(ref.countries)[:60], "IQ", "KP", "RU", "IR", "TR"]
    indexes = [curated.index(ref, s) for s in curated.SHAPES]
    indexes.append(curated.non_state_index(ref))
    judged = 0
    for index in indexes:
        for name in NAMES:
            for country in countries:
                plain = list(index._judged(name, country, None, True))
                assert index.screen(name, country=country) == plain, (name, country)
                judged += bool(plain)
    assert judged  # some names do match


def _transfer(ref: object, supplier: str, recipient: str) -> object:
    channel = "channel: dcs\n" if supplier == "US" else ""
    doc = (
        f"name: t\ndate: 2001-01-01\n{channel}supplier: {{country: {supplier}}}\n"
        f"recipient: {{country: {recipient}}}\n"
        "items:\n- {description: rifles, category: small-arms, quantity: 5, unit_value_usd: 100}\n"
    )
    return read_transfer(doc.encode(), "t.yaml", ref)  # type: ignore[arg-type]


def test_the_phases_looked_at_are_those_a_scan_finds_in_any_order() -> None:
    from armscheck.families.un_embargo.scope import dated_phases, phases_for, phases_on
    from armscheck.families.un_embargo.sellers import reach

    checker = load_checker()
    ref = checker.rulebook.reference
    dated = dated_phases(Context(_transfer(ref, "FR", "IQ"), DAY(2001, 1, 1), ref))  # type: ignore[arg-type]
    targets = sorted({str(e.get("target")) for e, *_ in dated if e.get("target")})
    countries = [c for c in [*targets, "FR", "TR", "US", "RU", "IN"] if c in ref.countries]
    days = sorted({d for *_, start, end in dated for d in (start, end) if d})
    pairs = [(s, r) for s in countries for r in countries if s != r]
    rng = random.Random(7)
    rng.shuffle(pairs)
    asked = 0
    for day in [DAY(1995, 1, 1), *rng.sample(days, min(len(days), 12)), DAY(2026, 1, 1)]:
        for supplier, recipient in pairs[:150]:
            transfer = _transfer(ref, supplier, recipient)
            ctx = Context(transfer, day, ref)  # type: ignore[arg-type]
            for listed in (False, True):
                scanned = [
                    p
                    for p in phases_on(ctx, day)
                    if (
                        p[0].get("direction") == "export"
                        and (p[0].get("target") == supplier or reach(ctx, p[0]))
                    )
                    or (
                        p[0].get("direction") != "export"
                        and p[2].get("scope") != "listed"
                        and p[0].get("target") == recipient
                    )
                    or (
                        listed
                        and p[0].get("direction") != "export"
                        and p[2].get("scope") == "listed"
                    )
                ]
                assert all(in_force(p[3], p[4], day) for p in scanned)
                assert list(phases_for(ctx, day, listed)) == scanned, (supplier, recipient, day)
                asked += bool(scanned)
    assert asked > 50


def test_bundled_hits_are_those_of_screening_every_name_with_its_country() -> None:
    from armscheck.families.parties import named_parties
    from armscheck.families.un_embargo import bundled

    ref = load_checker().rulebook.reference
    index = bundled.index(ref)
    names = [*NAMES[:11], "Mansudae Overseas Project", "Korea Mining Development", "MOD"]
    countries = [*sorted(ref.countries)[::7], "KP", "IR", "IQ", "NA", "SD", "SY"]
    kept = 0
    for country in dict.fromkeys(c for c in countries if not ref.countries[c].historic):
        for end_user, entities in [*((n, []) for n in names), (names[0], names[1:])]:
            doc = (
                "name: t\ndate: 2021-01-01\nsupplier: {country: FR, entities: [Thales]}\n"
                f"recipient: {{country: {country}, end_user: {end_user!r}, "
                f"entities: {entities!r}}}\n"
                "items:\n- {description: rifles, category: small-arms, quantity: 5, "
                "unit_value_usd: 100}\n"
            )
            ctx = Context(read_transfer(doc.encode(), "t.yaml", ref), DAY(2021, 1, 1), ref)
            plain = []
            seen: set[str] = set()
            for named in named_parties(ctx.transfer):
                if named.side != "recipient":
                    continue
                for hit in index.screen(named.name, country=named.country or None, on=ctx.date):
                    if not bundled._abroad(hit, named.country) and hit.entry.ref not in seen:
                        seen.add(hit.entry.ref)
                        plain.append((named, hit))
            got = bundled.hits(ctx, side="recipient")
            assert [(h.named, h.hit) for h in got] == plain, (country, end_user)
            kept += len(got)
    assert kept
