"""The UN Security Council Consolidated List in XML.

Shape (``scsanctions.un.org/resources/xml/en/consolidated.xml``)::

    <CONSOLIDATED_LIST dateGenerated="2026-11-30T23:00:05.123Z">
      <INDIVIDUALS><INDIVIDUAL>
        <DATAID/> <FIRST_NAME/>..<FOURTH_NAME/> <UN_LIST_TYPE/> <REFERENCE_NUMBER/>
        <LISTED_ON/> <NAME_ORIGINAL_SCRIPT/> <COMMENTS1/> <NATIONALITY><VALUE/></NATIONALITY>
        <LAST_DAY_UPDATED><VALUE/></LAST_DAY_UPDATED>
        <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
        <INDIVIDUAL_ADDRESS><COUNTRY/></INDIVIDUAL_ADDRESS> ...
      </INDIVIDUAL></INDIVIDUALS>
      <ENTITIES><ENTITY> ... <ENTITY_ALIAS/> <ENTITY_ADDRESS/> </ENTITY></ENTITIES>
    </CONSOLIDATED_LIST>

The regime of an entry is the letters of its reference number before the
``i``/``e`` marker (``QDi.430`` → ``QD``, ``KPe.001`` → ``KP``). Aliases of
``Low`` quality are kept apart (``weak_aliases``) and not matched on: the
Council itself describes them as too vague to identify anyone.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from ..errors import ListError
from ..screening import Entry
from .model import CountryFn, Parsed, countries, iso_date, parsed, split_names
from .xmlread import records, text, texts

_REF = re.compile(r"^([A-Z]{2})[ie]\.\d+", re.I)
SOURCE = "UN Security Council Consolidated List"


def regime(reference: str) -> str:
    """The regime letters of a reference number ('QDi.430' → 'QD'), or ''."""
    found = _REF.match(reference.strip())
    return found.group(1).upper() if found else ""


def _entry(elem: Element, n: int, file: str, country: CountryFn) -> Entry:
    kind = "individual" if elem.tag == "INDIVIDUAL" else "entity"
    dataid = text(elem, "DATAID")
    parts = [text(elem, p) for p in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = " ".join(p for p in parts if p)
    if not dataid or not name:
        raise ListError(
            f"{elem.tag.lower()} number {n} has no {'DATAID' if not dataid else 'FIRST_NAME'}",
            file=file,
            hint="every entry of the official file has both; download the list again",
        )
    strong: list[str] = [name, text(elem, "NAME_ORIGINAL_SCRIPT")]
    weak: list[str] = []
    for alias in elem.findall(f"{elem.tag}_ALIAS"):
        (weak if text(alias, "QUALITY").lower() == "low" else strong).append(
            text(alias, "ALIAS_NAME")
        )
    where = texts(elem, "NATIONALITY/VALUE") + texts(elem, f"{elem.tag}_ADDRESS/COUNTRY")
    reference = text(elem, "REFERENCE_NUMBER")
    updated = sorted(texts(elem, "LAST_DAY_UPDATED/VALUE"))
    extra = {
        "reference": reference,
        "regime": regime(reference),
        "un_list_type": text(elem, "UN_LIST_TYPE"),
        "last_updated": updated[-1][:10] if updated else "",
        "weak_aliases": "; ".join(split_names(weak)),
        "comments": text(elem, "COMMENTS1")[:600],
    }
    return Entry(
        list_id="un-sc",
        ref=reference or dataid,
        names=split_names(strong),
        kind=kind,
        countries=countries(where, country),
        listed_from=iso_date(text(elem, "LISTED_ON"), file, f"{reference or dataid}: LISTED_ON"),
        programs=tuple(p for p in (extra["un_list_type"],) if p),
        source=SOURCE,
        extra={k: v for k, v in extra.items() if v},
    )


def parse(data: bytes, file: str, country: CountryFn) -> Parsed:
    """Read a UN consolidated list file."""
    entries: list[Entry] = []
    generated = None
    for n, (root, elem) in enumerate(
        records(data, file, "CONSOLIDATED_LIST", frozenset({"INDIVIDUAL", "ENTITY"})), 1
    ):
        if generated is None:
            generated = iso_date(root.get("dateGenerated") or "", file, "dateGenerated", 1)
        entries.append(_entry(elem, n, file, country))
    return parsed("un-xml", generated, entries, file)
