"""Building a screening index from the lists gives exactly what the plain formulas give.

Every name and alias of every list a check screens is normalised and keyed here, and the
keys are compared with the keys written out from their definition (see
:mod:`armscheck.screening.keys`), so a quicker way of making them cannot drift.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from armscheck.families import FAMILIES
from armscheck.rulebook.book import _indexes, _load_rulebook
from armscheck.screening.forms import DESCRIPTORS
from armscheck.screening.keys import CORE_MIN, GRAM, SKELETON_MIN, alias_keys, grams
from armscheck.screening.leading import head
from armscheck.screening.letters import _VARIANTS, canonical, skeleton
from armscheck.screening.model import Normalised
from armscheck.screening.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]
BOOK = _load_rulebook(ROOT / "rules", FAMILIES)
INDEXES = {name: build() for name, build in _indexes(BOOK.reference, FAMILIES).items()}
NAMES = sorted({text for index in INDEXES.values() for e in index.entries for text in e.names})


def _grams(norm: Normalised) -> set[str]:
    out = set()
    for word in {*norm.tokens, norm.flat}:
        if len(word) > GRAM and word not in DESCRIPTORS:
            head = word[: GRAM + 1]
            out.update(f"d{head[:i]}{head[i + 1 :]}" for i in range(GRAM + 1))
            out.add(f"s{word[-GRAM:]}")
    return out


def _keys(norm: Normalised) -> set[str]:
    out = {"=" + norm.flat}
    if len(norm.core) >= CORE_MIN:
        out.add("c" + norm.core)
    if len(norm.tokens) > 1:
        out.add("o" + " ".join(sorted(norm.tokens)))
        out.update("w" + t for t in norm.tokens)
    if len(norm.skeleton) >= SKELETON_MIN:
        out.add("k" + norm.skeleton)
    if head(norm):
        out.add("p" + _canonical("".join(norm.words[: head(norm)])))
    return out | _grams(norm)


def test_the_lists_give_names_in_several_scripts() -> None:
    assert len(NAMES) > 1_000
    assert sum(not n.isascii() for n in NAMES) > 50


def test_an_alias_is_kept_under_the_keys_its_definition_gives() -> None:
    for name in NAMES:
        norm = normalise(name)
        assert grams(norm) == _grams(norm), name
        assert alias_keys(norm) == _keys(norm), name


def test_an_index_holds_each_alias_under_its_keys() -> None:
    for index in INDEXES.values():
        expected: dict[str, list[int]] = {}
        for a, norm in enumerate(index.norms):
            for key in _keys(norm):
                expected.setdefault(key, []).append(a)
        assert {k: list(v) for k, v in index.keys.items()} == expected


_RUNS = re.compile(r"([a-z])\1+")


def _one_of_each_run(text: str) -> str:
    return _RUNS.sub(lambda m: m.group(1), text)


def _canonical(word: str) -> str:
    for a, b in _VARIANTS:
        word = word.replace(a, b)
    return _one_of_each_run(word.replace("y", "i"))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aabbkkhhsscxyouw119 .ğĞ", max_size=40))
def test_folded_words_and_skeletons_are_what_their_definitions_give(text: str) -> None:
    assert canonical.__wrapped__(text) == _canonical(text)
    assert skeleton(text) == _one_of_each_run(text.translate(str.maketrans("", "", "aeiouwy")))


def test_every_listed_name_folds_as_its_definition_gives() -> None:
    for name in NAMES:
        norm = normalise(name)
        assert norm.original == name and len(norm.upper) == len(norm.words), name
        assert norm.tokens == tuple(_canonical(w) for w in norm.words), name
        if norm.core:
            assert norm.core == _canonical("".join(w for w in norm.words if w not in DESCRIPTORS))
        assert norm.flat == _canonical("".join(norm.words)), name
        consonants = "".join(norm.words).translate(str.maketrans("", "", "aeiouwy"))
        assert norm.skeleton == _one_of_each_run(consonants), name
