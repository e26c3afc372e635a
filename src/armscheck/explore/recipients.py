"""The same deal checked against many recipients: :func:`matrix`.

Each recipient's facts are built (and checked) as for any check, but most recipients
give the rules the same facts: an ordinary country with no embargo, list or special
tier is, for the rules, any other such country. The rules engine and the verdict run
once for each distinct set of what the rules read; a recipient whose facts the rules
see exactly as an earlier one's gets that recipient's verdict and family outcomes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from json.encoder import encode_basestring
from typing import Any

from ..checker import Checker
from ..facts import Fact
from ..official.loaded import held
from ..ruleset import read_fields
from ..transfer.model import Transfer
from ..verdict import rank
from .counterfactuals import with_recipient, within_budget


def matrix(checker: Checker, transfer: Transfer, recipients: Iterable[str]) -> list[dict[str, Any]]:
    """The deal checked against each recipient (ISO codes), most severe verdict first.

    Every recipient is checked against the same imported official lists (those of the
    data folder when the matrix starts), which are not looked for again for each one.
    """
    recipients = list(recipients)
    within_budget(transfer, len(recipients), "recipients")
    reads = read_fields(checker.rulebook.rules)
    outcomes: dict[tuple[Any, ...], tuple[str, dict[str, str]]] = {}
    rows = []
    shared: dict[str, Any] = {}  # what the facts take of the transfer alone, made once
    with held():
        for code in recipients:
            changed = with_recipient(checker, transfer, code)
            facts = checker.facts(changed, changed.date, shared)
            seen = (changed.date, tuple([_read(f, reads) for f in facts]))
            if seen not in outcomes:
                v = checker.check(changed, facts=facts)
                outcomes[seen] = (v.verdict, dict(v.families))
            verdict, families = outcomes[seen]
            rows.append(
                {
                    "recipient": code,
                    "name": checker.rulebook.reference.countries[code].name,
                    "verdict": verdict,
                    "families": dict(families),
                }
            )
    rows.sort(key=lambda r: (rank(str(r["verdict"])), str(r["name"])))
    return rows


def as_json(file: str, rows: list[dict[str, Any]]) -> str:
    """``json.dumps({"file": file, "rows": rows}, indent=2, ensure_ascii=False)``, written directly.

    The standard encoder writes indented JSON in Python, value by value; a matrix's rows
    hold text in a fixed layout, so each is written with its strings encoded at once.
    """
    if not all(_plain(row) for row in rows):
        return json.dumps({"file": file, "rows": rows}, indent=2, ensure_ascii=False)
    text = encode_basestring
    out = ['{\n  "file": ', text(file), ',\n  "rows": [']
    for row in rows:
        families: dict[str, str] = row["families"]
        out += ['\n    {\n      "recipient": ', text(row["recipient"])]
        out += [',\n      "name": ', text(row["name"]), ',\n      "verdict": ']
        out += [text(row["verdict"]), ',\n      "families": {']
        if families:
            out.append(",".join([f"\n        {text(k)}: {text(v)}" for k, v in families.items()]))
            out.append("\n      }")
        else:
            out.append("}")
        out.append("\n    },")
    if rows:
        out[-1] = "\n    }\n  ]\n}"
    else:
        out.append("]\n}")
    return "".join(out)


def _plain(row: dict[str, Any]) -> bool:
    """Whether ``row`` is a matrix row of text only, in the usual order of keys."""
    families = row.get("families")
    return (
        list(row) == _ROW
        and type(families) is dict
        and all(type(row[k]) is str for k in _ROW[:3])
        and all(type(k) is str and type(v) is str for k, v in families.items())
    )


_ROW = ["recipient", "name", "verdict", "families"]
_ABSENT = object()  # a field a fact does not have (told apart from one that is None)


def _read(fact: Fact, reads: Mapping[str, tuple[str, ...]]) -> tuple[Any, ...]:
    """What the rules engine is given of ``fact``: its kind, key and the fields rules read.

    Each value with its type, so that ``1``, ``1.0`` and ``True`` stay apart; the kind
    fixes the names read, so values and types are kept in the names' order.
    """
    names = reads.get(fact.kind)
    if names is None:
        return (fact.kind,)  # no rule matches this kind: the engine is not given it
    get = fact.fields.get
    values = tuple([get(n, _ABSENT) for n in names])
    return (fact.kind, fact.key, values, tuple(map(type, values)))
