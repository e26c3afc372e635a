"""Folding a word: transliteration variants unified, runs of one letter written once.

:func:`canonical` folds a name's words and its flat form, :func:`skeleton` keeps a flat
form's consonants; :func:`one_of_each_run` does what both end with, for one word or for
every name of a list joined a line each (see :mod:`.together`).
"""

from __future__ import annotations

import functools
import re

_VARIANTS = (
    ("sch", "sh"),
    ("x", "ks"),
    ("kh", "h"),
    ("ph", "f"),
    ("q", "k"),
    ("ck", "k"),
    ("ou", "u"),
    ("w", "v"),
)
_VOWELS = "aeiouwy"
_VOWELS_GONE = str.maketrans("", "", _VOWELS)
# a letter followed by the same letter: deleting each leaves one of every run ("ll" -> "l")
_DOUBLED = re.compile(r"([a-z])(?=\1)")
_HIGH = bytes(range(128, 256))


@functools.lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """``word`` with common transliteration variants unified: ``eksport`` for ``export``."""
    return _unified(word)


def _unified(text: str) -> str:
    """:func:`canonical` of ``text``, uncached (and of each line of it: no variant spans two)."""
    for a, b in _VARIANTS:
        if a in text:
            text = text.replace(a, b)
    return one_of_each_run(text.replace("y", "i"))


def skeleton(flat: str) -> str:
    """The consonants of a folded name, doubled letters single (Arabic script writes no vowels)."""
    if flat.isascii():  # as a name's folded key always is: bytes drop letters faster
        return one_of_each_run(flat.encode().translate(None, _VOWELS.encode()).decode())
    return one_of_each_run(flat.translate(_VOWELS_GONE))


def one_of_each_run(text: str) -> str:
    """``text`` with each run of one letter from a to z written once: ``_DOUBLED.sub("", text)``.

    In ASCII text, by arithmetic on the text's bytes read as one number, a byte to a digit
    (the pattern's search tries every position, about 300 instructions a character, and
    this runs over every name of a list at once): a letter that repeats the byte before it
    is marked with the high bit, which no ASCII byte has, and the marked bytes are dropped.
    No byte's sum below carries into the next: each stays under 0x100.
    """
    if len(text) < 24 or not text.isascii():  # (for a word, the pattern costs less)
        return _DOUBLED.sub("", text)
    raw = text.encode()
    n = len(raw)
    x = int.from_bytes(raw, "big")
    ones = int.from_bytes(b"\x01" * n, "big")
    high = ones << 7  # 0x80 in every byte
    low = high - ones  # 0x7f in every byte
    same = x ^ (x >> 8)  # each byte against the one before it: 0 where they are equal
    differs = (((same & low) + low) | same) & high
    letter = (x + 0x1F * ones) & ~(x + 0x05 * ones) & high  # 0x61 <= byte <= 0x7a
    repeats = letter & ~differs
    if not repeats:
        return text
    return (x | repeats).to_bytes(n, "big").translate(None, _HIGH).decode()
