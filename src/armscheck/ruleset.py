"""Rules as a durable-rules ruleset definition, and the fields each fact kind is read for.

Every pattern starts with its fact kind, tested as a field named after the kind (see
:func:`kind_flag`), and has the rule's dates as conditions on ``date_ord``; ``in`` becomes
an ``$or`` of equalities and ``not_in`` an ``$and`` of ``$neq`` (durable-rules has no
``$in``). A sentinel rule on the ``evaluate`` fact proves that the rules ran.

durable-rules finds the first test of a fact's patterns by the name of the field tested:
were every pattern to begin with ``kind`` equal to some value, each fact would be tested
against every kind; a field named after the kind (``"is-item": true`` on an item fact) is
found among the fact's own fields, so each fact meets only its own kind's tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import EngineError
from .rulebook.book import Pattern, Rule

RULESET = "armscheck"
SENTINEL_RULE = "__evaluated__"
SENTINEL_KIND = "evaluate"
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


def kind_flag(kind: str) -> str:
    """The field a fact of ``kind`` carries (as ``true``) in place of its kind."""
    return "is-" + kind


def _pattern(p: Pattern, rule: Rule | None, aliases: set[str]) -> dict[str, Any]:
    parts: list[dict[str, Any]] = [{kind_flag(p.kind): True}]
    parts += [_condition(n, op, v, aliases) for n, op, v in p.where]
    if rule is not None:
        parts.append({"$gte": {"date_ord": rule.effective_from.toordinal()}})
        if rule.effective_to is not None:
            parts.append({"$lt": {"date_ord": rule.effective_to.toordinal()}})
    return {p.alias: {"$and": parts}}


def compile_rules(rules: Iterable[Rule]) -> dict[str, Any]:
    """Translate rules into a fresh durable-rules ruleset definition."""
    rules = tuple(rules)
    _names_apart(rules)
    definition: dict[str, Any] = {SENTINEL_RULE: {"all": [{"m": {kind_flag(SENTINEL_KIND): True}}]}}
    for rule in rules:
        aliases: set[str] = set()
        patterns = []
        for i, p in enumerate(rule.patterns):
            patterns.append(_pattern(p, rule if i == 0 else None, aliases))
            aliases.add(p.alias)
        definition[rule.id] = {"all": patterns}
    return {RULESET: definition}


def _names_apart(rules: tuple[Rule, ...]) -> None:
    """Refuse rules whose facts' field names durable-rules could confuse.

    durable-rules tells a fact's fields apart by a 32-bit FNV-1a hash of their names: two
    names with one hash (a kind's field and a field some rule reads) would be one field.
    """
    names = {"sid", "id", "date_ord", "key", kind_flag(SENTINEL_KIND)}
    for kind, fields in read_fields(rules).items():
        names.add(kind_flag(kind))
        names.update(fields)
    seen: dict[int, str] = {}
    for name in sorted(names):
        other = seen.setdefault(_fnv(name), name)
        if other != name:
            raise EngineError(
                f"the fields {other!r} and {name!r} cannot be told apart by durable-rules",
                file=next((r.file for r in rules if _reads(r, {other, name})), None),
                hint="rename one of them in its fact kind's declaration",
            )


def _reads(rule: Rule, names: set[str]) -> bool:
    """Whether ``rule`` tests a fact kind or a field called one of ``names``."""
    return any(
        kind_flag(p.kind) in names or any(n in names for n, _, _ in p.where) for p in rule.patterns
    )


def _fnv(name: str) -> int:
    """durable-rules' hash of a field name (FNV-1a over its bytes, as signed chars)."""
    value = 0x811C9DC5
    for byte in name.encode("utf-8"):
        value = ((value ^ (byte - 256 if byte > 127 else byte)) * 16777619) & 0xFFFFFFFF
    return value


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
