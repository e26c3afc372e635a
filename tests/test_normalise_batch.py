"""Names normalised many at once, and the quick tests of a word's scripts, agree with one by one."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armscheck.screening import transliterate
from armscheck.screening.index import Index
from armscheck.screening.letters import _DOUBLED, one_of_each_run
from armscheck.screening.model import Entry, NameTooLong
from armscheck.screening.normalise import (
    _drop_forms,
    _fold_letters,
    _fold_mixed,
    _script,
    _transliterate,
    normalise,
)
from armscheck.screening.together import key_forms, normalise_all
from test_index_build import INDEXES, NAMES

ALPHABET = "aAbkhsScxyouwé1 .&'-ßДдоРрΑαοİı中国ال\u200d\u0301Ḁ\u2028"


def test_every_listed_name_normalised_at_once_is_as_alone() -> None:
    assert normalise_all(NAMES) == [normalise.__wrapped__(name) for name in NAMES]
    assert normalise_all([]) == []
    for index in INDEXES.values():
        assert index.norms == [normalise(index.texts[a]) for a in range(len(index.texts))]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=30), max_size=6))
def test_any_names_normalised_at_once_are_as_alone(names: list[str]) -> None:
    assert normalise_all(names) == [normalise.__wrapped__(name) for name in names]
    index = Index([Entry("test", str(i), (name, *names)) for i, name in enumerate(names)])
    assert index.norms == [normalise(text) for text in index.texts]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET + "ЕКМНТХВ\u1e00\u0250\u024f", min_size=1, max_size=12))
def test_a_word_in_one_script_stays_as_letter_by_letter(word: str) -> None:
    mine: list[str] = []
    theirs: list[str] = []
    assert _fold_mixed(word, mine) == _fold_letters(word, theirs)
    assert len(mine) == len(theirs)


def test_transliterated_characters_are_kept_for_the_next_name() -> None:
    before = len(transliterate._ascii)
    assert transliterate.anyascii("Ḁ Ꭰ 𝔄") == transliterate.anyascii("Ḁ Ꭰ 𝔄")
    assert len(transliterate._ascii) >= before
    assert {"Ḁ", "Ꭰ", "𝔄"} <= transliterate._done


@given(
    st.lists(st.sampled_from(["the", "of", "and", "al", "acme", "bank", "rosoboron"]), min_size=1)
)
def test_a_name_with_articles_and_no_legal_form_loses_the_articles_unless_all_are(
    words: list[str],
) -> None:
    steps: list[str] = []
    kept = [i for i, word in enumerate(words) if word not in ("the", "of", "and", "al")]
    assert _drop_forms(words, words, steps) == (kept or list(range(len(words))))
    assert steps == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aA bB'`&\n\t.-1éД", max_size=20), max_size=5))
def test_names_with_line_ends_and_apostrophes_normalised_at_once_are_as_alone(
    names: list[str],
) -> None:
    assert normalise_all(names) == [normalise.__wrapped__(name) for name in names]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aabbyzz`{@AZ09 \n\x7f~é", max_size=80))
def test_runs_of_a_letter_are_cut_as_the_pattern_cuts_them(text: str) -> None:
    assert one_of_each_run(text) == _DOUBLED.sub("", text)


def _scripts_letter_by_letter(text: str) -> tuple[list[str], bool]:
    """The scripts (in the order first met) and whether accents went, a character at a time."""
    scripts: dict[str, None] = {}
    accents = False
    for ch in dict.fromkeys(text):
        if ch.isascii() or not ch.isalpha() and not unicodedata.category(ch).startswith("M"):
            continue
        script = _script(ch)
        if script == "Latin":
            accents = True
        elif unicodedata.category(ch).startswith("M"):
            accents = accents or ch < "\u0370"
        else:
            scripts[script] = None
    return list(scripts), accents


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET + "\u0300\u0483\u05d0\u0915\u093f한ひカ\u3000!é", max_size=20))
def test_the_scripts_of_a_name_are_those_read_letter_by_letter(text: str) -> None:
    steps: list[str] = []
    _transliterate(text, steps)
    scripts, accents = _scripts_letter_by_letter(text)
    assert steps == [f"{s} transliterated" for s in scripts] + (
        ["diacritics removed"] if accents else []
    )


WORDS = ["the", "The", "of", "and", "al", "Al", "acme", "BANK", "llc", "Ltd", "S", "A", "x", "&"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=5).map(" ".join), max_size=5))
def test_names_of_articles_and_legal_forms_normalised_at_once_are_as_alone(
    names: list[str],
) -> None:
    assert normalise_all(names) == [normalise.__wrapped__(name) for name in names]


def _key_forms_as_alone(names: list[str]) -> None:
    """:func:`key_forms` of ``names`` gives the fields of each name's :func:`normalise`."""
    norms = [normalise.__wrapped__(name) for name in names]
    words, tokens, flats, skeletons, cores = key_forms(names)
    assert [tuple(w) for w in words] == [n.words for n in norms]
    assert tokens == [n.tokens for n in norms]
    assert flats == [n.flat for n in norms]
    assert skeletons == [n.skeleton for n in norms]
    assert cores == [n.core for n in norms]


def test_the_key_forms_of_every_listed_name_are_those_of_its_normalised_form() -> None:
    _key_forms_as_alone(NAMES)
    _key_forms_as_alone([])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.lists(st.sampled_from([*WORDS, "forces", "Group", "é", "Д"]), max_size=5).map(
                " ".join
            ),
            st.text(alphabet=ALPHABET, max_size=30),
        ),
        max_size=6,
    )
)
def test_the_key_forms_of_any_names_are_those_of_their_normalised_forms(names: list[str]) -> None:
    _key_forms_as_alone(names)


def test_an_over_long_name_is_refused_as_when_normalised_at_once() -> None:
    names = ["acme", "a" * 501, "b" * 600]
    with pytest.raises(NameTooLong) as alone:
        normalise_all(names)
    with pytest.raises(NameTooLong) as forms:
        key_forms(names)
    assert forms.value.length == alone.value.length == 501
