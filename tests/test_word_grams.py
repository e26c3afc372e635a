"""The fuzzy keys of a word, written out for speed, are the general rule's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from armscheck.screening.filing import start_keys
from armscheck.screening.keys import DESCRIPTORS, GRAM, word_grams


def _general(word: str) -> tuple[str, ...]:
    """The first GRAM + 1 letters less each one in turn, then the last GRAM letters."""
    if len(word) <= GRAM or word in DESCRIPTORS:
        return ()
    head = word[: GRAM + 1]
    return (*[f"d{head[:i]}{head[i + 1 :]}" for i in range(GRAM + 1)], f"s{word[-GRAM:]}")


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", max_size=12))
def test_written_out_keys_are_the_general_rule(word: str) -> None:
    assert word_grams(word) == _general(word)


def test_known_words() -> None:
    assert word_grams("rosoboronexport") == _general("rosoboronexport")
    assert word_grams("abcde") == ("dbcde", "dacde", "dabde", "dabce", "dabcd", "sbcde")


@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=5), max_size=8))
def test_the_keys_of_many_starts_made_at_once_are_each_words(words: list[str]) -> None:
    words = [w for w in words if w not in DESCRIPTORS]  # (as the index gives them: see by_gram)
    expected = [word_grams(w)[k] for k in range(GRAM + 1) for w in words]
    starts = [w[: GRAM + 1] for w in words]
    assert start_keys(starts) == expected
    assert start_keys([*starts, "abcdé"])[: len(words)] == expected[: len(words)]
