"""The rules engine: the only module that imports durable-rules.

Rules are compiled once per process into one durable-rules ruleset, driven
through the C module's own entry points (``durable_rules_engine``): no host, no
timer threads, no Python action wrappers. Each check runs in a state (``sid``)
that holds no fact: afterwards its facts are retracted, leaving it as a fresh one
(making and freeing a state costs more than the check's own facts; after a check
with many facts the state is deleted instead, so that none stays large). The
hazards measured in durable-rules 2.0.28 are designed out here:

* no ``$not`` (absence is computed into boolean fields before asserting);
* every pattern tests its fact kind first; no ``$in``, no events, no timers;
* no data field called ``id`` or ``sid``: a fact's ``id`` is its place in its run;
* a check's facts go to the engine in one ``assert_facts`` call, as one JSON
  array holding only the fields some rule reads; its actions are then drained
  one by one, so none is left for a background thread;
* a sentinel fact, asserted last, proves the rules ran; without it, no result (a check
  whose every fact's answer was kept from an earlier run sends nothing: see ``run``).

Every value is checked and converted before a check reaches the engine, so
nothing raised on our side can interrupt a run. A state is kept or deleted only
after the sentinel's action ran: durable-rules leaves a state's action context
uninitialised until some action starts, and deleting such a state frees garbage
pointers (a crash, or heap corruption that shows later). When a run fails
part-way, or its facts cannot be retracted, its state is abandoned with the whole
ruleset instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.decoder import scanstring  # type: ignore[attr-defined]  # (C)

import durable_rules_engine as _dre

from .errors import EngineError
from .facts import Fact
from .message import MAX_IDS, SENTINEL_KEY, Writer
from .records import field, record
from .rulebook.book import Rule
from .ruleset import RULESET, SENTINEL_RULE, compile_rules

__all__ = ["MAX_IDS", "SENTINEL_KEY", "Engine", "Match", "RunResult"]
MAX_KEPT_FACTS = 64  # after a check with more facts, its state is deleted, not emptied
_SID = "c"  # the one state of a ruleset
_NOT_HANDLED, _OBSERVED = 1, 2  # durable-rules' result codes for assert_facts
_DECODE = json.JSONDecoder().raw_decode  # what json.loads does, without its checks around it
_KEY = '"key":"'
_SENTINEL_FIRED = f'{{"{SENTINEL_RULE}":{{"m":{{'


@record
class Match:
    """A rule that fired, with the keys of the facts it matched."""

    rule: str
    keys: tuple[str, ...]


@record
class RunResult:
    """What one check produced in the engine.

    ``unmatched`` holds the keys of facts that no rule fired on.
    """

    matches: list[Match] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    evaluated: bool = False
    errors: list[str] = field(default_factory=list)


_NAMED = f'{{"sid":"{_SID}","id":"'  # how each object of a run's message begins
_RETRACTIONS: dict[int, str] = {}  # by the number of objects: each one's state and id


def _retraction(message: str) -> str:
    """What retracts the objects of ``message`` (a run's): each one's state and id alone.

    No text in the message but an object's start reads ``{"sid":"c","id":"`` (a JSON
    string holds no unescaped quote), so counting it counts the objects.
    """
    count = message.count(_NAMED)
    text = _RETRACTIONS.get(count)
    if text is None:
        text = _RETRACTIONS[count] = "[" + ",".join(f'{_NAMED}{i}"}}' for i in range(count)) + "]"
    return text


class Engine(Writer):
    """Compiled rules, ready to run any number of independent checks."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules = tuple(rules)
        super().__init__(self._rules)
        self._aliases = {r.id: tuple(p.alias for p in r.patterns) for r in self._rules}
        # what follows a one-pattern rule's name in its action: '":{"alias":{'
        self._frames = {r: f'":{{"{a[0]}":{{' for r, a in self._aliases.items() if len(a) == 1}
        self._order = {r.id: i for i, r in enumerate(self._rules)}
        self._alone = self._message([], _SID, 0)  # a run's message holding only the sentinel
        self._build()

    def _build(self) -> None:
        """A fresh ruleset; an abandoned one is left alone (never freed half-built)."""
        try:
            text = json.dumps(compile_rules(self._rules)[RULESET], ensure_ascii=False)
            self._handle: int = _dre.create_ruleset(RULESET, text)
        except EngineError:
            raise
        except Exception as exc:  # noqa: BLE001 - durable raises its own error type
            raise EngineError(
                f"the rules could not be compiled: {exc}",
                hint="run 'armscheck rules' to find the rule at fault",
            ) from None

    def run(self, facts: Iterable[Fact], date_ord: int) -> RunResult:
        """Assert ``facts`` in an empty state, then the sentinel; return what fired.

        A fact whose fields (as the rules read them) met the rules of its kind on a day in
        the same run of the rules' start and end days before, and whose kind's rules each
        match one fact alone, fires the rules it fired then: it is not sent again (see
        :func:`~armscheck.message.answerable`). The others are sent, and what fired on them
        kept. When no fact is left to send, the engine is not called: nothing would fire.
        """
        facts = list(facts)
        try:
            place = {f.key: i for i, f in enumerate(facts)}
        except TypeError:  # a key that is not hashable: every fact is sent
            place = {}
        known: list[tuple[str, tuple[str, ...]]] = []
        asked: list[tuple[str, tuple[str, int, str]]] = []
        if len(place) == len(facts):  # each fact found by its key
            message = self._message(facts, _SID, date_ord, known, asked)  # nothing asserted yet
        else:
            message = self._message(facts, _SID, date_ord)
        result = RunResult()
        alone = message == self._alone  # only the sentinel: every answer was kept
        if alone:
            result.evaluated = True
        else:
            self._assert(message, result, len(facts) - len(known))
        for key, rules in known:
            result.matches += [Match(rule, (key,)) for rule in rules]
        # the order of one-fact-at-a-time assertion: by the fact that completed the match. Kept
        # answers come in the facts' order, each fact's rules in theirs (as _keep keeps them
        # from a sorted run): with nothing sent, they are in that order already
        if len(result.matches) > 1 and not alone:
            order = self._order
            result.matches.sort(
                key=lambda m: (
                    place[m.keys[0]] if len(m.keys) == 1 else max(place[k] for k in m.keys),
                    order[m.rule],
                )
            )
        if asked and result.evaluated and not result.errors:
            self._keep(asked, result.matches)
        used = {k for m in result.matches for k in m.keys}
        result.unmatched = [f.key for f in facts if f.key not in used]
        return result

    def _assert(self, message: str, result: RunResult, size: int) -> None:
        """Assert the run's ``message`` (``size`` facts) and record what fired in ``result``."""
        handle = self._handle
        emptied = False
        try:
            code, state = _dre.assert_facts(handle, message)
            if code == _OBSERVED:
                raise EngineError(
                    "a fact was asserted twice", hint="this is a bug; please report it"
                )
            fired = _dre.start_action_for_state(handle, state)
            while fired is not None:
                self._record(fired if isinstance(fired, str) else fired[1], result)
                fired = _dre.complete_and_start_action(handle, state)
            emptied = result.evaluated and self._empty(handle, message, size)
        except EngineError:
            raise
        except Exception as exc:  # noqa: BLE001 - durable raises its own error type
            raise EngineError(
                f"the rules engine failed: {exc}",
                hint="this is a bug; please report it with the file",
            ) from None
        finally:
            if not emptied:  # the state may hold facts or uninitialised pointers: abandon it
                self._build()

    def _record(self, message: str, result: RunResult) -> None:
        """Note the rule that fired and the keys of the facts it matched.

        An action's message is ``{"rule":{"alias":{fact}}}``. A one-pattern rule's fact key
        is read where the text says ``"key":`` first, once the rule and alias are found
        where they must be (a JSON string cannot hold an unescaped quote, so the text
        ``"key":`` is an object key); any other message is decoded in full.
        """
        if message.startswith(_SENTINEL_FIRED):
            result.evaluated = True
            return
        end = message.find('"', 2)
        frame = self._frames.get(message[2:end]) if message.startswith('{"') else None
        if frame is not None and message.startswith(frame, end):
            at = message.find(_KEY, end)
            if at > 0:
                try:
                    key = scanstring(message, at + len(_KEY))[0]
                except ValueError:
                    pass
                else:
                    result.matches.append(Match(message[2:end], (key,)))
                    return
        try:
            for rule, frame in _DECODE(message)[0].items():
                if rule == SENTINEL_RULE:
                    result.evaluated = True
                    continue
                aliases = self._aliases[rule]
                keys = tuple(str(frame[alias]["key"]) for alias in aliases)
                result.matches.append(Match(rule, keys))
        except Exception as exc:  # noqa: BLE001 - recorded; it voids the check
            result.errors.append(f"{message[:200]}: {exc!r}")

    def _empty(self, handle: int, message: str, size: int) -> bool:
        """Leave the state of a finished run holding no fact; False if that failed.

        Retracting the run's facts (the message that asserted them) removes each with
        every match it made, and the state must then list no fact; after a run of more
        than :data:`MAX_KEPT_FACTS` facts the state is deleted instead, and the next run
        makes a new one.
        """
        try:
            if size <= MAX_KEPT_FACTS:
                _dre.retract_facts(handle, _retraction(message))
                return bool(_dre.get_facts(handle, _SID) == "[]")
            _dre.delete_state(handle, _SID)
        except Exception:  # noqa: BLE001 - a state not emptied means a fresh ruleset
            return False
        return True
