"""CAATSA family: §231 (Russia's defence and intelligence sectors) and §107 (Iran arms)."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from armscheck.api import load_checker, read_transfer
from armscheck.checker import Checker
from armscheck.facts import Context, Fact
from armscheck.families import caatsa
from armscheck.families.register import register_category
from armscheck.screening import normalise
from armscheck.transfer.model import Transfer
from armscheck.verdict import Verdict
from conftest import changes_lifted

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "scenarios" / "seeds"
EXPOSURE_RULES = {"caatsa/listed-counterparty", "caatsa/russian-state-arms-trade"}


def base(**over: Any) -> dict[str, Any]:
    """Russia sells an S-300 to Iraq's government in 2020 (the seed), with overrides."""
    data: dict[str, Any] = {
        "name": "Test transfer",
        "date": "2020-01-27",
        "supplier": {"country": "RU", "entities": []},
        "recipient": {
            "country": "IQ",
            "end_user": "Iraqi Ministry of Defence",
            "end_user_type": "government",
            "entities": [],
        },
        "items": [
            {
                "description": "S-300 long-range surface-to-air missile system",
                "category": "air-defence-system",
                "quantity": 1,
                "value_usd": "500m",
            }
        ],
    }
    for path, value in over.items():
        data = edit(data, path.replace("__", "."), value)
    return data


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def edit(data: Any, path: str, value: Any) -> Any:
    """A copy of ``data`` with ``path`` (e.g. ``items[0].category``) set to ``value``."""
    out = copy.deepcopy(data)
    steps: list[str | int] = [int(i) if i else k for k, i in _STEP.findall(path)]
    node = out
    for step in steps[:-1]:
        node = node[step]
    if value is None:
        node.pop(steps[-1], None)
    else:
        node[steps[-1]] = value
    return out


def checker() -> Checker:
    return load_checker()


def load(data: dict[str, Any] | str) -> Transfer:
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    return read_transfer(text, "t.yaml", checker().rulebook.reference)


def check(data: dict[str, Any] | str, as_of: dt.date | None = None) -> Verdict:
    return checker().check(load(data), as_of)


def facts(data: dict[str, Any], kind: str | None = None) -> list[Fact]:
    t = load(data)
    out = [f for f in caatsa.build(Context(t, t.date, checker().rulebook.reference))]
    return [f for f in out if kind is None or f.kind == kind]


def fired(v: Verdict) -> set[str]:
    """Every caatsa rule that fired, notes included (not the note on unimported lists)."""
    ids = {f.rule for f in v.findings if f.family == "caatsa"}
    notes = {n.split(":", 1)[0] for n in v.notes if n.startswith("caatsa/")}
    return ids | (notes - {"caatsa/official-list-missing"})


def finding(v: Verdict, rule: str) -> Any:
    found = [f for f in v.findings if f.rule == rule]
    assert found, f"{rule} did not fire: {fired(v)}"
    return found[0]


def note(v: Verdict, rule: str) -> str:
    found = [n for n in v.notes if n.startswith(rule + ":")]
    assert found, f"no note from {rule}: {v.notes}"
    return found[0]


def assert_changes_hold(data: dict[str, Any]) -> int:
    """Apply every Change each caatsa finding proposes; its rule must stop firing."""
    return changes_lifted(check, data, "caatsa")


# ---------------------------------------------------------------- seeds and the cases


def test_seed_2012_is_clear_with_pre_enactment_note() -> None:
    v = checker().check_file(str(SEEDS / "iraq-russia-mi28-pantsir-2012.yaml"))
    assert v.families["caatsa"] == "clear"
    text = note(v, "caatsa/pre-enactment")
    assert "2012-10-10" in text and "2 Aug 2017" in text
    assert "Rosoboronexport (put on the list of specified persons on 2017-10-27" in text
    assert "delivery or payment" in text


def test_seed_2020_s300_is_exposure() -> None:
    v = checker().check_file(str(SEEDS / "iraq-russia-s300-2020.yaml"))
    assert v.families["caatsa"] == "exposure"
    f = finding(v, "caatsa/russian-state-arms-trade")
    assert "S-300" in f.why and "$500.0m" in f.why
    assert "Iraqi Ministry of Defence (Iraq), the buyer" in f.why
    assert "Iraq over" in f.why  # the Iraq warning precedent is cited
    assert any("not exhaustive" in a for a in f.assumptions)
    assert "transaction by transaction" in f.advice


def test_seed_iran_2014_is_clear_with_107_note() -> None:
    v = checker().check_file(str(SEEDS / "iraq-iran-arms-2014.yaml"))
    assert v.families["caatsa"] == "clear"
    assert "predates CAATSA §107" in note(v, "caatsa/iran-pre-enactment")


def test_seed_t129_is_clear() -> None:
    v = checker().check_file(str(SEEDS / "iraq-turkey-t129-2021.yaml"))
    assert v.families["caatsa"] == "clear"
    assert not fired(v)


def turkey(date: str, entities: list[str]) -> dict[str, Any]:
    return base(
        date=date,
        supplier__entities=["Rosoboronexport"],
        recipient__country="TR",
        recipient__end_user="Turkish Armed Forces",
        recipient__entities=entities,
        **{"items[0].description": "S-400 Triumf", "items[0].value_usd": "2.5bn"},
    )


