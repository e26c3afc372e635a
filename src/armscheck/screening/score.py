"""Judging one candidate alias: the tier, the score and the reasons.

Exact (score 1): the folded names are equal, or have the same words in another order,
or are equal once words that only describe ("forces", "group", "militia") are left out,
or the name contains the alias and adds only such words; but a short one-word name
("Barbecue", "Tupolev") for a party in another country than the entry's is only possible.
An acronym (four letters or fewer, or one short word written in capitals) is exact only
with evidence: the party's country is the entry's. In another country, or for another
kind of party, it does not match at all; with no country known it is only possible.

Possible: a score in the review band, from one of

* the name contains all the alias's words among others (stronger for a longer alias);
* ``rapidfuzz`` similarity: the better of the folded names' and of their words in
  sorted order (typos, spelling variants), lowered when the names differ in a word
  beyond a typo ("Iraqi Ministry of Defence" is not "Ministry of Defence of Iran");
* the same consonants (a name written in Arabic script has no short vowels);
* the name begins with the distinctive leading words of a listed company (:mod:`.leading`);

then weighed by the evidence: the same country raises the score, another country or
another kind of party lowers it. At least :data:`POSSIBLE_MIN` is a possible match; below
it, nothing. The band was calibrated on ``tests/data/name-pairs.yaml``
(``benchmarks/screening.py``).
"""

from __future__ import annotations

from ..records import record, replace
from . import fuzzy
from .forms import DESCRIPTORS
from .leading import begins
from .model import Entry, Hit, Normalised

POSSIBLE_MIN = 0.86  # the lower edge of the review band
ACRONYM_SCORE = 0.86  # the score of an acronym matched without a country to confirm it
FUZZY_MIN_LEN = 5  # names shorter than this (folded) are never matched fuzzily
SHORT = 4  # an alias this short, folded, is an acronym
WORD_PENALTY = 0.08  # the names differ in a word beyond a typo
WORD_ALIKE = 80  # words this alike (percent) differ only by a typo
COUNTRY_BONUS = 0.03
COUNTRY_PENALTY = 0.06  # a name containing the alias, for a party in another country
SPELLING_ABROAD = 0.10  # a similar spelling (or consonants) for a party in another country
KIND_PENALTY = 0.06
DISTINCT = 10  # a one-word name this long is distinctive enough to match from any country
ABROAD_SCORE = 0.86  # a short one-word name matched exactly for a party in another country
ARABIC_SKELETON = 0.88  # the score of a name in Arabic script with the alias's consonants
LATIN_SKELETON = 0.87  # of a name in Latin script with the same consonants, other vowels


@record(frozen=True, slots=True)
class Candidate:
    """A screened name and one alias the index proposed, with how it was found."""

    query: Normalised
    alias: str
    norm: Normalised
    how: str  # "whole", "core", "order", "run:i:j", "subset", "fuzzy" or "skeleton"


def is_acronym(alias: str, norm: Normalised) -> bool:
    """Whether an alias is an acronym: very short, or one short word in capitals."""
    letters = sum(len(w) for w in norm.words)
    if letters <= SHORT:
        return True
    return len(norm.words) == 1 and letters <= 6 and alias.isupper()


def contained_score(alias: Normalised) -> float:
    """The score of a name that contains all of ``alias``'s words among others."""
    return 0.80 + 0.012 * min(len(alias.flat), 12)


def judge(c: Candidate, entry: Entry, country: str | None, kind: str | None) -> Hit | None:
    """The hit ``c`` makes on ``entry``, or None when it is below the band."""
    worth = assess(c)
    return None if worth is None else weigh(c, worth, entry, country, kind)


@record(frozen=True, slots=True)
class Worth:
    """What a candidate is worth before the evidence (the party's country and kind).

    It depends on the name and the alias only, so a name screened for many countries
    (``armscheck matrix``) is assessed once per alias and weighed for each country.
    """

    # "acronym", "exact" (same name, or adding only descriptive words), "possible", or
    # "leading" (possible: the name begins with the alias's distinctive leading words)
    how: str
    score: float  # before the evidence ("possible")
    matched: tuple[str, ...]
    reasons: tuple[str, ...]
    plain: tuple[str, ...]  # the name's words beyond the alias's that do more than describe
    distinct: bool  # a name of several words, or a long one (matched from any country)


