"""How an in-memory index (:class:`.index.Index`) files its aliases under their keys.

Only a process that builds an index from the lists imports this (not one that reads the
rulebook cache). The fuzzy keys (:func:`.keys.word_grams`), most of an index's keys,
depend only on a word: an alias's ids are filed under each of its words and its folded
whole instead, and a fuzzy key's bucket is made from its words' ids when a name first looks
it up (see :meth:`.index.Index.buckets`), with the same ids in the same order as in the
whole table (:func:`whole_table`, made only to write an index out).

The keys are made a kind at a time for all the aliases (those of :func:`.keys.plain_keys`
but a word's and the folded whole's, whose buckets are made from the word's ids when looked
up, as a fuzzy key's is), and the fuzzy keys of all the words' starts at once
(:func:`start_keys`), not alias by alias.
"""

from __future__ import annotations

from collections.abc import Iterable

from .forms import DESCRIPTORS, GENERIC
from .keys import (
    CORE,
    CORE_MIN,
    GRAM,
    HEAD,
    ORDER,
    SKELETON,
    SKELETON_MIN,
    key_list,
)
from .leading import lead_of
from .letters import canonical
from .model import Entry, Normalised
from .together import key_forms, normalise_all

# the ids under a key: one id alone (most keys), or several in a list
Ids = int | list[int]
# alias id -> entry number, text, tokens, (folded key, sorted words); the ids under each key
# that is neither fuzzy nor a word's (see _plain_keys); each fuzzy key's lists of ids (see
# by_gram); the ids of the aliases holding each word (a token, or the folded whole)
Filed = tuple[
    list[int],
    list[str],
    list[tuple[str, ...]],
    list[tuple[str, str]],
    dict[str, Ids],
    dict[str, list[list[int]]],
    dict[str, list[int]],
]


def file_aliases(entries: tuple[Entry, ...]) -> Filed:
    """Each alias of ``entries`` (each distinct folded name of an entry) and its keys.

    Each name is normalised once, all at once, as far as its keys need (:func:`key_forms`);
    its :class:`Normalised` is made only when asked for (see :meth:`.index.Index.alias`).
    """
    owner: list[int] = []
    texts: list[str] = []
    picked: list[int] = []  # alias id -> its name's number in ``names``
    names = list(dict.fromkeys([text for entry in entries for text in entry.names]))
    words_of, tokens_of, flats_of, skeletons_of, cores_of = key_forms(names)
    number = dict(zip(names, range(len(names)), strict=True)).__getitem__
    for e, entry in enumerate(entries):
        seen: set[str] = set()
        for text in entry.names:
            i = number(text)
            flat = flats_of[i]
            if flat and flat not in seen:
                seen.add(flat)
                owner.append(e)
                texts.append(text)
                picked.append(i)
    flats = list(map(flats_of.__getitem__, picked))
    tokens = list(map(tokens_of.__getitem__, picked))
    ordered = list(map(" ".join, map(sorted, tokens)))  # each alias's sorted_tokens
    forms = (
        tokens,
        ordered,
        list(map(cores_of.__getitem__, picked)),
        list(map(skeletons_of.__getitem__, picked)),
        list(map(words_of.__getitem__, picked)),
    )
    keys: dict[str, Ids] = {}
    for kind in _plain_keys(*forms):
        file_ids(keys, *kind)
    words: dict[str, list[int]] = {}
    file_pairs(  # each alias's words and its folded whole
        words,
        [w for a, t in enumerate(tokens) for w in (*t, flats[a])],
        [a for a, t in enumerate(tokens) for _ in range(len(t) + 1)],
    )
    pairs = list(zip(flats, ordered, strict=True))
    return owner, texts, tokens, pairs, keys, by_gram(words), words


def _plain_keys(
    tokens: list[tuple[str, ...]],
    ordered: list[str],
    cores: list[str],
    skeletons: list[str],
    words: list[list[str]],
) -> Iterable[tuple[list[str], Iterable[int]]]:
    """The keys of :func:`.keys.plain_keys` of every alias, a kind at a time, with their ids.

    Each kind's ids ascend, and no two kinds share a key (each has its own first letter).
    The keys of an alias's words (WORD) and of its folded whole (EXACT) are not made: a
    name that looks one up has its ids made from the word's (see :meth:`.index.Index.buckets`).
    """
    ids = [a for a, core in enumerate(cores) if len(core) >= CORE_MIN]
    yield [CORE + cores[a] for a in ids], ids
    ids = [a for a, t in enumerate(tokens) if len(t) > 1]
    yield [ORDER + ordered[a] for a in ids], ids
    ids = [a for a, skeleton in enumerate(skeletons) if len(skeleton) >= SKELETON_MIN]
    yield [SKELETON + skeletons[a] for a in ids], ids
    # a name has distinctive leading words only if it ends in a generic word (see lead_of)
    leads = {a: k for a, w in enumerate(words) if w[-1] in GENERIC and (k := lead_of(w))}
    yield [HEAD + canonical("".join(words[a][:k])) for a, k in leads.items()], leads