def test_turkey_s400_exposure_in_2019_sanctioned_after_designation() -> None:
    assert check(turkey("2019-07-12", ["SSB"])).families["caatsa"] == "exposure"
    assert check(turkey("2021-03-01", ["SSB"])).families["caatsa"] == "sanctioned"


@pytest.mark.parametrize(
    ("date", "outcome"), [("2020-12-13", "exposure"), ("2020-12-14", "sanctioned")]
)
def test_ssb_designation_day_boundary(date: str, outcome: str) -> None:
    v = check(turkey(date, ["Presidency of Defence Industries"]))
    assert v.families["caatsa"] == outcome
    assert ("caatsa/designated-party" in fired(v)) == (outcome == "sanctioned")


@pytest.mark.parametrize(
    ("date", "outcome"), [("2018-09-19", "exposure"), ("2018-09-20", "sanctioned")]
)
def test_edd_designation_day_boundary(date: str, outcome: str) -> None:
    data = base(date=date, supplier__entities=["Rosoboronexport"], recipient__country="CN")
    data = edit(data, "recipient.entities", ["General Armaments Department"])
    assert check(data).families["caatsa"] == outcome


def test_designation_does_not_carry_over_to_other_buyers_of_the_same_country() -> None:
    v = check(turkey("2021-03-01", []))
    assert v.families["caatsa"] == "exposure"
    assert "caatsa/designated-party" not in fired(v)


def test_designated_seller_of_non_russian_goods_gives_a_note_only() -> None:
    data = base(
        date="2021-08-27",
        supplier__country="TR",
        supplier__entities=["SSB"],
        **{"items[0].category": "attack-helicopter", "items[0].description": "T129"},
    )
    v = check(data)
    assert v.families["caatsa"] == "clear"
    assert "is not a transaction in which it deals with Russia" in note(
        v, "caatsa/designation-unrelated"
    )
    assert "caatsa/designated-party" not in fired(v)


def test_designation_note_silent_when_party_is_in_a_russia_deal() -> None:
    v = check(turkey("2021-03-01", ["SSB"]))
    assert "caatsa/designation-unrelated" not in fired(v)
    f = finding(v, "caatsa/designated-party")
    assert "Presidency of Defense Industries ('SSB')" in f.why
    assert "2020-12-14" in f.why
    assert "§236(b)" in f.advice


def test_designated_seller_when_russia_buys() -> None:
    data = base(
        date="2019-06-01",
        supplier__country="CN",
        supplier__entities=["EDD"],
        recipient__country="RU",
        recipient__end_user="Russian Ministry of Defence",
    )
    v = check(data)
    f = finding(v, "caatsa/designated-party")
    assert "on the seller side" in f.why


# ---------------------------------------------------------------- enactment and listing dates


@pytest.mark.parametrize(
    ("date", "rule"),
    [("2017-08-01", "caatsa/pre-enactment"), ("2017-08-02", "caatsa/russian-state-arms-trade")],
)
def test_enactment_boundary(date: str, rule: str) -> None:
    v = check(base(date=date))
    assert fired(v) == {rule}
    assert v.families["caatsa"] == ("clear" if rule.endswith("pre-enactment") else "exposure")


@pytest.mark.parametrize(
    ("date", "later"),
    [("2017-08-02", True), ("2017-10-26", True), ("2017-10-27", False)],
)
def test_listed_person_counts_from_enactment(date: str, later: bool) -> None:
    v = check(base(date=date, supplier__entities=["Rosoboronexport"]))
    assert fired(v) & EXPOSURE_RULES == {"caatsa/listed-counterparty"}
    f = finding(v, "caatsa/listed-counterparty")
    said = [a for a in f.assumptions if "only on 2017-10-27" in a]
    assert bool(said) == later
    if later:
        assert "sector exists from CAATSA's enactment (2017-08-02)" in said[0]
        assert "put on the list of specified persons on 2017-10-27" in f.why
    assert all("2017-10-2" not in c.text for c in f.changes)
    assert [c.edits for c in f.changes] == [(("date", "2017-08-01"),)]


@pytest.mark.parametrize(("date", "outcome"), [("2017-08-01", "clear"), ("2017-08-02", "exposure")])
def test_dual_use_to_a_later_listed_entity(date: str, outcome: str) -> None:
    data = base(
        date=date,
        supplier__entities=["KnAAPO"],
        **{"items[0].category": "dual-use", "items[0].description": "Machine tools"},
    )
    v = check(data)
    assert v.families["caatsa"] == outcome
    if outcome == "exposure":
        f = finding(v, "caatsa/listed-counterparty")
        assert "dual-use" in f.why
        assert any("only on 2018-09-20" in a for a in f.assumptions)
    else:
        assert "caatsa/pre-enactment" in fired(v)


@pytest.mark.parametrize(
    ("date", "said"), [("2017-08-02", True), ("2018-01-28", True), ("2018-01-29", False)]
)
def test_sanctions_could_first_be_imposed_on_29_jan_2018(date: str, said: bool) -> None:
    """§231(a): sanctions from 180 days after enactment, for transactions from enactment."""
    f = finding(check(base(date=date)), "caatsa/russian-state-arms-trade")
    assert ("could be imposed only from 2018-01-29" in f.why) == said
    assert f.outcome == "exposure"  # the transaction counts either way


