"""The alias index finds exactly what scanning every alias with match_name finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from armscheck.families.parties import AliasIndex, alias_keys, match_name

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
