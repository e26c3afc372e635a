"""OFAC's Specially Designated Nationals list in XML (``sdn.xml`` / ``SDN.XML``).

Shape (in a namespace that OFAC has changed over the years, so it is ignored)::

    <sdnList xmlns="...">
      <publshInformation><Publish_Date>11/28/2026</Publish_Date>
        <Record_Count>18750</Record_Count></publshInformation>
      <sdnEntry>
        <uid/> <firstName/> <lastName/> <sdnType/>  (Individual, Entity, Vessel, Aircraft)
        <programList><program>CAATSA - RUSSIA</program></programList>
        <akaList><aka><uid/><type>a.k.a.</type><category>strong</category>
          <lastName/></aka></akaList>
        <addressList><address><country/></address></addressList>
        <nationalityList><nationality><country/></nationality></nationalityList>
      </sdnEntry>
    </sdnList>

The file gives no designation dates. Weak a.k.a.s are kept apart and not
matched on, as OFAC advises.
"""

from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element

from ..errors import ListError
from ..screening import Entry
from .model import CountryFn, Parsed, countries, parsed, split_names
from .xmlread import records, text, texts

SOURCE = "OFAC SDN List"
KINDS = {"individual": "individual", "entity": "entity", "vessel": "vessel", "aircraft": "aircraft"}


def _name(elem: Element) -> str:
    return " ".join(p for p in (text(elem, "firstName"), text(elem, "lastName")) if p)


def _entry(elem: Element, n: int, file: str, country: CountryFn) -> Entry:
    uid, name = text(elem, "uid"), _name(elem)
    if not uid or not name:
        raise ListError(
            f"sdnEntry number {n} has no {'uid' if not uid else 'lastName'}",
            file=file,
            hint="every entry of the official file has both; download the list again",
        )
    strong: list[str] = [name]
    weak: list[str] = []
    for aka in elem.findall("akaList/aka"):
        (weak if text(aka, "category").lower() == "weak" else strong).append(_name(aka))
    where = (
        texts(elem, "addressList/address/country")
        + texts(elem, "nationalityList/nationality/country")
        + texts(elem, "citizenshipList/citizenship/country")
    )
    extra = {"uid": uid, "weak_aliases": "; ".join(split_names(weak))}
    return Entry(
        list_id="us-sdn",
        ref=uid,
        names=split_names(strong),
        kind=KINDS.get(text(elem, "sdnType").lower(), "entity"),
        countries=countries(where, country),
        programs=tuple(texts(elem, "programList/program")),
        source=SOURCE,
        extra={k: v for k, v in extra.items() if v},
    )


def _publish_date(elem: Element, file: str) -> dt.date | None:
    raw = text(elem, "Publish_Date")
    if not raw:
        return None
    try:
        return dt.datetime.strptime(raw, "%m/%d/%Y").date()
    except ValueError:
        raise ListError(
            f"Publish_Date {raw!r} is not a date (MM/DD/YYYY)",
            file=file,
            hint="the file does not follow OFAC's format; download it again",
        ) from None


def parse(data: bytes, file: str, country: CountryFn) -> Parsed:
    """Read an SDN XML file."""
    entries: list[Entry] = []
    generated = None
    n = 0
    wanted = frozenset({"sdnEntry", "publshInformation"})
    for _root, elem in records(data, file, "sdnList", wanted):
        if elem.tag == "publshInformation":
            generated = _publish_date(elem, file)
            continue
        n += 1
        entries.append(_entry(elem, n, file, country))
    return parsed("sdn-xml", generated, entries, file)
