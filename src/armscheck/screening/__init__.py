"""One name matcher for every list: normalise, transliterate, index, score, explain.

Build an :class:`Index` once from :class:`Entry` objects, then screen names against it::

    index = Index(entries)
    for hit in index.screen("ОАО «Рособоронэкспорт»", country="RU"):
        print(hit.tier, hit.score, hit.alias, hit.why())

A hit is ``exact`` (the name or an alias, once normalised; an acronym only with evidence)
or ``possible`` (a score in the review band, to be confirmed). :mod:`.sources` gathers
the entries of every list (curated and imported) into one index.
"""

from __future__ import annotations

from .index import Index
from .model import KINDS, MAX_NAME_CHARS, TIERS, Entry, Hit, NameTooLong, Normalised
from .normalise import normalise
from .score import POSSIBLE_MIN

__all__ = [
    "KINDS",
    "MAX_NAME_CHARS",
    "POSSIBLE_MIN",
    "TIERS",
    "Entry",
    "Hit",
    "Index",
    "NameTooLong",
    "Normalised",
    "normalise",
]