@pytest.mark.parametrize(("date", "said"), [("2018-08-12", True), ("2018-08-13", False)])
def test_the_231d_waiver_exists_from_13_aug_2018(date: str, said: bool) -> None:
    """The FY2019 NDAA (13 Aug 2018) added the transaction-specific §231(d) waiver."""
    f = finding(check(base(date=date)), "caatsa/russian-state-arms-trade")
    assert ("did not exist yet (added on 2018-08-13" in f.advice) == said
    assert "A §231(d) waiver is transaction by transaction" in f.advice


def test_as_of_overrides_the_file_date() -> None:
    data = base(date="2012-10-10")
    assert check(data).families["caatsa"] == "clear"
    assert check(data, dt.date(2020, 1, 1)).families["caatsa"] == "exposure"


# ---------------------------------------------------------------- name matching


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        ("Rosoboronexport", "Rosoboronexport"),
        ("Rosoboroneksport", "Rosoboronexport"),
        ("JSC Rosoboronexport", "Rosoboronexport"),
        ("Rosoboronexport JSC", "Rosoboronexport"),
        ("Рособоронэкспорт", "Rosoboronexport"),
        ("Almaz-Antei", "Almaz-Antey"),
        ("ALMAZ ANTEY", "Almaz-Antey"),
        ("Instrument Design Bureau", "KBP Instrument Design Bureau"),
        ("Tula Instrument Design Bureau (KBP)", "KBP Instrument Design Bureau"),  # word order
        ("Sukhoy", "Sukhoi Aviation JSC"),
        ("Sukhoj", "Sukhoi Aviation JSC"),
        ("Rosoboron Export", "Rosoboronexport"),
        ("Rosboronexport", "Rosoboronexport"),
        ("Ural Vagon Zavod", "Research and Production Corporation Uralvagonzavod"),
        ("UralVagonZavod Corporation", "Research and Production Corporation Uralvagonzavod"),
        ("United Aircraft Corp.", "United Aircraft Corporation"),
        ("United Aircraft Building Corporation", "United Aircraft Corporation"),
        ("Tactical Missiles Corp.", "Tactical Missiles Corporation JSC"),
        ("United Shipbuilding Corp.", "United Shipbuilding Corporation"),
    ],
)
def test_aliases_and_transliterations_match_exactly(name: str, entry: str) -> None:
    data = base(date="2019-01-10", supplier__entities=[name])
    (fact,) = facts(data, "caatsa-russia-deal")
    assert fact.fields["basis"] == "listed"
    assert str(fact.fields["counterparty"]).startswith(entry)
    assert not any("was taken to be" in a for a in fact.assumptions)


@pytest.mark.parametrize(("name", "entry"), [("ROE", "Rosoboronexport"), ("KBP", "KBP")])
def test_an_acronym_matches_exactly_in_its_own_country_and_says_so(name: str, entry: str) -> None:
    data = base(date="2019-01-10", supplier__entities=[name])
    (fact,) = facts(data, "caatsa-russia-deal")
    assert fact.fields["basis"] == "listed"
    assert str(fact.fields["counterparty"]).startswith(entry)
    assert any(f"acronym '{name}' of a party in RU" in a for a in fact.assumptions)


def test_partial_name_match_counts_and_is_reported() -> None:
    data = base(date="2019-01-10", supplier__entities=["KBP Instrument Design Bureau sales arm"])
    (fact,) = facts(data, "caatsa-russia-deal")
    assert fact.fields["basis"] == "listed"
    assert any(
        "was taken to be KBP Instrument Design Bureau: a possible match" in a
        for a in fact.assumptions
    )
    (match,) = fact.matches
    assert match.match == "possible" and 0.86 <= match.score < 1


def test_short_alias_inside_a_foreign_name_does_not_match() -> None:
    data = base(
        date="2019-01-10",
        supplier__country="GB",
        supplier__entities=["OAK Holdings Ltd"],
        **{"items[0].category": "radar-and-sensors"},
    )
    assert facts(data, "caatsa-russia-deal") == []
    # on the Russian side the same acronym is taken, with an assumption
    ru = edit(data, "supplier.country", "RU")
    (fact,) = facts(ru, "caatsa-russia-deal")
    assert fact.fields["basis"] == "listed"
    assert any("contains the acronym 'OAK'" in a for a in fact.assumptions)


def test_name_keys() -> None:
    assert normalise("Rosoboronexport").flat == normalise("Rosoboroneksport").flat
    assert normalise("Almaz-Antey").flat == normalise("Almaz Antei").flat
    assert normalise("OAO Rosoboronexport").flat == normalise("Rosoboronexport").flat


# ---------------------------------------------------------------- §231 without a named entity


def test_no_entity_named_still_exposure() -> None:
    v = check(base())
    f = finding(v, "caatsa/russian-state-arms-trade")
    assert "seller not named" in f.why
    assert "caatsa/listed-counterparty" not in fired(v)


