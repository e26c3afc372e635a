"""Judging one candidate alias: the tier, the score and the reasons.

Exact (score 1): the folded names are equal, or have the same words in another order,
or the name contains the alias and adds only words that describe ("forces", "militia").
An acronym (four letters or fewer, or a short word written in capitals) is exact only
with evidence: the party's country is the entry's; in another country it does not
match at all, and with no country known it is only possible.

Possible: a score from ``rapidfuzz`` (the better of the folded names' similarity and
their words' similarity in sorted order), or the name containing the alias among other
words, or the consonants of a name written in Arabic script; then weighed by the
evidence (country and kind). A score of at least :data:`POSSIBLE_MIN` is a possible
match; below it, nothing. The band was calibrated on ``tests/data/name-pairs.yaml``
(``benchmarks/screening.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from .forms import DESCRIPTORS
from .model import Entry, Hit, Normalised

POSSIBLE_MIN = 0.86  # the lower edge of the review band
FUZZY_MIN_LEN = 5  # names shorter than this (folded) are never matched fuzzily
SHORT = 4  # an alias this short, folded, is an acronym
COUNTRY_BONUS = 0.03
COUNTRY_PENALTY = 0.08
KIND_PENALTY = 0.06


@dataclass(frozen=True, slots=True)
class Candidate:
    """A screened name and one alias the index proposed, with how it was found."""

    query: Normalised
    alias: str
    norm: Normalised
    skeleton: str
    how: str  # "whole", "order", "run:i:j", "fuzzy" or "skeleton"


def is_acronym(alias: str, norm: Normalised) -> bool:
    """Whether an alias is an acronym: very short, or one short word in capitals."""
    if len(norm.flat) <= SHORT:
        return True
    return len(norm.words) == 1 and len(norm.flat) <= 6 and all(norm.upper) and alias.isupper()


def judge(c: Candidate, entry: Entry, country: str | None, kind: str | None) -> Hit | None:
    """The hit ``c`` makes on ``entry``, or None when it is below the band."""
    q = c.query
    reasons: list[str] = []
    countries = entry.countries
    same_country = bool(country and countries and country in countries)
    other_country = bool(country and countries and country not in countries)
    other_kind = bool(kind and entry.kind not in ("unknown", kind))
    matched: tuple[str, ...] = c.norm.words
    if is_acronym(c.alias, c.norm):
        if c.how != "whole" and not c.how.startswith("run:"):
            return None
        if other_country or other_kind:
            return None
        extra = _extra(q, c.how)
        if extra and not all(q.upper[i] for i in _run(c.how)):
            return None  # an acronym inside a longer name must be written in capitals
        if same_country and not [w for w in extra if w not in DESCRIPTORS]:
            reasons.append(f"acronym '{c.alias}' of a party in {country}")
            return _hit(c, entry, "exact", 1.0, matched, reasons)
        where = f"in {country}" if same_country else "whose country is not known"
        reasons.append(f"only the acronym '{c.alias}' matched, for a party {where}")
        return _hit(c, entry, "possible", POSSIBLE_MIN, matched, reasons)
    if c.how == "whole":
        reasons.append("same name once normalised" if q.original != c.alias else "same name")
        return _exact(c, entry, matched, reasons, other_country, country)
    if c.how == "order":
        reasons.append("same words in another order")
        return _exact(c, entry, matched, reasons, other_country, country)
    if c.how.startswith("run:"):
        extra = _extra(q, c.how)
        plain = [w for w in extra if w not in DESCRIPTORS]
        if not plain:
            reasons.append(f"the name adds only {', '.join(repr(w) for w in extra)}")
            return _exact(c, entry, matched, reasons, other_country, country)
        cover = len(c.norm.flat) / max(len(q.flat), 1)
        score = 0.86 + 0.1 * cover
        reasons.append(f"the name contains '{c.alias}' among other words ({', '.join(plain)})")
    elif c.how == "skeleton":
        score = 0.88
        reasons.append("same consonants as a name written in Arabic script (vowels unwritten)")
        matched = ()
    else:
        if min(len(q.flat), len(c.norm.flat)) < FUZZY_MIN_LEN:
            return None
        core = "".join(w for w in q.tokens if w not in DESCRIPTORS) or q.flat
        score = (
            max(
                fuzz.ratio(q.flat, c.norm.flat),
                fuzz.ratio(core, c.norm.flat),
                fuzz.token_sort_ratio(" ".join(q.tokens), " ".join(c.norm.tokens)),
            )
            / 100
        )
        if score < POSSIBLE_MIN - COUNTRY_BONUS:
            return None
        matched = tuple(w for w in c.norm.words if w in q.words)
        reasons.append(f"similar spelling (similarity {score:.3f})")
    if same_country:
        score += COUNTRY_BONUS
        reasons.append(f"same country ({country})")
    if other_country:
        score -= COUNTRY_PENALTY
        reasons.append(f"the entry's country is {'/'.join(countries)}, the party's {country}")
    if other_kind:
        score -= KIND_PENALTY
        reasons.append(f"the entry is {_a(entry.kind)}, the party {_a(kind or '')}")
    if score < POSSIBLE_MIN:
        return None
    return _hit(c, entry, "possible", min(score, 0.999), matched, reasons)


def _exact(
    c: Candidate,
    entry: Entry,
    matched: tuple[str, ...],
    reasons: list[str],
    other_country: bool,
    country: str | None,
) -> Hit:
    if other_country:
        reasons.append(
            f"although the entry's country is {'/'.join(entry.countries)}, not {country}"
        )
    return _hit(c, entry, "exact", 1.0, matched, reasons)


def _run(how: str) -> range:
    """The word positions of a contained match ``run:i:j`` (all words otherwise)."""
    if how.startswith("run:"):
        _, i, j = how.split(":")
        return range(int(i), int(j))
    return range(0)


def _extra(q: Normalised, how: str) -> list[str]:
    """The words of the name outside a contained match."""
    inside = _run(how)
    if not inside:
        return []
    return [w for k, w in enumerate(q.words) if k not in inside]


def _a(kind: str) -> str:
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _hit(
    c: Candidate,
    entry: Entry,
    tier: str,
    score: float,
    matched: tuple[str, ...],
    reasons: list[str],
) -> Hit:
    return Hit(
        entry=entry,
        tier=tier,
        score=round(score, 3),
        alias=c.alias,
        matched_tokens=matched,
        normalised=c.query.steps,
        reasons=tuple(reasons),
    )
