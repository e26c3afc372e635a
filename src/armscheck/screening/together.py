"""Every name of a list normalised at once, as :func:`.normalise.normalise` does one by one.

An index normalises each alias of its list; the steps every name goes through once it is
written in ASCII are done here to all the names joined a line each.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain, compress, count, repeat
from operator import countOf, not_

from .forms import ARTICLES, DESCRIPTORS
from .letters import _unified, canonical, skeleton
from .model import MAX_NAME_CHARS, NameTooLong, Normalised
from .normalise import _DROPPABLE, _FORMS, _drop_forms, _in_ascii, _join_letters, normalise

# each byte of ASCII text that is not a letter, a digit or a line end, as a space
_SPACED = bytearray(b" " * 256)
for _first, _last in ((10, 10), (48, 57), (65, 90), (97, 122)):  # \n, 0-9, A-Z, a-z
    _SPACED[_first : _last + 1] = range(_first, _last + 1)


def normalise_all(names: list[str]) -> list[Normalised]:
    """:func:`normalise` of each of ``names``; what every name's text goes through is done once.

    A name not in ASCII is first written in ASCII on its own (``_in_ascii``). The texts are
    then joined a line each, and what ``_read`` does to one text (``&``, apostrophes, splitting
    into words, lower case) and :func:`normalise` to its words (the variants, the consonants)
    is done to all the lines at once: none of these steps reaches across a line end. Each
    distinct word's variants are unified once. Raises :class:`NameTooLong` for the first
    over-long name, as :func:`normalise` would.
    """
    if not names:
        return []
    steps_of: list[list[str]] = []
    scripts_of: list[tuple[str, ...]] = []
    texts: list[str] = []
    for name in names:
        if len(name) > MAX_NAME_CHARS:
            raise NameTooLong(len(name))
        steps: list[str] = []
        steps_of.append(steps)
        if name.isascii():
            texts.append(name)
            scripts_of.append(())
        else:
            text, scripts = _in_ascii(name, steps)
            texts.append(text)
            scripts_of.append(scripts)
    spaced = _spaced(texts)
    if spaced is None:
        return _one_by_one(names)  # a line end within a name
    lowered = spaced.lower().split("\n")
    every: list[list[str]] = []
    uppers: list[tuple[bool, ...]] = []
    for i, line in enumerate(spaced.split("\n")):
        cased = line.split()
        words = lowered[i].split()
        if 1 in map(len, cased):  # only single letters are joined
            cased = _join_letters(cased)
            words = _join_letters(words)
        if _DROPPABLE.isdisjoint(words):  # the common case: every word stays
            uppers.append(tuple(map(str.isupper, cased)))
        else:
            kept = _drop_forms(words, cased, steps_of[i])
            words = [words[k] for k in kept]
            uppers.append(tuple([cased[k].isupper() for k in kept]))
        every.append(words)
    flats, tokens, folded, consonants, cores = _folded(every)
    return [
        Normalised(  # by position, as the fields are declared
            names[i],  # original
            tuple(words),  # words
            tokens[i],  # tokens (one text for each word of the list)
            folded[i],  # flat
            uppers[i],
            tuple(steps_of[i]),  # steps
            scripts_of[i],
            consonants[i],  # skeleton
            cores[i],  # core
        )
        for i, words in enumerate(every)
    ]


# of each name: its words, tokens, flat, skeleton and core (see Normalised)
Forms = tuple[list[list[str]], list[tuple[str, ...]], list[str], list[str], list[str]]


def key_forms(names: list[str]) -> Forms:
    """The fields of :func:`normalise_all` that an index files each of ``names`` under.

    Its words, tokens, flat, skeleton and core, made as :func:`normalise_all` makes them,
    without the rest (the steps taken, the words in capitals) or a :class:`Normalised`:
    an index makes these only for the aliases a name it screens reaches. Raises
    :class:`NameTooLong` as :func:`normalise_all` does.
    """
    if not names:
        return [], [], [], [], []
    if max(map(len, names)) > MAX_NAME_CHARS:
        raise NameTooLong(next(n for n in map(len, names) if n > MAX_NAME_CHARS))
    if "".join(names).isascii():  # (most lists: no name to write in ASCII first)
        spaced = _spaced(names)
    else:
        spaced = _spaced([n if n.isascii() else _in_ascii(n, [])[0] for n in names])
    if spaced is None:
        norms = _one_by_one(names)
        words_of = [list(n.words) for n in norms]
        cores = [n.core for n in norms]
        tokens = [n.tokens for n in norms]
        return words_of, tokens, [n.flat for n in norms], [n.skeleton for n in norms], cores
    every = list(map(str.split, spaced.lower().split("\n")))  # (looked at a kind at a time)
    for i in compress(count(), map(countOf, map(map, repeat(len), every), repeat(1))):
        every[i] = _join_letters(every[i])  # only single letters are joined (as in their case)
    for i in compress(count(), map(not_, map(_DROPPABLE.isdisjoint, every))):
        words = every[i]
        if _FORMS.isdisjoint(words):  # articles only: dropped unless all are (_drop_forms)
            every[i] = [w for w in words if w not in ARTICLES] or words
        else:  # (which words stay does not depend on their case)
            every[i] = [words[k] for k in _drop_forms(words, words, [])]
    _, tokens, folded, consonants, cores = _folded(every)
    return every, tokens, folded, consonants, cores


def _spaced(texts: list[str]) -> str | None:
    """``texts`` (in ASCII) a line each, their words between spaces; None for a line end in one.

    ``&`` and apostrophes are read as ``_read`` reads them, and only letters, digits and
    spaces are left.
    """
    joined = "\n".join(texts)
    if not joined.isascii() or joined.count("\n") != max(len(texts) - 1, 0):
        return None
    if "&" in joined:
        joined = joined.replace("&", " and ")
    if "'" in joined or "`" in joined:  # the only apostrophes in ASCII
        joined = joined.replace("'", "").replace("`", "")
    return joined.encode().translate(_SPACED).decode()  # the words, between spaces


def _folded(
    every: list[list[str]],
) -> tuple[list[str], list[tuple[str, ...]], list[str], list[str], list[str]]:
    """Of each name's words: joined, their tokens, the flat form, the consonants, the core."""
    flats = list(map("".join, every))
    distinct = list(dict.fromkeys(chain.from_iterable(every)))
    each = dict(zip(distinct, _by_line(_unified, distinct), strict=True)).__getitem__
    tokens = list(map(tuple, map(map, repeat(each), every)))
    cores = [""] * len(every)
    for i in compress(count(), map(not_, map(DESCRIPTORS.isdisjoint, every))):
        core = "".join([w for w in every[i] if w not in DESCRIPTORS])
        cores[i] = _core(core, flats[i])
    return flats, tokens, _by_line(_unified, flats), _by_line(skeleton, flats), cores


def _core(core: str, flat: str) -> str:
    """The core of a name (see :class:`Normalised`) given its words less descriptive ones."""
    return canonical(core) if core and core != flat else ""


def _one_by_one(names: list[str]) -> list[Normalised]:
    """:func:`normalise_all` a name at once (for names holding a line end)."""
    return [normalise.__wrapped__(name) for name in names]


def _by_line(fold: Callable[[str], str], texts: list[str]) -> list[str]:
    """``fold`` of each of ``texts``, done at once a line each (no variant spans two lines)."""
    return fold("\n".join(texts)).split("\n") if texts else []
