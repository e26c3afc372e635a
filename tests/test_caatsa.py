"""CAATSA family: §231 (Russia's defence and intelligence sectors) and §107 (Iran arms)."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from armscheck.api import load_checker
from armscheck.checker import Checker
from armscheck.facts import Context, Fact
from armscheck.families import caatsa
from armscheck.families.caatsa_names import core_key, name_key
from armscheck.transfer import Transfer, read_transfer
from armscheck.verdict import Verdict

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
    """Every caatsa rule that fired, notes included."""
    ids = {f.rule for f in v.findings if f.family == "caatsa"}
    return ids | {n.split(":", 1)[0] for n in v.notes if n.startswith("caatsa/")}


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
    v = check(data)
    count = 0
    for f in v.findings:
        if f.family != "caatsa":
            continue
        for change in f.changes:
            changed = data
            for path, value in change.edits:
                changed = edit(changed, path, value)
            after = check(changed)
            still = [g for g in after.findings if g.rule == f.rule and g.evidence == f.evidence]
            assert not still, f"{change.text}: {f.rule} still fires"
            count += 1
    return count


# ---------------------------------------------------------------- seeds and the cases


def test_seed_2012_is_clear_with_pre_enactment_note() -> None:
    v = checker().check_file(str(SEEDS / "iraq-russia-mi28-pantsir-2012.yaml"))
    assert v.families["caatsa"] == "clear"
    text = note(v, "caatsa/pre-enactment")
    assert "2012-10-10" in text and "2 Aug 2017" in text
    assert "Rosoboronexport was put on the list of specified persons only on 2017-10-27" in text
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
    v = check(base(date=date, supplier__entities=["Rosoboronexport"]))
    assert fired(v) == {rule}
    assert v.families["caatsa"] == ("clear" if rule.endswith("pre-enactment") else "exposure")


@pytest.mark.parametrize(
    ("date", "rule"),
    [
        ("2017-10-26", "caatsa/russian-state-arms-trade"),
        ("2017-10-27", "caatsa/listed-counterparty"),
    ],
)
def test_listing_day_decides_the_basis(date: str, rule: str) -> None:
    v = check(base(date=date, supplier__entities=["Rosoboronexport"]))
    assert fired(v) & EXPOSURE_RULES == {rule}


@pytest.mark.parametrize(("date", "outcome"), [("2018-09-19", "clear"), ("2018-09-20", "exposure")])
def test_listing_day_for_dual_use_from_a_later_listed_entity(date: str, outcome: str) -> None:
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
        ("ROE", "Rosoboronexport"),
        ("JSC Rosoboronexport", "Rosoboronexport"),
        ("Rosoboronexport JSC", "Rosoboronexport"),
        ("Рособоронэкспорт", "Rosoboronexport"),
        ("Almaz-Antei", "Almaz-Antey"),
        ("ALMAZ ANTEY", "Almaz-Antey"),
        ("KBP", "KBP Instrument Design Bureau"),
        ("Instrument Design Bureau", "KBP Instrument Design Bureau"),
        ("Sukhoy", "Sukhoi Aviation JSC"),
    ],
)
def test_aliases_and_transliterations_match_exactly(name: str, entry: str) -> None:
    data = base(date="2019-01-10", supplier__entities=[name])
    (fact,) = facts(data, "caatsa-russia-deal")
    assert fact.fields["basis"] == "listed"
    assert str(fact.fields["counterparty"]).startswith(entry)
    assert not any("was taken to be" in a for a in fact.assumptions)


def test_partial_name_match_counts_and_is_reported() -> None:
    data = base(date="2019-01-10", supplier__entities=["Tula Instrument Design Bureau (KBP)"])
    (fact,) = facts(data, "caatsa-russia-deal")
    assert fact.fields["basis"] == "listed"
    assert any("was taken to be KBP Instrument Design Bureau" in a for a in fact.assumptions)


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
    assert any("contains 'OAK'" in a for a in fact.assumptions)


def test_name_keys() -> None:
    assert name_key("Rosoboronexport") == name_key("Rosoboroneksport")
    assert name_key("Almaz-Antey") == name_key("Almaz Antei")
    assert core_key("OAO Rosoboronexport") == core_key("Rosoboronexport")


# ---------------------------------------------------------------- §231 without a named entity


def test_no_entity_named_still_exposure() -> None:
    v = check(base())
    f = finding(v, "caatsa/russian-state-arms-trade")
    assert "seller not named" in f.why
    assert "caatsa/listed-counterparty" not in fired(v)


def test_dual_use_only_from_russia_with_no_listed_entity_is_clear() -> None:
    data = base(**{"items[0].category": "dual-use", "items[0].description": "Trucks"})
    v = check(data)
    assert v.families["caatsa"] == "clear"
    assert not fired(v)


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
    assert "Minsk Wheeled Tractor Plant (Belarus), the seller" in f.why
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
    assert "waiver is not available" in f.advice
    defence = finding(check(base()), "caatsa/russian-state-arms-trade")
    assert "can be sought" in defence.advice and "(7)" in defence.advice


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
    assert "22 U.S.C. 9525(a) (CAATSA §231(a))" in instruments
    assert any(c.instrument == "CAATSA §231 list of specified persons" for c in f.citations)


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
