"""The same deal checked against many recipients: :func:`matrix`.

Each recipient's facts are built (and checked) as for any check, but most recipients
give the rules the same facts: an ordinary country with no embargo, list or special
tier is, for the rules, any other such country. The rules engine and the verdict run
once for each distinct set of what the rules read; a recipient whose facts the rules
see exactly as an earlier one's gets that recipient's verdict and family outcomes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
    with held():
        for code in recipients:
            changed = with_recipient(checker, transfer, code)
            facts = checker.facts(changed, changed.date)
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
