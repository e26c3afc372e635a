"""Fast paths give exactly what the general paths they replace give.

* the alias index finds what scanning every alias with match_name finds;
* explanations render as string.Formatter renders them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armscheck.facts import Fact
from armscheck.families.parties import AliasIndex, alias_keys, match_name

ROOT = Path(__file__).resolve().parents[1]
ENTRIES = [
    ["Rosoboronexport", "Rosoboron Export", "ROE", "JSC Rosoboronexport"],
    ["Almaz-Antey", "Almaz Antei", "Concern VKO Almaz-Antey"],
    ["Presidency of Defense Industries", "SSB", "Savunma Sanayii Baskanligi"],
    ["Ural Vagon Zavod", "Uralvagonzavod", "UVZ"],
    ["KBP Instrument Design Bureau", "KBP"],
    ["United Aircraft Corporation", "UAC", "OAK"],
]
HOMES = ["RU", "RU", "TR", "RU", "RU", ""]
WORDS = sorted(
    {w for names in ENTRIES for n in names for w in n.replace("-", " ").split()}
    | {"Oak", "Trading", "Ltd", "the", "of", "Export", "Concern", "Corp"}
)
INDEX = AliasIndex([alias_keys(names) for names in ENTRIES])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=7),
    st.sampled_from(["RU", "TR", "IN", "US"]),
    st.booleans(),
)
def test_index_agrees_with_the_scan(words: list[str], country: str, strict: bool) -> None:
    name = " ".join(words)
    scanned = {
        row: found
        for row, names in enumerate(ENTRIES)
        if (found := match_name(name, alias_keys(names), country, HOMES[row], strict=strict))
    }
    assert INDEX.matches(name, country, HOMES, strict=strict) == scanned


def test_a_long_name_costs_little() -> None:
    name = " ".join(["word"] * 5000 + ["Rosoboronexport"])
    assert INDEX.matches(name, "RU", HOMES) == {0: ("Rosoboronexport", False)}


@pytest.mark.parametrize(
    "template",
    [
        "plain text",
        "{a} and {b!r} {{literal}} {missing}",
        "{n:,.2f} {n:>12} {a!s:^9}",
        "{ctx.where} {ctx.nothing}",
        "{a[0]}",
        "{} positional",
        "{n:{width}}",
    ],
)
def test_explanations_render_as_the_general_formatter_does(template: str) -> None:
    import string

    from armscheck.checker import _Ctx, _Fields, render

    facts = [
        Fact("k", "x", {"a": "alpha", "b": "b", "n": 1234.5, "width": 9}, context={"where": "here"})
    ]
    values = _Fields(facts[0].fields)
    values["ctx"] = _Ctx(dict(facts[0].context))
    try:
        expected = string.Formatter().vformat(template, (), values)
    except Exception as exc:  # noqa: BLE001 - the same error type is expected
        with pytest.raises(type(exc)):
            render(template, facts)
        return
    assert render(template, facts) == expected


def test_the_matrix_varies_only_the_recipient() -> None:
    from armscheck.api import load_checker
    from armscheck.explore.counterfactuals import apply_change, with_recipient
    from armscheck.facts import Change
    from armscheck.transfer.model import load_transfer

    checker = load_checker()
    seed = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"
    transfer = load_transfer(seed, checker.rulebook.reference)
    for code in ("IR", "PK", "US", "SD", "TR"):
        change = Change(code, (("recipient.country", code), ("recipient.region", None)))
        read_again = apply_change(checker, transfer, change)[0]
        fast = with_recipient(checker, transfer, code)
        assert fast == read_again and fast.doc.data == read_again.doc.data
        assert checker.check(fast).as_dict() == checker.check(read_again).as_dict()
