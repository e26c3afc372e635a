"""The us-content family: ITAR see-through, 22 CFR 126.1, EAR de minimis, barred parties."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from armscheck.api import load_checker, read_transfer
from armscheck.checker import Checker
from armscheck.explore.counterfactuals import edit
from armscheck.facts import Context, Fact
from armscheck.families import us_content
from armscheck.families.us_content.changes import change_dates
from armscheck.verdict import Finding, Verdict
from conftest import changes_lifted

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"
FAMILY = "us-content"
R123_9 = "https://www.ecfr.gov/current/title-22/chapter-I/subchapter-M/part-123/section-123.9"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return load_checker()


# ---------------------------------------------------------------- helpers


def heli(
    *,
    date: str = "2021-08-27",
    supplier: str = "TR",
    recipient: str = "IQ",
    end_user_type: str | None = "government",
    entities: list[str] | None = None,
    supplier_entities: list[str] | None = None,
    components: list[dict[str, Any]] | None = None,
    item: dict[str, Any] | None = None,
    channel: str | None = None,
) -> dict[str, Any]:
    """A transfer as a dict: 12 helicopters at $60m with two ITAR engines each by default."""
    rec: dict[str, Any] = {"country": recipient, "end_user": "Ministry of Defence"}
    if end_user_type:
        rec["end_user_type"] = end_user_type
    if entities is not None:
        rec["entities"] = entities
    line = item or {
        "description": "attack helicopter",
        "category": "attack-helicopter",
        "quantity": 12,
        "unit_value_usd": "60m",
        "components": [
            {
                "description": "turboshaft engine",
                "origin": "US",
                "control": "itar",
                "usml_category": "XIX",
                "per_unit": 2,
                "unit_value_usd": "1.5m",
            }
        ]
        if components is None
        else components,
    }
    data: dict[str, Any] = {
        "name": "test transfer",
        "date": date,
        "supplier": {"country": supplier, "entities": supplier_entities or []},
        "recipient": rec,
        "items": [line],
    }
    if channel:
        data["channel"] = channel
    return data


def vehicle(recipient: str, share_m: float | str, control: str = "ear-600", **kw: Any) -> dict:
    """50 foreign armoured vehicles at $1m with one US component per vehicle."""
    comp: dict[str, Any] = {"description": "drivetrain parts", "origin": "US", "control": control}
    if share_m is not None:
        comp["unit_value_usd"] = share_m
    item = {
        "description": "4x4 armoured vehicle",
        "category": "armoured-combat-vehicle",
        "quantity": 50,
        "unit_value_usd": "1m",
        "components": [comp],
    }
    return heli(recipient=recipient, item=item, **kw)


def text(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def check(checker: Checker, data: dict[str, Any] | str, as_of: dt.date | None = None) -> Verdict:
    raw = data if isinstance(data, str) else text(data)
    return checker.check(read_transfer(raw, "t.yaml", checker.rulebook.reference), as_of)


def facts(checker: Checker, data: dict[str, Any]) -> list[Fact]:
    t = read_transfer(text(data), "t.yaml", checker.rulebook.reference)
    return us_content.build(Context(t, t.date, checker.rulebook.reference))


def fired(v: Verdict, rule: str) -> list[Finding]:
    return [f for f in v.findings if f.rule == f"{FAMILY}/{rule}"]


def outcome(v: Verdict) -> str:
    return v.families[FAMILY]


def apply_edits(data: Any, edits: tuple[tuple[str, Any], ...]) -> Any:
    """Set each path (creating missing entries); None removes a key or list entry."""
    for path, value in edits:
        data = edit(data, path, value)
    return data


def assert_changes_work(checker: Checker, data: dict[str, Any] | str) -> int:
    """Apply every proposed change of every us-content finding; the finding must go away."""
    raw = yaml.safe_load(data) if isinstance(data, str) else data
    raw.pop("expect", None)
    return changes_lifted(lambda d: check(checker, d), raw, FAMILY)


# ---------------------------------------------------------------- the acceptance cases


def test_seed_t129_iraq_needs_retransfer_approval(checker: Checker) -> None:
    v = checker.check_file(str(SEED))
    assert outcome(v) == "authorization-required"
    (f,) = fired(v, "itar-retransfer")
    assert [e.path for e in f.evidence] == ["items[0].components[0]"]
    lines = SEED.read_text().splitlines()
    assert "LHTEC T800-4A" in lines[f.evidence[0].line - 1]
    cite = [c for c in f.citations if c.instrument == "22 CFR 123.9"]
    assert cite and cite[0].pinpoint == "(a)" and cite[0].url == R123_9
    assert "USML Category XIX" in f.why and "no de minimis" in f.why
    assert fired(v, "proscribed-destination-case-by-case")
    assert not fired(v, "proscribed-destination")


def test_same_helicopter_to_china_is_denial(checker: Checker) -> None:
    data = yaml.safe_load(SEED.read_text())
    data.pop("expect")
    data["recipient"] = {"country": "China", "end_user": "PLA Army Aviation"}
    v = check(checker, data)
    assert outcome(v) == "denial"
    (f,) = fired(v, "proscribed-destination")
    assert "126.1(d)(1)" in f.why and "China" in f.why
    assert fired(v, "itar-retransfer")


def test_half_percent_itar_part_still_needs_authorization(checker: Checker) -> None:
    comp = {"description": "ITAR sensor", "origin": "US", "control": "itar", "value_usd": "3.6m"}
    v = check(checker, heli(recipient="PK", components=[comp]))  # 3.6m of 720m = 0.5%
    (f,) = fired(v, "itar-retransfer")
    assert outcome(v) == "authorization-required"
    assert "0.50% of the item's value" in f.why


def test_vehicle_20pct_600_series_egypt_clear_iraq_authorization(checker: Checker) -> None:
    egypt = check(checker, vehicle("EG", "0.2m"))
    assert outcome(egypt) == "clear"
    note = [n for n in egypt.notes if n.startswith("us-content/ear-de-minimis-below")]
    assert note and "20%" in note[0] and "25%" in note[0]
    iraq = check(checker, vehicle("IQ", "0.2m"))
    assert outcome(iraq) == "authorization-required"
    (f,) = fired(iraq, "ear-de-minimis")
    assert "20%" in f.why and "0% (no de minimis" in f.why and "D:5" in f.why
    assert fired(iraq, "proscribed-destination-case-by-case")


# ---------------------------------------------------------------- EAR de minimis


@pytest.mark.parametrize(
    ("unit", "over"), [("0.25m", False), ("250000.01", True), ("0.24m", False), ("0.3m", True)]
)
def test_de_minimis_25pct_boundary(checker: Checker, unit: str, over: bool) -> None:
    v = check(checker, vehicle("EG", unit))
    assert bool(fired(v, "ear-de-minimis")) is over
    assert outcome(v) == ("authorization-required" if over else "clear")


def test_de_minimis_fact_fields(checker: Checker) -> None:
    (f,) = [f for f in facts(checker, vehicle("EG", "0.2m")) if f.kind == "de-minimis"]
    assert f.fields["share"] == pytest.approx(20.0)
    assert f.fields["threshold"] == 25.0 and f.fields["group"] == "other"
    assert f.fields["over"] is False


@pytest.mark.parametrize(
    ("date", "unit", "over"),
    [
        ("2020-06-01", "0.1m", False),  # 10% or less to E:2
        ("2020-06-01", "0.11m", True),
        ("2019-10-20", "0.11m", False),  # Cuba at 25% until 21 Oct 2019
        ("2019-10-21", "0.11m", True),
        ("2015-07-21", "0.11m", True),  # 10% while Cuba was in E:1
        ("2015-07-22", "0.11m", False),
    ],
)
def test_ear_content_to_cuba_dated_levels(
    checker: Checker, date: str, unit: str, over: bool
) -> None:
    v = check(checker, vehicle("CU", unit, control="ear", date=date))
    assert bool(fired(v, "ear-de-minimis")) is over


def test_ear99_counts_only_where_a_licence_is_needed(checker: Checker) -> None:
    assert not [f for f in facts(checker, vehicle("EG", "0.5m", "ear99")) if f.kind == "de-minimis"]
    assert outcome(check(checker, vehicle("EG", "0.5m", "ear99"))) == "clear"
    v = check(checker, vehicle("SY", "0.11m", "ear99"))
    (f,) = fired(v, "ear-de-minimis")
    assert "KP-SY" in f.why and "10%" in f.why
    assert not fired(check(checker, vehicle("SY", "0.1m", "ear99")), "ear-de-minimis")


def test_itar_content_never_enters_de_minimis(checker: Checker) -> None:
    fs = facts(checker, vehicle("EG", "0.3m", "itar"))
    assert not [f for f in fs if f.kind == "de-minimis"]
    assert fired(check(checker, vehicle("EG", "0.3m", "itar")), "itar-retransfer")


def test_mixed_content_sums_counted_classes(checker: Checker) -> None:
    data = vehicle("EG", "0.15m")
    data["items"][0]["components"].append(
        {"description": "radio", "origin": "US", "control": "ear", "unit_value_usd": "0.15m"}
    )
    (f,) = fired(check(checker, data), "ear-de-minimis")
    assert "30%" in f.why and "ear-600" in f.why and "ear $7.5m" in f.why


def test_missing_component_value_is_taken_as_over(checker: Checker) -> None:
    v = check(checker, vehicle("EG", None))
    (f,) = fired(v, "ear-de-minimis")
    assert any("share cannot be computed" in a for a in f.assumptions)


def test_600_series_before_export_control_reform_is_itar(checker: Checker) -> None:
    def with_usml(date: str, usml: str | None) -> Verdict:
        data = vehicle("EG", "0.1m", date=date)
        if usml:
            data["items"][0]["components"][0]["usml_category"] = usml
        return check(checker, data)

    # a category VII part (vehicles) moved on 2014-01-06
    v = with_usml("2014-01-05", "VII")
    (f,) = fired(v, "itar-retransfer")
    assert any("USML Category VII moved to the EAR only on 2014-01-06" in a for a in f.assumptions)
    assert not fired(v, "ear-de-minimis")
    after = with_usml("2014-01-06", "VII")
    assert not fired(after, "itar-retransfer") and outcome(after) == "clear"
    # without a category, the last move of a 600-series category (2016-12-31) is assumed
    assert fired(with_usml("2016-12-30", None), "itar-retransfer")
    assert not fired(with_usml("2016-12-31", None), "itar-retransfer")


# ---------------------------------------------------------------- 22 CFR 126.1


@pytest.mark.parametrize(
    ("country", "before", "on"),
    [
        ("RU", "2014-04-27", "2014-04-28"),  # the DDTC policy; the 126.1 listing of 2021 follows it
        ("KH", "2021-12-08", "2021-12-09"),
        ("NI", "2024-03-14", "2024-03-15"),
        ("VE", "2006-08-16", "2006-08-17"),
    ],
)
def test_126_1_listing_dates(checker: Checker, country: str, before: str, on: str) -> None:
    assert outcome(check(checker, heli(recipient=country, date=before))) == (
        "authorization-required"
    )
    v = check(checker, heli(recipient=country, date=on))
    assert outcome(v) == "denial"
    (f,) = fired(v, "proscribed-destination")
    assert on in f.why


def test_cambodia_removed_7_nov_2025(checker: Checker) -> None:
    assert outcome(check(checker, heli(recipient="KH", date="2025-11-06"))) == "denial"
    assert outcome(check(checker, heli(recipient="KH", date="2025-11-07"))) == (
        "authorization-required"
    )


def test_7_jul_2025_update_is_a_change_date(checker: Checker) -> None:
    t = read_transfer(text(heli(recipient="CF")), "t.yaml", checker.rulebook.reference)
    dates = change_dates(Context(t, t.date, checker.rulebook.reference))
    assert any(d == dt.date(2025, 7, 7) and "90 FR 29720" in label for d, label in dates)
    v = check(checker, heli(recipient="CF", date="2025-07-07"))
    assert fired(v, "proscribed-destination-case-by-case")
    assert "2025-07-07" in fired(v, "proscribed-destination-case-by-case")[0].why


@pytest.mark.parametrize(
    ("country", "eut", "expected"),
    [
        ("IQ", "government", "authorization-required"),
        ("IQ", "non-state", "denial"),
        ("LB", "government", "authorization-required"),
        ("LB", "un-mission", "authorization-required"),
        ("LB", "non-state", "denial"),
        ("ET", "government", "denial"),
        ("ET", "non-state", "authorization-required"),
        ("ER", "government", "denial"),
        ("ER", "un-mission", "authorization-required"),
    ],
)
def test_126_1_end_user_paragraphs(checker: Checker, country: str, eut: str, expected: str) -> None:
    data = heli(recipient=country, end_user_type=eut, date="2022-01-01")
    assert outcome(check(checker, data)) == expected


def test_ethiopia_before_listing(checker: Checker) -> None:
    v = check(checker, heli(recipient="ET", date="2021-10-31"))
    assert outcome(v) == "authorization-required"
    assert not [f for f in v.findings if "proscribed" in f.rule]
    assert outcome(check(checker, heli(recipient="ET", date="2021-11-01"))) == "denial"


@pytest.mark.parametrize(
    ("date", "eut", "expected"),
    [
        ("2020-09-30", "government", "denial"),
        ("2020-10-01", "government", "denial"),  # non-lethal only; lethal stays denied
        ("2022-09-30", "government", "denial"),
        ("2022-10-01", "government", "authorization-required"),
        ("2022-10-01", "non-state", "authorization-required"),  # policy suspended
        ("2019-01-01", "un-mission", "authorization-required"),
        ("2026-09-30", "government", "authorization-required"),  # FY2026 suspension
        ("2026-10-01", "government", "denial"),  # no FY2027 suspension confirmed
        ("2026-10-01", "un-mission", "authorization-required"),  # UNFICYP
    ],
)
def test_cyprus_phases(checker: Checker, date: str, eut: str, expected: str) -> None:
    assert outcome(check(checker, heli(recipient="CY", date=date, end_user_type=eut))) == expected


def test_cyprus_after_fy2026_rests_on_the_statutory_default(checker: Checker) -> None:
    v = check(checker, heli(recipient="CY", date="2026-12-15"))
    (f,) = fired(v, "proscribed-destination")
    assert any("unconfirmed" in a and "FY2027" in a for a in f.assumptions)


def test_end_user_type_not_given_read_strictly(checker: Checker) -> None:
    # Iraq 2021: 126.1(f) reviews the Government case by case, anyone else is denied; an end
    # user whose type is not given is read the stricter way, with the way out as a change
    from armscheck.api import read_transfer
    from armscheck.explore.counterfactuals import counterfactuals

    transfer = read_transfer(text(heli(end_user_type=None)), "t.yaml", checker.rulebook.reference)
    v = counterfactuals(checker, transfer, checker.check(transfer))
    (f,) = fired(v, "proscribed-destination")
    assert any(a.startswith("recipient.end_user_type not given; read as") for a in f.assumptions)
    assert "recipient.end_user_type" in [e.path for e in f.evidence]
    assert "type is not given" in f.why
    assert any("end user of type government" in c for c, _ in f.counterfactuals)
    assert outcome(check(checker, heli(end_user_type="government"))) == "authorization-required"


def test_end_user_type_not_given_where_it_does_not_matter(checker: Checker) -> None:
    # China: no end-user exception, so nothing is assumed about the end user
    (f,) = fired(check(checker, heli(recipient="CN", end_user_type=None)), "proscribed-destination")
    assert not any("end_user_type" in a for a in f.assumptions)
    # Ethiopia 2021: the denial aims at the Government, so reading it strictly is the same
    v = check(checker, heli(recipient="ET", date="2022-01-01", end_user_type=None))
    (g,) = fired(v, "proscribed-destination")
    assert any(a.startswith("recipient.end_user_type not given") for a in g.assumptions)


def test_retransfer_from_a_proscribed_supplier_is_denial(checker: Checker) -> None:
    v = check(checker, heli(supplier="RU", recipient="IN", date="2021-03-18"))
    (f,) = fired(v, "proscribed-destination")
    assert "originating in" in f.why and f.evidence[0].path == "supplier.country"
    before = check(checker, heli(supplier="RU", recipient="IN", date="2021-03-17"))
    assert outcome(before) == "authorization-required"


def test_no_defense_content_no_126_1(checker: Checker) -> None:
    data = heli(recipient="CN", components=[])
    fs = [f for f in facts(checker, data) if f.kind == "proscribed-country"]
    assert fs and fs[0].fields["defense_content"] is False
    assert outcome(check(checker, data)) == "clear"
    ear_only = vehicle("CN", "0.2m", control="ear")  # non-600 EAR content: not 126.1
    v = check(checker, ear_only)
    assert outcome(v) == "clear" and not [f for f in v.findings if "proscribed" in f.rule]


# ---------------------------------------------------------------- missing facts, catalogue


def test_unknown_control_is_checked_as_itar(checker: Checker) -> None:
    comp = {"description": "gearbox", "origin": "US", "unit_value_usd": "0.1m"}
    v = check(checker, heli(recipient="PK", components=[comp]))
    (f,) = fired(v, "itar-retransfer")
    assert sum("control not given" in a and "ITAR" in a for a in v.assumptions) == 1
    (ear99,) = [c for c in f.changes if ("items[0].components[0].control", "ear99") in c.edits]
    assert "in fact EAR99" in ear99.text


def test_unknown_control_to_china_is_denial(checker: Checker) -> None:
    comp = {"description": "gearbox", "origin": "US", "unit_value_usd": "0.1m"}
    assert outcome(check(checker, heli(recipient="CN", components=[comp]))) == "denial"


def test_component_without_origin_but_with_control(checker: Checker) -> None:
    comp = {"description": "radio", "control": "itar", "unit_value_usd": "0.1m"}
    (f,) = fired(check(checker, heli(recipient="PK", components=[comp])), "itar-retransfer")
    assert any("origin not given" in a for a in f.assumptions)


def test_component_without_origin_or_control_may_be_us(checker: Checker) -> None:
    # an unknown origin is never read as foreign: checked as ITAR content, and said so
    comp = {"description": "seat", "unit_value_usd": "0.1m"}
    v = check(checker, heli(recipient="PK", components=[comp]))
    assert outcome(v) == "authorization-required"
    (f,) = fired(v, "itar-retransfer")
    assert any("neither origin nor control given for 'seat'" in a for a in f.assumptions)
    foreign = check(checker, heli(recipient="PK", components=[{**comp, "origin": "FR"}]))
    assert outcome(foreign) == "clear"


def test_catalogue_components_are_reported(checker: Checker) -> None:
    item = {"description": "T129", "system": "T129 ATAK", "quantity": 6, "value_usd": "269.3m"}
    data = heli(recipient="PH", item=item)
    v = check(checker, data)
    (f,) = fired(v, "itar-retransfer")
    want = "components of items[0] taken from the systems catalogue entry T129 ATAK (estimates)"
    assert want in f.assumptions and want in v.assumptions
    assert f.evidence[0].path == "items[0].components[0]"
    line = text(data).splitlines()[f.evidence[0].line - 1]
    assert "system:" in line
    assert assert_changes_work(checker, data) >= 1


def test_catalogue_fact_without_us_content(checker: Checker) -> None:
    item = {"description": "TB2", "system": "TB2", "quantity": 24, "value_usd": "270m"}
    v = check(checker, heli(recipient="PL", item=item))
    assert outcome(v) == "clear"
    assert any("Bayraktar TB2 (estimates)" in a for a in v.assumptions)


# ---------------------------------------------------------------- US-origin items, US suppliers


def test_resale_of_us_origin_itar_item(checker: Checker) -> None:
    item = {
        "description": "used F-16",
        "category": "combat-aircraft",
        "origin": "US",
        "control": "itar",
        "quantity": 12,
        "value_usd": "500m",
    }
    v = check(checker, heli(supplier="IL", recipient="HR", item=item))
    (f,) = fired(v, "itar-retransfer")
    assert f.evidence[0].path == "items[0]" and "the whole item" in f.why


@pytest.mark.parametrize(
    ("control", "recipient", "fires"),
    [
        ("ear-600", "EG", True),
        ("ear", "EG", True),
        ("ear99", "EG", False),
        ("ear99", "KP", True),
        ("none", "EG", False),
    ],
)
def test_reexport_of_us_origin_ear_item(
    checker: Checker, control: str, recipient: str, fires: bool
) -> None:
    item = {
        "description": "truck",
        "category": "other-military",
        "origin": "US",
        "control": control,
        "value_usd": "1m",
    }
    v = check(checker, heli(supplier="DE", recipient=recipient, item=item))
    assert bool(fired(v, "ear-reexport")) is fires


@pytest.mark.parametrize(
    ("channel", "control", "recipient", "fires"),
    [
        ("dcs", "itar", "TR", True),
        ("fms", "itar", "TR", True),
        ("fms", "none", "TR", True),
        ("dcs", "ear", "TR", True),
        ("dcs", "ear99", "TR", False),
        ("dcs", "ear99", "CU", True),
        ("dcs", "none", "TR", False),
        ("dcs", None, "TR", True),
    ],
)
def test_us_export_licence(
    checker: Checker, channel: str, control: str | None, recipient: str, fires: bool
) -> None:
    item: dict[str, Any] = {"description": "kit", "category": "spare-parts", "value_usd": "10m"}
    if control:
        item["control"] = control
    data = heli(supplier="US", recipient=recipient, item=item, channel=channel)
    v = check(checker, data)
    found = fired(v, "us-export-licence")
    assert bool(found) is fires
    if found and channel == "fms":
        assert any(
            "SAMM" in c.url or "Security Assistance" in c.instrument for c in found[0].citations
        )
    if found and control is None:
        assert any("control not given" in a for a in found[0].assumptions)


def test_us_fms_to_lebanon_and_china(checker: Checker) -> None:
    item = {
        "description": "aircraft",
        "category": "combat-aircraft",
        "control": "itar",
        "value_usd": "1m",
    }
    lb = check(checker, heli(supplier="US", recipient="LB", item=item, channel="fms"))
    assert outcome(lb) == "authorization-required"
    assert fired(lb, "proscribed-destination-case-by-case") and fired(lb, "us-export-licence")
    cn = check(checker, heli(supplier="US", recipient="CN", item=item, channel="fms"))
    assert outcome(cn) == "denial"


def test_return_to_the_united_states_is_not_a_retransfer(checker: Checker) -> None:
    assert outcome(check(checker, heli(recipient="US"))) == "clear"


# ---------------------------------------------------------------- barred parties


@pytest.mark.parametrize(
    "name",
    [
        "SSB",
        "Savunma Sanayii Başkanlığı",
        "Savunma Sanayi Baskanligi",
        "Presidency of Defense Industries",
        "T.C. SSB",
    ],
)
def test_ssb_aliases_on_the_buying_side(checker: Checker, name: str) -> None:
    v = check(checker, heli(supplier="FR", recipient="TR", entities=[name]))
    (f,) = fired(v, "barred-party")
    assert outcome(v) == "denial" and f.evidence[0].path == "recipient.entities[0]"
    assert "2020-12-14" in f.why


def test_ssb_bar_dates(checker: Checker) -> None:
    before = check(
        checker, heli(supplier="FR", recipient="TR", entities=["SSB"], date="2020-12-13")
    )
    assert not fired(before, "barred-party") and outcome(before) == "authorization-required"
    on = check(checker, heli(supplier="FR", recipient="TR", entities=["SSB"], date="2020-12-14"))
    assert fired(on, "barred-party")


def test_ssb_as_end_user(checker: Checker) -> None:
    data = heli(supplier="FR", recipient="TR")
    data["recipient"]["end_user"] = "Presidency of Defence Industries"
    (f,) = fired(check(checker, data), "barred-party")
    assert f.evidence[0].path == "recipient.end_user"


def test_ssb_selling_or_buying_without_us_content(checker: Checker) -> None:
    seller = check(checker, heli(supplier="TR", recipient="PK", supplier_entities=["SSB"]))
    assert not fired(seller, "barred-party") and outcome(seller) == "authorization-required"
    no_us = check(checker, heli(supplier="FR", recipient="TR", entities=["SSB"], components=[]))
    assert not fired(no_us, "barred-party") and outcome(no_us) == "clear"


@pytest.mark.parametrize(("date", "barred"), [("2018-09-19", False), ("2018-09-20", True)])
def test_edd_bar(checker: Checker, date: str, barred: bool) -> None:
    item = {
        "description": "test equipment",
        "category": "dual-use",
        "control": "ear",
        "value_usd": "2m",
    }
    data = heli(supplier="US", recipient="CN", item=item, channel="dcs", date=date)
    data["recipient"]["entities"] = ["Equipment Development Department"]
    v = check(checker, data)
    assert bool(fired(v, "barred-party")) is barred
    assert outcome(v) == ("denial" if barred else "authorization-required")


# ---------------------------------------------------------------- change dates and changes


def test_change_dates_for_russia(checker: Checker) -> None:
    t = read_transfer(text(heli(recipient="RU")), "t.yaml", checker.rulebook.reference)
    dates = change_dates(Context(t, t.date, checker.rulebook.reference))
    assert any(d == dt.date(2014, 4, 28) and "DDTC statement" in w for d, w in dates)
    assert any(d == dt.date(2021, 3, 18) and w.startswith("86 FR 14802: Russia") for d, w in dates)
    assert (
        dt.date(2021, 3, 18),
        "15 CFR part 740 Supp. 1: Russia enters Country Group D:5",
    ) in dates


def test_change_dates_for_parties_and_content(checker: Checker) -> None:
    data = vehicle("CU", "0.1m", control="ear", entities=["Savunma Sanayi Baskanligi"])
    t = read_transfer(text(data), "t.yaml", checker.rulebook.reference)
    days = {d for d, _ in change_dates(Context(t, t.date, checker.rulebook.reference))}
    assert {dt.date(2019, 10, 21), dt.date(2015, 7, 22), dt.date(2020, 12, 14)} <= days


def test_family_registered(checker: Checker) -> None:
    ids = {r.id for r in checker.rulebook.rules if r.family == FAMILY}
    assert {
        "us-content/itar-retransfer",
        "us-content/ear-reexport",
        "us-content/us-export-licence",
        "us-content/proscribed-destination",
        "us-content/proscribed-destination-case-by-case",
        "us-content/proscribed-list-unread",
        "us-content/ear-de-minimis",
        "us-content/ear-de-minimis-below",
        "us-content/barred-party",
        "us-content/third-party-consent-pre-aeca",
        "us-content/us-export-licence-pre-aeca",
        "us-content/statutory-bar",
        "us-content/statutory-bar-certification",
        "us-content/blocked-party",
        "us-content/ear-embargoed-destination",
        "us-content/entity-list-denial",
        "us-content/entity-list-licence",
        "us-content/denied-person",
        "us-content/itar-debarred",
        "us-content/sdn-blocked",
        "us-content/official-lists-missing",
    } == ids


CHANGE_CASES = [
    heli(recipient="IQ", end_user_type="non-state"),
    heli(recipient="RU", date="2022-01-01"),
    heli(recipient="KH", date="2023-01-01"),
    heli(supplier="RU", recipient="IN", date="2022-01-01"),
    heli(recipient="PK", components=[{"description": "x", "origin": "US", "value_usd": "1m"}]),
    vehicle("EG", "0.3m"),
    vehicle("IQ", "0.2m"),
    vehicle("CU", "0.2m", control="ear"),
    vehicle("EG", None),
    heli(supplier="FR", recipient="TR", entities=["Aselsan", "SSB"]),
    heli(
        supplier="US",
        recipient="TR",
        entities=["SSB"],
        channel="dcs",
        item={
            "description": "kits",
            "category": "spare-parts",
            "control": "itar",
            "value_usd": "1bn",
        },
    ),
    heli(recipient="IN", item={"description": "Gripen", "system": "gripen-e", "value_usd": "85m"}),
]


@pytest.mark.parametrize("data", CHANGE_CASES)
def test_every_proposed_change_lifts_its_finding(checker: Checker, data: dict[str, Any]) -> None:
    assert assert_changes_work(checker, data) >= 1


@pytest.mark.parametrize(
    "path", sorted((ROOT / "scenarios").rglob("us-*.yaml")) + [SEED], ids=lambda p: p.name
)
def test_scenario_changes_lift_their_findings(checker: Checker, path: Path) -> None:
    assert_changes_work(checker, path.read_text(encoding="utf-8"))


def test_de_minimis_value_change_lands_at_threshold(checker: Checker) -> None:
    v = check(checker, vehicle("EG", "0.3m"))
    (f,) = fired(v, "ear-de-minimis")
    (reduce,) = [c for c in f.changes if "at or below 25%" in c.text]
    assert dict(reduce.edits)["items[0].components[0].unit_value_usd"] == 250000.0
    w = check(checker, apply_edits(vehicle("EG", "0.3m"), reduce.edits))
    assert outcome(w) == "clear"


def test_iraq_non_state_proposes_government(checker: Checker) -> None:
    v = check(checker, heli(recipient="IQ", end_user_type="non-state"))
    (f,) = fired(v, "proscribed-destination")
    assert any(("recipient.end_user_type", "government") in c.edits for c in f.changes)
    assert not any(dict(c.edits).get("date") for c in f.changes)  # earlier phases also deny


# ---------------------------------------------------------------- review fixes

T129_OWN_SIGHT = {
    "description": "T129B ATAK attack helicopter",
    "system": "t129-atak",
    "quantity": 6,
    "value_usd": "269.3m",
    "components": [
        {
            "description": "Aselsan ASELFLIR-300T targeting sight",
            "origin": "TR",
            "control": "none",
            "unit_value_usd": "1m",
        }
    ],
}


def test_catalogue_us_component_kept_when_file_lists_others(checker: Checker) -> None:
    data = heli(recipient="PH", date="2020-07-01", item=dict(T129_OWN_SIGHT))
    v = check(checker, data)
    (f,) = fired(v, "itar-retransfer")
    assert f.evidence[0].path == "items[0].components[1]"
    assert any("catalogue component LHTEC T800" in a and "override" in a for a in v.assumptions)
    assert_changes_work(checker, data)


def test_listed_component_sharing_a_word_overrides_the_catalogue(checker: Checker) -> None:
    item = dict(T129_OWN_SIGHT)
    item["components"] = [
        {"description": "T800 engine (licence-built)", "origin": "TR", "control": "none"}
    ]
    v = check(checker, heli(recipient="PH", date="2020-07-01", item=item))
    assert outcome(v) == "clear"
    assert not any("catalogue component" in a for a in v.assumptions)


def test_catalogue_without_us_components_is_said(checker: Checker) -> None:
    item = {"description": "Koral EW system", "system": "koral", "value_usd": "40m"}
    v = check(checker, heli(recipient="PK", item=item))
    assert outcome(v) == "clear"
    assert any("knows no significant US components for Koral" in a for a in v.assumptions)


@pytest.mark.parametrize(
    ("date", "rule"),
    [
        ("1961-09-03", None),
        ("1961-09-04", "third-party-consent-pre-aeca"),
        ("1976-06-29", "third-party-consent-pre-aeca"),
        ("1976-06-30", "itar-retransfer"),
    ],
)
def test_third_party_consent_before_the_aeca(checker: Checker, date: str, rule: str | None) -> None:
    v = check(checker, heli(supplier="DE", recipient="IL", date=date))
    names = {f.rule for f in v.findings if f.family == FAMILY}
    assert names == ({f"{FAMILY}/{rule}"} if rule else set())
    assert outcome(v) == ("authorization-required" if rule else "clear")


@pytest.mark.parametrize(
    ("date", "rule"),
    [
        ("1954-08-25", None),
        ("1965-01-15", "us-export-licence-pre-aeca"),
        ("1976-06-30", "us-export-licence"),
    ],
)
def test_us_export_before_the_aeca(checker: Checker, date: str, rule: str | None) -> None:
    item = {"description": "tank", "category": "battle-tank", "control": "itar", "value_usd": "1m"}
    v = check(checker, heli(supplier="US", recipient="IL", date=date, item=item, channel="dcs"))
    names = {f.rule for f in v.findings if f.family == FAMILY}
    assert names == ({f"{FAMILY}/{rule}"} if rule else set())


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("1991-12-31", "authorization-required"),
        ("1992-01-01", "denial"),  # the policy in place since 1992 (61 FR 33313)
        ("1996-06-13", "denial"),
        ("1996-06-14", "denial"),
        ("2002-07-01", "denial"),
        ("2002-07-02", "authorization-required"),
        ("2021-08-14", "authorization-required"),
        ("2021-08-15", "denial"),
    ],
)
def test_afghanistan_phases(checker: Checker, date: str, expected: str) -> None:
    assert outcome(check(checker, heli(recipient="AF", date=date))) == expected


def test_short_alias_only_in_its_own_country(checker: Checker) -> None:
    item = {
        "description": "carbine",
        "category": "small-arms",
        "control": "itar",
        "value_usd": "1m",
    }
    india = heli(supplier="US", recipient="IN", channel="dcs", item=item, date="2022-01-01")
    india["recipient"]["end_user"] = "Sashastra Seema Bal (SSB)"
    v = check(checker, india)
    assert not fired(v, "barred-party") and outcome(v) == "authorization-required"
    turkey = heli(supplier="FR", recipient="TR", entities=["Turkish SSB office"])
    (f,) = fired(check(checker, turkey), "barred-party")
    assert any("contains the acronym 'SSB'" in a for a in f.assumptions)


def test_general_level_near_a_group_change_carries_the_group_flag(checker: Checker) -> None:
    # Cyprus is outside D:5 in June 2026 (FY2026 suspension) and back in from 1 Oct 2026: the
    # general 25% level then rests on the unconfirmed D:5 dates, and the fact says so
    (f,) = [
        f
        for f in facts(checker, vehicle("CY", "0.2m", date="2026-06-01"))
        if f.kind == "de-minimis"
    ]
    assert f.fields["group"] == "other" and f.fields["over"] is False
    assert any("outside Country Group D:5" in a and "2026-10-01" in a for a in f.assumptions)
    (g,) = [f for f in facts(checker, vehicle("EG", "0.2m")) if f.kind == "de-minimis"]
    assert not any("Country Group" in a for a in g.assumptions)


def test_de_minimis_label_names_the_actual_groups(checker: Checker) -> None:
    v = check(checker, vehicle("CN", "0.2m", control="ear", date="2019-01-01"))
    f = fired(v, "ear-de-minimis-below") or [
        n for n in v.notes if n.startswith(f"{FAMILY}/ear-de-minimis-below")
    ]
    text_ = f[0].why if isinstance(f[0], Finding) else f[0]
    assert "none of D:5" not in text_ and "D:5" in text_


def test_missing_component_value_reads_as_unknown(checker: Checker) -> None:
    (f,) = fired(check(checker, vehicle("EG", None)), "ear-de-minimis")
    assert "share unknown (value not given); treated as over the threshold" in f.why
    assert "0%" not in f.why


def test_no_ear99_counterfactual_for_a_military_item(checker: Checker) -> None:
    item = {
        "description": "used attack helicopter",
        "category": "attack-helicopter",
        "origin": "US",
        "value_usd": "5m",
    }
    v = check(checker, heli(supplier="JO", recipient="PH", item=item, date="2019-09-03"))
    (f,) = fired(v, "itar-retransfer")
    assert not any("ear99" in str(c.edits) for c in f.changes)
    assert sum("control not given" in a for a in v.assumptions) == 1


def test_statutory_bar_denies_f35_to_turkey_from_the_act(checker: Checker) -> None:
    base = {
        "name": "F-35 for Turkey",
        "date": "2019-12-20",
        "channel": "fms",
        "supplier": {"country": "US"},
        "recipient": {"country": "TR"},
        "items": [
            {
                "description": "F-35A Lightning II",
                "category": "combat-aircraft",
                "control": "itar",
                "value_usd": "90m",
            }
        ],
    }
    on_day = checker.check(
        read_transfer(yaml.safe_dump(base), "t.yaml", checker.rulebook.reference)
    )
    assert on_day.families["us-content"] == "denial"
    assert any(f.rule == "us-content/statutory-bar" for f in on_day.findings)
    before = checker.check(
        read_transfer(
            yaml.safe_dump({**base, "date": "2019-12-19"}), "t.yaml", checker.rulebook.reference
        )
    )
    assert before.families["us-content"] == "authorization-required"
    elsewhere = checker.check(
        read_transfer(
            yaml.safe_dump({**base, "recipient": {"country": "NL"}}),
            "t.yaml",
            checker.rulebook.reference,
        )
    )
    assert not any(f.rule == "us-content/statutory-bar" for f in elsewhere.findings)


def test_sudan_e1_denial_states_its_own_licensing_policy(checker: Checker) -> None:
    """Sudan's E:1 licences followed 15 CFR 742.10(b) (case by case for non-military end
    users), not a part 746 embargo: the denial says it is the reading for a military end user;
    Iran's carries no such note."""
    raw = (ROOT / "scenarios" / "us-law" / "ear-sudan-e1-2021-01-13.yaml").read_text()
    sudan = check(checker, raw)
    (deny,) = [f for f in sudan.findings if f.rule == "us-content/ear-embargoed-destination"]
    assert any("742.10(b)" in a and "non-military" in a for a in deny.assumptions)
    iran_raw = raw.replace("country: SD", "country: IR").replace("  region: Khartoum\n", "")
    iran = check(checker, iran_raw)
    (deny,) = [f for f in iran.findings if f.rule == "us-content/ear-embargoed-destination"]
    assert not any("742.10" in a for a in deny.assumptions)