def test_dual_use_only_from_russia_with_no_listed_entity_is_clear_with_a_note() -> None:
    data = base(
        supplier__entities=["VSMPO-AVISMA"],
        recipient__end_user="Boeing",
        recipient__end_user_type="non-state",
        **{"items[0].category": "dual-use", "items[0].description": "Titanium forgings"},
    )
    v = check(data)
    assert v.families["caatsa"] == "clear"
    assert fired(v) == {"caatsa/russian-dual-use-seller"}
    text = note(v, "caatsa/russian-dual-use-seller")
    assert "VSMPO-AVISMA sells only dual-use items (Titanium forgings)" in text
    assert "not on the §231 list" in text
    # a military item, or a listed seller, and the note gives way to a finding
    military = edit(data, "items[0].category", "armoured-combat-vehicle")
    assert "caatsa/russian-dual-use-seller" not in fired(check(military))
    listed = edit(data, "supplier.entities", ["Rostec"])
    assert fired(check(listed)) == {"caatsa/listed-counterparty"}


def test_russian_government_buyer_of_dual_use_is_the_defence_sector() -> None:
    data = base(
        date="2022-08-15",
        supplier__country="CN",
        supplier__entities=["Fujian Nanan Baofeng Electronic"],
        recipient__country="RU",
        recipient__end_user="Ministry of Defence of the Russian Federation",
        **{"items[0].category": "dual-use", "items[0].description": "Telescoping antennas"},
    )
    v = check(data)
    f = finding(v, "caatsa/russian-state-arms-trade")
    assert "the Russian armed forces (Ministry of Defence of the Russian Federation)" in f.why
    assert "dual-use" in f.why
    assert any("whatever the items bought" in a for a in f.assumptions)
    assert "recipient.end_user" in {e.path for e in f.evidence}


def test_non_russian_supplier_with_no_listed_entity_is_clear() -> None:
    v = check(base(supplier__country="FR"))
    assert v.families["caatsa"] == "clear" and not fired(v)


def test_russia_buying_exposes_the_seller_with_assumptions() -> None:
    data = base(
        date="2022-08-19",
        supplier__country="BY",
        supplier__entities=["Minsk Wheeled Tractor Plant"],
        recipient__country="RU",
        recipient__end_user="Russian Ministry of Defence",
        **{"items[0].category": "armoured-combat-vehicle"},
    )
    data["recipient"].pop("end_user_type")
    v = check(data)
    f = finding(v, "caatsa/russian-state-arms-trade")
    assert "Minsk Wheeled Tractor Plant (Belarus), the seller, deals" in f.why
    assert any("assumed 'government'" in a for a in f.assumptions)


def test_russian_non_state_buyer_is_not_inferred() -> None:
    data = base(
        date="2022-08-19",
        supplier__country="BY",
        recipient__country="RU",
        recipient__end_user="A private security firm",
        recipient__end_user_type="non-state",
    )
    assert facts(data, "caatsa-russia-deal") == []


@pytest.mark.parametrize(
    ("end_user_type", "end_user", "outcome", "note_fires"),
    [
        ("non-state", "A private security firm", "clear", True),
        ("private-security-company", "A private security firm", "clear", True),
        ("armed-group", "A volunteer battalion", "clear", True),
        ("non-state", "PMC Wagner", "exposure", False),  # listed from 20 Sep 2018
        ("government", "Russian Ministry of Defence", "exposure", False),
        ("sub-national-forces", "Chechen Republic police", "exposure", False),
    ],
)
def test_a_russian_private_buyer_gets_a_note_not_a_silent_clear(
    end_user_type: str, end_user: str, outcome: str, note_fires: bool
) -> None:
    """§231(e): the list is not exhaustive; a private buyer is assumed outside the sector, aloud."""
    data = base(
        date="2019-06-03",
        supplier__country="RS",
        supplier__entities=["Zastava Arms"],
        recipient__country="RU",
        recipient__end_user=end_user,
        recipient__end_user_type=end_user_type,
        **{"items[0].category": "small-arms", "items[0].description": "Assault rifles"},
    )
    v = check(data)
    assert v.families["caatsa"] == outcome
    assert ("caatsa/russian-private-buyer" in fired(v)) == note_fires
    if note_fires:
        assert "is not on the §231 list" in note(v, "caatsa/russian-private-buyer")
        assert_changes_hold(data)
        (fact,) = facts(data, "caatsa-russian-private-buyer")
        (c,) = fact.changes
        assert c.edits == (("recipient.end_user_type", "government"),)
        assert check(edit(data, "recipient.end_user_type", "government")).families["caatsa"] == (
            "exposure"
        )


def test_a_russian_private_buyer_of_dual_use_items_only_gets_no_note() -> None:
    data = base(
        date="2019-06-03",
        supplier__country="RS",
        recipient__country="RU",
        recipient__end_user="A private firm",
        recipient__end_user_type="non-state",
        **{"items[0].category": "dual-use", "items[0].description": "Machine tools"},
    )
    assert "caatsa/russian-private-buyer" not in fired(check(data))


