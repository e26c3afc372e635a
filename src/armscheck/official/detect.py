"""Which official format a file is in, from its content (never its name)."""

from __future__ import annotations

import re

from ..errors import ListError
from . import csl, sdn, un
from .model import CountryFn, Parsed

_ROOT = re.compile(rb"<\s*([A-Za-z_][\w.:-]*)")
_PROLOG = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->)\s*", re.S)
ROOTS = {"CONSOLIDATED_LIST": "un-xml", "sdnList": "sdn-xml"}


def _root_name(head: bytes) -> str:
    rest = head
    while True:
        found = _PROLOG.match(rest)
        if not found or not found.group(0):
            break
        rest = rest[found.end() :]
    if rest.lstrip().startswith(b"<!DOCTYPE"):
        return "!DOCTYPE"
    match = _ROOT.match(rest.lstrip())
    return match.group(1).decode("ascii", "replace").rsplit(":", 1)[-1] if match else ""


def detect(data: bytes, file: str) -> str:
    """``un-xml``, ``sdn-xml``, ``csl-json`` or ``csl-csv``; a clear error otherwise."""
    head = data[:65536].lstrip(b"\xef\xbb\xbf").lstrip()
    if not head:
        raise ListError("the file is empty", file=file, hint="download the list again")
    if b"\x00" in data[:65536]:
        raise ListError(
            "the file is binary, not an official list (XML, CSV or JSON)",
            file=file,
            hint="if it is compressed, unpack it first; otherwise download the list again",
        )
    if head.startswith(b"<"):
        root = _root_name(head)
        if root == "!DOCTYPE":
            # parsed as UN XML so that the DTD is refused with its own message
            return "un-xml"
        if root in ROOTS:
            return ROOTS[root]
        raise ListError(
            f"an XML file whose root element is <{root}>, which no supported list has",
            file=file,
            line=1,
            hint="supported: the UN consolidated list <CONSOLIDATED_LIST> "
            "and OFAC's SDN list <sdnList>",
        )
    if head[:1] in (b"{", b"["):
        return "csl-json"
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lower()
    columns = {c.strip().strip('"') for c in first.split(",")}
    if len(columns) >= 3 and columns & {"_id", "source", "name"}:
        return "csl-csv"
    raise ListError(
        "not a supported list: neither XML nor JSON, and no CSV header with source and name",
        file=file,
        line=1,
        hint="import the UN consolidated XML, OFAC's sdn.xml, or the Consolidated "
        "Screening List CSV/JSON",
    )


def parse(data: bytes, file: str, country: CountryFn) -> Parsed:
    """Detect the format of ``data`` and read its entries."""
    fmt = detect(data, file)
    if fmt == "un-xml":
        return un.parse(data, file, country)
    if fmt == "sdn-xml":
        return sdn.parse(data, file, country)
    if fmt == "csl-json":
        return csl.parse_json(data, file, country)
    return csl.parse_csv(data, file, country)
