"""Parsing of the plain values a transfer file holds: money, dates, names."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata

from ..lazyre import deferred

MAX_MONEY = 10_000_000_000_000.0  # $10 trillion: above this a value is a typo
MAX_NAMES = 100  # entities named on one side of a transfer
MAX_NAME_CHARS = 300  # one organisation's name: the longest real ones run to about 150
MAX_NAME_WORDS = 40
MAX_SUGGEST_CHARS = 200  # no "did you mean" for longer text
MAX_ITEMS = 500  # lines in one transfer
MAX_COMPONENTS = 100  # components of one item
MAX_QUANTITY = 1_000_000_000  # rounds of ammunition run to the hundreds of millions

_SCALE = {
    "": 1.0,
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "billion": 1e9,
    "billions": 1e9,
}
_MONEY = re.compile(
    r"^(?P<neg>-)?\s*(?:us\s*)?\$?\s*(?:usd\s*)?"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9][0-9_]*(?:\.[0-9]+)?)\s*"
    r"(?P<scale>[a-z]*)\.?\s*(?:usd|dollars|us\$)?$"
)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NOT_WORDS = re.compile(r"[^\w]+")  # what fold() turns into a space


_MAX_MONEY_TEXT = 64  # longer text is not an amount (and would be slow to match)


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters for a message, marked with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(value: object) -> str:
    """``repr(value)``, shortened for a message."""
    return shorten(repr(value))


class ValueProblem(ValueError):
    """A value cannot be read; the message says why and the hint how to fix it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def parse_money(raw: object) -> float:
    """Read a dollar amount: a number or a string such as ``1.5m`` or ``$4.2bn``."""
    if type(raw) is str and len(raw) <= _MAX_MONEY_TEXT:
        return _money_text(raw)  # the same few amounts recur: each is read once
    return _parse_money(raw)


def _parse_money(raw: object) -> float:
    hint = "write a positive amount such as 1500000, 1.5m, $4.2bn or '195 million'"
    if isinstance(raw, bool) or raw is None:
        raise ValueProblem(f"{shown(raw)} is not an amount of money", hint)
    if isinstance(raw, int) and abs(raw) > MAX_MONEY:
        raise ValueProblem(f"the amount {shown(raw)} is over $10 trillion", "check the units")
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str):
        text = " ".join(raw.lower().split())
        if len(text) > _MAX_MONEY_TEXT:
            raise ValueProblem(f"{shown(raw)} is too long to be an amount of money", hint)
        m = _MONEY.match(text)
        if not m or m.group("scale") not in _SCALE:
            raise ValueProblem(f"cannot read {shown(raw)} as an amount of money", hint)
        num = m.group("num").replace(",", "").replace("_", "")
        value = float(num) * _SCALE[m.group("scale")] * (-1 if m.group("neg") else 1)
    else:
        raise ValueProblem(f"{shown(raw)} is not an amount of money", hint)
    if not math.isfinite(value):
        raise ValueProblem(f"{shown(raw)} is not a finite amount", hint)
    if value <= 0:
        raise ValueProblem(f"the amount {shown(raw)} must be more than zero", hint)
    if value < 0.01:
        raise ValueProblem(f"the amount {shown(raw)} is less than a cent", hint)
    if value > MAX_MONEY:
        raise ValueProblem(f"the amount {shown(raw)} is over $10 trillion", "check the units")
    return round(value, 2)


_money_text = functools.lru_cache(maxsize=4096)(_parse_money)


@functools.lru_cache(maxsize=2048)
def parse_date(raw: object) -> dt.date:
    """Read an ISO date (``YYYY-MM-DD``) and check that it exists."""
    hint = "write the date as YYYY-MM-DD, e.g. 2021-08-27"
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    if not isinstance(raw, str):
        raise ValueProblem(f"{shown(raw)} is not a date", hint)
    m = _DATE.match(raw.strip()) if len(raw) <= _MAX_MONEY_TEXT else None
    if not m:
        raise ValueProblem(f"cannot read {shown(raw)} as a date", hint)
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise ValueProblem(f"{shown(raw)} is not a real date ({exc})", hint) from None
    if day.year < 1945:
        raise ValueProblem(f"{shown(raw)} is before 1945, outside the rules' range", hint)
    return day


