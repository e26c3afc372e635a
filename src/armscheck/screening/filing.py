"""How an in-memory index (:class:`.index.Index`) files its aliases under their keys.

Only a process that builds an index from the lists imports this (not one that reads the
rulebook cache). The fuzzy keys (:func:`.keys.word_grams`), most of an index's keys,
depend only on a word: an alias's ids are filed under each of its words and its folded
whole instead, and a fuzzy key's bucket is made from its words' ids when a name first looks
it up (see :meth:`.index.Index.buckets`), with the same ids in the same order as in the
whole table (:func:`whole_table`, made only to write an index out).
"""

from __future__ import annotations

from collections.abc import Iterable

from .keys import key_list, plain_keys, sorted_tokens, word_grams
from .model import Entry, Normalised
from .together import normalise_all

# alias id -> entry number, text, normalised form, (folded key, sorted words); the ids
# under each key that is not fuzzy; each fuzzy key's lists of ids, one list a word
Filed = tuple[
    list[int],
    list[str],
    list[Normalised],
    list[tuple[str, str]],
    dict[str, tuple[int, ...]],
    dict[str, list[list[int]]],
]


def file_aliases(entries: tuple[Entry, ...]) -> Filed:
    """Each alias of ``entries`` (each distinct folded name of an entry) and its keys."""
    owner: list[int] = []
    texts: list[str] = []
    norms: list[Normalised] = []
    pairs: list[tuple[str, str]] = []
    keys: dict[str, list[int]] = {}
    words: dict[str, list[int]] = {}
    names = list(dict.fromkeys([text for entry in entries for text in entry.names]))
    known = dict(zip(names, normalise_all(names), strict=True))  # each name once, all at once
    for e, entry in enumerate(entries):
        seen: set[str] = set()
        for text in entry.names:
            norm = known[text]
            flat = norm.flat
            if flat and flat not in seen:
                seen.add(flat)
                a = len(owner)
                owner.append(e)
                texts.append(text)
                norms.append(norm)
                tokens = sorted_tokens(norm)
                pairs.append((flat, tokens))
                file_under(keys, plain_keys(norm, tokens), a)
                file_under(words, (*norm.tokens, flat), a)
    # tuples of ints are left alone by the garbage collector, lists are not
    plain = {k: tuple(v) for k, v in keys.items()}
    return owner, texts, norms, pairs, plain, by_gram(words)


def file_under(table: dict[str, list[int]], keys: Iterable[str], a: int) -> None:
    """Add alias ``a`` under each of ``keys`` in ``table``, whose lists of ids ascend.

    ``keys`` may name a key twice (see :func:`.keys.key_list`): a list ending in ``a`` holds it.
    """
    get = table.get
    for key in keys:
        ids = get(key)
        if ids is None:
            table[key] = [a]
        elif ids[-1] != a:
            ids.append(a)


def by_gram(words: dict[str, list[int]]) -> dict[str, list[list[int]]]:
    """Each fuzzy key's lists of alias ids, given each word's ids: one list a word.

    The words are distinct, so :func:`.keys.word_grams` is called without its cache.
    """
    grams: dict[str, list[list[int]]] = {}
    get = grams.get
    of = word_grams.__wrapped__
    for word, ids in words.items():
        for gram in of(word):
            got = get(gram)
            if got is None:
                grams[gram] = [ids]
            else:
                got.append(ids)
    return grams


def whole_table(
    norms: list[Normalised], pairs: list[tuple[str, str]]
) -> dict[str, tuple[int, ...]]:
    """The ids of the aliases under each key, given each alias's form and sorted words."""
    keys: dict[str, list[int]] = {}
    for a, (norm, pair) in enumerate(zip(norms, pairs, strict=True)):
        file_under(keys, key_list(norm, pair[1]), a)
    return {k: tuple(v) for k, v in keys.items()}
