"""The screening engine: normalisation, tiers, evidence, explanations, index and limits."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armscheck.errors import InputError
from armscheck.screening import Entry, Index, NameTooLong, disk, normalise, sources
from armscheck.screening.combined import Combined
from armscheck.screening.model import entry_dict, entry_from

ENTRIES = (
    Entry(
        "caatsa/specified-persons",
        "rosoboronexport",
        ("Rosoboronexport", "Rosoboroneksport", "ROE", "JSC Rosoboronexport", "Рособоронэкспорт"),
        countries=("RU",),
        listed_from=dt.date(2017, 10, 27),
    ),
    Entry(
        "caatsa/specified-persons",
        "almaz-antey",
        ("Almaz-Antey", "Concern VKO Almaz-Antey", "Алмаз-Антей"),
        countries=("RU",),
    ),
    Entry("caatsa/specified-persons", "rostec", ("Rostec", "Rostekh"), countries=("RU",)),
    Entry(
        "un/listed-groups",
        "houthis",
        ("Houthis (Ansar Allah)", "Houthi", "Huthis", "Al-Huthi", "Ansar Allah"),
        kind="group",
        countries=("YE",),
    ),
    Entry("un/non-state", "hezbollah", ("Hezbollah", "Hizballah"), kind="group", countries=("LB",)),
)
INDEX = Index(ENTRIES)


def refs(name: str, country: str | None = None, tier: str | None = None) -> list[str]:
    return [h.entry.ref for h in INDEX.screen(name, country=country) if tier in (None, h.tier)]


@pytest.mark.parametrize(
    ("name", "country", "ref"),
    [
        ("Huthi forces", "YE", "houthis"),
        ("Ḥūthī militia", "YE", "houthis"),
        ("Hizb Allah", "LB", "hezbollah"),
        ("Rosoboronexpot", "RU", "rosoboronexport"),
        ("Rosobornexport", "RU", "rosoboronexport"),
        ("ОАО «Рособоронэкспорт»", "RU", "rosoboronexport"),
        ("Алмаз-Антей", "RU", "almaz-antey"),
    ],
)
def test_every_spelling_in_the_report_finds_its_party(name: str, country: str, ref: str) -> None:
    assert refs(name, country)[:1] == [ref]


def test_an_acronym_abroad_is_not_a_match() -> None:
    assert refs("ROE Ltd", "IN") == []
    assert refs("ROE Ltd", None, "exact") == []
    assert refs("ROE Ltd", "RU", "exact") == ["rosoboronexport"]


@pytest.mark.parametrize(
    ("name", "country"),
    [("Rostelecom", "RU"), ("Almaz Jewellery", "RU"), ("Hizb ut-Tahrir", "GB"), ("Roe", "IN")],
)
def test_false_friends_stay_silent(name: str, country: str) -> None:
    assert refs(name, country) == []


def test_a_hit_explains_itself() -> None:
    (hit,) = INDEX.screen("ОАО «Рособоронэкспорт»")
    assert (hit.tier, hit.score, hit.alias) == ("exact", 1.0, "Rosoboronexport")
    assert "Cyrillic transliterated" in hit.normalised
    assert "legal form 'OAO' removed" in hit.normalised
    (typo,) = INDEX.screen("Rosoboronexpot")
    assert typo.tier == "possible" and 0.86 <= typo.score < 1
    assert "similar spelling" in typo.why()


def test_invisible_characters_and_look_alikes() -> None:
    assert refs("Hez\u00adbol\u200dlah", "LB", "exact") == ["hezbollah"]
    assert refs("\u202eHezbollah", "LB", "exact") == ["hezbollah"]
    n = normalise("R\u043esoboronexport")
    assert n.flat == normalise("Rosoboronexport").flat
    assert any("U+043E" in s for s in n.steps)


def test_dates_keep_entries_listed_on_the_day() -> None:
    assert refs("Rosoboronexport") == ["rosoboronexport"]
    assert INDEX.screen("Rosoboronexport", on=dt.date(2017, 10, 26)) == []


def test_over_long_names_are_refused() -> None:
    with pytest.raises(NameTooLong) as caught:
        INDEX.screen("x" * 501)
    assert isinstance(caught.value, InputError)


def test_the_index_pickles() -> None:
    again = pickle.loads(pickle.dumps(INDEX))
    assert again.screen("Rosoboronexport")[0].entry == ENTRIES[0]


def test_sources_registry() -> None:
    sources.register("test", lambda: ENTRIES[:1])
    try:
        assert "test" in sources.names()
        assert sources.index(["test"]).screen("ROE", country="RU")[0].tier == "exact"
    finally:
        sources.unregister("test")
    assert "test" not in sources.names()


def test_an_index_file_screens_like_the_index_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "lists.sqlite"
    disk.save(ENTRIES, path)
    on_disk = disk.DiskIndex(path)
    try:
        assert len(on_disk) == len(ENTRIES)
        for name, country in [
            ("ОАО «Рособоронэкспорт»", None),
            ("Rosoboronexpot", "RU"),
            ("Huthi forces", "YE"),
            ("ROE Ltd", "IN"),
            ("Almaz Jewellery", "RU"),
        ]:
            assert on_disk.screen(name, country=country) == INDEX.screen(name, country=country)
        both = Combined([INDEX, on_disk]).screen("Rosoboronexport")
        assert [h.entry.ref for h in both] == ["rosoboronexport", "rosoboronexport"]
    finally:
        on_disk.close()


def test_an_index_file_from_another_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lists.sqlite"
    path.write_bytes(b"not a database at all, just some bytes" * 100)
    with pytest.raises(disk.StaleIndex):
        disk.DiskIndex(path)
    disk.save(ENTRIES, path)
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE meta SET value = 'armscheck-screening-0' WHERE key = 'version'")
    db.close()
    with pytest.raises(disk.StaleIndex, match="armscheck-screening-0"):
        disk.DiskIndex(path)


def test_entries_round_trip_through_json() -> None:
    entry = Entry(
        "us-csl/entity-list",
        "E1",
        ("A", "B"),
        countries=("CN",),
        listed_from=dt.date(2020, 1, 2),
        programs=("EAR",),
        extra={"license_policy": "presumption of denial"},
    )
    assert entry_from(json.loads(json.dumps(entry_dict(entry)))) == entry


INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u2066"]
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=5), data=st.data())
def test_names_differing_only_in_invisibles_case_width_or_accents_screen_the_same(
    words: list[str], data: st.DataObject
) -> None:
    name = " ".join(words)
    plain = normalise(name)
    spots = data.draw(st.lists(st.integers(0, len(name)), max_size=4))
    marked = name
    for i in sorted(spots, reverse=True):
        marked = marked[:i] + data.draw(st.sampled_from(INVISIBLE)) + marked[i:]
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isalpha() else c for c in name)  # fullwidth
    accented = "".join(c + "\u0301" if c in "aeiou" else c for c in name)
    for variant in (marked, name.upper(), name.title(), wide, accented):
        assert normalise(variant).flat == plain.flat, variant


def test_an_index_file_is_rebuilt_when_its_entries_change(tmp_path: Path) -> None:
    path = tmp_path / "lists.sqlite"
    calls: list[int] = []

    def entries() -> tuple[Entry, ...]:
        calls.append(1)
        return ENTRIES

    first = disk.cached(path, "sha-1", entries)
    first.close()
    again = disk.cached(path, "sha-1", entries)
    assert len(calls) == 1 and again.screen("ROE", country="RU")
    again.close()
    disk.cached(path, "sha-2", entries).close()
    assert len(calls) == 2


def test_country_and_kind_weigh_a_possible_match() -> None:
    (plain,) = INDEX.screen("Rosoboronexpot")
    (home,) = INDEX.screen("Rosoboronexpot", country="RU")
    (person,) = INDEX.screen("Rosoboronexpot", country="RU", kind="individual")
    assert person.score < plain.score < home.score
    assert any("the entry is an entity, the party an individual" in r for r in person.reasons)
    assert INDEX.screen("Rosoboronexpot", country="FR", kind="individual") == []


def test_names_that_differ_in_a_telling_word_are_not_possible_matches() -> None:
    ministry = Index(
        [
            Entry(
                "caatsa/iranian-end-users",
                "modafl",
                ("Ministry of Defence of Iran",),
                countries=("IR",),
            )
        ]
    )
    assert ministry.screen("Iraqi Ministry of Defence", country="IQ") == []
    assert ministry.screen("Indian Ministry of Defence", country="IN") == []
    assert ministry.screen("Ministry of Defence of Iran", country="IQ")[0].exact


_EDITS = st.lists(
    st.tuples(st.integers(0, 40), st.sampled_from("abdeinorst -"), st.sampled_from("dis")),
    max_size=6,
)


def _edited(text: str, edits: list[tuple[int, str, str]]) -> str:
    chars = list(text)
    for at, char, op in edits:
        at = at % (len(chars) + 1)
        if op == "i" or not chars:
            chars.insert(at, char)
        elif op == "d":
            del chars[at % len(chars)]
        else:
            chars[at % len(chars)] = char
    return "".join(chars)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abdeinorst -", max_size=40), st.lists(_EDITS, max_size=12))
def test_fuzzy_comparisons_made_without_rapidfuzz_give_its_answers(
    text: str, edits: list[list[tuple[int, str, str]]]
) -> None:
    from rapidfuzz import fuzz, process

    from armscheck.screening import fuzzy
    from armscheck.screening.index import PREFILTER

    pool = [_edited(text, e) for e in edits]
    whole = process.extract(text, pool, scorer=fuzz.ratio, score_cutoff=PREFILTER, limit=None)
    mine = fuzzy.passing(text, pool, PREFILTER)  # as a process without rapidfuzz finds them
    assert mine == [(s, k) for _, s, k in whole]
    for other in pool:  # every score, to the last bit
        assert fuzzy._similarity(text, other) * 100 == fuzz.ratio(text, other)
        words, theirs = " ".join(text.split("-")), " ".join(other.split("-"))
        assert fuzzy._sorted_similarity(words, theirs) * 100 == fuzz.token_sort_ratio(words, theirs)


def test_a_pool_is_compared_with_the_masks_of_its_text_made_once() -> None:
    """passing() scores each of the pool as _similarity() does, letters the text lacks too."""
    from rapidfuzz import fuzz

    from armscheck.screening import fuzzy

    text = "rosoboron export"
    pool = ["rosoboronexport jsc", "xyz", "", "qq rosoboron wexport", "exportrosoboron", text]
    got = fuzzy.passing(text, pool, 0)
    assert sorted(k for _, k in got) == list(range(len(pool)))
    for score, k in got:
        assert score == fuzzy._similarity(text, pool[k]) * 100 == fuzz.ratio(text, pool[k])
    assert fuzzy.passing("", ["", "a"], 0) == [(100.0, 0), (0.0, 1)]


LISTED_COMPANIES = Index(
    [
        Entry(
            "un-sc", "KPe.050", ("MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES",), countries=("KP",)
        ),
        Entry("un-sc", "KPe.004", ("GREEN PINE ASSOCIATED CORPORATION",), countries=("KP",)),
        Entry("un-sc", "KPe.x", ("EXTERNAL TECHNOLOGY GENERAL CORPORATION",), countries=("KP",)),
        Entry("un-sc", "IRe.x", ("Ammunition Industries Group",), countries=("IR",)),
        Entry("un-sc", "QDe.x", ("Abu Ahmed Group",), kind="group"),
        Entry("un-sc", "RUe.x", ("Wagner Group",), kind="group", countries=("RU",)),
    ]
)


@pytest.mark.parametrize(
    ("name", "country", "ref"),
    [
        (
            "Mansudae Overseas Project Architectural and Technical Services (Pty) Ltd",
            "NA",
            "KPe.050",
        ),
        ("Mansudae Overseas Project", None, "KPe.050"),
        ("Green Pine Shipping Co Ltd", None, "KPe.004"),
    ],
)
def test_a_name_beginning_with_a_listed_companys_leading_words_is_possible(
    name: str, country: str | None, ref: str
) -> None:
    (hit,) = LISTED_COMPANIES.screen(name, country=country)
    assert (hit.entry.ref, hit.tier, hit.leading) == (ref, "possible", True)
    assert "without its generic words" in hit.why()


def test_short_leading_words_are_weak_evidence_abroad() -> None:
    assert LISTED_COMPANIES.screen("Green Pine Shipping Co Ltd", country="MY") == []


@pytest.mark.parametrize(
    "name",
    [
        "Overseas Mansudae Project Services",  # the words, but not leading
        "Mansudae Art Supplies",  # fewer than the leading words
        "External Technology Solutions Ltd",  # leading words all ordinary
        "Ammunition Supply Ltd",
        "Abu Ahmed Trading Est.",
        "Wagner Logistics GmbH",  # one short leading word
    ],
)
def test_ordinary_leading_words_do_not_make_a_match(name: str) -> None:
    assert [h for h in LISTED_COMPANIES.screen(name) if h.leading] == []


def test_leading_words_never_make_an_exact_match() -> None:
    hits = LISTED_COMPANIES.screen("Mansudae Overseas Project", country="KP")
    assert [(h.tier, h.leading) for h in hits] == [("possible", True)]
    assert LISTED_COMPANIES.screen("Mansudae Overseas Project", country="KP", fuzzy=False) == []
