"""The screening interface: list entries, hits, and the error for names too long to screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..errors import InputError
from ..records import field, record

KINDS = ("entity", "individual", "group", "vessel", "aircraft", "place", "unknown")
TIERS = ("exact", "possible")
MAX_NAME_CHARS = 500  # longer text is not a party's name; screening it is refused


class NameTooLong(InputError):
    """A name is longer than :data:`MAX_NAME_CHARS`; the caller adds the location."""

    def __init__(self, length: int, limit: int = MAX_NAME_CHARS) -> None:
        super().__init__(
            f"a name of {length:,} characters, over the limit of {limit:,}",
            hint="write the party's name only (its address or notes belong elsewhere)",
        )
        self.length = length
        self.limit = limit


@record(frozen=True, slots=True)
class Entry:
    """One party on one list, as the list itself gives it.

    ``names`` holds the primary name first, then aliases, in any script. Dates are the
    first day the listing applies and the first day it no longer does (exclusive).
    """

    list_id: str  # "un-consolidated", "us-csl/entity-list", "caatsa/specified-persons", ...
    ref: str  # the list's own reference for the entry
    names: tuple[str, ...]
    kind: str = "entity"  # one of KINDS
    countries: tuple[str, ...] = ()  # ISO 3166 alpha-2
    listed_from: dt.date | None = None
    listed_to: dt.date | None = None  # exclusive; None while listed
    programs: tuple[str, ...] = ()
    source: str = ""  # URL or file it came from
    extra: Mapping[str, str] = field(default_factory=dict, hash=False)

    @property
    def name(self) -> str:
        """The entry's primary name."""
        return self.names[0] if self.names else self.ref

    def in_force(self, day: dt.date | None) -> bool:
        """Whether the listing applies on ``day`` (any day when ``day`` is None)."""
        if day is None:
            return True
        if self.listed_from is not None and day < self.listed_from:
            return False
        return self.listed_to is None or day < self.listed_to


_new = object.__new__


class _Unfrozen:
    """An :class:`Entry`'s slots without the record around them (see :func:`entry_of`)."""

    __slots__ = Entry.__slots__


def entry_of(  # noqa: PLR0913 - Entry's fields
    list_id: str,
    ref: str,
    names: tuple[str, ...],
    kind: str,
    countries: tuple[str, ...],
    listed_from: dt.date | None,
    listed_to: dt.date | None,
    programs: tuple[str, ...],
    source: str,
    extra: Mapping[str, str],
) -> Entry:
    """``Entry(...)`` of every field, made at a fifth of the cost, for a list's many entries.

    A frozen record's ``__init__`` sets each field through ``object.__setattr__`` (about
    1.5 k instructions a field): here an object of the same slots is given its fields as
    plain attributes, then made an :class:`Entry` (its layout is the same, so its class may
    be changed). It is equal to ``Entry(...)`` of the same fields, and as frozen.
    """
    made: Any = _new(_Unfrozen)
    made.list_id = list_id
    made.ref = ref
    made.names = names
    made.kind = kind
    made.countries = countries
    made.listed_from = listed_from
    made.listed_to = listed_to
    made.programs = programs
    made.source = source
    made.extra = extra
    made.__class__ = Entry
    return made  # type: ignore[no-any-return]


@record(slots=True, unsafe_hash=True)
class Normalised:
    """A name ready for comparison, with the steps that made it so (for explanations).

    ``words`` are the readable folded words with legal forms and articles removed;
    ``tokens`` the same words with transliteration variants unified (``x``/``ks``,
    ``y``/``i``, doubled letters); ``flat`` the tokens written as one string.

    Never changed once made (it is shared, and hashed as its fields), but not a frozen
    dataclass: one is made for every alias of every list indexed, and a frozen one sets
    each of its fields through ``object.__setattr__``, several times slower.
    """

    original: str
    words: tuple[str, ...]
    tokens: tuple[str, ...]
    flat: str
    upper: tuple[bool, ...]  # whether each word was written in capitals (acronyms)
    steps: tuple[str, ...]
    scripts: tuple[str, ...]  # non-Latin scripts met: "Cyrillic", "Arabic", "Han", ...
    skeleton: str = ""  # consonants only (Arabic script writes no short vowels)
    core: str = ""  # ``flat`` without descriptive words ("forces", "group"), if it differs

    @property
    def text(self) -> str:
        """The readable normalised form: ``rosoboroneksport``."""
        return " ".join(self.words)