def test_intelligence_counterparty_closes_the_waiver() -> None:
    data = base(
        date="2019-03-01",
        supplier__country="BY",
        recipient__country="RU",
        recipient__end_user="FSB",
        **{"items[0].category": "electronic-warfare"},
    )
    v = check(data)
    f = finding(v, "caatsa/listed-counterparty")
    assert "intelligence sector" in f.why
    assert "It is not available here: Federal Security Service (FSB)" in f.advice
    assert "cyber intrusions" in f.advice and "§236(b)" in f.advice
    defence = finding(check(base()), "caatsa/russian-state-arms-trade")
    assert "not available" not in defence.advice
    assert "Each later delivery or payment needs its own waiver" in defence.advice
    for advice in (f.advice, defence.advice):
        assert len(advice) <= 620  # about six lines


def test_other_intelligence_entry_is_not_barred_outright() -> None:
    data = base(
        date="2019-03-01",
        supplier__country="AE",
        supplier__entities=["Gulf vendor"],
        recipient__country="RU",
        recipient__end_user="Internet Research Agency",
        **{"items[0].category": "dual-use", "items[0].description": "Servers"},
    )
    f = finding(check(data), "caatsa/listed-counterparty")
    assert "the waiver is closed only if it directly participated" in f.advice
    assert "not available" not in f.advice
    assert "purely civilian" not in f.why  # no civilian-end-use comfort for the intelligence sector


def test_unnamed_seller_is_named_once() -> None:
    data = base(
        date="2023-10-13",
        supplier__country="KP",
        recipient__country="RU",
        recipient__end_user="Russian Ministry of Defence",
        **{"items[0].category": "ammunition", "items[0].description": "152 mm shells"},
    )
    f = finding(check(data), "caatsa/russian-state-arms-trade")
    assert "On 2023-10-13, the seller (North Korea) deals with the Russian armed forces" in f.why


# ---------------------------------------------------------------- significance wording


@pytest.mark.parametrize(("value", "high"), [("10m", True), ("9999999", False)])
def test_value_indicator_boundary_never_clears(value: str, high: bool) -> None:
    data = base(**{"items[0].description": "Air defence radar", "items[0].value_usd": value})
    v = check(data)
    f = finding(v, "caatsa/russian-state-arms-trade")
    assert ("is high" in f.why) == high
    assert ("Nothing here marks it as significant" in f.why) == (not high)
    assert v.families["caatsa"] == "exposure"
    assert any("not a legal threshold" in a for a in f.assumptions)


def test_catalogue_system_counts_as_advanced() -> None:
    data = base(**{"items[0].description": "Battalion set", "items[0].system": "S-300PMU-2"})
    f = finding(check(data), "caatsa/russian-state-arms-trade")
    assert "advanced system (S-300)" in f.why


def test_sustainment_wording() -> None:
    data = base(**{"items[0].category": "spare-parts", "items[0].value_usd": "2m"})
    data["items"][0]["description"] = "Spare parts for Mi-17 helicopters"
    f = finding(check(data), "caatsa/russian-state-arms-trade")
    assert "sustainment" in f.why


def test_precedents_are_dated() -> None:
    early = finding(check(base(date="2018-01-10")), "caatsa/russian-state-arms-trade")
    assert "No §231 sanction had been imposed by this date" in early.why
    late = finding(check(base(date="2021-06-01")), "caatsa/russian-state-arms-trade")
    assert "China over Su-35, S-400 (sanctioned, 2018-09-20)" in late.why
    assert "Türkiye over S-400 (sanctioned, 2020-12-14)" in late.why
    s400 = base(date="2021-06-01", recipient__country="DZ")
    s400["items"][0]["description"] = "S-400"
    why = finding(check(s400), "caatsa/russian-state-arms-trade").why
    assert "India over S-400 (not sanctioned, 2018-10-05)" in why
    # an absence of sanctions is not known on the day itself; a sanction is
    on_day = finding(check(edit(s400, "date", "2018-10-05")), "caatsa/russian-state-arms-trade")
    assert "India" not in on_day.why
    after = finding(check(edit(s400, "date", "2018-10-06")), "caatsa/russian-state-arms-trade")
    assert "India over S-400 (not sanctioned, 2018-10-05)" in after.why
    edd = finding(check(edit(s400, "date", "2018-09-20")), "caatsa/russian-state-arms-trade")
    assert "China over Su-35, S-400 (sanctioned, 2018-09-20)" in edd.why
    su35 = base(date="2022-06-01", recipient__country="DZ")
    su35["items"][0].update(description="Su-35", category="combat-aircraft")
    why = finding(check(su35), "caatsa/russian-state-arms-trade").why
    assert "Egypt over Su-35" in why and "Indonesia over Su-35" in why


# ---------------------------------------------------------------- §107


def iran(**over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "date": "2023-11-28",
        "recipient__country": "IR",
        "recipient__end_user": "Islamic Republic of Iran Air Force",
        "items[0].category": "combat-aircraft",
        "items[0].description": "Su-35",
    }
    return base(**{**fields, **over})


@pytest.mark.parametrize(
    ("category", "covered"),
    [
        ("combat-aircraft", True),
        ("armed-uav", True),
        ("warship", True),
        ("missile", True),
        ("spare-parts", True),
        ("training", True),
        ("air-defence-system", False),
        ("small-arms", False),
        ("ammunition", True),  # related materiel of Register systems, stated as an assumption
        ("dual-use", False),
    ],
)
def test_107_categories(category: str, covered: bool) -> None:
    v = check(iran(**{"items[0].category": category}))
    assert ("caatsa/iran-arms" in fired(v)) == covered
    assert ("caatsa/iran-outside-scope" in fired(v)) == (not covered)


