"""An index's buckets made from its words' fuzzy keys are those of its whole key table.

:class:`armscheck.screening.index.Index` keeps the fuzzy keys by distinct word and makes a
key's bucket when a name looks it up; the buckets must be those of the whole table
(:attr:`~armscheck.screening.index.Index.keys`, made from each alias's keys), id for id and
in order, and screening must give the same hits.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from armscheck.screening.index import Index
from armscheck.screening.keys import query_keys
from armscheck.screening.normalise import normalise
from test_index_build import INDEXES, NAMES

FRESH = {name: Index(index.entries) for name, index in INDEXES.items() if isinstance(index, Index)}


def _same(name: str) -> None:
    keys = list(query_keys(normalise(name)))
    for list_name, fresh in FRESH.items():
        table = INDEXES[list_name].keys
        whole = {k: ids for k in keys if (ids := table.get(k))}
        assert list(fresh.buckets(keys).items()) == list(whole.items()), (list_name, name)


def test_the_lists_are_indexed() -> None:
    assert len(FRESH) >= 5 and max(map(len, FRESH.values())) > 100
    assert not any("keys" in vars(index) for index in FRESH.values())  # no whole table made


def test_every_listed_name_finds_the_buckets_of_the_whole_table() -> None:
    for name in NAMES:
        for text in (name, name + " Company", " ".join(name.split()[:2]), name[:-1]):
            if normalise(text).flat:
                _same(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=3).map(" ".join),
    st.text(alphabet="abcdeilmnorstuy ", max_size=12),
)
def test_mixed_names_find_the_buckets_of_the_whole_table(listed: str, extra: str) -> None:
    name = f"{listed} {extra}".strip()
    if normalise(name).flat:
        _same(name)


def test_an_index_screens_as_one_with_its_whole_table() -> None:
    index = max(FRESH.values(), key=len)
    names = [t for e in index.entries[:12] for t in e.names]
    names += ["Iraqi Ministry of Defence", "Turkish Aerospace Industries", "Rosoboronexport"]
    fresh, whole = Index(index.entries), Index(index.entries)
    assert whole.keys
    for name in names:
        assert fresh.screen(name) == whole.screen(name)
    assert "keys" not in vars(fresh)


def test_every_key_of_the_whole_table_finds_its_bucket() -> None:
    for list_name, fresh in FRESH.items():
        table = INDEXES[list_name].keys
        assert Index(fresh.entries).buckets(list(table)) == table, list_name
