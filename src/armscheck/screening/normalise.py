"""Normalising a name for screening, recording each step so a hit can say what was done.

The steps, in order: refuse over-long names; remove invisible characters (format and
bidi controls, soft hyphen, zero-width joiners); NFKC; fold look-alike letters of a word
that mixes scripts to the word's main script; transliterate every script to ASCII with
``anyascii`` (diacritics go with it); case; punctuation; join runs of single letters
(``S.A.`` is ``sa``); drop legal forms (:mod:`.forms`) and articles; unify common
transliteration variants (``x``/``ks``, ``kh``/``h``, ``y``/``i``, ``ou``/``u``, ``w``/``v``,
``sch``/``sh``, doubled letters). Every step is linear in the length of the name.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from .forms import ARTICLES, DESCRIPTORS, LEGAL_FORMS, LEGAL_PHRASES
from .letters import canonical, skeleton
from .model import MAX_NAME_CHARS, NameTooLong, Normalised
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


_PHRASES: dict[str, list[tuple[str, ...]]] = {}
for _phrase in LEGAL_PHRASES:
    _PHRASES.setdefault(_phrase[0], []).append(_phrase)
_FORMS = LEGAL_FORMS | _PHRASES.keys()  # the words that begin a legal form
_DROPPABLE = _FORMS | ARTICLES
_APOSTROPHES = "'`´‘’ʼʻʿʾ"
_NO_APOSTROPHES = dict.fromkeys(map(ord, _APOSTROPHES))  # str.translate drops them
_WORD = re.compile(r"[A-Za-z0-9]+")


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


def _fold_mixed(word: str, steps: list[str]) -> str:
    """A word mixing Latin with Cyrillic or Greek look-alikes, written in one script."""
    if max(word) < "\u0250" or min(word) >= "\u0250":
        return word  # every letter Latin, or no ASCII letter and no look-alike of one
    return _fold_letters(word, steps)


def _fold_letters(word: str, steps: list[str]) -> str:
    """:func:`_fold_mixed`, the scripts read letter by letter."""
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


def _kind(ch: str) -> str:
    """What ``ch`` tells of a name: its script, "+" (a diacritic) or "" (nothing)."""
    if ch.isascii() or not ch.isalpha() and not unicodedata.category(ch).startswith("M"):
        return ""
    script = _script(ch)
    if script == "Latin":
        return "+"
    if unicodedata.category(ch).startswith("M"):
        return "+" if ch < "\u0370" else ""
    return script


_KINDS: dict[str, str] = {}  # the _kind of each character met


def _transliterate(text: str, steps: list[str]) -> str:
    """``text`` in ASCII, noting which scripts were transliterated and whether accents went."""
    met = dict.fromkeys(text)  # each character once, in the order first met
    try:
        kinds = list(map(_KINDS.__getitem__, met))
    except KeyError:
        if len(_KINDS) > 65536:
            _KINDS.clear()
        _KINDS.update({ch: _kind(ch) for ch in met if ch not in _KINDS})
        kinds = list(map(_KINDS.__getitem__, met))
    scripts = dict.fromkeys(kinds)
    accents = "+" in scripts
    scripts.pop("+", None)
    scripts.pop("", None)
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


def _invisible(text: str, steps: list[str]) -> str:
    """``text`` without format characters; other controls and line separators become spaces."""
    gone: dict[str, None] = {}
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cf":
            gone[f"U+{ord(ch):04X} {unicodedata.name(ch, 'format character').lower()}"] = None
        elif cat in ("Cc", "Zl", "Zp"):
            out.append(" ")
        else:
            out.append(ch)
    if gone:
        steps.append(f"invisible characters removed: {', '.join(gone)}")
    return "".join(out)


def _join_letters(cased: list[str]) -> list[str]:
    """Runs of single letters joined into one word: ``S A`` → ``SA``, ``l l c`` → ``llc``."""
    out: list[str] = []
    run = False
    for word in cased:
        single = len(word) == 1 and word.isalpha()
        if single and run:
            out[-1] += word
            continue
        run = single
        out.append(word)
    return out


def _drop_forms(words: list[str], cased: list[str], steps: list[str]) -> list[int]:
    """Indexes of the words that remain once legal forms and articles are dropped."""
    if _DROPPABLE.isdisjoint(words):
        return list(range(len(words)))
    if _FORMS.isdisjoint(words):  # articles only ("of", "the"): dropped unless all are
        kept = [i for i, word in enumerate(words) if word not in ARTICLES]
        return kept or list(range(len(words)))
    drop: set[int] = set()
    forms: list[str] = []
    for i, word in enumerate(words):
        if i in drop:
            continue
        if word in LEGAL_FORMS:
            drop.add(i)
            forms.append(cased[i])
        for phrase in _PHRASES.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                span = range(i, i + len(phrase))
                drop.update(span)
                forms.append(" ".join(cased[j] for j in span))
                break
    articles = {i for i, word in enumerate(words) if word in ARTICLES}
    if len(drop | articles) == len(words):  # a name made only of such words is kept whole
        return list(range(len(words)))
    if forms:
        shown = ", ".join(repr(f) for f in dict.fromkeys(forms))
        steps.append(f"legal form{'s' if len(forms) > 1 else ''} {shown} removed")
    return [i for i in range(len(words)) if i not in drop and i not in articles]


@functools.lru_cache(maxsize=65536)
def normalise(name: str) -> Normalised:
    """``name`` ready for screening, with the steps taken; raises :class:`NameTooLong`."""
    part = _read(name)
    flat = "".join(part[1])
    return _made(part, canonical(flat), skeleton(flat), canonical)


_Read = tuple[str, list[str], tuple[bool, ...], list[str], tuple[str, ...]]


def _read(name: str) -> _Read:
    """``name``, its folded words, whether each was in capitals, the steps, the scripts."""
    if len(name) > MAX_NAME_CHARS:
        raise NameTooLong(len(name))
    steps: list[str] = []
    text = name
    scripts: tuple[str, ...] = ()
    if not text.isascii():
        text, scripts = _in_ascii(text, steps)
    if "&" in text:
        text = text.replace("&", " and ")
    if not text.isascii() or "'" in text or "`" in text:  # ASCII text has no other apostrophe
        text = text.translate(_NO_APOSTROPHES)
    cased = _WORD.findall(text)
    if 1 in map(len, cased):  # only single letters are joined
        cased = _join_letters(cased)
    words = list(map(str.lower, cased))
    if _DROPPABLE.isdisjoint(words):  # the common case: every word stays
        upper = tuple(map(str.isupper, cased))
    else:
        kept = _drop_forms(words, cased, steps)
        words = [words[i] for i in kept]
        upper = tuple([cased[i].isupper() for i in kept])
    return name, words, upper, steps, scripts


def _in_ascii(text: str, steps: list[str]) -> tuple[str, tuple[str, ...]]:
    """A name not in ASCII, written in ASCII (see :func:`_read`), and the scripts it was in."""
    if not text.isprintable():  # format, control or separator characters (fast test)
        text = _invisible(text, steps)
    folded = unicodedata.normalize("NFKC", text)
    if folded != text:
        steps.append("compatibility forms folded (NFKC)")
    text = " ".join(_fold_mixed(w, steps) for w in folded.split())
    text = _transliterate(text, steps)
    return text, tuple(s.split()[0] for s in steps if s.endswith(" transliterated"))


def _made(part: _Read, folded: str, consonants: str, each: Callable[[str], str]) -> Normalised:
    """The :class:`Normalised` of ``part``, given its folded form, consonants and word folding."""
    name, words, upper, steps, scripts = part
    flat = "".join(words)
    core = (
        flat
        if DESCRIPTORS.isdisjoint(words)
        else "".join([w for w in words if w not in DESCRIPTORS])
    )
    return Normalised(  # by position, as the fields are declared: a name is made often
        name,  # original
        tuple(words),  # words
        tuple(map(each, words)),  # tokens
        folded,  # flat
        upper,
        tuple(steps),  # steps
        scripts,
        consonants,  # skeleton
        canonical(core) if core and core != flat else "",  # core
    )


@functools.lru_cache(maxsize=4096)
def text_key(text: str) -> str:
    """Free text (an item's description, a system's names) folded like names, word by word.

    Transliterated, in lower case, punctuation gone and transliteration variants unified,
    but legal forms and articles kept: the text is searched for words, not compared whole.
    """
    if not text.isascii():
        text = anyascii(unicodedata.normalize("NFKC", text))
    text = text.replace("&", " and ").translate(_NO_APOSTROPHES).lower()
    return " ".join(canonical(w) for w in _WORD.findall(text))