def assess(c: Candidate) -> Worth | None:
    """What ``c`` is worth whatever the evidence, or None when no evidence can make it a hit."""
    q = c.query
    if c.how.startswith("head:"):
        return _leading(c)
    matched: tuple[str, ...] = c.norm.words
    extra = _extra(q, c)
    plain = tuple(w for w in extra if w not in DESCRIPTORS)
    distinct = len(c.norm.tokens) > 1 or len(c.norm.flat) >= DISTINCT
    if is_acronym(c.alias, c.norm):
        if not (c.how in ("whole", "core") or c.how.startswith("run:")):
            return None  # an acronym matches only whole (or in capitals inside a name)
        if extra and not all(q.upper[i] for i in _run(c.how)):
            return None  # an acronym inside a longer name must be written in capitals
        return Worth("acronym", ACRONYM_SCORE, matched, (), plain, distinct)
    if c.how in ("whole", "order", "core") or (extra and not plain):
        why = {
            "whole": "same name" if q.original == c.alias else "same name once normalised",
            "order": "same words in another order",
            "core": "same name apart from words that only describe",
        }.get(c.how, f"the name adds only {', '.join(repr(w) for w in extra)}")
        return Worth("exact", 1.0, matched, (why,), plain, distinct)
    if plain:
        score = contained_score(c.norm)
        why = f"the name contains '{c.alias}' among other words ({', '.join(plain)})"
        return Worth("possible", score, matched, (why,), plain, distinct)
    if c.how == "skeleton":
        score = ARABIC_SKELETON if q.scripts else LATIN_SKELETON
        why = "same consonants, other vowels" + (" (Arabic script)" if q.scripts else "")
        return Worth("possible", score, (), (why,), plain, distinct)
    if min(len(q.flat), len(c.norm.flat)) < FUZZY_MIN_LEN:
        return None
    score = similarity(q, c.norm)
    if score < POSSIBLE_MIN - COUNTRY_BONUS:
        return None
    matched = tuple(w for w in c.norm.words if w in q.words)
    reasons = [f"similar spelling (similarity {score:.3f})"]
    apart = unpaired(q, c.norm)
    if apart:
        score -= WORD_PENALTY
        reasons.append(f"the words {apart[0]!r} and {apart[1]!r} differ")
    return Worth("possible", score, matched, tuple(reasons), plain, distinct)


def _leading(c: Candidate) -> Worth:
    """A name that begins with the distinctive leading words of the alias (see ``.leading``)."""
    matched, plain, score, why = begins(c.query, c.norm, int(c.how[5:]))
    return Worth("leading", score, matched, (why,), plain, True)


def weigh(
    c: Candidate, worth: Worth, entry: Entry, country: str | None, kind: str | None
) -> Hit | None:
    """The hit ``c`` makes on ``entry`` once the party's country and kind weigh in."""
    countries = entry.countries
    same_country = bool(country and countries and country in countries)
    other_country = bool(country and countries and country not in countries)
    other_kind = bool(kind and entry.kind not in ("unknown", kind))
    matched = worth.matched
    reasons = list(worth.reasons)
    if worth.how == "acronym":
        return _acronym(c, worth, entry, country, same_country, other_country or other_kind)
    if worth.how == "exact":
        if not other_country:
            return _hit(c, entry, "exact", 1.0, matched, reasons)
        reasons.append(f"the entry's country is {'/'.join(countries)}, the party's {country}")
        if worth.distinct:
            return _hit(c, entry, "exact", 1.0, matched, reasons)
        reasons.append("one short word is weak evidence from another country")
        return _hit(c, entry, "possible", ABROAD_SCORE, matched, reasons)
    score = worth.score
    if same_country:
        score += COUNTRY_BONUS
        reasons.append(f"same country ({country})")
    if other_country:
        score -= COUNTRY_PENALTY if worth.plain else SPELLING_ABROAD
        reasons.append(f"the entry's country is {'/'.join(countries)}, the party's {country}")
    if other_kind:
        score -= KIND_PENALTY
        reasons.append(f"the entry is {_a(entry.kind)}, the party {_a(kind or '')}")
    if score < POSSIBLE_MIN:
        return None
    hit = _hit(c, entry, "possible", min(score, 0.999), matched, reasons)
    return replace(hit, leading=True) if worth.how == "leading" else hit


