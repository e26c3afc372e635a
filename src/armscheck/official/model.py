"""What an import produces, and the lists the official files carry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import ListError
from ..records import record
from ..screening import Entry

if TYPE_CHECKING:
    from ..rulebook.reference import Reference

CountryFn = Callable[[str], "str | None"]

# list id -> title; the CSL's ``source`` labels map onto the us-* ids
LISTS: dict[str, str] = {
    "un-sc": "UN Security Council Consolidated List",
    "us-el": "Entity List (BIS)",
    "us-dpl": "Denied Persons List (BIS)",
    "us-uvl": "Unverified List (BIS)",
    "us-meu": "Military End-User List (BIS)",
    "us-dtc": "ITAR Debarred Parties (DDTC)",
    "us-isn": "Nonproliferation Sanctions (State)",
    "us-sdn": "Specially Designated Nationals (OFAC)",
    "us-fse": "Foreign Sanctions Evaders (OFAC)",
    "us-ssi": "Sectoral Sanctions Identifications (OFAC)",
    "us-mbs": "Non-SDN Menu-Based Sanctions (OFAC)",
    "us-cmic": "Non-SDN Chinese Military-Industrial Complex Companies (OFAC)",
    "us-plc": "Non-SDN Palestinian Legislative Council (OFAC)",
    "us-cap": "CAPTA List (OFAC)",
    "us-other": "Other Consolidated Screening List sources",
}

# the lists the rules read; a check says which of them were not imported
SCREENED = ("un-sc", "us-el", "us-dpl", "us-dtc", "us-sdn")

FORMATS = {
    "un-xml": "UN Security Council Consolidated List (XML)",
    "csl-json": "US Consolidated Screening List (JSON)",
    "csl-csv": "US Consolidated Screening List (CSV)",
    "sdn-xml": "OFAC SDN List (XML)",
}


@record(frozen=True)
class Parsed:
    """The entries read from one official file, with the file's own date."""

    format: str
    generated: dt.date | None
    entries: tuple[Entry, ...]
    notes: tuple[str, ...] = ()


def parsed(fmt: str, generated: dt.date | None, entries: list[Entry], file: str) -> Parsed:
    """The result of reading a file; a clear error when it holds no entry."""
    if not entries:
        raise ListError(
            "the file holds no entries",
            file=file,
            hint="the official file has hundreds or thousands; download it again",
        )
    return Parsed(fmt, generated, tuple(entries))


def iso_date(raw: str, file: str, what: str, line: int | None = None) -> dt.date | None:
    """An ISO date (time part ignored) or ``None`` for ''; a clear error otherwise."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        raise ListError(
            f"{what}: {raw!r} is not a date (YYYY-MM-DD)",
            file=file,
            line=line,
            hint="the file does not follow the official format; download it again",
        ) from None


def countries(raw: list[str], country: CountryFn) -> tuple[str, ...]:
    """ISO codes of the countries named in ``raw`` (unknown names left out), in order."""
    out: dict[str, None] = {}
    for name in raw:
        code = country(name.strip()) if name.strip() else None
        if code:
            out[code] = None
    return tuple(out)


def split_names(raw: list[str]) -> tuple[str, ...]:
    """Names, each "; "-separated part on its own, blanks and repeats dropped."""
    out: dict[str, None] = {}
    for value in raw:
        for part in value.split("; "):
            part = " ".join(part.split())
            if part:
                out[part] = None
    return tuple(out)


def country_codes(reference: Reference) -> CountryFn:
    """A resolver from country names and codes to ISO codes, by the rules' country table."""

    def resolve(raw: str) -> str | None:
        found = reference.country(raw)
        return found.code if found else None

    return resolve
