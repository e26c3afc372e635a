"""The rules on the official lists: merged hits, possible matches, notes, isolation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from armscheck.api import load_checker, read_transfer
from armscheck.official.model import country_codes
from armscheck.official.scenario import scenario_lists
from armscheck.regression.runner import run_scenario
from armscheck.verdict import Verdict

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "official"


def check(data: dict[str, Any], lists: Path | None = FIXTURES) -> Verdict:
    checker = load_checker()
    ref = checker.rulebook.reference
    transfer = read_transfer(yaml.safe_dump(data).encode(), "t.yaml", ref)
    with scenario_lists(lists, country_codes(ref)):
        return checker.check(transfer)


def transfer(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Test transfer",
        "date": "2024-06-01",
        "supplier": {"country": "US", "entities": []},
        "recipient": {"country": "CN", "entities": ["Equipment Development Department"]},
        "channel": "dcs",
        "items": [
            {
                "description": "Navigation receivers",
                "category": "dual-use",
                "quantity": 5,
                "unit_value_usd": 10000,
                "control": "ear",
            }
        ],
    }
    data.update(over)
    return data


def rules(v: Verdict) -> set[str]:
    return {f.rule for f in v.findings} | {n.split(":", 1)[0] for n in v.notes}


def test_curated_and_official_entries_of_one_party_give_one_finding() -> None:
    v = check(transfer())
    fired = rules(v)
    assert "us-content/blocked-party" in fired and "us-content/sdn-blocked" not in fired
    blocked = next(f for f in v.findings if f.rule == "us-content/blocked-party")
    sources = [c.instrument for c in blocked.citations]
    assert "Specially Designated Nationals (OFAC)" in sources  # the official entry
    assert any("CAATSA" in s for s in sources)  # and the curated one's law
    assert {(m.list, m.entry) for m in blocked.matches} >= {("us-sdn", "24827")}


def test_official_party_alone_gives_its_own_finding() -> None:
    v = check(transfer(recipient={"country": "RU", "entities": ["Rosoboronexport"]}))
    found = next(f for f in v.findings if f.rule == "us-content/sdn-blocked")
    assert "RUSSIA-EO14024" in found.why
    assert "31 CFR part 587" in [c.instrument for c in found.citations]


def test_unknown_programme_falls_back_to_ieepa(tmp_path: Path) -> None:
    (tmp_path / "sdn.xml").write_text(
        (FIXTURES / "sdn.xml")
        .read_text(encoding="utf-8")
        .replace("<program>RUSSIA-EO14024</program>", "<program>NEW-PROGRAM</program>"),
        encoding="utf-8",
    )
    v = check(transfer(recipient={"country": "RU", "entities": ["Rosoboronexport"]}), tmp_path)
    found = next(f for f in v.findings if f.rule == "us-content/sdn-blocked")
    assert "International Emergency Economic Powers Act" in [c.instrument for c in found.citations]


def test_possible_match_is_an_assumption_never_silent() -> None:
    data = transfer(
        supplier={"country": "RU", "entities": ["Almaz-Antey"]},
        recipient={"country": "IN", "end_user": "Indian Air Force"},
        items=[{"description": "Radar", "category": "radar-and-sensors", "value_usd": "20m"}],
    )
    data.pop("channel")
    v = check(data)
    assert "caatsa/sdn-designation-unrelated" in rules(v)
    assert any("possible match" in a and "Almaz-Antey" in a for a in v.assumptions)


def test_notes_say_which_lists_were_not_imported() -> None:
    v = check(transfer(), None)
    notes = [n for n in v.notes if "official lists not imported" in n]
    assert len(notes) == 3
    assert any("Entity List (BIS)" in n and "Denied Persons" in n for n in notes)
    assert any("UN Security Council Consolidated List" in n for n in notes)
    quiet = check(transfer(recipient={"country": "CN", "entities": []}), None)
    assert not [n for n in quiet.notes if "official lists not imported" in n]  # nothing to screen


def test_un_listed_person_of_a_designated_regime() -> None:
    data = transfer(
        supplier={"country": "CZ", "entities": []},
        recipient={"country": "PK", "end_user": "Pakistani Relief Foundation"},  # an alias
        items=[{"description": "Rifles", "category": "small-arms", "value_usd": 50000}],
    )
    data.pop("channel")
    v = check(data)
    found = next(f for f in v.findings if f.rule == "un-embargo/listed-person")
    assert "QDe.121" in found.why and "ISIL (Da'esh) and Al-Qaida" in found.why
    assert [c.instrument for c in found.citations][:2] == [
        "Charter of the United Nations",
        "UN Security Council Consolidated List",
    ]
    assert "UNSCR 1390 (2002)" in [c.instrument for c in found.citations]


def test_scenarios_never_read_the_users_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from armscheck.official import store

    codes = country_codes(load_checker().rulebook.reference)
    for name in ("un-consolidated.xml", "csl.json", "sdn.xml"):
        store.import_file(FIXTURES / name, codes, tmp_path)
    monkeypatch.setenv("ARMSCHECK_DATA_DIR", str(tmp_path))
    scenario = tmp_path / "s.yaml"
    data = transfer(
        recipient={"country": "AE", "entities": ["Gulf Defence Brokers FZE"]},
        expect={"not_rules": ["us-content/itar-debarred"]},
    )
    data["items"][0]["control"] = "itar"
    data["items"][0]["category"] = "other-military"
    scenario.write_text(yaml.safe_dump(data), encoding="utf-8")
    res = run_scenario(load_checker(), scenario)
    assert res.passed, res.mismatches
    assert res.verdict is not None
    assert any("official lists not imported" in n for n in res.verdict.notes)