def test_107_related_materiel_is_an_assumption() -> None:
    v = check(iran(**{"items[0].category": "spare-parts"}))
    f = finding(v, "caatsa/iran-arms")
    assert "related materiel" in f.why
    assert any("taken to be related materiel" in a for a in f.assumptions)


@pytest.mark.parametrize(
    ("category", "serves", "description", "covered", "assumed"),
    [
        ("ammunition", "battle-tank", "125 mm tank rounds", True, False),
        ("ammunition", "large-calibre-artillery", "152 mm shells", True, False),
        ("ammunition", "small-arms", "7.62 mm cartridges", False, False),
        ("spare-parts", "air-defence-system", "S-300 launcher spares", False, False),
        ("spare-parts", "light-weapons", "Igla MANPADS seeker spares", True, False),
        ("radar-and-sensors", "combat-aircraft", "fighter fire-control radar", True, False),
        ("dual-use", "armed-uav", "piston engines", True, True),
        ("dual-use", "small-arms", "machine tools", False, False),
        ("training", "combat-aircraft", "pilot training", True, False),
    ],
)
def test_107_a_stated_serves_category_decides(
    category: str, serves: str, description: str, covered: bool, assumed: bool
) -> None:
    """§107(a)(1): related materiel of the Register weapons; the weapon served decides."""
    over = {
        "items[0].category": category,
        "items[0].description": description,
        "items[0].serves_category": serves,
    }
    v = check(iran(**over))
    assert ("caatsa/iran-arms" in fired(v)) == covered
    assert ("caatsa/iran-outside-scope" in fired(v)) == (not covered)
    if covered:
        f = finding(v, "caatsa/iran-arms")
        assert not any("taken to be related materiel for arms" in a for a in f.assumptions)
        assert any("is dual-use but stated to serve" in a for a in f.assumptions) == assumed
        assert not any("serves_category" in str(c.edits) for c in f.changes)
    else:
        assert f"the weapon it serves ({serves})" in note(v, "caatsa/iran-outside-scope")


def test_107_unstated_weapon_gives_the_counterfactual() -> None:
    v = check(iran(**{"items[0].category": "ammunition", "items[0].description": "rounds"}))
    f = finding(v, "caatsa/iran-arms")
    (c,) = [c for c in f.changes if "serves_category" in str(c.edits)]
    assert c.edits == (("items[0].serves_category", "small-arms"),)
    assert_changes_hold(iran(**{"items[0].category": "ammunition", "items[0].description": "x"}))


def test_107_from_iran_and_both_sections() -> None:
    data = base(
        date="2022-08-19",
        supplier__country="IR",
        recipient__country="RU",
        recipient__end_user="Russian Aerospace Forces",
        **{"items[0].category": "armed-uav", "items[0].description": "Shahed-136"},
    )
    v = check(data)
    assert {"caatsa/iran-arms", "caatsa/russian-state-arms-trade"} <= fired(v)
    assert "arms move from Iran" in finding(v, "caatsa/iran-arms").why


@pytest.mark.parametrize(
    ("date", "rule"),
    [("2017-08-01", "caatsa/iran-pre-enactment"), ("2017-08-02", "caatsa/iran-arms")],
)
def test_107_enactment_boundary(date: str, rule: str) -> None:
    v = check(iran(date=date))
    assert rule in fired(v)
    other = "caatsa/iran-arms" if rule.endswith("pre-enactment") else "caatsa/iran-pre-enactment"
    assert other not in fired(v)


def test_107_no_fact_without_iran() -> None:
    assert facts(base(), "caatsa-iran-transfer") == []


@pytest.mark.parametrize(
    ("category", "description", "register"),
    [
        ("light-weapons", "Misagh-2 man-portable air-defence system", "VII"),
        ("light-weapons", "9K38 Igla launchers", "VII"),
        ("air-defence-system", "FN-6 MANPADS", "VII"),
        ("air-defence-system", "QW-18 missiles", "VII"),
        ("air-defence-system", "S-300PMU2 battalion", None),
        ("air-defence-system", "9K35 Strela-10 vehicles", None),
        ("light-weapons", "RPG-7 launchers", None),
        ("small-arms", "Stinger-branded rifle scopes", None),
        ("missile", "Fath-360", "VII"),
        ("combat-aircraft", "Yak-130", "IV"),
    ],
)
def test_register_category(category: str, description: str, register: str | None) -> None:
    data = iran(**{"items[0].category": category, "items[0].description": description})
    item = load(data).items[0]
    assert register_category(item, checker().rulebook.reference.categories) == register


def test_107_manpads_are_register_vii() -> None:
    data = iran(
        date="2020-02-09",
        supplier__country="IR",
        recipient__country="YE",
        recipient__end_user="Houthis",
        recipient__end_user_type="non-state",
        **{"items[0].category": "light-weapons", "items[0].description": "Misagh-2 MANPADS"},
    )
    f = finding(check(data), "caatsa/iran-arms")
    assert "Misagh-2 MANPADS (UN Register category VII)" in f.why
    assert any("DC/2880" in c.instrument for c in f.citations)
    plain = edit(data, "items[0].description", "Dehlavieh anti-tank guided missiles")
    assert fired(check(plain)) == {"caatsa/iran-outside-scope"}


