"""The recipient matrix gives each recipient the verdict a check of the file, so edited, gives.

The matrix copies the transfer for each recipient instead of reading it again, builds each
recipient's facts in full, and runs the rules once per distinct set of facts the rules read;
each of these shortcuts must leave every row as a plain check of that recipient makes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from armscheck.api import load_checker, load_transfer
from armscheck.cli.pictures import recipients
from armscheck.explore.counterfactuals import apply_change, with_recipient
from armscheck.explore.recipients import as_json, matrix
from armscheck.facts import Change, Fact
from armscheck.verdict import rank

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = [
    "seeds/iraq-turkey-t129-2021.yaml",  # a §3(d) transfer of US content
    "seeds/iraq-russia-s300-2020.yaml",  # a Russian seller (CAATSA), a UN-listed region
    "real/congress-finland-mde-20m-accession-day-2023.yaml",  # FMS: the NATO+ tier's dates
    "real/congress-korea-harpoon-on-tier-date-2008.yaml",  # a sales territory
    "real/congress-iraq-hellfire-split-2014.yaml",  # related sales: a split sale
]


def _checked_one_by_one(checker: Any, transfer: Any, codes: list[str]) -> list[dict[str, Any]]:
    """The matrix's rows made the long way: the file edited and read again, then checked."""
    rows = []
    for code in codes:
        edits = (("recipient.country", code), ("recipient.region", None))
        changed = apply_change(checker, transfer, Change(code, edits))[0]
        v = checker.check(changed)
        name = checker.rulebook.reference.countries[code].name
        rows.append(
            {"recipient": code, "name": name, "verdict": v.verdict, "families": dict(v.families)}
        )
    rows.sort(key=lambda r: (rank(str(r["verdict"])), str(r["name"])))
    return rows


@pytest.mark.parametrize("name", SCENARIOS)
def test_each_row_is_the_check_of_that_recipient(name: str) -> None:
    checker = load_checker()
    ref = checker.rulebook.reference
    transfer = load_transfer(ROOT / "scenarios" / name, ref)
    codes = recipients(ref, transfer, "all")
    rows = matrix(checker, transfer, codes)
    assert rows == _checked_one_by_one(checker, transfer, codes)
    assert len({(r["verdict"], tuple(r["families"].items())) for r in rows}) > 1
    assert as_json(transfer.file, rows) == _dumps(transfer.file, rows)


def _dumps(file: str, rows: list[dict[str, Any]]) -> str:
    return json.dumps({"file": file, "rows": rows}, indent=2, ensure_ascii=False)


ODD = 'a "quoted" name\\ with \u2028, \x00, é and 😀'


@pytest.mark.parametrize(
    "rows",
    [
        [],
        [{"recipient": "IQ", "name": ODD, "verdict": "clear", "families": {}}],
        [{"recipient": "IQ", "name": "Iraq", "verdict": "clear", "families": {ODD: ODD}}] * 3,
        [{"recipient": "IQ", "name": "Iraq", "verdict": 1, "families": {}}],
        [{"recipient": "IQ", "name": None, "verdict": "clear", "families": {"a": 2}}],
        [{"name": "Iraq", "recipient": "IQ", "verdict": "clear", "families": {}}],
        [{"recipient": "IQ", "name": "Iraq", "verdict": "clear", "families": [], "x": 1}],
    ],
)
def test_the_matrix_json_is_the_standard_encoders(rows: list[dict[str, Any]]) -> None:
    assert as_json(ODD, rows) == _dumps(ODD, rows)


def _whole(fact: Fact) -> tuple[Any, ...]:
    """Everything a fact says, its places read out and the changes it proposes made."""
    places = [(loc.path, loc.line, loc.value) for loc in fact.evidence]
    return (
        fact.kind,
        fact.key,
        dict(fact.fields),
        places,
        fact.citations,
        fact.assumptions,
        fact.contested,
        dict(fact.context),
        fact.changes,
        fact.matches,
    )


@pytest.mark.parametrize(
    "name",
    [
        *SCENARIOS,
        "real/us-gripen-brazil-2014.yaml",  # catalogue systems
        "un-listed/komid-selling-from-a-third-country-2014.yaml",  # a listed seller abroad
        "un-listed/dprk-made-launchers-resold-2015.yaml",  # banned exports, resold
        "real/congress-ukraine-nspa-excalibur-2024.yaml",  # NATO's agency as the buyer
        "us-law/bar-f22-japan-2009.yaml",  # a statutory bar on a system, to any country
    ],
)
def test_what_the_matrix_makes_once_is_each_recipients_own(name: str) -> None:
    """The values made once for every recipient give the facts each recipient's check gives."""
    checker = load_checker()
    ref = checker.rulebook.reference
    transfer = load_transfer(ROOT / "scenarios" / name, ref)
    shared: dict[str, Any] = {}
    for code in recipients(ref, transfer, "all"):
        changed = with_recipient(checker, transfer, code)
        alone = checker.facts(changed, changed.date)
        together = checker.facts(changed, changed.date, shared)
        assert [_whole(f) for f in together] == [_whole(f) for f in alone], code
    assert shared
