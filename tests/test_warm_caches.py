"""What a warm process keeps between checks gives the answers a fresh process gives.

* an index screens a name once, whatever the day; later days filter the kept hits;
* a re-import of the official lists in the same process is seen by the next check.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from armscheck.api import load_checker, read_transfer
from armscheck.official import store
from armscheck.official.model import country_codes
from armscheck.screening import Entry, Index

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "official"
DAY = dt.date


def test_a_name_screened_again_on_other_days_gets_the_entries_in_force() -> None:
    entries = [
        Entry("t", "old", ("Almaz-Antey",), countries=("RU",), listed_to=DAY(2014, 1, 1)),
        Entry("t", "new", ("Almaz Antei",), countries=("RU",), listed_from=DAY(2014, 7, 16)),
        Entry("t", "any", ("Concern VKO Almaz-Antey",), countries=("RU",)),
    ]
    warm = Index(entries)
    for day in [DAY(2010, 1, 1), DAY(2014, 3, 1), DAY(2020, 1, 1), None, DAY(2010, 1, 1)]:
        for name, country in [("Almaz-Antey", "RU"), ("almaz antey", None), ("Almaz", "US")]:
            fresh = Index(entries).screen(name, country=country, on=day)
            got = warm.screen(name, country=country, on=day)
            assert got == fresh, (name, country, day)
    assert [h.entry.ref for h in warm.screen("Almaz-Antey", country="RU", on=DAY(2020, 1, 1))]
    assert warm.screen("Almaz-Antey", country="RU") is not warm.screen("Almaz-Antey", country="RU")


def _debarred() -> list[str]:
    checker = load_checker()
    ref = checker.rulebook.reference
    doc = (
        "name: Test transfer\ndate: 2024-06-01\nchannel: dcs\n"
        "supplier: {country: US}\n"
        "recipient: {country: AE, entities: [Gulf Defence Brokers FZE]}\n"
        "items:\n- {description: Night sights, category: other-military, quantity: 5,\n"
        "   unit_value_usd: 10000, control: itar}\n"
    )
    v = checker.check(read_transfer(doc.encode(), "t.yaml", ref))
    return [f.rule for f in v.findings if f.rule == "us-content/itar-debarred"]


def test_a_reimport_in_the_same_process_is_seen_by_the_next_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    codes = country_codes(load_checker().rulebook.reference)
    data = tmp_path / "data"
    monkeypatch.setenv("ARMSCHECK_DATA_DIR", str(data))
    assert _debarred() == []  # nothing imported
    store.import_file(FIXTURES / "csl.json", codes, data)
    assert _debarred() == ["us-content/itar-debarred"]
    renamed = tmp_path / "csl.json"
    text = (FIXTURES / "csl.json").read_text(encoding="utf-8")
    renamed.write_text(re.sub("gulf", "Red Sea", text, flags=re.IGNORECASE), encoding="utf-8")
    store.import_file(renamed, codes, data)
    assert _debarred() == []
    store.import_file(FIXTURES / "csl.json", codes, data)
    assert _debarred() == ["us-content/itar-debarred"]


def test_the_embargo_phases_found_by_day_are_those_a_scan_finds() -> None:
    from armscheck.facts import Context, in_force
    from armscheck.families.un_embargo.scope import dated_phases, phases_on

    ref = load_checker().rulebook.reference
    doc = (
        "name: t\ndate: 2001-01-01\nsupplier: {country: RU}\nrecipient: {country: IQ}\n"
        "items:\n- {description: rifles, category: small-arms, quantity: 5, unit_value_usd: 100}\n"
    )
    transfer = read_transfer(doc.encode(), "t.yaml", ref)
    dated = dated_phases(Context(transfer, DAY(2001, 1, 1), ref))
    days = {d for *_, start, end in dated for d in (start, end) if d}
    for day in sorted(days | {d - dt.timedelta(days=1) for d in days} | {DAY(1900, 1, 1)}):
        scanned = [p for p in dated if in_force(p[3], p[4], day)]
        assert phases_on(Context(transfer, day, ref), day) == scanned, day


def test_the_phases_a_check_looks_at_include_every_phase_that_reaches_a_party() -> None:
    from armscheck.api import load_transfer
    from armscheck.facts import Context
    from armscheck.families.un_embargo import sellers
    from armscheck.families.un_embargo.names import groups_matched
    from armscheck.families.un_embargo.scope import _target, phases_for, phases_on

    ref = load_checker().rulebook.reference
    root = Path(__file__).resolve().parents[1] / "scenarios"
    seen = 0
    for path in sorted(root.rglob("*.yaml")):
        transfer = load_transfer(path, ref)
        for day in (transfer.date, DAY(1995, 1, 1), DAY(2012, 6, 1), DAY(2026, 1, 1)):
            ctx = Context(transfer, day, ref)
            groups = groups_matched(ctx, day)
            reach = [
                p
                for p in phases_on(ctx, day)
                if _target(ctx, p[0], p[2], groups) or sellers.route(ctx, p[0])
            ]
            looked = phases_for(ctx, day, bool(groups))
            assert [p for p in looked if p in reach] == reach, (path.name, day)
            seen += len(reach)
    assert seen > 100


def test_a_ban_routes_as_its_copy_does_whose_reach_is_worked_out_afresh() -> None:
    from armscheck.api import load_transfer
    from armscheck.facts import Context
    from armscheck.families.un_embargo import sellers

    ref = load_checker().rulebook.reference
    bans = [
        e
        for e in ref.get("un-embargoes").data.get("embargoes") or []
        if e.get("direction") == "export"
    ]
    root = Path(__file__).resolve().parents[1] / "scenarios"
    routed = 0
    for path in sorted(root.rglob("*.yaml")):
        transfer = load_transfer(path, ref)
        for day in (transfer.date, DAY(2012, 6, 1)):
            for ban in bans:
                # a copy is not the list's own object: its reach is worked out, not looked up
                kept = sellers.route(Context(transfer, day, ref), ban)
                assert kept == sellers.route(Context(transfer, day, ref), dict(ban)), path.name
                routed += kept is not None
    assert routed > 5