@pytest.mark.parametrize(
    ("system", "covered"), [("s-300pmu-2", False), ("s-400", False), (None, True)]
)
def test_107_spare_parts_for_an_uncovered_system(system: str | None, covered: bool) -> None:
    data = iran(
        supplier__country="BY",
        **{"items[0].category": "spare-parts", "items[0].description": "Radar spare parts"},
    )
    if system:
        data = edit(data, "items[0].system", system)
    v = check(data)
    assert ("caatsa/iran-arms" in fired(v)) == covered
    if not covered:
        text = note(v, "caatsa/iran-outside-scope")
        assert "a system outside the Register categories" in text


@pytest.mark.parametrize(
    ("category", "to_iran", "covered"),
    [
        ("defense-services", True, True),
        ("training", True, True),
        ("defense-services", False, False),
        ("training", False, False),
        ("spare-parts", False, True),
    ],
)
def test_107_services_count_only_when_provided_to_iran(
    category: str, to_iran: bool, covered: bool
) -> None:
    over: dict[str, Any] = {"items[0].category": category, "supplier__country": "BY"}
    if not to_iran:
        over.update(supplier__country="IR", recipient__country="SY", recipient__end_user="SAA")
    v = check(iran(**{**over, "items[0].description": "MiG-29 overhaul"}))
    assert ("caatsa/iran-arms" in fired(v)) == covered
    if covered and category != "spare-parts":
        f = finding(v, "caatsa/iran-arms")
        assert "training or services provided to Iran, §107(a)(2)" in f.why
    if not covered:
        assert "provided by Iran, not materiel" in note(v, "caatsa/iran-outside-scope")


@pytest.mark.parametrize(
    ("end_user", "indirect"),
    [
        ("Iran Aircraft Manufacturing Industrial Company (HESA), Iran", True),
        ("HESA", True),
        ("Iranian Ministry of Defence", True),
        ("IRGC Aerospace Force", True),
        ("Hesa Trading of Kowloon", False),  # an acronym inside a foreign name does not match
        ("Hong Kong Aviation Parts Ltd", False),
    ],
)
def test_107_indirect_supply_through_a_third_country(end_user: str, indirect: bool) -> None:
    data = iran(
        date="2023-03-09",
        supplier__country="CN",
        recipient__country="HK",
        recipient__end_user=end_user,
        recipient__entities=["Raven International Trade"],
        **{"items[0].category": "spare-parts", "items[0].description": "UAV engine parts"},
    )
    v = check(data)
    assert ("caatsa/iran-arms" in fired(v)) == indirect
    if indirect:
        f = finding(v, "caatsa/iran-arms")
        assert "arms move to Iran" in f.why
        assert any("directly or indirectly (§107(a))" in a for a in f.assumptions)
        assert "recipient.end_user" in {e.path for e in f.evidence}
    else:
        assert facts(data, "caatsa-iran-transfer") == []


def test_107_advice_names_the_112_waiver_and_the_107d_exception() -> None:
    f = finding(check(iran()), "caatsa/iran-arms")
    assert "§112 (22 U.S.C. 9411)" in f.advice and "180 days" in f.advice
    assert "renewable" in f.advice and "§107(d)" in f.advice
    assert f.citations[0].instrument.startswith("22 U.S.C. 9406")
    assert any(c.instrument.startswith("22 U.S.C. 9411") for c in f.citations)


# ---------------------------------------------------------------- evidence, facts, changes

EVIDENCE_YAML = """\
name: Evidence lines
date: 2019-07-12
supplier:
  country: RU
  entities:
    - Almaz-Antei
recipient:
  country: TR
  end_user: Turkish Armed Forces
  entities:
    - SSB
items:
  - description: S-400
    category: air-defence-system
    value_usd: 2.5bn
"""


def test_evidence_lines() -> None:
    v = check(EVIDENCE_YAML)
    f = finding(v, "caatsa/listed-counterparty")
    got = {(e.path, e.line) for e in f.evidence}
    assert got == {
        ("date", 2),
        ("supplier.entities[0]", 6),
        ("recipient.end_user", 9),
        ("items[0]", 13),
    }
    later = check(EVIDENCE_YAML.replace("2019-07-12", "2021-01-05"))
    s = finding(later, "caatsa/designated-party")
    assert ("recipient.entities[0]", 11) in {(e.path, e.line) for e in s.evidence}


def test_fact_fields_are_declared_and_typed() -> None:
    data = turkey("2021-03-01", ["SSB"])
    got = facts(data)
    kinds = {k.kind: k for k in caatsa.FAMILY.kinds}
    for fact in got:
        assert set(fact.fields) == set(kinds[fact.kind].fields)
    (deal,) = [f for f in got if f.kind == "caatsa-russia-deal"]
    assert deal.fields["exposed_role"] == "buyer"
    assert deal.fields["designated"] is True
    assert deal.fields["designated_since"] == "2020-12-14"
    (des,) = [f for f in got if f.kind == "caatsa-designated-party"]
    assert des.fields["russia_deal"] is True


