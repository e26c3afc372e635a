"""Rules as a durable-rules ruleset definition, and the fields each fact kind is read for.

Every pattern has a ``kind`` equality and the rule's dates as conditions on ``date_ord``;
``in`` becomes an ``$or`` of equalities and ``not_in`` an ``$and`` of ``$neq`` (durable-rules
has no ``$in``). A sentinel rule on the ``evaluate`` fact proves that the rules ran.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import EngineError
from .rulebook.book import Pattern, Rule

RULESET = "armscheck"
SENTINEL_RULE = "__evaluated__"
_OPS = {"ne": "$neq", "gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}


def _condition(name: str, op: str, value: Any, aliases: set[str]) -> dict[str, Any]:
    if op == "eq":
        return {name: value}
    if op == "ref":
        alias, _, other = str(value).partition(".")
        if alias not in aliases:
            raise EngineError(f"join reference {value!r} names no earlier pattern")
        return {name: {alias: other}}
    if op == "in":
        return {"$or": [{name: v} for v in value]}
    if op == "not_in":
        return {"$and": [{"$neq": {name: v}} for v in value]}
    return {_OPS[op]: {name: value}}


def _pattern(p: Pattern, rule: Rule | None, aliases: set[str]) -> dict[str, Any]:
    parts: list[dict[str, Any]] = [{"kind": p.kind}]
    parts += [_condition(n, op, v, aliases) for n, op, v in p.where]
    if rule is not None:
        parts.append({"$gte": {"date_ord": rule.effective_from.toordinal()}})
        if rule.effective_to is not None:
            parts.append({"$lt": {"date_ord": rule.effective_to.toordinal()}})
    return {p.alias: {"$and": parts}}


def compile_rules(rules: Iterable[Rule]) -> dict[str, Any]:
    """Translate rules into a fresh durable-rules ruleset definition."""
    definition: dict[str, Any] = {SENTINEL_RULE: {"all": [{"m": {"kind": "evaluate"}}]}}
    for rule in rules:
        aliases: set[str] = set()
        patterns = []
        for i, p in enumerate(rule.patterns):
            patterns.append(_pattern(p, rule if i == 0 else None, aliases))
            aliases.add(p.alias)
        definition[rule.id] = {"all": patterns}
    return {RULESET: definition}


def read_fields(rules: Iterable[Rule]) -> dict[str, tuple[str, ...]]:
    """For each fact kind some rule matches, the fields its rules read (sorted)."""
    out: dict[str, set[str]] = {}
    for rule in rules:
        kinds = {p.alias: p.kind for p in rule.patterns}
        for p in rule.patterns:
            used = out.setdefault(p.kind, set())
            for name, op, value in p.where:
                used.add(name)
                if op == "ref":
                    alias, _, other = str(value).partition(".")
                    if alias in kinds:
                        out.setdefault(kinds[alias], set()).add(other)
    return {kind: tuple(sorted(names)) for kind, names in out.items()}
