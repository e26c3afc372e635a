"""The US Consolidated Screening List (trade.gov), as CSV or JSON.

One row per listed party, with the list it comes from in ``source`` (for
example ``Entity List (EL) - Bureau of Industry and Security``). Fields read:
``_id``/``id``, ``source``, ``entity_number`` (the OFAC uid on Treasury rows),
``type``, ``programs``, ``name``, ``alt_names``, ``addresses``, ``start_date``,
``end_date``, ``federal_register_notice``, ``standard_order``,
``license_requirement``, ``license_policy``, ``source_list_url``,
``source_information_url``, ``nationalities``, ``citizenships``. In the CSV,
lists are joined with "; "; in the JSON (``{"results": [...]}``) they are
arrays, and addresses are objects with a ``country`` code. ``end_date`` is the
last day a listing (a denial order) runs; the entry is kept until the day after.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from collections.abc import Mapping
from typing import Any

from ..errors import ListError
from ..screening import Entry
from .model import CountryFn, Parsed, countries, iso_date, parsed, split_names

CODES = {
    "EL": "us-el",
    "DPL": "us-dpl",
    "UVL": "us-uvl",
    "MEU": "us-meu",
    "DTC": "us-dtc",
    "ISN": "us-isn",
    "SDN": "us-sdn",
    "FSE": "us-fse",
    "SSI": "us-ssi",
    "NS-MBS": "us-mbs",
    "NS-MBS LIST": "us-mbs",
    "CMIC": "us-cmic",
    "NS-CMIC": "us-cmic",
    "PLC": "us-plc",
    "NS-PLC": "us-plc",
    "CAP": "us-cap",
    "CAPTA": "us-cap",
}
KEPT = (
    "federal_register_notice",
    "standard_order",
    "license_requirement",
    "license_policy",
    "source_list_url",
    "source_information_url",
)
REQUIRED = ("source", "name")
KINDS = {"individual": "individual", "vessel": "vessel", "aircraft": "aircraft"}
_CODE = re.compile(r"\(([^()]+)\)")


def list_id(source: str) -> str:
    """The list id for a CSL ``source`` label (``us-other`` when unknown)."""
    for code in [*_CODE.findall(source), source]:
        found = CODES.get(code.strip().upper())
        if found:
            return found
    return "us-other"


def _values(raw: Any) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, list):
        return [str(v) for v in raw if v is not None and not isinstance(v, dict)]
    return [part for part in str(raw).split("; ") if part.strip()]


def _address_countries(raw: Any) -> list[str]:
    if isinstance(raw, list):
        return [str(a.get("country") or "") for a in raw if isinstance(a, dict)]
    out = []
    for address in _values(raw):
        last = address.rsplit(",", 1)[-1].strip()
        if len(last) == 2 and last.isalpha() and last.isupper():
            out.append(last)
    return out


def _entry(
    row: Mapping[str, Any], file: str, where: str, line: int | None, country: CountryFn
) -> Entry:
    name = " ".join(str(row.get("name") or "").split())
    source = str(row.get("source") or "").strip()
    if not name or not source:
        raise ListError(
            f"{where}: the row has no {'name' if not name else 'source'}",
            file=file,
            line=line,
            hint="every row of the official file has both; download the list again",
        )
    ident = str(row.get("entity_number") or row.get("_id") or row.get("id") or "").strip()
    end = iso_date(str(row.get("end_date") or ""), file, f"{where}: end_date", line)
    extra = {k: " ".join(str(row.get(k) or "").split()) for k in KEPT}
    extra["source_label"] = source
    where_ = (
        _address_countries(row.get("addresses"))
        + _values(row.get("nationalities"))
        + _values(row.get("citizenships"))
    )
    return Entry(
        list_id=list_id(source),
        ref=ident or name,
        names=split_names([name, *_values(row.get("alt_names"))]),
        kind=KINDS.get(str(row.get("type") or "").strip().lower(), "entity"),
        countries=countries(where_, country),
        listed_from=iso_date(str(row.get("start_date") or ""), file, f"{where}: start_date", line),
        listed_to=end + dt.timedelta(days=1) if end else None,
        programs=tuple(_values(row.get("programs"))),
        source=f"Consolidated Screening List: {source}",
        extra={k: v for k, v in extra.items() if v},
    )


def parse_json(data: bytes, file: str, country: CountryFn) -> Parsed:
    """Read the CSL as JSON: ``{"results": [...]}`` (or a bare array of rows)."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ListError(
            f"not UTF-8 text (byte {exc.start})", file=file, hint="check that this is the list"
        ) from None
    except json.JSONDecodeError as exc:
        raise ListError(
            f"not valid JSON: {exc.msg}",
            file=file,
            line=exc.lineno,
            column=exc.colno,
            hint="download the list again; the copy may be incomplete",
        ) from None
    rows = doc.get("results") if isinstance(doc, dict) else doc
    if not isinstance(rows, list):
        raise ListError(
            "the JSON has no 'results' array of rows",
            file=file,
            line=1,
            hint="this is not the Consolidated Screening List download",
        )
    generated = None
    if isinstance(doc, dict):
        stamps = [
            str(s.get("source_last_updated") or "")[:10]
            for s in doc.get("sources_used") or []
            if isinstance(s, dict) and s.get("source_last_updated")
        ]
        generated = iso_date(max(stamps), file, "sources_used") if stamps else None
    entries = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ListError(f"results[{i}] is not an object", file=file, hint="check the file")
        entries.append(_entry(row, file, f"results[{i}]", None, country))
    return _done("csl-json", generated, entries, file)


def parse_csv(data: bytes, file: str, country: CountryFn) -> Parsed:
    """Read the CSL as CSV (header row first)."""
    try:
        body = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ListError(
            f"not UTF-8 text (byte {exc.start})", file=file, hint="check that this is the list"
        ) from None
    reader = csv.DictReader(io.StringIO(body, newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ListError(
            f"the header row lacks the column(s) {', '.join(missing)}",
            file=file,
            line=1,
            hint="the CSL's header starts _id,source,entity_number,type,programs,name,...",
        )
    reader.fieldnames = header
    entries = []
    try:
        for row in reader:
            if None in row:
                raise ListError(
                    f"the row has {len(header) + len(row[None])} fields, the header {len(header)}",
                    file=file,
                    line=reader.line_num,
                    hint="a field with a comma must be quoted; download the list again",
                )
            if not any((v or "").strip() for v in row.values()):
                continue
            entries.append(_entry(row, file, f"row {reader.line_num}", reader.line_num, country))
    except csv.Error as exc:
        raise ListError(
            f"not valid CSV: {exc}", file=file, line=reader.line_num, hint="check the file"
        ) from None
    return _done("csl-csv", None, entries, file)


def _done(fmt: str, generated: dt.date | None, entries: list[Entry], file: str) -> Parsed:
    unknown = sorted({e.extra.get("source_label", "") for e in entries if e.list_id == "us-other"})
    notes = tuple(f"source not recognised, kept as 'us-other': {u}" for u in unknown)
    return dataclasses.replace(parsed(fmt, generated, entries, file), notes=notes)
