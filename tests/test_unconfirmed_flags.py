"""No list entry marked `unconfirmed: true` is used without a flag in the check's output.

For every unconfirmed entry of the US lists a check that rests on it is built (a 126.1 phase, a
statutory bar, an item with no de minimis level, a NATO+ threshold row), and the finding must
carry an assumption that names the unconfirmed entry.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from armscheck.api import load_checker, read_transfer
from armscheck.verdict import Verdict

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT / "rules" / "lists"
FLAG = "unconfirmed entry"


def _list(name: str) -> Any:
    return yaml.safe_load((LISTS / f"{name}.yaml").read_text(encoding="utf-8"))


def _check(data: dict[str, Any]) -> Verdict:
    checker = load_checker()
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return checker.check(read_transfer(text, "t.yaml", checker.rulebook.reference))


def _flagged(v: Verdict, family: str) -> bool:
    return any(FLAG in a for f in v.findings if f.family == family for a in f.assumptions)


def _us_export(country: str, day: str, **item: Any) -> dict[str, Any]:
    line = {
        "description": "rifle spare parts",
        "category": "spare-parts",
        "origin": "US",
        "control": "itar",
        "quantity": 10,
        "unit_value_usd": 1000,
        **item,
    }
    return {
        "name": "t",
        "date": day,
        "supplier": {"country": "US"},
        "recipient": {"country": country, "end_user_type": "government"},
        "channel": "dcs",
        "items": [line],
    }


def _phases() -> list[Any]:
    out = []
    for entry in _list("itar-126-1")["countries"]:
        for p in entry["phases"]:
            if p.get("unconfirmed"):
                region = (p.get("regions") or [None])[0]
                out.append(
                    pytest.param(
                        entry["country"], p["from"], region, id=f"{entry['country']}-{p['from']}"
                    )
                )
    return out


@pytest.mark.parametrize(("country", "start", "region"), _phases())
def test_an_unconfirmed_126_1_phase_is_flagged(
    country: str, start: str, region: str | None
) -> None:
    data = _us_export(country, start)
    if region:
        data["recipient"]["region"] = region
    v = _check(data)
    assert _flagged(v, "us-content"), [f.assumptions for f in v.findings]


def _bars() -> list[Any]:
    return [
        pytest.param(b, id=b["id"])
        for b in _list("us-statutory-bars")["bars"]
        if b.get("unconfirmed")
    ]


@pytest.mark.parametrize("bar", _bars())
def test_an_unconfirmed_statutory_bar_is_flagged(bar: dict[str, Any]) -> None:
    item = {"description": f"{bar['names'][0]} aircraft"} if bar.get("names") else {}
    recipient = "JP" if bar["recipient"] == "any" else bar["recipient"]  # any foreign country
    v = _check(_us_export(recipient, bar["from"], **item))
    assert any(f.rule.startswith("us-content/statutory-bar") for f in v.findings)
    assert _flagged(v, "us-content")


_SAMPLE_ECCN = {
    "six-hundred-series-y-china-e1-e2": "9A515.y.1",
    "six-hundred-series-y-russia-belarus": "0A606.y.1",
}


def _exclusions() -> list[Any]:
    groups = _list("ear-country-groups")["groups"]
    out = []
    for row in _list("ear-country-groups")["de_minimis_exclusions"]:
        if not row.get("unconfirmed"):
            continue
        dest = row["destinations"]
        if dest == "all":
            country = "IN"
        elif dest.get("countries"):
            country = dest["countries"][0]
        else:
            day = dt.date.fromisoformat(row["from"])
            members = groups[dest["groups"][0]]["members"]
            country = next(
                m["country"]
                for m in members
                if dt.date.fromisoformat(m["from"]) <= day
                and (m["to"] is None or day < dt.date.fromisoformat(m["to"]))
            )
        eccn = _SAMPLE_ECCN.get(row["id"]) or row["eccns"][0]
        out.append(pytest.param(row, country, eccn, id=row["id"]))
    return out


@pytest.mark.parametrize(("row", "country", "eccn"), _exclusions())
def test_an_unconfirmed_de_minimis_exclusion_is_flagged(
    row: dict[str, Any], country: str, eccn: str
) -> None:
    item: dict[str, Any] = {
        "description": "foreign-made item",
        "category": "other-military",
        "quantity": 1,
        "unit_value_usd": "10m",
        "components": [
            {"description": "US part", "origin": "US", "eccn": eccn, "unit_value_usd": 1000}
        ],
    }
    if row.get("item_eccns"):
        item["eccn"] = f"{row['item_eccns'][0]}001"
        item["category"] = "dual-use"
    data = {
        "name": "t",
        "date": row["from"],
        "supplier": {"country": "FR"},
        "recipient": {"country": country, "end_user_type": "government"},
        "items": [item],
    }
    v = _check(data)
    assert any(f.rule == "us-content/ear-de-minimis" for f in v.findings), v.families
    assert _flagged(v, "us-content")


def test_the_unconfirmed_nato_plus_tier_is_flagged() -> None:
    data = _us_export("PL", "2023-02-07", value_usd="30m", major_defense_equipment=True)
    data["items"][0].pop("unit_value_usd")
    data["sales_territory"] = []
    data["channel"] = "fms"
    v = _check(data)
    assert any(f.rule == "congress/fms-36b" for f in v.findings)
    assert _flagged(v, "congress")


def test_a_scenario_resting_on_an_unconfirmed_entry_shows_the_flag() -> None:
    checker = load_checker()
    path = ROOT / "scenarios" / "us-law" / "126-1-ukraine-unconfirmed-1995.yaml"
    t = read_transfer(path.read_bytes(), str(path), checker.rulebook.reference)
    v = checker.check(t)
    (f,) = [f for f in v.findings if f.rule == "us-content/proscribed-destination"]
    assert any(FLAG in a and "Ukraine" in a for a in f.assumptions)


def _lsp() -> list[Any]:
    return [
        pytest.param(p, id=p["id"])
        for p in _list("caatsa-specified-persons")["persons"]
        if p.get("unconfirmed")
    ]


@pytest.mark.parametrize("person", _lsp())
def test_an_unconfirmed_specified_person_is_flagged(person: dict[str, Any]) -> None:
    v = _check(
        {
            "name": "t",
            "date": person["listed_from"],
            "supplier": {"country": "BY", "entities": ["Minsk optics plant"]},
            "recipient": {"country": "RU", "entities": [person["name"]]},
            "items": [
                {"description": "thermal sights", "category": "dual-use", "value_usd": 1000000}
            ],
        }
    )
    assert any(f.rule == "caatsa/listed-counterparty" for f in v.findings)
    assert _flagged(v, "caatsa"), [f.assumptions for f in v.findings]


def _systems() -> list[Any]:
    return [
        pytest.param(s, id=s["id"])
        for s in _list("caatsa-precedents")["significant_systems"]
        if s.get("unconfirmed")
    ]


@pytest.mark.parametrize("system", _systems())
def test_an_unconfirmed_significant_system_is_flagged(system: dict[str, Any]) -> None:
    v = _check(
        {
            "name": "t",
            "date": "2019-06-03",
            "supplier": {"country": "RU", "entities": ["Rosoboronexport"]},
            "recipient": {"country": "IN", "end_user_type": "government"},
            "items": [
                {
                    "description": f"{system['aliases'][0]} systems",
                    "category": system["category"],
                    "value_usd": "100m",
                }
            ],
        }
    )
    f = next(f for f in v.findings if f.rule == "caatsa/listed-counterparty")
    assert "advanced system" in f.why
    assert any(FLAG in a and str(system["name"]) in a for a in f.assumptions), f.assumptions
