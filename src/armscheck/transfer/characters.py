"""Characters that make text read differently from how it looks.

* :func:`invisible_break` finds the characters YAML counts as line breaks but
  editors do not (U+2028, U+2029, U+0085) and a byte-order mark inside a file;
* :func:`without_invisible` removes format characters (category Cf: soft hyphen,
  zero-width joiner and spaces, word joiner, BOM) from a name;
* :func:`bidi_control` finds the controls that reorder how text is displayed
  (right-to-left override and friends), which are refused, never removed;
* :func:`mixed_script` finds a word that mixes Latin letters with Cyrillic or
  Greek look-alikes ("Irаn" with a Cyrillic "а");
* :func:`sniff_encoding` tells UTF-16 and UTF-32 files (with or without a BOM).

Messages name each character as ``'о' (U+043E CYRILLIC SMALL LETTER O)``, so two
strings that look the same can be told apart.
"""

from __future__ import annotations

import re
import unicodedata

from ..lazyre import deferred

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# characters YAML (1.1, as PyYAML reads it) takes as line breaks while editors show none,
# and a byte-order mark, which belongs only at the very start of a file
_HIDDEN = ("\u0085", "\u2028", "\u2029")  # and the mark, anywhere but at the start
_HIDDEN_BREAKS = deferred(f"[{''.join(_HIDDEN)}\ufeff]")
_CONTROL_NAMES = {
    "\x00": "NULL",
    "\x7f": "DELETE",
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\r": "CARRIAGE RETURN",
    "\x1b": "ESCAPE",
    "\x85": "NEXT LINE (NEL)",
    "\xa0": "NO-BREAK SPACE",
}
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def describe(ch: str) -> str:
    """``'о' (U+043E CYRILLIC SMALL LETTER O)``; invisible characters without the quotes."""
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ch, "CONTROL CHARACTER")
    code = f"U+{ord(ch):04X} {name}"
    shown = unicodedata.category(ch)[0] not in "CZ"
    return f"{ch!r} ({code})" if shown else code


def invisible_break(text: str) -> tuple[int, int, str] | None:
    """(line, column, character) of the first hidden line break or mid-file BOM, else ``None``.

    Line and column are what an editor shows: lines end at LF, CR LF or CR
    only, counted from 1.
    """
    if text.isascii():
        return None  # every character sought is outside ASCII
    if not any(ch in text for ch in _HIDDEN) and text.find("\ufeff", 1) < 0:
        return None  # a search for each character is quicker than the pattern's scan
    for m in _HIDDEN_BREAKS.finditer(text):
        if m.group() == "\ufeff" and m.start() == 0:
            continue  # a BOM at the start is fine
        before = text[: m.start()]
        lines = re.split(r"\r\n|\r|\n", before)
        return len(lines), len(lines[-1]) + 1, m.group()
    return None


def without_invisible(text: str) -> str:
    """``text`` without format characters (category Cf) other than bidi controls."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if ch in BIDI_CONTROLS or unicodedata.category(ch) != "Cf")


def bidi_control(text: str) -> str | None:
    """The first bidi control character in ``text``, else ``None``."""
    if text.isascii():
        return None
    return next((ch for ch in text if ch in BIDI_CONTROLS), None)


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    return next((s for s in _SCRIPTS if name.startswith(s)), None)


def mixed_script(text: str) -> tuple[str, str, str] | None:
    """(word, foreign character, main script) for a word mixing Latin, Cyrillic or Greek.

    A word written wholly in one script is fine, and so is a name with a Latin word
    beside a Cyrillic one ("Rosoboronexport Рособоронэкспорт"); a word with letters
    from two of these scripts is the look-alike trick (or a slip of the keyboard).
    The script with more letters in the word is taken as the intended one.
    """
    if text.isascii():
        return None
    for word in _WORD.findall(text):
        scripts = [s for s in map(_script, word) if s]
        kinds = set(scripts)
        if len(kinds) < 2:
            continue
        main = max(sorted(kinds), key=scripts.count)
        foreign = next(ch for ch in word if _script(ch) not in (main, None))
        return word, foreign, main
    return None


# Cyrillic and Greek letters that look like Latin ones, for the hint of a mixed-script word
LOOK_ALIKES = dict(
    zip(
        "аеорсухіјѕԁԛԝАВЕКМНОРСТХУІЈЅαοριυνκτΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijsdqwABEKMHOPCTXYIJSaopiuvktABEZHIKMNOPTYX",
        strict=True,
    )
)


def latin_look_alike(word: str) -> str | None:
    """``word`` with its Cyrillic and Greek look-alikes in Latin, if that leaves it all Latin."""
    out = "".join(LOOK_ALIKES.get(ch, ch) for ch in word)
    return out if all(_script(ch) in ("LATIN", None) for ch in out) else None


def sniff_encoding(data: bytes) -> str | None:
    """The encoding of a UTF-16 or UTF-32 file, in words, or ``None`` for other bytes.

    Without a BOM, a file is taken as UTF-16 or UTF-32 when it decodes so and the
    result is text (no NUL characters, almost all printable).
    """
    boms = (
        (b"\xff\xfe\x00\x00", "UTF-32", "little-endian"),
        (b"\x00\x00\xfe\xff", "UTF-32", "big-endian"),
        (b"\xff\xfe", "UTF-16", "little-endian"),
        (b"\xfe\xff", "UTF-16", "big-endian"),
    )
    for bom, name, order in boms:
        if data.startswith(bom):
            return f"{name} text ({order}, with a byte-order mark)"
    sample = data[:4096]
    if sample.count(0) < len(sample) // 8:
        return None  # UTF-16/32 text of YAML is full of NUL bytes; a stray one is not that
    for codec, name, order in (
        ("utf-32-le", "UTF-32", "little-endian"),
        ("utf-32-be", "UTF-32", "big-endian"),
        ("utf-16-le", "UTF-16", "little-endian"),
        ("utf-16-be", "UTF-16", "big-endian"),
    ):
        try:
            text = data[:4096].decode(codec)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\t\r\n" for ch in text)
        if text and "\x00" not in text and printable >= 0.95 * len(text):
            return f"{name} text ({order}, without a byte-order mark)"
    return None