def similarity(q: Normalised, alias: Normalised) -> float:
    """How alike two folded names are, 0..1: whole, without descriptive words, or reordered."""
    return (
        max(
            fuzzy.ratio(q.flat, alias.flat),
            fuzzy.ratio(q.core, alias.flat) if q.core else 0,
            fuzzy.ratio(q.flat, alias.core) if alias.core else 0,
            fuzzy.token_sort_ratio(" ".join(q.tokens), " ".join(alias.tokens)),
        )
        / 100
    )


def unpaired(q: Normalised, alias: Normalised) -> tuple[str, str] | None:
    """The words of two names that differ beyond a typo, when both have such words.

    Words both names share are set aside (and words that only describe); what is left
    on each side must be alike as a whole or word by word ("Minig"/"Mining", "Ural Vagon
    Zavd"/"Uralvagonzavod"), or the names differ in a word that tells them apart
    ("Iraqi"/"Iran", "Korolev"/"Korobov").
    """
    mine = [t for t in q.tokens if t not in DESCRIPTORS]
    theirs = [t for t in alias.tokens if t not in DESCRIPTORS]
    if len(mine) < 2 and len(theirs) < 2:
        return None  # one word each: the similarity of the whole says it all
    left = [t for t in mine if t not in theirs]
    right = [t for t in theirs if t not in mine]
    if not left or not right:
        return None
    if _alike("".join(left), "".join(right)):
        return None
    small, big = (left, right) if len(left) <= len(right) else (right, left)
    if all(any(_alike(a, b) for b in big) for a in small):
        return None
    return " ".join(left), " ".join(right)


def _alike(a: str, b: str) -> bool:
    """Whether two words differ only by a typo, or one abbreviates the other ("dept")."""
    if fuzzy.ratio(a, b) >= WORD_ALIKE:
        return True
    if a[:1] != b[:1]:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    rest = iter(long)
    return sorted(a) == sorted(b) or all(ch in rest for ch in short)


def _acronym(
    c: Candidate, worth: Worth, entry: Entry, country: str | None, same: bool, against: bool
) -> Hit | None:
    """An acronym matches only with evidence: the party's country, or none known against it."""
    if against:
        return None
    plain = worth.plain
    if same and not plain:
        why = f"acronym '{c.alias}' of a party in {country}"
        return _hit(c, entry, "exact", 1.0, worth.matched, [why])
    if same:
        why = f"the name contains the acronym '{c.alias}' among other words ({', '.join(plain)})"
        return _possible(c, entry, worth.matched, [why, f"same country ({country})"])
    if plain:
        return None
    why = f"only the acronym '{c.alias}' matched, for a party whose country is not known"
    return _possible(c, entry, worth.matched, [why])


def _possible(c: Candidate, entry: Entry, matched: tuple[str, ...], why: list[str]) -> Hit | None:
    """A possible acronym match, if the band reaches down to its score."""
    if ACRONYM_SCORE < POSSIBLE_MIN:
        return None
    return _hit(c, entry, "possible", ACRONYM_SCORE, matched, why)


def _run(how: str) -> range:
    """The word positions of a contained match ``run:i:j`` (none otherwise)."""
    if how.startswith("run:"):
        _, i, j = how.split(":")
        return range(int(i), int(j))
    return range(0)


def _extra(q: Normalised, c: Candidate) -> list[str]:
    """The words of the name beyond the alias's, when it contains them all."""
    inside = _run(c.how)
    if inside:
        return [w for k, w in enumerate(q.words) if k not in inside]
    if c.how == "subset":
        return [w for w, t in zip(q.words, q.tokens, strict=True) if t not in c.norm.tokens]
    return []


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
