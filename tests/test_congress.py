"""The congress family: AECA §36(b), §36(c) and §3(d) notification, through the real checker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from armscheck.api import load_checker, read_transfer
from armscheck.explore.counterfactuals import edit
from armscheck.facts import Context
from armscheck.families import congress
from armscheck.families.congress.lists import add_months, headroom
from armscheck.verdict import Finding, Verdict
from conftest import changes_lifted

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"


# ----------------------------------------------------------------------------- helpers


def check(data: dict[str, Any] | str, as_of: dt.date | None = None) -> Verdict:
    checker = load_checker()
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
    return checker.check(read_transfer(text, "t.yaml", checker.rulebook.reference), as_of)


def found(v: Verdict, rule: str) -> list[Finding]:
    return [f for f in v.findings if f.rule == rule]


def notes(v: Verdict) -> list[str]:
    return [n for n in v.notes if n.startswith("congress/")]


def fired(v: Verdict) -> set[str]:
    return {f.rule for f in v.findings} | {n.split(":", 1)[0] for n in notes(v)}


def ctx_for(data: dict[str, Any]) -> Context:
    checker = load_checker()
    t = read_transfer(yaml.safe_dump(data), "t.yaml", checker.rulebook.reference)
    return Context(t, t.date, checker.rulebook.reference)


def fms(
    country: str = "IQ",
    date: str = "2013-12-19",
    value: int | str = 12_000_000,
    *,
    category: str = "missile",
    mde: bool | None = True,
    channel: str = "fms",
    territory: list[str] | None = [],  # noqa: B006 - never mutated
    **extra: Any,
) -> dict[str, Any]:
    item: dict[str, Any] = {"description": "Lot", "category": category, "value_usd": value}
    if mde is not None:
        item["major_defense_equipment"] = mde
    item.update(extra)
    out: dict[str, Any] = {
        "name": "t",
        "date": date,
        "supplier": {"country": "US"},
        "recipient": {"country": country},
        "channel": channel,
        "items": [item],
    }
    if territory is not None:
        out["sales_territory"] = list(territory)
    return out


def t129(
    country: str = "PH", quantity: int = 6, engine: str = "1m", date: str = "2021-05-19"
) -> dict[str, Any]:
    return {
        "name": "T129",
        "date": date,
        "supplier": {"country": "TR"},
        "recipient": {"country": country},
        "items": [
            {
                "description": "T129 ATAK attack helicopter",
                "category": "attack-helicopter",
                "quantity": quantity,
                "unit_value_usd": "50m",
                "components": [
                    {
                        "description": "T800 engine",
                        "origin": "US",
                        "control": "itar",
                        "per_unit": 2,
                        "unit_value_usd": engine,
                        "major_defense_equipment": True,
                    }
                ],
            }
        ],
    }


def assert_changes_work(data: dict[str, Any]) -> int:
    """Apply every change on every congress finding; the rule must stop firing there."""
    return changes_lifted(check, data, "congress", overlap=True)


# ----------------------------------------------------------------------------- FMS §36(b)


def test_mde_boundary_one_dollar_under_is_clear_with_headroom() -> None:
    v = check(fms(value=13_999_999))
    assert v.families["congress"] == "clear"
    assert not found(v, "congress/fms-36b")
    (note,) = notes(v)
    assert note.startswith("congress/under-threshold:")
    assert "$1 under the $14m MDE threshold" in note


def test_mde_boundary_at_threshold_notifies_30_days() -> None:
    v = check(fms(value=14_000_000))
    (f,) = found(v, "congress/fms-36b")
    assert f.outcome == "notification-required" and f.review_days == 30
    assert "exactly at the $14m MDE threshold" in f.why
    assert f.as_dict()["review_days"] == 30
    assert "about 40 days" in f.advice
    assert not notes(v)
    assert any(c.instrument == "22 U.S.C. 2776(b)(1)" for c in f.citations)


def test_total_measure_is_separate_from_mde() -> None:
    assert check(fms(value=49_999_999, mde=False)).families["congress"] == "clear"
    v = check(fms(value=50_000_000, mde=False))
    (f,) = found(v, "congress/fms-36b")
    assert "defense articles and services (total)" in f.why
    assert "nothing counted toward the $14m MDE threshold" in f.why


def test_design_and_construction_own_measure_not_in_total() -> None:
    under = check(fms(value=199_999_999, mde=None, category="design-and-construction"))
    assert under.families["congress"] == "clear"
    assert "$1 under the $200m design-and-construction threshold" in notes(under)[0]
    assert "nothing counted toward the $50m total threshold" in notes(under)[0]
    v = check(fms(value=200_000_000, mde=None, category="design-and-construction"))
    (f,) = found(v, "congress/fms-36b")
    assert "design and construction services" in f.why
    assert any("presumed not MDE" in a for a in f.assumptions)


def test_values_summed_over_lines_and_components() -> None:
    data = fms(value=8_000_000)
    data["items"].append(
        {
            "description": "Trucks",
            "category": "other-military",
            "value_usd": "30m",
            "major_defense_equipment": False,
            "components": [
                {"description": "Gun mount", "value_usd": "6m", "major_defense_equipment": True}
            ],
        }
    )
    v = check(data)
    (f,) = found(v, "congress/fms-36b")
    assert "major defense equipment $14.0m (exactly at the $14m MDE threshold)" in f.why
    assert "$12.0m under the $50m total threshold" in f.why


def test_mde_inferred_from_category_is_an_assumption() -> None:
    v = check(fms(value=20_000_000, mde=None))
    (f,) = found(v, "congress/fms-36b")
    assert any("presumed MDE from its category missile" in a for a in f.assumptions)
    v = check(fms(value=20_000_000, mde=None, control="ear-600"))
    assert v.families["congress"] == "clear"
    assert "EAR-controlled (ear-600)" in " ".join(v.assumptions)


def test_pre_1981_thresholds() -> None:
    assert found(check(fms("SA", "1981-12-28", 7_000_000)), "congress/fms-36b")
    assert not found(check(fms("SA", "1981-12-28", 6_999_999)), "congress/fms-36b")
    assert found(check(fms("SA", "1981-12-28", 10_000_000)), "congress/fms-36b")
    assert not found(check(fms("SA", "1981-12-29", 10_000_000)), "congress/fms-36b")
    total = check(fms("SA", "1981-12-28", 25_000_000, mde=False))
    assert "$25m total threshold" in found(total, "congress/fms-36b")[0].why


def test_before_any_threshold_not_assessed_note() -> None:
    v = check(fms("SA", "1974-12-29", 1_000_000_000))
    assert v.families["congress"] == "not-evaluated"  # never a clear it cannot know
    assert "congress" in v.not_evaluated and not v.as_dict()["complete"]
    (note,) = notes(v)
    assert note.startswith("congress/not-assessed: Not assessed")
    assert "only from 1974-12-30" in note and "P.L. 93-559" in note
    # the Foreign Military Sales Act's test (P.L. 93-559 §45): $25m or more, 20 days
    (f,) = found(check(fms("SA", "1975-01-01", 25_000_000, mde=False)), "congress/fms-36b")
    assert "$25m total threshold" in f.why and "20 days" in f.why
    assert not found(check(fms("SA", "1975-01-01", 24_999_999)), "congress/fms-36b")
    day_before = check(fms("SA", "1976-06-29", 1_000_000, channel="dcs"))
    assert [n.split(":")[0] for n in notes(day_before)] == ["congress/not-assessed"]
    day_of = check(fms("SA", "1976-06-30", 1_000_000, channel="dcs"))
    assert [n.split(":")[0] for n in notes(day_of)] == ["congress/under-threshold"]
    facts = congress.build(ctx_for(fms("SA", "1974-12-29", 1)))
    assert {e.path for e in facts[0].evidence} == {"items[0]", "channel", "date"}


def test_third_party_before_1981_not_assessed_with_cost_assumption() -> None:
    before = check(t129("IQ", 12, "1.5m", date="1981-12-28"))
    (note,) = notes(before)
    assert note.startswith("congress/not-assessed") and "only from 1981-12-29" in note
    assert any("original acquisition cost" in a for a in before.assumptions)
    on = check(t129("IQ", 12, "1.5m", date="1981-12-29"))
    assert found(on, "congress/third-party-3d") and not notes(on)


def test_timeline_marks_where_thresholds_start() -> None:
    from armscheck.explore.counterfactuals import timeline

    checker = load_checker()
    text = yaml.safe_dump(fms("JO", "1975-07-10", "350m"))
    periods = timeline(checker, read_transfer(text, "t.yaml", checker.rulebook.reference))
    second = next(p for p in periods if p.start == dt.date(1974, 12, 30))
    assert any("earlier dates: not assessed" in label for label in second.changed_by)


# ----------------------------------------------------------------------------- tiers by date


@pytest.mark.parametrize(
    ("country", "day_before", "day_of"),
    [
        ("KR", "2008-10-14", "2008-10-15"),
        ("IL", "2010-10-07", "2010-10-08"),
        ("FI", "2023-04-03", "2023-04-04"),
        ("SE", "2024-03-06", "2024-03-07"),
    ],
)
def test_tier_membership_dates(country: str, day_before: str, day_of: str) -> None:
    before = check(fms(country, day_before, 20_000_000))
    (f,) = found(before, "congress/fms-36b")
    assert f.review_days == 30 and "not in the AECA NATO+ group" in f.why
    on = check(fms(country, day_of, 20_000_000))
    assert on.families["congress"] == "clear"
    assert "$5.0m under the $25m MDE threshold" in notes(on)[0]
    big = check(fms(country, day_of, 25_000_000))
    (g,) = found(big, "congress/fms-36b")
    assert g.review_days == 15 and f"is in the AECA NATO+ group since {day_of}" in g.why
    assert "about 20 days" in g.advice


def test_nato_plus_thresholds_before_2002() -> None:
    (f,) = found(check(fms("PL", "2002-09-29", 20_000_000)), "congress/fms-36b")
    assert f.review_days == 15 and "$14m MDE threshold" in f.why
    assert check(fms("PL", "2002-09-30", 20_000_000)).families["congress"] == "clear"
    assert check(fms("PL", "2002-09-30", 99_999_999, mde=False)).families["congress"] == "clear"
    assert found(check(fms("PL", "2002-09-30", 100_000_000, mde=False)), "congress/fms-36b")


def test_nato_organisation_as_end_user() -> None:
    data = fms("LU", "2020-01-01", 20_000_000)
    data["recipient"]["end_user"] = "NATO Support and Procurement Agency"
    v = check(data)
    assert v.families["congress"] == "clear"
    assert "the buyer is the North Atlantic Treaty Organization itself" in notes(v)[0]


def test_nato_buyer_for_a_country_outside_the_group_is_standard_tier() -> None:
    for country in ("AT", "UA"):
        data = fms(country, "2024-05-01", 20_000_000)
        data["recipient"]["end_user"] = "NSPA"
        (f,) = found(check(data), "congress/fms-36b")
        assert f.review_days == 30 and "not in the AECA NATO+ group" in f.why
        assert any("includes no other countries" in a for a in f.assumptions)


@pytest.mark.parametrize(
    "end_user",
    ["Royal Moroccan Air Force (Major Non-NATO Ally)", "a non NATO partner", "Natoland Army"],
)
def test_nato_in_other_words_is_not_the_nato_tier(end_user: str) -> None:
    data = fms("MA", "2021-03-01", 20_000_000)
    data["recipient"]["end_user"] = end_user
    (f,) = found(check(data), "congress/fms-36b")
    assert f.review_days == 30 and not any("NATO as the buyer" in a for a in f.assumptions)


def test_nato_named_only_in_entities_does_not_count() -> None:
    data = fms("UA", "2024-05-01", 20_000_000)
    data["recipient"]["entities"] = ["NATO Support and Procurement Agency"]
    (f,) = found(check(data), "congress/fms-36b")
    assert f.review_days == 30


# ----------------------------------------------------------------------------- DCS §36(c)


def test_dcs_thresholds_and_review() -> None:
    v = check(fms("SA", "2020-12-22", "478m", mde=None, category="ammunition", channel="dcs"))
    (f,) = found(v, "congress/dcs-36c")
    assert f.review_days == 30 and "§36(c)" in f.why
    assert any("presumed not MDE" in a for a in f.assumptions)
    assert not found(v, "congress/dcs-firearms")


def test_dcs_nato_plus_review_before_1996() -> None:
    (f,) = found(check(fms("DE", "1996-07-20", 20_000_000, channel="dcs")), "congress/dcs-36c")
    assert f.review_days == 30
    (g,) = found(check(fms("DE", "1996-07-21", 20_000_000, channel="dcs")), "congress/dcs-36c")
    assert g.review_days == 15


def test_dcs_counts_design_construction_in_total_and_skips_ear() -> None:
    data = fms("SA", "2020-01-01", "60m", mde=None, category="design-and-construction")
    data["channel"] = "dcs"
    assert found(check(data), "congress/dcs-36c")
    ear = fms("SA", "2020-01-01", "600m", mde=None, channel="dcs", control="ear-600")
    v = check(ear)
    assert v.families["congress"] == "clear" and not notes(v)


def test_dcs_firearms_boundary_and_assumed_category_i() -> None:
    base: dict[str, Any] = dict(category="small-arms", mde=False, channel="dcs", usml_category="I")
    assert not found(check(fms("PH", "2016-10-31", 999_999, **base)), "congress/dcs-firearms")
    (f,) = found(check(fms("PH", "2016-10-31", 1_000_000, **base)), "congress/dcs-firearms")
    assert f.review_days == 30 and "Category I firearms" in f.why
    (g,) = found(check(fms("JP", "2016-10-31", 1_000_000, **base)), "congress/dcs-firearms")
    assert g.review_days == 15
    assumed = fms("PH", "2016-10-31", 2_000_000, category="small-arms", mde=False, channel="dcs")
    (h,) = found(check(assumed), "congress/dcs-firearms")
    assert any("assumed USML Category I" in a for a in h.assumptions)
    assert not any("9 Mar 2020" in a for a in h.assumptions)
    later = edit(assumed, "date", "2020-03-09")
    (k,) = found(check(later), "congress/dcs-firearms")
    assert any("9 Mar 2020" in a for a in k.assumptions)
    other = edit(assumed, "items[0].usml_category", "II")
    assert not found(check(other), "congress/dcs-firearms")
    assert not found(check(edit(assumed, "date", "2002-09-29")), "congress/dcs-firearms")


# ----------------------------------------------------------------------------- §3(d)


def test_seed_t129_iraq_third_party_30_days_with_evidence_lines() -> None:
    text = SEED.read_text()
    v = check(text)
    (f,) = found(v, "congress/third-party-3d")
    assert f.review_days == 30 and v.families["congress"] == "notification-required"
    assert "$22.0m over the $14m MDE threshold" in f.why
    assert "$14.0m under the $50m total threshold" in f.why
    lines = text.splitlines()
    where = {e.path: e.line or 0 for e in f.evidence}
    assert (
        lines[where["items[0].components[0]"] - 1].strip()
        == "- description: LHTEC T800-4A turboshaft engine"
    )
    assert lines[where["recipient.country"] - 1].strip() == "country: Iraq"
    assert "items[1]" not in where  # the Turkish Koral system is not US content


def test_philippines_12_engines_clear_with_headroom_and_pakistan_30_notifies() -> None:
    v = check(t129("PH", 6))
    assert v.families["congress"] == "clear" and not found(v, "congress/third-party-3d")
    assert "$2.0m under the $14m MDE threshold" in notes(v)[0]
    p = check(t129("PK", 30, date="2018-07-13"))
    (f,) = found(p, "congress/third-party-3d")
    assert f.review_days == 30 and "$10.0m over the $50m total threshold" in f.why


def test_third_party_tier_follows_recipient() -> None:
    inside = {**t129("PL", 12, "1.5m"), "sales_territory": []}
    (f,) = found(check(inside), "congress/third-party-3d")
    assert f.review_days == 15
    japan = {**t129("JP", 8, "1.5m"), "sales_territory": ["JP", "AU"]}
    assert check(japan).families["congress"] == "clear"  # $24m of MDE, under $25m


def test_third_party_nato_plus_values_need_no_sales_territory_outside() -> None:
    # 22 U.S.C. 2753(d)(5): the $25m/$100m values only for a transfer that authorizes no
    # new sales territory outside the group; otherwise $14m/$50m. The 15-day period of
    # 2753(d)(2) follows the recipient, whatever the territory.
    (f,) = found(check(t129("JP", 8, "1.5m")), "congress/third-party-3d")
    assert f.review_days == 15 and "$24.0m" in f.why and "$14m MDE threshold" in f.why
    assert any("2753(d)(5)" in a and "follows the recipient" in a for a in f.assumptions)
    outside = {**t129("JP", 8, "1.5m"), "sales_territory": ["IN"]}
    (g,) = found(check(outside), "congress/third-party-3d")
    assert any("re-export to India" in a for a in g.assumptions)
    # before the 2002 values there is no sales-territory condition: $14m, 15 days
    (h,) = found(check(t129("JP", 8, "1.5m", date="2002-09-29")), "congress/third-party-3d")
    assert h.review_days == 15 and not any("sales_territory" in a for a in h.assumptions)
    on_day = {**t129("JP", 8, "1.5m", date="2002-09-30"), "sales_territory": []}
    assert check(on_day).families["congress"] == "clear"


def test_third_party_defaults_and_exclusions() -> None:
    data = t129("IQ", 12, "1.5m")
    comp = data["items"][0]["components"][0]
    del comp["control"], comp["major_defense_equipment"]
    (f,) = found(check(data), "congress/third-party-3d")
    assert any("treated as ITAR" in a for a in f.assumptions)
    assert any("presumed MDE like its platform's category" in a for a in f.assumptions)
    ear = edit(t129("IQ", 12, "1.5m"), "items[0].components[0].control", "ear-600")
    v = check(ear)
    assert v.families["congress"] == "clear" and not notes(v)
    novalue = edit(t129("IQ", 1), "items[0].components[0].unit_value_usd", None)
    (g,) = found(check(novalue), "congress/third-party-3d")
    assert any("upper bound" in a for a in g.assumptions)


def test_catalogue_components_reported() -> None:
    data = {
        "name": "t",
        "date": "2021-05-24",
        "supplier": {"country": "TR"},
        "recipient": {"country": "PH"},
        "items": [{"description": "T129B", "system": "t129-atak", "quantity": 6}],
    }
    v = check(data)
    assert v.families["congress"] == "clear"
    assert "$2.0m under the $14m MDE threshold" in notes(v)[0]
    assert any("systems catalogue" in a for a in v.assumptions)


def test_no_us_content_no_facts() -> None:
    for seed in ("iraq-russia-s300-2020", "iraq-iran-arms-2014", "iraq-russia-mi28-pantsir-2012"):
        v = check((ROOT / "scenarios" / "seeds" / f"{seed}.yaml").read_text())
        assert v.families["congress"] == "clear" and not notes(v)
    assert congress.build(ctx_for(edit(t129(), "recipient.country", "US"))) == []


# ----------------------------------------------------------------------------- split sales


def split(date: str = "2014-06-15", mde: str | None = "12.3m") -> dict[str, Any]:
    data = fms("IQ", date, 0)
    data["items"][0] = {
        "description": "Hellfire",
        "category": "missile",
        "quantity": 60,
        "unit_value_usd": 164000,
        "major_defense_equipment": True,
    }
    sale: dict[str, Any] = {
        "date": "2013-12-19",
        "value_usd": "12.3m",
        "description": "75 Hellfires",
    }
    if mde:
        sale["mde_value_usd"] = mde
    data["related_sales"] = [sale]
    return data


def test_split_sale_warning_names_related_sales() -> None:
    v = check(split())
    (f,) = found(v, "congress/split-sale")
    assert f.outcome == "notification-required" and f.review_days == 30
    assert "Aggregation warning" in f.why and "'75 Hellfires' (2013-12-19, $12.3m)" in f.why
    assert "$8.1m over the $14m MDE threshold" in f.why
    assert {e.path for e in f.evidence} == {"related_sales[0]", "items[0]"}
    assert "congress/under-threshold" in fired(v)


def test_split_window_boundary_and_mde_value_missing() -> None:
    assert found(check(split("2014-12-19")), "congress/split-sale")
    assert not found(check(split("2014-12-20")), "congress/split-sale")
    assert not found(check(split(mde=None)), "congress/split-sale")
    alone = split()
    alone["items"][0]["quantity"] = 100
    v = check(alone)
    assert found(v, "congress/fms-36b") and not found(v, "congress/split-sale")


def test_split_on_total() -> None:
    data = fms("IQ", "2014-06-15", "30m", mde=False)
    data["related_sales"] = [{"date": "2014-01-01", "value_usd": "20m", "description": "Radios"}]
    (f,) = found(check(data), "congress/split-sale")
    assert "combined defense articles and services (total) is $50.0m" in f.why


# ----------------------------------------------------------------------------- changes, dates


@pytest.mark.parametrize(
    "data",
    [
        t129("IQ", 12, "1.5m"),
        t129("PK", 30, date="2018-07-13"),
        fms("KR", "2008-10-14", 17_400_000),
        split(),
        {
            **fms("IQ", "2014-01-01", 0),
            "items": [
                {
                    "description": "H",
                    "category": "missile",
                    "quantity": 100,
                    "unit_value_usd": 164000,
                    "major_defense_equipment": True,
                }
            ],
        },
        {
            **fms("PH", "2016-10-31", 0, channel="dcs"),
            "items": [
                {
                    "description": "Rifles",
                    "category": "small-arms",
                    "quantity": 1000,
                    "unit_value_usd": 1300,
                }
            ],
        },
    ],
)
def test_every_change_removes_the_finding(data: dict[str, Any]) -> None:
    assert assert_changes_work(data) >= 1


def test_change_kinds() -> None:
    (f,) = found(check(t129("IQ", 12, "1.5m")), "congress/third-party-3d")
    edits = {e for c in f.changes for e in c.edits}
    assert ("items[0].quantity", 4) in edits
    assert ("items[0].components[0].origin", "TR") in edits
    (g,) = found(check(fms("KR", "2008-10-14", 17_400_000)), "congress/fms-36b")
    assert [c.edits for c in g.changes] == [(("date", "2008-10-15"),)]
    (h,) = found(check(split()), "congress/split-sale")
    assert [c.edits for c in h.changes] == [(("date", "2014-12-20"),)]


def test_change_dates() -> None:
    dates = dict(congress.FAMILY.change_dates(ctx_for(fms("KR", "2006-04-28", 1))))
    assert "P.L. 110-429" in dates[dt.date(2008, 10, 15)]
    assert "P.L. 97-113" in dates[dt.date(1981, 12, 29)]
    assert dt.date(2002, 9, 30) in dates
    assert dt.date(2014, 12, 20) in dict(congress.FAMILY.change_dates(ctx_for(split())))
    russia = edit(t129(), "items[0].components[0].origin", "RU")
    assert congress.FAMILY.change_dates(ctx_for(russia)) == []


def test_helpers() -> None:
    assert add_months(dt.date(2020, 2, 29), 12) == dt.date(2021, 2, 28)
    assert add_months(dt.date(2014, 6, 15), -12) == dt.date(2013, 6, 15)
    assert headroom(12_000_000, 14_000_000, "mde") == "$2.0m under the $14m MDE threshold"
    assert headroom(36_000_000, 14_000_000, "mde") == "$22.0m over the $14m MDE threshold"
    assert headroom(1_000_000, 1_000_000, "firearms") == (
        "exactly at the $1m Category I firearms threshold"
    )


# ----------------------------------------------------------------------------- review fixes


def test_third_party_cost_assumption_on_every_finding_and_note() -> None:
    (f,) = found(check(t129("IQ", 12, "1.5m")), "congress/third-party-3d")
    assert any(a.startswith("§3(d) values are taken as the original") for a in f.assumptions)
    clear = check(t129("PH", 6))
    assert any("used, donated or discounted" in a for a in clear.assumptions)
    assert not any("original acquisition cost" in a for a in check(fms()).assumptions)


def firearms_split(first: str = "2019-03-01", category: str = "I") -> dict[str, Any]:
    data = fms("GT", "2019-06-01", 600_000, category="small-arms", mde=False, channel="dcs")
    data["items"][0]["usml_category"] = category
    data["related_sales"] = [{"date": first, "value_usd": 600_000, "description": "carbines"}]
    return data


def test_firearms_split_sale() -> None:
    v = check(firearms_split())
    (f,) = found(v, "congress/split-sale")
    assert "combined USML Category I firearms is $1.2m" in f.why
    assert "$400k under the $1m Category I firearms threshold" in f.why
    assert any("whole value" in a for a in f.assumptions)
    assert [c.edits for c in f.changes] == [(("date", "2020-03-02"),)]
    assert not found(check(firearms_split("2018-05-31")), "congress/split-sale")
    assert found(check(firearms_split("2018-06-01")), "congress/split-sale")
    # a sale with no Category I firearms does not pick up related sales as firearms
    assert not found(check(firearms_split(category="II")), "congress/split-sale")
    assert assert_changes_work(firearms_split()) == 1


def test_counted_and_tier_text() -> None:
    v = check(t129("PH", 6))
    assert "Counted: 12 × T800 engine, $12.0m in all." in notes(v)[0]
    nl = check(fms("NL", "2020-01-01", 24_999_999))
    assert "Netherlands is in the AECA NATO+ group since 1981-12-29 (NATO member)" in notes(nl)[0]
    assert "Lot, $24,999,999 in all" in notes(nl)[0]
    # exact dollars only within 1% of a threshold
    assert "Lot, $24,750,000 in all" in notes(check(fms("NL", "2020-01-01", 24_750_000)))[0]
    assert "Lot, $24.7m in all" in notes(check(fms("NL", "2020-01-01", 24_749_999)))[0]
    fire = fms("MX", "2022-05-10", 999_999, category="small-arms", mde=False, channel="dcs")
    fire["items"][0]["usml_category"] = "I"
    assert "Lot, $999,999 in all" in notes(check(fire))[0]


def test_unconfirmed_entries_are_assumptions() -> None:
    (f,) = found(check(fms("NL", "2020-01-01", 25_000_000)), "congress/fms-36b")
    (a,) = [a for a in f.assumptions if a.startswith("this rests on an unconfirmed entry")]
    assert "(§36(b) nato-plus-tier MDE $25m from 2002-09-30 in lists/congress-thresholds.yaml)" in a
    assert "Enactment date not confirmed" in a
    (g,) = found(check(fms("IQ", "2014-01-01", 14_000_000)), "congress/fms-36b")
    assert not any("unconfirmed" in a for a in g.assumptions)
    old = check(fms("SA", "1980-01-01", 6_000_000))
    assert any("§36(b) standard-tier MDE $7m from 1976-06-30" in a for a in old.assumptions)


# ------------------------------------------------------------------ NATO+ and sales territory


@pytest.mark.parametrize(
    ("territory", "tier"),
    [(None, "standard"), (["UA"], "standard"), (["DE"], "nato-plus"), ([], "nato-plus")],
)
def test_nato_plus_values_need_no_sales_territory_outside_the_group(
    territory: list[str] | None, tier: str
) -> None:
    from armscheck.explore.counterfactuals import counterfactuals

    checker = load_checker()
    text = yaml.safe_dump(fms("PL", "2023-02-07", 20_000_000, territory=territory))
    transfer = read_transfer(text, "t.yaml", checker.rulebook.reference)
    v = counterfactuals(checker, transfer, checker.check(transfer))
    if tier == "standard":
        (f,) = found(v, "congress/fms-36b")
        # the dollar values fall back to the standard tier; the review period follows the
        # recipient (22 U.S.C. 2776(b)(1)): 15 days for a NATO+ member
        assert f.review_days == 15
        assert any("outside the NATO+ group" in a for a in f.assumptions)
        ((change, outcome),) = f.counterfactuals
        assert "sales_territory: []" in change and outcome.startswith("congress clear")
    else:
        assert v.families["congress"] == "clear"


def test_nato_plus_sales_territory_condition_starts_with_the_2002_tier() -> None:
    # before the dollar tier (2002-09-30) the NATO+ rows carry no sales-territory condition
    v = check(fms("PL", "2001-06-01", 20_000_000, territory=None))
    (f,) = found(v, "congress/fms-36b")
    assert f.review_days == 15
    assert not any("sales_territory" in a for a in f.assumptions)


@pytest.mark.parametrize("channel", ["fms", "dcs"])
def test_review_period_follows_the_recipient_not_the_sales_territory(channel: str) -> None:
    member = check(fms("DE", "2019-06-01", 30_000_000, channel=channel, territory=["UA"]))
    (f,) = found(member, f"congress/{'fms-36b' if channel == 'fms' else 'dcs-36c'}")
    assert f.review_days == 15 and "$14m MDE threshold" in f.why
    other = check(fms("AT", "2019-06-01", 30_000_000, channel=channel, territory=["UA"]))
    (g,) = found(other, f"congress/{'fms-36b' if channel == 'fms' else 'dcs-36c'}")
    assert g.review_days == 30
