"""The UN entities bundled in rules/lists/un-listed-entities.yaml, used without an imported list."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from armscheck.verdict import Verdict
from test_official_rules import check as official_check

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "official"
BUNDLED = "bundled entity list only"


def check(data: dict[str, Any], lists: Path | None = None) -> Verdict:
    return official_check(data, lists)  # no imported list unless ``lists`` is given


def transfer(end_user: str, date: str = "2019-06-01", **recipient: Any) -> dict[str, Any]:
    return {
        "name": "Test transfer",
        "date": date,
        "supplier": {"country": "BG"},
        "recipient": {"country": "PH", "end_user": end_user, **recipient},
        "items": [
            {
                "description": "Rifles",
                "category": "small-arms",
                "quantity": 5,
                "unit_value_usd": 900,
            }
        ],
    }


def fired(v: Verdict) -> set[str]:
    return {f.rule for f in v.findings} | {n.split(":", 1)[0] for n in v.notes}


def test_a_listed_entity_is_found_without_an_imported_list() -> None:
    v = check(transfer("Abu Sayyaf Group", end_user_type="armed-group"))
    assert v.verdict == "prohibited" and "un-embargo/listed-person" in fired(v)
    cited = [c for f in v.findings for c in f.citations]
    assert any(
        "QDe.001" in (c.pinpoint or "") and "bundled copy" in (c.pinpoint or "") for c in cited
    )


def test_a_clear_for_a_non_state_end_user_states_the_partial_screening() -> None:
    v = check(transfer("Hill Country Volunteers", end_user_type="non-state"))
    assert v.verdict == "clear"
    assert any(BUNDLED in a for a in v.assumptions)


def test_a_government_end_user_gets_the_note_but_no_assumption() -> None:
    v = check(transfer("Philippine Army", end_user_type="government"))
    assert "un-embargo/official-list-missing" in fired(v)
    assert not any(BUNDLED in a for a in v.assumptions)


def test_an_imported_list_replaces_the_bundled_copy() -> None:
    v = check(transfer("Hill Country Volunteers", end_user_type="non-state"), FIXTURES)
    assert not any(BUNDLED in a for a in v.assumptions)
    assert "un-embargo/official-list-missing" not in fired(v)


def test_iran_entities_leave_the_list_in_2023_and_return_with_the_snapback() -> None:
    def hit(date: str) -> bool:
        v = check(transfer("Defence Industries Organisation", date, country="AE"))
        return "un-embargo/listed-person-territorial" in fired(v)

    assert hit("2020-01-01") and not hit("2024-06-01") and hit("2025-09-28")
    assert not hit("2025-09-27")


def test_a_near_miss_abroad_is_not_taken_from_the_bundled_copy() -> None:
    # "Ministry of Defence" is an alias of the DPRK's ministry (KPe.054)
    v = check(transfer("Philippine Ministry of Defence"))
    assert "un-embargo/listed-person" not in fired(v)


def test_the_generator_reads_the_official_format(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("un_entities", ROOT / "tools" / "un_entities.py")
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    sys.modules["un_entities"] = tool
    spec.loader.exec_module(tool)
    rows = tool.build(
        [str(FIXTURES / "un-consolidated.xml")],
        [{"ref": "QDe.999", "regime": "QD", "manual": True}],
    )
    assert rows and all(r.get("manual") or r["regime"] in tool.REGIMES for r in rows)
    assert any(r.get("manual") for r in rows)
    assert tool._parts("TEHRIK-E TALIBAN PAKISTAN (TTP)")[1:] == [
        "TEHRIK-E TALIBAN PAKISTAN",
        "TTP",
    ]
    assert tool._parts("AL-HARAMAIN FOUNDATION (PAKISTAN)") == ["AL-HARAMAIN FOUNDATION (PAKISTAN)"]


def test_a_name_kept_as_a_possible_match_abroad_is_still_found_at_home() -> None:
    # each name's possible-only countries are kept from check to check: they say where the
    # name may match, so the same name in the listed entry's own country is still found
    name = "Philippine Ministry of Defence"  # a possible match of KPe.054 (KP) only
    for country, found in (("PH", False), ("KP", True), ("PH", False), ("KP", True)):
        v = check(transfer(name, country=country))
        assert ("un-embargo/listed-person" in fired(v)) is found


def test_a_possible_only_answer_is_used_as_made_though_its_table_is_emptied() -> None:
    # the table holds a bounded number of names, and another thread may empty it between a
    # name's answer being kept and being used: the answer is not read back from it
    from armscheck.families.un_embargo import bundled

    class Emptied(dict[str, Any]):
        def __setitem__(self, key: str, value: Any) -> None:
            super().__setitem__(key, value)
            self.clear()

    name = "Philippine Ministry of Defence"
    check(transfer(name))
    held = bundled._HELD[0]
    assert held is not None
    ref = held[0]
    kept = ref._memo[bundled.APART]
    ref._memo[bundled.APART], bundled._HELD[0] = Emptied(), None
    try:
        for country, found in (("PH", False), ("KP", True)):
            v = check(transfer(name, country=country))
            assert ("un-embargo/listed-person" in fired(v)) is found
    finally:
        ref._memo[bundled.APART], bundled._HELD[0] = kept, None
