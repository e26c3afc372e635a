"""UN embargo phases: annexed item lists, item rules, lethality, unconfirmed flags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from armscheck.api import load_checker, read_transfer
from armscheck.families.un_embargo.annexes import SEVERITY
from armscheck.verdict import Verdict

ROOT = Path(__file__).resolve().parents[1]
EMBARGOES = yaml.safe_load((ROOT / "rules/lists/un-embargoes.yaml").read_text(encoding="utf-8"))
CATEGORIES = yaml.safe_load((ROOT / "rules/lists/categories.yaml").read_text(encoding="utf-8"))
FLAG = "unconfirmed entry"


def _check(data: dict[str, Any]) -> Verdict:
    checker = load_checker()
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return checker.check(read_transfer(text, "t.yaml", checker.rulebook.reference))


def _phases() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(e, p) for e in EMBARGOES["embargoes"] for p in e["phases"]]


def test_item_rules_and_annexes_are_well_formed() -> None:
    annexes = {a["id"]: a for a in EMBARGOES.get("annexes") or []}
    cats = set(CATEGORIES["categories"])
    for a in annexes.values():
        for entry in a["entries"]:
            assert set(entry.get("categories") or []) <= cats, entry["label"]
            assert set(entry.get("possible_unnamed") or []) <= set(entry["categories"])
    used = set()
    for e, p in _phases():
        if p.get("annex"):
            used.add(p["annex"])
        for rule in p.get("item_rules") or []:
            assert rule["status"] in SEVERITY, (e["id"], rule)
            assert ("annex" in rule) != ("lethal" in rule), (e["id"], rule)
            used.add(rule.get("annex"))
    used.discard(None)
    assert used <= set(annexes), used - set(annexes)
    assert set(annexes) <= used, "an annex no phase uses"


def _unconfirmed() -> list[Any]:
    return [
        pytest.param(e, p, id=f"{e['id']}-{p['from']}")
        for e, p in _phases()
        if p.get("unconfirmed") and e.get("target")
    ]


def _transfer(e: dict[str, Any], p: dict[str, Any]) -> dict[str, Any]:
    items = p.get("items")
    category = items[0] if isinstance(items, list) else "small-arms"
    if items == "register" or p.get("annex"):
        category = "battle-tank"
    recipient: dict[str, Any] = {"country": "FR", "end_user_type": "government"}
    supplier = "BG"
    if e["direction"] == "export":
        supplier = e["target"]
    else:
        recipient = {"country": e["target"], "end_user_type": "non-state"}
        if p.get("scope") == "region":
            recipient["region"] = p["regions"][0]
        if p.get("scope") == "listed":
            recipient["end_user"] = p["groups"][0].replace("-", " ")
        if e["target"] == "BG":
            supplier = "RO"
    return {
        "name": "t",
        "date": p["from"],
        "supplier": {"country": supplier},
        "recipient": recipient,
        "items": [
            {"description": "item", "category": category, "quantity": 1, "unit_value_usd": 1000}
        ],
    }


@pytest.mark.parametrize(("embargo", "phase"), _unconfirmed())
def test_an_unconfirmed_un_phase_is_flagged(embargo: dict[str, Any], phase: dict[str, Any]) -> None:
    data = _transfer(embargo, phase)
    v = _check(data)
    found = [f for f in v.findings if f.family == "un-embargo" and f.outcome != "clear"]
    assert found, (embargo["id"], v.families)
    assert any(FLAG in a and embargo["id"] in a for f in found for a in f.assumptions)


@pytest.mark.parametrize(("embargo", "phase"), _unconfirmed())
def test_a_clear_resting_on_an_unconfirmed_un_phase_says_so(
    embargo: dict[str, Any], phase: dict[str, Any]
) -> None:
    data = _transfer(embargo, phase)
    data["items"][0]["category"] = "dual-use"  # outside every item scope
    v = _check(data)
    if v.families["un-embargo"] == "clear":
        assert any("unconfirmed entry" in n for n in v.notes), v.notes


def test_non_lethal_counterfactual_is_offered() -> None:
    data = {
        "name": "t",
        "date": "2015-01-01",
        "supplier": {"country": "GB"},
        "recipient": {"country": "LY", "end_user_type": "government"},
        "items": [
            {"description": "helmets", "category": "other-military", "quantity": 1, "value_usd": 9}
        ],
    }
    v = _check(data)
    (f,) = [f for f in v.findings if f.rule == "un-embargo/prior-approval"]
    assert any("lethal not given" in a for a in f.assumptions)
    assert any(e == ("items[0].lethal", False) for c in f.changes for e in c.edits)
    data["items"][0]["lethal"] = False
    assert _check(data).families["un-embargo"] == "clear"
