"""Build rules/lists/un-listed-entities.yaml from copies of the UN consolidated list.

Usage::

    python tools/un_entities.py OUT.yaml LIST.xml [LIST.xml ...]

Each LIST.xml is a copy of the UN Security Council Consolidated List
(https://scsanctions.un.org/resources/xml/en/consolidated.xml), read with the same parser
as ``armscheck lists import`` (:mod:`armscheck.official.un`). Only ENTITIES are kept
(groups, undertakings and companies, not individuals), of the regimes in ``REGIMES``, with
their aliases as listed (a name written ``NAME (SHORT)``, with
SHORT a short form in capitals such as ``TTP``, also gives ``NAME`` and ``SHORT``);
a DPRK or Iran entity whose listing names no country is given its regime's country.
The copies are read oldest first (by their ``dateGenerated``): an entity found in one copy
and missing from a later one was removed between the two, and its ``listed_to`` is the date
of the first copy without it (the stricter reading, flagged ``unconfirmed``). The Iran
entities, on the 2231 list until 18 Oct 2023, are reinstated from 28 Sep 2025 (UNSCR 2231
para 12, the re-imposition of the 1737 measures).

Entries in the output that are not in any copy (``manual: true``) are kept as they are.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from armscheck.official.model import country_codes
from armscheck.official.un import parse
from armscheck.rulebook.reference import load_reference

# the regimes whose entities are bundled: their committee, and the page where it lists them;
# Iraq (1518) is left out: its listed entities are under an asset freeze only, and the
# Iraq arms embargo is checked by country (UNSCR 1546 paras 21-22)
REGIMES = {
    "QD": ("1267", "https://main.un.org/securitycouncil/en/sanctions/1267/aq_sanctions_list"),
    "TA": ("1988", "https://main.un.org/securitycouncil/en/sanctions/1988"),
    "SO": ("751/2713", "https://main.un.org/securitycouncil/en/sanctions/2713"),
    "YE": ("2140", "https://main.un.org/securitycouncil/en/sanctions/2140"),
    "HT": ("2653", "https://main.un.org/securitycouncil/en/sanctions/2653"),
    "CF": ("2127/2745", "https://main.un.org/securitycouncil/en/sanctions/2745"),
    "CD": ("1533", "https://main.un.org/securitycouncil/en/sanctions/1533"),
    "KP": ("1718", "https://main.un.org/securitycouncil/en/sanctions/1718"),
    "IR": ("1737", "https://main.un.org/securitycouncil/en/sanctions/1737"),
    "LY": ("1970", "https://main.un.org/securitycouncil/en/sanctions/1970"),
    "SD": ("1591", "https://main.un.org/securitycouncil/en/sanctions/1591"),
    "SS": ("2206", "https://main.un.org/securitycouncil/en/sanctions/2206"),
    "ML": ("2374", "https://main.un.org/securitycouncil/en/sanctions/2374"),
}
# the country of a DPRK or Iran entity whose listing gives none (screening evidence)
HOME = {"KP": ["KP"], "IR": ["IR"]}
# bracketed words that describe the entry rather than name it
NOT_SHORT_FORMS = {"NGO", "LTD", "LLC", "CO"}
IRAN_ENDED = "2023-10-18"  # UNSCR 2231 Annex B para 6(c): eight years after Adoption Day
IRAN_BACK = "2025-09-28"  # 00:00 GMT, the re-imposition under UNSCR 2231 paras 11-12


def _read(files: list[str]) -> list[tuple[dt.date, dict[str, Any]]]:
    countries = country_codes(load_reference(Path(__file__).resolve().parent.parent / "rules"))
    out = []
    for name in files:
        got = parse(Path(name).read_bytes(), name, countries)
        assert got.generated is not None, f"{name}: no dateGenerated"
        rows = {}
        for e in got.entries:
            regime = e.extra.get("regime", "")
            if e.kind != "entity" or regime not in REGIMES:
                continue
            names = [" ".join(n.split()) for n in e.names]
            rows[e.ref] = {
                "ref": e.ref,
                "name": names[0],
                "aliases": list(dict.fromkeys(a for n in names for a in _parts(n)))[1:],
                "regime": regime,
                "countries": list(e.countries) or list(HOME.get(regime, [])),
                "listed_from": e.listed_from.isoformat() if e.listed_from else None,
            }
        out.append((got.generated, rows))
    return sorted(out, key=lambda x: x[0])


def _parts(name: str) -> list[str]:
    """A name as listed, then, for ``NAME (SHORT)``, its two parts on their own."""
    found = re.match(r"^(.*\S)\s*\(([A-Z0-9/.-]{2,6})\)$", name)
    if not found or found.group(2) in NOT_SHORT_FORMS:
        return [name]
    return [name, found.group(1), found.group(2)]


def build(files: list[str], old: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every entity of the copies, with its listing dates; ``old`` manual entries kept."""
    copies = _read(files)
    seen: dict[str, dict[str, Any]] = {}
    last: dict[str, dt.date] = {}
    for day, rows in copies:
        for ref, row in rows.items():
            seen[ref] = row
            last[ref] = day
    newest = copies[-1][0]
    out = []
    for ref, row in seen.items():
        entry = dict(row)
        entry["listed_to"] = None
        if last[ref] < newest:
            gone = next(day for day, _ in copies if day > last[ref])
            if row["regime"] == "IR":
                entry["listed_to"] = IRAN_ENDED
                entry["relisted_from"] = IRAN_BACK
            else:
                entry["listed_to"] = gone.isoformat()
                entry["unconfirmed"] = True
                entry["note"] = (
                    f"on the list of {last[ref].isoformat()}, not on that of {gone.isoformat()}: "
                    "removed between the two (the removal date was not read; the later date is "
                    "taken, the stricter reading)"
                )
        entry["seen"] = last[ref].isoformat()
        committee, url = REGIMES[row["regime"]]
        entry["citations"] = [
            {
                "instrument": f"UN Security Council Consolidated List ({committee} Committee)",
                "pinpoint": f"{ref}, listed {row['listed_from']}; in the copy of {entry['seen']}",
                "url": url,
            }
        ]
        out.append({k: v for k, v in entry.items() if v not in ([], None) or k == "listed_to"})
    out += [e for e in old if e.get("manual")]
    return sorted(out, key=lambda e: (e["regime"], _num(e["ref"])))


def _num(ref: str) -> tuple[str, int]:
    head, _, tail = ref.partition(".")
    return head, int(tail) if tail.isdigit() else 0


def main(argv: list[str]) -> int:
    """Rewrite the entities of OUT from the XML copies; keep its header and manual entries."""
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    doc = yaml.safe_load(out.read_text(encoding="utf-8")) if out.exists() else {}
    header = (
        "".join(
            line
            for line in out.read_text(encoding="utf-8").splitlines(keepends=True)
            if line.startswith("#")
        )
        if out.exists()
        else ""
    )
    old = doc.get("entities") or []
    doc["entities"] = []  # the rules are loaded for their country names: keep OUT loadable
    out.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    doc["entities"] = build(argv[1:], old)
    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    out.write_text(header + body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