def file_ids(table: dict[str, Ids], keys: Iterable[str], ids: Iterable[int]) -> None:
    """:func:`file_pairs`, a key's one id kept alone (most keys have one: no list is made)."""
    get = table.get
    for key, a in zip(keys, ids, strict=True):
        got = get(key)
        if got is None:
            table[key] = a
        elif isinstance(got, int):
            if got != a:
                table[key] = [got, a]
        elif got[-1] != a:
            got.append(a)


def file_pairs(table: dict[str, list[int]], keys: Iterable[str], ids: Iterable[int]) -> None:
    """File each id of ``ids`` under its key in ``keys`` in ``table``, whose lists of ids ascend.

    ``ids`` ascend; a key may come twice with one id (an alias's word twice): it is kept once.
    """
    get = table.get
    for key, a in zip(keys, ids, strict=True):
        got = get(key)
        if got is None:
            table[key] = [a]
        elif got[-1] != a:
            got.append(a)


def by_gram(words: dict[str, list[int]]) -> dict[str, list[list[int]]]:
    """Each fuzzy key's lists of alias ids, given each word's ids (ascending).

    A word's d-keys come from its first GRAM + 1 letters (its start) and its s-key from its
    last GRAM (its end) (see :func:`.keys.word_grams`), and words share starts and ends: the
    words are gathered by start and by end, and each start's keys made once. A key's lists
    are those of the starts (or the end) giving it, each the ids of one start's words, which
    may come in no order and twice (see :meth:`.index.Index.buckets`).
    """
    fuzzy = [w for w in words if len(w) > GRAM and w not in DESCRIPTORS]  # (the others have none)
    lists = list(map(words.__getitem__, fuzzy))
    starts = _gathered([w[: GRAM + 1] for w in fuzzy], lists)
    grams = {"s" + end: [ids] for end, ids in _gathered([w[-GRAM:] for w in fuzzy], lists).items()}
    get = grams.get
    kinds = GRAM + 1  # the keys of a start: less each of its letters in turn
    for gram, ids in zip(start_keys(list(starts)), list(starts.values()) * kinds, strict=True):
        got = get(gram)
        if got is None:
            grams[gram] = [ids]
        else:
            got.append(ids)
    return grams


def _gathered(keys: list[str], lists: list[list[int]]) -> dict[str, list[int]]:
    """The ids of ``lists`` by their key in ``keys``: those of one key joined (not sorted)."""
    out: dict[str, list[int]] = {}
    joined: set[str] = set()  # the keys whose list is made here (not one of ``lists``)
    get = out.get
    for key, ids in zip(keys, lists, strict=True):
        got = get(key)
        if got is None:
            out[key] = ids
        elif key in joined:
            got.extend(ids)
        else:
            out[key] = got + ids
            joined.add(key)
    return out


def start_keys(starts: list[str]) -> list[str]:
    """The d-keys of :func:`.keys.word_grams` of words starting with ``starts``, a kind at a time.

    Each of ``starts`` is a word's first GRAM + 1 letters; every start less its first
    letter comes first, then every start less its second, and so on. Made, for starts in
    ASCII (as folded words are), in one buffer of bytes a column at a time (each letter of
    a key is a letter of its start), and split into the keys.
    """
    kinds = GRAM + 1
    joined = "".join(starts)
    if not joined.isascii():
        return ["d" + s[:k] + s[k + 1 :] for k in range(kinds) for s in starts]
    raw = joined.encode()
    n = len(starts)
    step = GRAM + 2  # a key's letter and its GRAM letters, then a line end
    size = step * n  # the keys of one kind
    out = bytearray(b"\n" * (size * kinds))
    for kind in range(kinds):  # the starts less their letter number ``kind``
        at = kind * size
        out[at : at + size : step] = b"d" * n
        columns = [raw[j::kinds] for j in range(kinds) if j != kind]
        for c, column in enumerate(columns, 1):
            out[at + c : at + size : step] = column
    return out.decode().split("\n")[:-1]


def normalised(texts: list[str]) -> list[Normalised]:
    """The :class:`Normalised` of each of ``texts``, each distinct text normalised once."""
    names = list(dict.fromkeys(texts))
    known = dict(zip(names, normalise_all(names), strict=True))
    return list(map(known.__getitem__, texts))


def whole_table(
    norms: list[Normalised], pairs: list[tuple[str, str]]
) -> dict[str, tuple[int, ...]]:
    """The ids of the aliases under each key, given each alias's form and sorted words."""
    keys: dict[str, list[int]] = {}
    for a, (norm, pair) in enumerate(zip(norms, pairs, strict=True)):
        listed = key_list(norm, pair[1])  # (a key may come twice: kept once, see file_pairs)
        file_pairs(keys, listed, [a] * len(listed))
    return {k: tuple(v) for k, v in keys.items()}