def test_citations_pinpoint_the_statute_and_the_list_entry() -> None:
    f = finding(check(turkey("2019-07-12", [])), "caatsa/listed-counterparty")
    instruments = [c.instrument for c in f.citations]
    assert instruments[0] == "22 U.S.C. 9525(a) (CAATSA §231(a))"
    assert any(c.instrument == "CAATSA §231 list of specified persons" for c in f.citations)


@pytest.mark.parametrize(
    "data",
    [base(), base(date="2021-06-01"), turkey("2019-07-12", []), turkey("2021-03-01", ["SSB"])],
)
def test_citations_put_the_statute_first_without_duplicates_or_weak_sources(
    data: dict[str, Any],
) -> None:
    for f in check(data).findings:
        if f.family != "caatsa":
            continue
        urls = [c.url for c in f.citations]
        assert f.citations[0].instrument.startswith("22 U.S.C. 9525")
        statute = [c for c in f.citations if "U.S.C." in c.instrument.split("(")[0]]
        assert f.citations[: len(statute)] == tuple(statute)
        assert not any("print-search" in u or "checkpointasia" in u for u in urls)
        fact_urls = [u for u in urls if "law.cornell.edu" not in u and "state.gov" not in u]
        assert len(fact_urls) == len(set(fact_urls))


@pytest.mark.parametrize(
    "data",
    [
        base(),
        turkey("2019-07-12", ["SSB"]),
        turkey("2021-03-01", ["SSB"]),
        iran(),
        iran(**{"items[0].category": "spare-parts"}),
    ],
    ids=["inferred", "listed", "sanctioned", "iran", "iran-related"],
)
def test_every_proposed_change_holds(data: dict[str, Any]) -> None:
    assert assert_changes_hold(data) >= 1


def test_change_dates() -> None:
    t = load(turkey("2021-03-01", ["SSB"]))
    dates = caatsa.change_dates(Context(t, t.date, checker().rulebook.reference))
    assert (
        dt.date(2017, 10, 27),
        "Rosoboronexport added to the CAATSA §231 list of specified persons",
    ) in dates
    assert any(d == dt.date(2020, 12, 14) and "designated" in label for d, label in dates)
    none = load(base())
    assert caatsa.change_dates(Context(none, none.date, checker().rulebook.reference)) == []


@pytest.mark.parametrize(
    ("side", "name", "date", "fires"),
    [
        ("supplier", "BrahMos Aerospace Private Limited", "2022-01-28", True),
        ("recipient", "Indo-Russia Rifles Pvt Ltd", "2022-01-28", True),
        ("supplier", "BrahMos Aerospace", "2017-08-02", True),  # CAATSA enacted
        ("supplier", "BrahMos Aerospace", "2017-08-01", False),  # the day before
        ("supplier", "Bharat Dynamics", "2022-01-28", False),  # not a listed person's venture
    ],
)
def test_a_joint_venture_of_a_listed_person_gets_a_note_not_a_silent_clear(
    side: str, name: str, date: str, fires: bool
) -> None:
    """§231(a) 'operates for or on behalf of' has no ownership rule: a note, not silence."""
    data = base(
        date=date,
        supplier__country="IN",
        recipient__country="PH" if side == "supplier" else "IN",
        **{f"{side}.entities": [name], "items[0].category": "missile"},
    )
    v = check(data)
    assert v.families["caatsa"] == "clear"
    assert ("caatsa/listed-joint-venture" in fired(v)) == fires
    if fires:
        assert "is a joint venture in which" in note(v, "caatsa/listed-joint-venture")
        assert any("not on the list of specified persons" in a for a in v.assumptions)


def test_a_joint_venture_note_gives_way_to_a_listed_shareholder() -> None:
    """When the listed shareholder itself is named on the same side, the counterparty is exposed."""
    data = base(
        date="2022-01-28",
        supplier__country="IN",
        recipient__country="PH",
        **{"supplier.entities": ["BrahMos Aerospace", "Rosoboronexport"]},
    )
    v = check(data)
    assert v.families["caatsa"] == "exposure"
    assert "caatsa/listed-joint-venture" not in fired(v)


def test_the_significant_systems_found_are_those_whose_own_pattern_finds_them() -> None:
    """Systems are passed over by their first words and compiled when needed: as searching all."""
    import dataclasses

    from armscheck.families.caatsa.text import advanced_systems, item_text, names_of, names_pattern

    ref = checker().rulebook.reference
    systems = ref.get("caatsa-precedents").data["significant_systems"]
    item = load(base()).items[0]
    names = [n for s in systems for n in names_of(s)]
    texts = [*names, *(f"upgraded {n} batteries" for n in names[::3]), "trucks", "S-", "400"]
    every_found = 0
    for text in texts:
        items = [dataclasses.replace(item, description=text, system=None)]
        keys = [f" {item_text(it, ref)} " for it in items]
        expected = [
            s
            for s in systems
            if (p := names_pattern(tuple(names_of(s)))) and any(p.search(k) for k in keys)
        ]
        assert advanced_systems(items, ref) == expected, text
        every_found += bool(expected)
    assert every_found >= len(names)
