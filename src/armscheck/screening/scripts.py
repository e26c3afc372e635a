"""The scripts of a name's letters: telling them, folding look-alikes, transliterating.

A word that mixes Latin letters with Cyrillic or Greek look-alikes is written in its main
script; every script is then transliterated to ASCII with ``anyascii``, and the steps
taken are noted (for a hit's explanation).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .transliterate import anyascii

# Cyrillic and Greek letters that look like Latin ones.
LOOK_ALIKES = dict(
    zip(
        "аеорсухіјѕԁАВЕКМНОРСТХУІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧο",
        "aeopcyxijsdABEKMHOPCTXYIJSABEZHIKMNOPTYXo",
        strict=True,
    )
)
_LATIN_TO_CYRILLIC = {
    lat: cyr for cyr, lat in LOOK_ALIKES.items() if unicodedata.name(cyr).startswith("CYRILLIC")
}
_PERSIAN = frozenset("پچژگکی")
# the Chinese characters (CJK unified ideographs, extension A, compatibility ideographs),
# tested by range: a pattern of them takes a millisecond to compile
_HAN = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))


@functools.lru_cache(maxsize=4096)  # a list's names share their letters; naming one is slow
def _script(ch: str) -> str:
    """The script of a letter, in a word a reader knows: Latin, Cyrillic, Arabic, Chinese..."""
    if ch < "\u0250":
        return "Latin"
    first = unicodedata.name(ch, "UNKNOWN").split()[0]
    if first == "ARABIC":
        return "Persian" if ch in _PERSIAN else "Arabic"
    return {
        "CJK": "Chinese",
        "HANGUL": "Korean",
        "HIRAGANA": "Japanese",
        "KATAKANA": "Japanese",
    }.get(first, first.title())


def fold_mixed(word: str, steps: list[str]) -> str:
    """A word mixing Latin with Cyrillic or Greek look-alikes, written in one script."""
    if max(word) < "\u0250" or min(word) >= "\u0250":
        return word  # every letter Latin, or no ASCII letter and no look-alike of one
    return _fold_letters(word, steps)


def _fold_letters(word: str, steps: list[str]) -> str:
    """:func:`fold_mixed`, the scripts read letter by letter."""
    scripts = [_script(ch) for ch in word if ch.isalpha()]
    latin = scripts.count("Latin")
    other = len(scripts) - latin
    if not latin or not other:
        return word
    if latin >= other and all(ch in LOOK_ALIKES for ch in word if ch.isalpha() and ch >= "\u0250"):
        table = LOOK_ALIKES
    elif latin < other and all(
        ch in _LATIN_TO_CYRILLIC for ch in word if ch.isascii() and ch.isalpha()
    ):
        table = _LATIN_TO_CYRILLIC
    else:
        return word
    swapped = [ch for ch in word if ch in table]
    for ch in dict.fromkeys(swapped):
        into = "Latin" if table is LOOK_ALIKES else "Cyrillic"
        steps.append(
            f"mixed scripts: {_script(ch)} '{ch}' (U+{ord(ch):04X}) read as {into} '{table[ch]}'"
        )
    return "".join(table.get(ch, ch) for ch in word)


def transliterated(text: str, steps: list[str]) -> str:
    """``text`` in ASCII, noting which scripts were transliterated and whether accents went."""
    scripts: dict[str, None] = {}
    accents = False
    for ch in dict.fromkeys(text):  # each character once, in the order first met
        if ch.isascii() or not ch.isalpha() and not unicodedata.category(ch).startswith("M"):
            continue
        script = _script(ch)
        if script == "Latin":
            accents = True
        elif unicodedata.category(ch).startswith("M"):
            accents = accents or ch < "\u0370"
        else:
            scripts[script] = None
    if "Arabic" in scripts or "Persian" in scripts:
        text = re.sub(r"(?<![\w])ال(?=\w\w)", "", text)  # the article al-, written apart in Latin
    if "Chinese" in scripts:
        text = _spaced_han(text)  # one syllable per character
    for script in scripts:
        steps.append(f"{script} transliterated")
    if accents:
        steps.append("diacritics removed")
    return anyascii(text)


def _spaced_han(text: str) -> str:
    """``text`` with a space before and after each Chinese character."""
    return "".join([f" {ch} " if any(a <= ch <= b for a, b in _HAN) else ch for ch in text])
