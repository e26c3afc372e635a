"""The curated lists under rules/lists as screening entries: the spellings of the report."""

from __future__ import annotations

import pytest

from armscheck.api import load_checker
from armscheck.screening import Index, curated


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(curated.all_entries(load_checker().rulebook.reference))


@pytest.mark.parametrize(
    ("name", "country", "ref"),
    [
        ("Huthi forces", "YE", "houthis"),
        ("Ḥūthī militia", "YE", "houthis"),
        ("Hizb Allah", "LB", "lebanon"),
        ("Rosoboronexpot", "RU", "rosoboronexport"),
        ("Rosobornexport", "RU", "rosoboronexport"),
        ("ОАО «Рособоронэкспорт»", "RU", "rosoboronexport"),
        ("Алмаз-Антей", "RU", "almaz-antey"),
        ("SS\u0412", "TR", "tr-ssb"),  # a Cyrillic В
        ("Hez\u00adbollah", "LB", "lebanon"),  # a soft hyphen
    ],
)
def test_each_spelling_in_the_report_finds_its_party(
    index: Index, name: str, country: str, ref: str
) -> None:
    assert ref in [h.entry.ref for h in index.screen(name, country=country)]


def test_an_indian_roe_ltd_is_not_rosoboronexport(index: Index) -> None:
    assert index.screen("ROE Ltd", country="IN") == []
    assert all(not h.exact for h in index.screen("ROE Ltd"))


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Rostelecom", "RU"),
        ("Almaz Jewellery", "IN"),
        ("Hizb ut-Tahrir", "GB"),
        ("SSB Bank", "IN"),
        ("Oak Industries", "US"),
    ],
)
def test_false_friends_find_nothing(index: Index, name: str, country: str) -> None:
    assert index.screen(name, country=country) == []


def test_every_curated_list_gives_entries() -> None:
    reference = load_checker().rulebook.reference
    for shape in curated.SHAPES:
        entries = curated.entries(reference, shape)
        assert entries, shape.file
        assert all(e.names and e.list_id == shape.list_id for e in entries)
