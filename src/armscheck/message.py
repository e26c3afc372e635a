"""What a check sends to the rules engine: its facts as one JSON array, written directly.

A fact of a kind the rules judge one fact at a time (see :func:`answerable`) is sent only
when no earlier fact of its kind read the same, on a day in the same run of the rules'
start and end days: the rules that fired on that one fire on it.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from .errors import EngineError
from .facts import Fact
from .ruleset import SENTINEL_KIND, kind_flag, read_fields
from .sendable import MAX_INT, plain, refused

if TYPE_CHECKING:
    from .rulebook.book import Rule

SENTINEL_KEY = "__evaluate__"
MAX_IDS = 100_000  # facts named by their place: ids whose hashes durable-rules tells apart
MAX_ANSWERS = 4096  # the rules a fact's fields fired, kept per process (then started afresh)
_UNREAD = frozenset({"sid", "id", "key", "date_ord"})  # what a kind's answers may not depend on
_ENCODE = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode
_TEXT = encode_basestring  # a str as JSON text, as _ENCODE writes it (C)
Ask = tuple[str, int, str]  # a fact's kind, run of days and fields' text


def _flag(kind: str) -> str:
    """What a fact of ``kind`` begins with after its state and date: its kind, then its key."""
    return f'{_TEXT(kind_flag(kind))}:true,"key":'


_SENTINEL_TAIL = f',{_flag(SENTINEL_KIND)}"{SENTINEL_KEY}"}}'


class Writer:
    """The message of a check's facts, and the rules that fired on facts sent before."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._fields = read_fields(rules)
        # for each kind: '"is-kind":true,"key":' and each field read with its '"name":' label
        self._labels = {
            kind: (_flag(kind), tuple((n, f",{_TEXT(n)}:") for n in names))
            for kind, names in self._fields.items()
        }
        self._days = answerable(rules)
        # the rules that fired on a fact, by its kind, its run of days and its fields' text
        self._answers: dict[Ask, tuple[str, ...]] = {}

    def _message(
        self,
        facts: Sequence[Fact],
        sid: str,
        date_ord: int,
        known: list[tuple[str, tuple[str, ...]]] | None = None,
        asked: list[tuple[str, Ask]] | None = None,
    ) -> str:
        """The check's facts as one JSON array, only what the rules read, sentinel last.

        The text is what encoding a list of one object per fact would give, written
        directly: each kind's field labels are encoded once per process. Each object
        names its place in the array as its ``id``, so durable-rules neither hashes a
        fact to name it nor needs more than its ``id`` to retract it. Raises
        :class:`EngineError` for a value the engine cannot hold, or for a fact sent
        twice, before anything has reached the engine.

        With ``known``, a fact whose answer is kept (see :func:`answerable`) is left out of
        the array and put in ``known`` as (key, rules that fire on it); ``asked`` gets
        (key, what its answer is kept under) for each fact sent whose answer can be kept.
        """
        date = f',"date_ord":{date_ord},'
        tails: list[str] = []  # each object sent, after its state and id
        labels = self._labels
        days = self._days
        answers = self._answers
        for fact in facts:
            kind = fact.kind
            written = labels.get(kind)
            if written is None:  # no rule matches this kind: it cannot fire anything
                continue
            fields = fact.fields
            key = fact.key
            text = ""  # the fields some rule reads, as the object holds them
            for name, label in written[1]:
                if name not in fields:  # a missing field matches no condition, as in durable
                    continue
                value: Any = fields[name]
                kind_of = type(value)
                if kind_of is bool:
                    text += label + ("true" if value else "false")
                elif kind_of is str:
                    text += label + _TEXT(value)
                elif kind_of is float:  # what plain() accepts or changes, inline
                    if not -1e15 < value < 1e15:
                        self._refuse(facts)
                    text += label + ("0.0" if -1e-4 < value < 1e-4 else float.__repr__(value))
                elif kind_of is int:
                    if not -MAX_INT < value < MAX_INT:
                        self._refuse(facts)
                    text += label + int.__repr__(value)
                else:
                    text += label + _ENCODE(value)
            if known is not None and type(key) is str and asked is not None:
                bounds = days.get(kind)
                if bounds is not None:
                    ask = (kind, bisect.bisect_right(bounds, date_ord), text)
                    rules = answers.get(ask)
                    if rules is not None:  # (its text was accepted before)
                        known.append((key, rules))
                        continue
                    asked.append((key, ask))
            tails.append(
                f"{date}{written[0]}{_TEXT(key) if type(key) is str else _ENCODE(key)}{text}}}"
            )
        start = '{"sid":' + _TEXT(sid)
        # only text outside ASCII can be text the engine refuses
        if not (start.isascii() and "".join(tails).isascii()):
            self._refuse(facts)
        if len(set(tails)) < len(tails):  # durable-rules, naming a fact by its hash, refused it
            raise EngineError("a fact was asserted twice", hint="this is a bug; please report it")
        tails.append(_SENTINEL_TAIL)
        if len(tails) <= MAX_IDS:
            message = ",".join([f'{start},"id":"{i}"{tail}' for i, tail in enumerate(tails)])
        else:  # (never in practice) durable-rules names each fact by hashing it
            message = ",".join([start + tail for tail in tails])
        return "[" + message + "]"

    def _refuse(self, facts: Sequence[Fact]) -> None:
        """Raise for the first value, in fact order, that the engine cannot hold (if any)."""
        read = self._fields
        for fact in facts:
            fields = fact.fields
            try:
                for name in read.get(fact.kind) or ():
                    if name in fields and type(fields[name]) is not bool:
                        plain(fields[name])
            except ValueError as exc:
                raise refused(fact, exc) from None

    def _keep(self, asked: list[tuple[str, Ask]], matches: Sequence[Any]) -> None:
        """Keep, for each fact asked about, the rules that fired on it (``matches``: the run's).

        Each fact's rules are kept in the order they have in ``matches`` (a run's, sorted).
        """
        fired: dict[str, list[str]] = {}
        for m in matches:
            fired.setdefault(m.keys[0], []).append(m.rule)
        answers = self._answers
        if len(answers) + len(asked) > MAX_ANSWERS:
            answers.clear()
        for key, ask in asked:
            answers[ask] = tuple(fired.get(key, ()))


def answerable(rules: Sequence[Rule]) -> dict[str, tuple[int, ...]]:
    """The kinds whose facts the rules judge one by one: for each, its rules' start and end days.

    When every rule matching a kind has that one pattern, and none reads a fact's key, id,
    state or date, the rules that fire on a fact of the kind depend only on its fields as
    sent and on where its date falls among those days: the answer is the same for every
    fact of the kind with the same fields' text and a date in the same run of days.
    """
    days: dict[str, set[int]] = {}
    joined: set[str] = set()
    for rule in rules:
        for p in rule.patterns:
            if len(rule.patterns) > 1 or any(name in _UNREAD for name, _, _ in p.where):
                joined.add(p.kind)
            ends = days.setdefault(p.kind, set())
            ends.add(rule.effective_from.toordinal())
            if rule.effective_to is not None:
                ends.add(rule.effective_to.toordinal())
    return {kind: tuple(sorted(ends)) for kind, ends in days.items() if kind not in joined}