@functools.lru_cache(maxsize=4096)
def fold(name: str) -> str:
    """Normalise a name for matching: case, accents, punctuation and spacing."""
    if name.isascii() and name.replace(" ", "").isalnum() and "  " not in name:
        if name[0] != " " != name[-1]:  # letters and digits, words one space apart
            return name.lower()  # (what the steps below would give: only the case changes)
    if name.isascii():
        text = name  # NFKD leaves ASCII as it is, and it has no accents or format characters
    else:
        text = unicodedata.normalize("NFKD", name)
        # accents go, and so do invisible format characters (soft hyphen, zero-width joiner,
        # bidi controls): "Hez\u00adbollah" is Hezbollah
        text = "".join(
            ch for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
        )
    text = text.casefold().replace("&", " and ")
    text = _NOT_WORDS.sub(" ", text)
    return " ".join(text.split())


def suggest(word: str, choices: list[str] | set[str] | tuple[str, ...]) -> str:
    """A ``did you mean`` phrase for ``word`` among ``choices``, or an empty string."""
    if len(word) > MAX_SUGGEST_CHARS:
        return ""  # a long text is no typo of a short word (and difflib is quadratic)
    import difflib  # only for a mistake: a check of a good file does not load it

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


def _compact(text: str) -> str:
    return fold(text).replace(" ", "")


def _likeness(query: str, name: str) -> float:
    """How well ``name`` answers ``query`` as typed: 1 equal, 0.9 prefix, down to 0."""
    q, n = _compact(query), _compact(name)
    if not q or not n:
        return 0.0
    if q == n:
        return 1.0
    if n.startswith(q):
        return 0.9
    q_tokens, n_tokens = fold(query).split(), fold(name).split()
    if all(any(t.startswith(w) for t in n_tokens) for w in q_tokens):
        return 0.85
    if len(q) >= 3 and q in n:
        return 0.75
    import difflib

    whole = difflib.SequenceMatcher(None, q, n).ratio()
    # each word typed must look like a word of the name: "Soviet Union" is not "Réunion"
    words = sum(
        max(difflib.SequenceMatcher(None, w, t).ratio() for t in n_tokens) for w in q_tokens
    ) / len(q_tokens)
    sounds = 0.05 if _soundex(q) == _soundex(n) else 0.0  # "Irak" is "Iraq" before "Iran"
    return min(whole, words) * 0.8 + sounds


_SOUNDS = {
    c: str(d)
    for d, letters in enumerate(("", "bfpv", "cgjkqsxz", "dt", "l", "mn", "r"))
    for c in letters
}


def _soundex(word: str) -> str:
    """The Soundex code of a folded word (how it sounds, roughly, in English)."""
    if not word:
        return ""
    codes = [_SOUNDS.get(c, "") for c in word]
    out = word[0]
    for prev, code in zip(codes, codes[1:], strict=False):
        if code and code != prev:
            out += code
    return (out + "000")[:4]


def suggest_names(
    query: str, names: list[str] | set[str] | tuple[str, ...], n: int = 3, cutoff: float = 0.6
) -> list[str]:
    """Up to ``n`` of ``names`` (as people write them) that ``query`` may mean, best first.

    Prefix and word aware: "F-16" finds "F-16V" and "F-16 Block 70"; a typo finds the
    word it was meant to be ("Turky"); a name sharing only a few letters is not offered.
    """
    if len(query) > MAX_SUGGEST_CHARS:
        return []
    unique = {_compact(name): name for name in sorted(names, key=len, reverse=True)}
    scored = [(_likeness(query, name), name) for name in unique.values()]
    good = [(s, name) for s, name in scored if s >= cutoff]
    good.sort(key=lambda sn: (-sn[0], len(sn[1]), sn[1]))
    return [name for _, name in good[:n]]


def money_text(value: float) -> str:
    """Format dollars compactly: $950k, $14.0m, $4.20bn."""
    if value >= 1e9:
        return f"${value / 1e9:,.2f}bn"
    if value >= 1e6:
        return f"${value / 1e6:,.1f}m"
    if value >= 1e3:
        return f"${value / 1e3:,.0f}k"
    if value < 1:
        return f"${value:,.2f}"
    return f"${value:,.0f}"


_CONTROL = deferred(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` with control characters shown as escapes, so terminals print it as written."""
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)
