"""The keys of a screening index: under which an alias is kept, and which a name looks up.

The folded key of every alias (whole names, and aliases contained in a longer name), the
key without descriptive words, the words in sorted order (word order), each word (aliases
whose words all appear), the consonants, and for fuzzy matching each word's last four
letters and its first five letters less any one (one edit anywhere leaves a key shared),
and the distinctive leading words of a name that ends in generic words (see :mod:`.leading`).
"""

from __future__ import annotations

import functools

from .forms import DESCRIPTORS
from .leading import head
from .letters import canonical
from .model import Normalised

MAX_RUN = 8  # contained aliases are looked for as runs of at most this many words
GRAM = 4  # letters at the end of a word that index it for fuzzy matching
CORE_MIN = 4  # a name without its descriptive words is compared whole if this long
SKELETON_MIN = 3  # consonants of a name in Arabic script compared when at least this many
LATIN_SKELETON_MIN = 5  # and of a name in Latin script

# How a candidate was found, by the prefix of its key.
EXACT, CORE, ORDER, WORD, SKELETON, HEAD = "=", "c", "o", "w", "k", "p"


def alias_keys(norm: Normalised, words: str | None = None) -> set[str]:
    """Every key under which an alias is indexed (``words``: its :func:`sorted_tokens`)."""
    return set(key_list(norm, sorted_tokens(norm) if words is None else words))


def key_list(norm: Normalised, words: str) -> list[str]:
    """The keys of :func:`alias_keys`, in a list that may name a key more than once.

    ``words`` is the alias's :func:`sorted_tokens`. An index is built from these lists
    (see :class:`.index.Index`), without making a set of each alias's keys.
    """
    keys = plain_keys(norm, words)
    for word in norm.tokens:
        keys += word_grams(word)
    keys += word_grams(norm.flat)
    return keys


def plain_keys(norm: Normalised, words: str) -> list[str]:
    """The keys of :func:`key_list` other than the fuzzy ones (:func:`word_grams`)."""
    flat = norm.flat
    tokens = norm.tokens
    keys = [EXACT + flat]
    if len(norm.core) >= CORE_MIN:
        keys.append(CORE + norm.core)
    if len(tokens) > 1:
        keys.append(ORDER + words)
        keys += [WORD + t for t in tokens]
    if len(norm.skeleton) >= SKELETON_MIN:
        keys.append(SKELETON + norm.skeleton)
    lead = head(norm)
    if lead:
        keys.append(HEAD + canonical("".join(norm.words[:lead])))
    return keys


def sorted_tokens(norm: Normalised) -> str:
    """The name's words in sorted order, for comparing names whatever their word order."""
    return " ".join(sorted(norm.tokens))


def grams(norm: Normalised) -> set[str]:
    """The fuzzy keys of a name: last four letters and first five less one, of each word.

    The name written as one word counts as a word; short and descriptive words have none.
    """
    keys: set[str] = set()
    for word in {*norm.tokens, norm.flat}:
        keys.update(word_grams(word))
    return keys


@functools.lru_cache(maxsize=65536)  # the words of a list's aliases recur from alias to alias
def word_grams(word: str) -> tuple[str, ...]:
    """The fuzzy keys of one word (see :func:`grams`); none for a short or descriptive word."""
    if len(word) <= GRAM or word in DESCRIPTORS:
        return ()
    # the first five letters less each one in turn (GRAM is 4), written out: a list's
    # every alias has a word or two not met before
    return (
        "d" + word[1:5],
        "d" + word[0] + word[2:5],
        "d" + word[:2] + word[3:5],
        "d" + word[:3] + word[4],
        "d" + word[:4],
        "s" + word[-GRAM:],
    )


def query_keys(q: Normalised) -> dict[str, str]:
    """The keys to look up for a screened name, each with how a hit on it was found."""
    keys: dict[str, str] = {EXACT + q.flat: "whole"}
    keys.setdefault(CORE + q.flat, "core")
    if q.core:
        keys.setdefault(CORE + q.core, "core")
        if len(q.core) >= CORE_MIN:
            keys.setdefault(EXACT + q.core, "core")
    words = q.words
    n = len(words)
    heads: list[tuple[str, str]] = []  # the name's leading words (a listed name's head?)
    if n > 1:
        keys.setdefault(ORDER + sorted_tokens(q), "order")
        for i in range(n):
            for j in range(i + 1, min(n, i + MAX_RUN) + 1):
                if j - i < n:
                    run = canonical("".join(words[i:j]))
                    keys.setdefault(EXACT + run, f"run:{i}:{j}")
                    if not i:
                        heads.append((HEAD + run, f"head:{j}"))
        for t in q.tokens:
            keys.setdefault(WORD + t, "subset")
    if n:
        heads.append((HEAD + q.flat, f"head:{n}"))
    for key, how in heads:
        keys.setdefault(key, how)
    if len(q.skeleton) >= (SKELETON_MIN if q.scripts else LATIN_SKELETON_MIN):
        keys.setdefault(SKELETON + q.skeleton, "skeleton")
    for key in grams(q):
        keys.setdefault(key, "fuzzy")
    return keys
