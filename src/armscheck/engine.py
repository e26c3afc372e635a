"""The rules engine: the only module that imports durable-rules.

Rules are compiled once per process into one durable-rules ruleset on a
private, thread-less host. Each check runs in a fresh state (``sid``) that is
deleted afterwards. The hazards measured in durable-rules 2.0.28 are designed
out here:

* no ``$not`` (absence is computed into boolean fields before asserting);
* every pattern has a ``kind`` equality; no ``$in``, no events, no timers;
* no data field called ``id`` or ``sid``;
* facts are asserted one by one; a fact that matches no rule is recorded;
* every action is guarded, and any swallowed exception makes the check fail;
* a sentinel fact, asserted last, proves the rules ran; without it, no result.

Every value is checked and converted before the first fact of a check reaches
the engine, so nothing raised on our side can interrupt a run. A state is
deleted only after the sentinel's action ran: durable-rules leaves a state's
action context uninitialised until some action starts, and deleting such a
state frees garbage pointers (a crash, or heap corruption that shows later).
When a run fails part-way, its state is abandoned with the whole host instead.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from durable.engine import Host, MessageNotHandledException, MessageObservedException

from .errors import EngineError
from .facts import Fact
from .rulebook import Pattern, Rule

RULESET = "armscheck"
SENTINEL_RULE = "__evaluated__"
MAX_LIVE_STATES = 256
_OPS = {"ne": "$neq", "gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}
_EPOCH_ORD = 0


@dataclass
class Match:
    """A rule that fired, with the keys of the facts it matched."""

    rule: str
    keys: tuple[str, ...]


@dataclass
class RunResult:
    """What one check produced in the engine."""

    matches: list[Match] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    evaluated: bool = False
    errors: list[str] = field(default_factory=list)


MAX_INT = 10**18


def _plain(value: Any) -> Any:
    """A value durable-rules' JSON parser accepts, or ``ValueError``.

    Python writes floats below 1e-4 as ``6e-05``, which the engine rejects (error
    204); such tiny magnitudes are zero for every rule, so they are sent as 0.
    Magnitudes the engine cannot hold, non-finite numbers and text that is not
    valid Unicode are refused.
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if value != value or value in (math.inf, -math.inf):
            raise ValueError(f"the number {value!r} is not finite")
        if abs(value) < 1e-4:
            return 0.0
        if abs(value) >= 1e15:
            raise ValueError(f"the number {value!r} is too large for the rules engine")
    elif isinstance(value, int):
        if abs(value) >= MAX_INT:
            raise ValueError(f"the number {value} is too large for the rules engine")
    elif isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"the text {value!r} is not valid Unicode") from None
    return value


def _body(fact: Fact, sid: str, date_ord: int) -> dict[str, Any]:
    """The engine's form of ``fact``; raises :class:`EngineError` for a value it cannot hold."""
    body: dict[str, Any] = {"sid": sid, "kind": fact.kind, "key": fact.key, "date_ord": date_ord}
    for name, value in fact.fields.items():
        try:
            body[name] = _plain(value)
        except ValueError as exc:
            where = next((e for e in fact.evidence if e.line is not None), None)
            raise EngineError(
                str(exc),
                line=where.line if where else None,
                hint=f"check the values at {where.path}" if where else None,
            ) from None
    return body


class _SyncHost(Host):  # type: ignore[misc]
    """A host whose actions all run inside ``assert_fact``: no timer threads."""

    def __init__(self, actions: Mapping[str, Any]) -> None:
        self._actions = dict(actions)
        super().__init__()

    def _run(self) -> None:
        """Start no background dispatch threads."""

    def get_action(self, action_name: str) -> Any:
        """Resolve an action by the rule name used in the ruleset."""
        return self._actions[action_name]


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
    definition: dict[str, Any] = {
        SENTINEL_RULE: {"all": [{"m": {"kind": "evaluate"}}], "run": SENTINEL_RULE}
    }
    for rule in rules:
        aliases: set[str] = set()
        patterns = []
        for i, p in enumerate(rule.patterns):
            patterns.append(_pattern(p, rule if i == 0 else None, aliases))
            aliases.add(p.alias)
        definition[rule.id] = {"all": patterns, "run": rule.id}
    return {RULESET: definition}


class Engine:
    """Compiled rules, ready to run any number of independent checks."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules = tuple(rules)
        self._current: RunResult | None = None
        self._counter = itertools.count()
        self._build()

    def _build(self) -> None:
        actions = {r.id: self._action(r) for r in self._rules}
        actions[SENTINEL_RULE] = self._sentinel
        self._host = _SyncHost(actions)
        try:
            self._host.set_rulesets(compile_rules(self._rules))
        except Exception as exc:  # noqa: BLE001 - durable raises bare Exception
            raise EngineError(
                f"the rules could not be compiled: {exc}",
                hint="run 'armscheck rules' to find the rule at fault",
            ) from None
        self._live = 0

    def _action(self, rule: Rule) -> Any:
        def act(c: Any) -> None:
            run = self._current
            if run is None:
                return
            try:
                msg = c._m
                keys = tuple(str(msg[p.alias]["key"]) for p in rule.patterns)
                run.matches.append(Match(rule.id, keys))
            except Exception as exc:  # noqa: BLE001 - recorded; it voids the check
                run.errors.append(f"{rule.id}: {exc!r}")

        return act

    def _sentinel(self, c: Any) -> None:
        if self._current is not None:
            self._current.evaluated = True

    def run(self, facts: Iterable[Fact], date_ord: int) -> RunResult:
        """Assert ``facts`` in a fresh state, then the sentinel; return what fired."""
        if self._live >= MAX_LIVE_STATES:
            self._build()
        sid = f"c{next(self._counter)}"
        bodies = [_body(fact, sid, date_ord) for fact in facts]  # nothing asserted yet
        bodies.append({"sid": sid, "kind": "evaluate", "key": "__evaluate__"})
        result = RunResult()
        self._current = result
        self._live += 1
        try:
            for body in bodies:
                self._assert(body, result, body["key"])
            self._host.get_ruleset(RULESET).dispatch()
        except EngineError:
            raise
        except Exception as exc:  # noqa: BLE001 - durable raises bare Exception
            raise EngineError(
                f"the rules engine failed: {exc}",
                hint="this is a bug; please report it with the file",
            ) from None
        finally:
            self._current = None
            self._release(sid, result.evaluated)
        return result

    def _release(self, sid: str, evaluated: bool) -> None:
        """Delete the state of a finished run; abandon the host after a broken one."""
        if not evaluated:  # the state may hold uninitialised pointers: never delete it
            self._build()
            return
        try:
            self._host.delete_state(RULESET, sid)
            self._live -= 1
        except Exception:  # noqa: BLE001 - a failed delete means a fresh host
            self._build()

    def _assert(self, body: dict[str, Any], result: RunResult, key: str) -> None:
        try:
            state = self._host.assert_fact(RULESET, body)
        except MessageNotHandledException:
            result.unmatched.append(key)
            return
        except MessageObservedException:
            raise EngineError(
                f"fact {key!r} was asserted twice", hint="this is a bug; please report it"
            ) from None
        if isinstance(state, dict) and state.get("exception"):
            result.errors.append(str(state["exception"]))