@record(frozen=True)
class Hit:
    """A name that matched a list entry, with its tier, score and explanation."""

    entry: Entry
    tier: str  # "exact" or "possible"
    score: float  # 0..1, three decimals
    alias: str  # the entry's name or alias that matched
    matched_tokens: tuple[str, ...]
    normalised: tuple[str, ...]  # what was normalised in the screened name
    reasons: tuple[str, ...]
    # the name begins with the distinctive leading words of a listed company's name (a
    # subsidiary or branch, wherever it is registered); always a possible match
    leading: bool = False

    @property
    def exact(self) -> bool:
        """Whether this is an exact or alias match (not one to be confirmed)."""
        return self.tier == "exact"

    def as_dict(self) -> dict[str, object]:
        """The JSON form of a hit: the entry, the tier, the score and the explanation."""
        e = self.entry
        return {
            "list": e.list_id,
            "ref": e.ref,
            "name": e.name,
            "kind": e.kind,
            "countries": list(e.countries),
            "listed_from": e.listed_from.isoformat() if e.listed_from else None,
            "listed_to": e.listed_to.isoformat() if e.listed_to else None,
            "programs": list(e.programs),
            "source": e.source,
            **({"extra": dict(e.extra)} if e.extra else {}),
            "match": self.tier,
            "score": self.score,
            "alias": self.alias,
            "matched_tokens": list(self.matched_tokens),
            "normalised": list(self.normalised),
            "reasons": list(self.reasons),
            "why": self.why(),
        }

    def why(self) -> str:
        """One sentence: which alias matched, how, and what was normalised."""
        how = "; ".join(self.reasons)
        done = f" ({'; '.join(self.normalised)})" if self.normalised else ""
        match = "exact match" if self.exact else f"possible match, score {self.score:.3f}"
        return (
            f"{match} to {self.entry.name} [{self.entry.list_id}] via '{self.alias}': {how}{done}"
        )


def entry_dict(entry: Entry) -> dict[str, object]:
    """``entry`` as plain JSON data (dates as ISO text)."""
    return {
        "list_id": entry.list_id,
        "ref": entry.ref,
        "names": list(entry.names),
        "kind": entry.kind,
        "countries": list(entry.countries),
        "listed_from": entry.listed_from.isoformat() if entry.listed_from else None,
        "listed_to": entry.listed_to.isoformat() if entry.listed_to else None,
        "programs": list(entry.programs),
        "source": entry.source,
        "extra": dict(entry.extra),
    }


def entry_from(data: Mapping[str, object]) -> Entry:
    """The entry :func:`entry_dict` wrote."""

    def day(key: str) -> dt.date | None:
        raw = data.get(key)
        return dt.date.fromisoformat(str(raw)) if raw else None

    def texts(key: str) -> tuple[str, ...]:
        raw = data.get(key) or ()
        return tuple(str(x) for x in raw) if isinstance(raw, (list, tuple)) else ()

    extra = data.get("extra") or {}
    return Entry(
        list_id=str(data["list_id"]),
        ref=str(data["ref"]),
        names=texts("names"),
        kind=str(data.get("kind") or "entity"),
        countries=texts("countries"),
        listed_from=day("listed_from"),
        listed_to=day("listed_to"),
        programs=texts("programs"),
        source=str(data.get("source") or ""),
        extra={str(k): str(v) for k, v in extra.items()} if isinstance(extra, dict) else {},
    )
