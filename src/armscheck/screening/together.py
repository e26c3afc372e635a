"""Every name of a list normalised at once, as :func:`.normalise.normalise` does one by one.

An index normalises each alias of its list; the steps every name goes through once it is
written in ASCII are done here to all the names joined a line each.
"""

from __future__ import annotations

from collections.abc import Callable

from .forms import DESCRIPTORS
from .letters import _unified, canonical, skeleton
from .model import MAX_NAME_CHARS, NameTooLong, Normalised
from .normalise import _DROPPABLE, _drop_forms, _in_ascii, _join_letters, normalise

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
    texts: list[str] = []
    steps_of: list[list[str]] = []
    scripts_of: list[tuple[str, ...]] = []
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
    joined = "\n".join(texts)
    if not joined.isascii() or joined.count("\n") != max(len(texts) - 1, 0):
        return _one_by_one(names)  # a line end within a name
    if "&" in joined:
        joined = joined.replace("&", " and ")
    if "'" in joined or "`" in joined:  # the only apostrophes in ASCII
        joined = joined.replace("'", "").replace("`", "")
    spaced = joined.encode().translate(_SPACED).decode()  # the words, between spaces
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
    flats = ["".join(words) for words in every]
    distinct = list(dict.fromkeys([w for words in every for w in words]))
    each = dict(zip(distinct, _by_line(_unified, distinct), strict=True)).__getitem__
    folded = _by_line(_unified, flats)
    consonants = _by_line(skeleton, flats)
    out = []
    for i, words in enumerate(every):
        flat = flats[i]
        core = (
            flat
            if DESCRIPTORS.isdisjoint(words)
            else "".join([w for w in words if w not in DESCRIPTORS])
        )
        out.append(
            Normalised(  # by position, as the fields are declared
                names[i],  # original
                tuple(words),  # words
                tuple(map(each, words)),  # tokens (one text for each word of the list)
                folded[i],  # flat
                uppers[i],
                tuple(steps_of[i]),  # steps
                scripts_of[i],
                consonants[i],  # skeleton
                canonical(core) if core and core != flat else "",  # core
            )
        )
    return out


def _one_by_one(names: list[str]) -> list[Normalised]:
    """:func:`normalise_all` a name at once (for names holding a line end)."""
    return [normalise.__wrapped__(name) for name in names]


def _by_line(fold: Callable[[str], str], texts: list[str]) -> list[str]:
    """``fold`` of each of ``texts``, done at once a line each (no variant spans two lines)."""
    return fold("\n".join(texts)).split("\n") if texts else []
