"""The engine against durable-rules' measured hazards (shared notes, sections 2-8)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import durable_rules_engine as _dre
import pytest
import yaml

from armscheck.engine import MAX_IDS, MAX_KEPT_FACTS, Engine, RunResult
from armscheck.errors import EngineError
from armscheck.facts import Citation, Fact
from armscheck.rulebook.book import Pattern, Rule
from armscheck.ruleset import _fnv, compile_rules

DAY = dt.date(2020, 1, 1).toordinal()


def rule(rid: str, *patterns: Pattern, start: str = "1945-01-01", end: str | None = None) -> Rule:
    return Rule(
        id=rid,
        family="t",
        title=rid,
        outcome="violation",
        patterns=patterns,
        explanation="x",
        citations=(Citation("c", "https://e"),),
        effective_from=dt.date.fromisoformat(start),
        effective_to=dt.date.fromisoformat(end) if end else None,
        last_reviewed="2026-01-01",
        file="f",
    )


def fact(kind: str, key: str, **fields: object) -> Fact:
    return Fact(kind=kind, key=key, fields=fields)  # type: ignore[arg-type]


FLAG = rule("t/flag", Pattern("m", "item", (("flagged", "eq", True),)))
BIG = rule("t/big", Pattern("m", "item", (("value", "gte", 14_000_000),)))
JOIN = rule(
    "t/join",
    Pattern("it", "item", ()),
    Pattern("co", "comp", (("item_key", "ref", "it.item_key"),)),
)
DATED = rule("t/dated", Pattern("m", "item", ()), start="2017-08-02", end="2020-10-18")
IN = rule("t/in", Pattern("m", "item", (("cat", "in", ["a", "b"]),)))


def test_fires_and_reports_keys() -> None:
    eng = Engine([FLAG])
    res = eng.run([fact("item", "i1", flagged=True)], DAY)
    assert res.evaluated and [m.keys for m in res.matches] == [("i1",)]


def test_nothing_matched_is_recorded_not_clear_by_accident() -> None:
    eng = Engine([FLAG])
    res = eng.run([fact("item", "i1", flagged=False), fact("other", "o1")], DAY)
    assert res.evaluated and res.matches == [] and "o1" in res.unmatched


def test_threshold_is_inclusive() -> None:
    eng = Engine([BIG])
    assert eng.run([fact("item", "a", value=14_000_000)], DAY).matches
    assert not eng.run([fact("item", "a", value=13_999_999)], DAY).matches


def test_join_fires_once_per_combination_in_any_order() -> None:
    eng = Engine([JOIN])
    facts = [
        fact("item", "i1", item_key="k1"),
        fact("item", "i2", item_key="k2"),
        fact("comp", "c1", item_key="k1"),
        fact("comp", "c2", item_key="k1"),
        fact("comp", "c3", item_key="k2"),
    ]
    expected = {("i1", "c1"), ("i1", "c2"), ("i2", "c3")}
    for order in itertools.permutations(facts):
        assert {m.keys for m in eng.run(list(order), DAY).matches} == expected


def test_rule_dates_are_compiled_into_the_pattern() -> None:
    eng = Engine([DATED])
    at = lambda d: bool(eng.run([fact("item", "x")], dt.date.fromisoformat(d).toordinal()).matches)  # noqa: E731
    assert not at("2017-08-01") and at("2017-08-02") and at("2020-10-17") and not at("2020-10-18")


def test_in_operator_compiles_to_or_of_equalities() -> None:
    eng = Engine([IN])
    assert eng.run([fact("item", "x", cat="b")], DAY).matches
    assert not eng.run([fact("item", "x", cat="c")], DAY).matches
    assert "$in" not in str(compile_rules([IN]))


def test_states_do_not_leak_between_checks() -> None:
    eng = Engine([JOIN])
    eng.run([fact("item", "i1", item_key="k1")], DAY)
    res = eng.run([fact("comp", "c1", item_key="k1")], DAY)
    assert res.matches == []


def test_many_checks_stay_under_the_state_limit() -> None:
    eng = Engine([FLAG])
    for n in range(2500):
        res = eng.run([fact("item", f"i{n % 7}", flagged=True)], DAY)
        assert len(res.matches) == 1
    assert holds_no_fact(eng)


def _mixed_checks() -> list[list[Fact]]:
    """Checks whose facts repeat from one to the next, joins, and some too big to keep."""
    rng = random.Random(5)
    checks = []
    for _ in range(120):
        size = rng.choice([0, 1, 2, 5, 9, MAX_KEPT_FACTS, MAX_KEPT_FACTS + 1, 150])
        facts = []
        for i in range(size):
            k = f"k{rng.randrange(4)}"
            if rng.random() < 0.5:
                facts.append(fact("item", f"i{i}", item_key=k, flagged=rng.random() < 0.5))
            else:
                facts.append(fact("comp", f"c{i}", item_key=k))
        checks.append(facts)
    return checks


def test_a_state_emptied_for_the_next_check_is_as_a_fresh_one() -> None:
    eng = Engine([JOIN, FLAG, BIG])
    for n, facts in enumerate(_mixed_checks()):
        again = eng.run(facts, DAY)
        fresh = Engine([JOIN, FLAG, BIG]).run(facts, DAY)
        assert again == fresh, n
        assert holds_no_fact(eng), n


def test_facts_found_in_an_action_s_text_are_those_found_by_decoding_it() -> None:
    quick, slow = Engine([JOIN, FLAG, BIG]), Engine([JOIN, FLAG, BIG])
    slow._frames.clear()  # every action decoded in full
    for n, facts in enumerate(_mixed_checks()):
        facts = [*facts[:3], fact("unread", "u"), *facts[3:]]
        ran = quick.run(facts, DAY)
        assert ran == slow.run(facts, DAY), n
        place = {f.key: i for i, f in enumerate(facts)}
        ranks = [(max(place[k] for k in m.keys), quick._order[m.rule]) for m in ran.matches]
        assert ranks == sorted(ranks), n


def test_a_one_pattern_rule_s_fact_is_found_without_decoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import armscheck.engine as engine_module

    def refuse(text: str) -> object:
        raise AssertionError(text)

    monkeypatch.setattr(engine_module, "_DECODE", refuse)
    res = Engine([FLAG, BIG]).run([fact("item", "a", flagged=True, value=20_000_000)], DAY)
    assert not res.errors and [m.rule for m in res.matches] == ["t/flag", "t/big"]


def test_a_state_left_holding_a_fact_is_abandoned(monkeypatch: pytest.MonkeyPatch) -> None:
    import armscheck.engine as engine_module

    real = engine_module._dre

    class Forgetful:
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def retract_facts(self, handle: int, message: str) -> tuple[int, int]:
            return (0, 0)  # retracts nothing

    eng = Engine([FLAG])
    first = eng._handle
    monkeypatch.setattr(engine_module, "_dre", Forgetful())
    assert len(eng.run([fact("item", "i", flagged=True)], DAY).matches) == 1
    assert eng._handle != first  # the state still held the fact: its ruleset was replaced
    monkeypatch.setattr(engine_module, "_dre", real)
    assert len(eng.run([fact("item", "i", flagged=True)], DAY).matches) == 1
    assert holds_no_fact(eng)


def holds_no_fact(eng: Engine) -> bool:
    """Whether the engine's state is empty, or deleted (after a big check)."""
    try:
        return bool(_dre.get_facts(eng._handle, "c") == "[]")
    except _dre.error as exc:
        return "error code: 309" in str(exc)  # no such state


def test_an_unreadable_action_voids_the_result() -> None:
    eng = Engine([FLAG])
    eng._aliases["t/flag"] = ("nope",)  # the fired rule's frame cannot be read
    eng._frames["t/flag"] = '":{"nope":{'
    res = eng.run([fact("item", "i2", flagged=True)], DAY)
    assert res.errors, "an action that cannot be read must be visible"


def test_only_the_fields_rules_read_reach_the_engine() -> None:
    eng = Engine([FLAG, JOIN])
    sent = json.loads(eng._message([fact("item", "i", flagged=True, note="x" * 500)], "s", DAY))
    assert sent[0] == {
        "sid": "s",
        "id": "0",
        "date_ord": DAY,
        "is-item": True,
        "key": "i",
        "flagged": True,
    }
    assert sent[-1]["is-evaluate"] is True and sent[-1]["id"] == "1"


def test_the_message_is_the_facts_encoded_as_one_array() -> None:
    eng = Engine([FLAG, BIG, JOIN])
    values: list[object] = [True, False, 0, -7, 2.5, 6e-05, -0.0, 1e14, 'a "b" \\ c\n', None, [1]]
    facts = [fact("item", f"i\t{n}", flagged=v, value=v) for n, v in enumerate(values)]
    facts += [fact("comp", "c", item_key="k", other=1), fact("unread", "u", flagged=True)]
    bodies = []
    for f in facts:
        if f.kind == "unread":
            continue
        body: dict[str, object] = {"sid": "s", "id": str(len(bodies)), "date_ord": DAY}
        body[f"is-{f.kind}"], body["key"] = True, f.key
        for name in sorted(f.fields):
            value = f.fields[name]
            if name != "other":
                small = type(value) is float and abs(value) < 1e-4
                body[name] = 0.0 if small else value
        bodies.append(body)
    bodies.append({"sid": "s", "id": str(len(bodies)), "is-evaluate": True, "key": "__evaluate__"})
    expected = json.dumps(bodies, ensure_ascii=False, separators=(",", ":"))
    assert eng._message(facts, "s", DAY) == expected


def test_a_fact_meets_only_its_own_kinds_patterns() -> None:
    eng = Engine([FLAG, rule("t/other", Pattern("m", "part", (("flagged", "eq", True),)))])
    res = eng.run([fact("part", "p", flagged=True), fact("tool", "t", flagged=True)], DAY)
    assert [(m.rule, m.keys) for m in res.matches] == [("t/other", ("p",))]
    assert res.unmatched == ["t"] and holds_no_fact(eng)


def test_field_names_durable_rules_would_confuse_are_refused() -> None:
    # the two names have one 32-bit FNV-1a hash, by which durable-rules finds a field
    both = rule(
        "t/both", Pattern("m", "item", (("field_1079599", "eq", 1), ("field_1262382", "eq", 2)))
    )
    with pytest.raises(EngineError, match="cannot be told apart") as caught:
        Engine([both])
    assert caught.value.file == both.file
    assert caught.value.hint


def test_matches_come_in_assertion_order() -> None:
    eng = Engine([FLAG, BIG])
    facts = [fact("item", f"i{n}", flagged=True, value=20_000_000) for n in range(5)]
    keys = [(m.rule, m.keys[0]) for m in eng.run(facts, DAY).matches]
    assert keys == [(r, f"i{n}") for n in range(5) for r in ("t/flag", "t/big")]


def test_duplicate_fact_is_an_engine_error() -> None:
    eng = Engine([FLAG])
    with pytest.raises(EngineError, match="asserted twice"):
        eng.run([fact("item", "i1", flagged=True), fact("item", "i1", flagged=True)], DAY)
    # the same fields under another key, or another kind's fact, are other facts
    res = eng.run([fact("item", "i1", flagged=True), fact("item", "i2", flagged=True)], DAY)
    assert [m.keys for m in res.matches] == [("i1",), ("i2",)] and holds_no_fact(eng)


def test_facts_named_by_place_have_ids_durable_rules_tells_apart() -> None:
    # durable-rules finds a stored fact by a 32-bit FNV-1a hash of its id; the state's
    # own document is named "sid-c"
    hashes = {_fnv(str(i)) for i in range(MAX_IDS)} | {_fnv("sid-c")}
    assert len(hashes) == MAX_IDS + 1


def test_a_run_of_more_facts_than_ids_is_named_by_durable_rules() -> None:
    eng = Engine([FLAG])
    facts = [fact("item", f"i{n}", flagged=n % 2 == 0) for n in range(MAX_IDS + 5)]
    message = eng._message(facts, "c", DAY)
    assert '"id":' not in message and len(json.loads(message)) == MAX_IDS + 6
    res = eng.run(facts, DAY)
    assert res.evaluated and len(res.matches) == (MAX_IDS + 5 + 1) // 2 and holds_no_fact(eng)


def test_compile_builds_a_fresh_definition_each_time() -> None:
    first = compile_rules([FLAG])
    Engine([FLAG])  # set_rulesets mutates what it is given; ours is rebuilt each time
    assert compile_rules([FLAG]) == first


def test_parsing_keeps_no_per_document_state() -> None:
    from armscheck.transfer import yamldoc

    docs = [yamldoc.parse(f"a: {n}\nb: [1.5, true, null, {n}]\n", "f.yaml") for n in range(200)]
    assert [d.data["a"] for d in docs] == list(range(200))
    assert docs[0].data["b"] is not docs[1].data["b"]
    # scalars are read by armscheck's own YAML 1.2 rules, never by a PyYAML constructor
    assert not any(isinstance(v, yaml.constructor.BaseConstructor) for v in vars(yamldoc).values())


def _fresh_process(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new interpreter, so a crash in C fails the test instead of pytest."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("values", "refused"),
    [
        ([True, "\ud800", 10**30], "the text '\\ud800' is not valid Unicode"),
        ([10**30, "\ud800"], "the number 1000000000000000000000000000000 is too large"),
        (["Ankara – Kyiv", float("nan")], "the number nan is not finite"),
        ([float("-inf")], "the number -inf is not finite"),
        ([1.5e15, "\ud800"], "the number 1500000000000000.0 is too large"),
    ],
)
def test_the_first_value_the_engine_cannot_hold_is_refused(
    values: list[object], refused: str
) -> None:
    eng = Engine([FLAG, BIG])
    facts = [fact("item", f"i{n}", flagged=True, value=v) for n, v in enumerate(values)]
    with pytest.raises(EngineError) as exc:
        eng.run([fact("item", "ok", flagged=True, value="ok"), *facts], DAY)
    assert exc.value.message.startswith(refused)
    assert len(eng.run([fact("item", "i", flagged=True)], DAY).matches) == 1


def test_values_the_engine_can_hold_are_sent_as_they_are() -> None:
    eng = Engine([FLAG, BIG])
    values = [6e-05, -6e-05, 1e-4, 14_000_000, "Ankara – Kyiv", True, 0]
    facts = [fact("item", f"i{n}", flagged=False, value=v) for n, v in enumerate(values)]
    sent = json.loads(eng._message(facts, "s", DAY))
    assert [b["value"] for b in sent[:-1]] == [0.0, 0.0, 1e-4, 14_000_000, "Ankara – Kyiv", True, 0]


def test_a_value_refused_part_way_leaves_the_process_sound() -> None:
    # The first fact reaches the state but starts no action; refusing the second used
    # to delete that half-built state, which freed garbage pointers (SIGSEGV or abort).
    run = _fresh_process(
        """
        import datetime as dt
        from armscheck.engine import Engine
        from armscheck.errors import EngineError
        from armscheck.facts import Fact
        from armscheck.rulebook.book import Pattern, Rule
        from armscheck.facts import Citation
        flag = Rule(id="t/flag", family="t", title="t", outcome="violation",
                    patterns=(Pattern("m", "item", (("flagged", "eq", True),)),),
                    explanation="x", citations=(Citation("c", "https://e"),),
                    effective_from=dt.date(1945, 1, 1), effective_to=None,
                    last_reviewed="2026-01-01", file="f")
        day = dt.date(2020, 1, 1).toordinal()
        eng = Engine([flag])
        for v in (9.999e16, float("nan"), 10**30, "\\ud800"):
            try:
                bad = Fact("item", "b", {"flagged": v})
                eng.run([Fact("item", "a", {"flagged": False}), bad], day)
            except EngineError as exc:
                print("refused:", exc.message)
        for n in range(50):
            assert len(eng.run([Fact("item", f"i{n}", {"flagged": True})], day).matches) == 1
        print("sound")
        """
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.count("refused:") == 4 and run.stdout.endswith("sound\n")


@pytest.mark.parametrize("error", ["EngineError", "RuntimeError"])
def test_an_engine_failure_part_way_leaves_the_process_sound(error: str) -> None:
    # Any exception after the facts reached the state but before an action started (here:
    # raised by the engine in place of the first action) fails the run; the ruleset is
    # replaced rather than the half-built state deleted.
    run = _fresh_process(
        """
        import datetime as dt
        from armscheck.engine import Engine
        from armscheck.errors import EngineError
        from armscheck.facts import Citation, Fact
        from armscheck.rulebook.book import Pattern, Rule
        flag = Rule(id="t/flag", family="t", title="t", outcome="violation",
                    patterns=(Pattern("m", "item", (("flagged", "eq", True),)),),
                    explanation="x", citations=(Citation("c", "https://e"),),
                    effective_from=dt.date(1945, 1, 1), effective_to=None,
                    last_reviewed="2026-01-01", file="f")
        day = dt.date(2020, 1, 1).toordinal()

        import armscheck.engine as E
        real = E._dre

        class Failing:
            def __getattr__(self, name):
                return getattr(real, name)

            def start_action_for_state(self, handle, state):
                raise ERROR("engine failure")

        E._dre = Failing()
        eng = Engine([flag])
        for _ in range(3):
            try:
                eng.run([Fact("item", "a", {"flagged": False})], day)
            except EngineError:
                print("failed")
        E._dre = real
        for n in range(50):
            assert len(eng.run([Fact("item", f"i{n}", {"flagged": True})], day).matches) == 1
        print("sound")
        """.replace("ERROR", error)
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout == "failed\n" * 3 + "sound\n"


HUGE_PART = """\
name: A one-cent item with a $9,999bn US part
date: 2021-05-01
supplier: {country: BY, entities: []}
recipient:
  country: IR
  end_user: Islamic Republic of Iran Air Force
  end_user_type: government
items:
  - description: widget
    category: spare-parts
    quantity: 1
    unit_value_usd: 0.01
    components:
      - {description: US part, origin: US, control: ear, per_unit: 1, unit_value_usd: 9999bn}
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_value_too_large_for_the_engine_neither_crashes_nor_hangs(
    tmp_path: Path, jobs: str
) -> None:
    (tmp_path / "a.yaml").write_text(HUGE_PART, encoding="utf-8")
    good = Path(__file__).resolve().parents[1] / "scenarios/real/us-tb2-poland-2021.yaml"
    (tmp_path / "b.yaml").write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    cli = [sys.executable, "-m", "armscheck"]
    one = subprocess.run(
        [*cli, "check", str(tmp_path / "a.yaml")], capture_output=True, text=True, timeout=120
    )
    assert one.returncode == 2, one.stderr[-2000:]
    assert "a.yaml:" in one.stderr and "Traceback" not in one.stderr
    batch = subprocess.run(
        [*cli, "batch", "--jobs", jobs, "--format", "jsonl", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    rows = [json.loads(line) for line in batch.stdout.splitlines()]
    assert [("error" in r, "verdict" in r) for r in rows] == [(True, False), (False, True)]


def _plain(rules: list[Rule]) -> Engine:
    """An engine that sends every fact, keeping no rule's answer."""
    eng = Engine(rules)
    eng._days = {}
    return eng


def test_a_kept_answer_is_what_the_engine_gives_for_the_fact() -> None:
    # values of one text and of others (true / 1 / 1.0), keys that differ, dates either
    # side of every rule's start and end, joins (never kept) and kinds no rule reads
    parts = [
        rule(f"t/part-{r.id[2:]}", *[Pattern(p.alias, "part", p.where) for p in r.patterns])
        for r in (FLAG, BIG, DATED, IN)
    ]
    parts[2] = rule("t/part-dated", Pattern("m", "part", ()), start="2017-08-02", end="2020-10-18")
    rules = [FLAG, BIG, JOIN, DATED, IN, *parts]
    kept, rng = Engine(rules), random.Random(11)
    assert set(kept._days) == {"part"}
    values: list[object] = [True, False, 1, 1.0, 0, "a", "b", "c", 14_000_000, 14e6, 13_999_999]
    days = [dt.date(2017, 8, d).toordinal() for d in (1, 2, 3)] + [DAY]
    days += [dt.date(2020, 10, d).toordinal() for d in (17, 18, 19)]
    for n in range(300):
        facts = []
        for i in range(rng.choice([0, 1, 3, 8])):
            kind = rng.choice(["part", "part", "item", "comp", "unread"])
            fields = {"item_key": f"k{rng.randrange(2)}"}
            for name in rng.sample(["flagged", "value", "cat"], rng.randrange(4)):
                fields[name] = rng.choice(values)
            facts.append(fact(kind, f"{kind}{i}-{rng.randrange(3)}", **fields))
        day = rng.choice(days)
        assert kept.run(facts, day) == _plain(rules).run(facts, day), n
        assert holds_no_fact(kept), n
    assert kept._answers, "repeated facts are answered from what was kept"


def test_only_kinds_judged_fact_by_fact_have_answers_kept() -> None:
    by_key = rule("t/key", Pattern("m", "tool", (("key", "eq", "x"),)))
    dated = rule("t/date", Pattern("m", "part", (("date_ord", "gte", DAY),)))
    eng = Engine([FLAG, JOIN, DATED, by_key, dated])
    assert eng._days == {}  # item and comp are joined; tool's key and part's date are read
    flags = Engine([FLAG, DATED])
    starts = {r.effective_from.toordinal() for r in (FLAG, DATED)}
    assert flags._days == {"item": tuple(sorted({*starts, dt.date(2020, 10, 18).toordinal()}))}
    res = [flags.run([fact("item", f"i{n}", flagged=True)], DAY) for n in range(3)]
    assert [m.keys for r in res for m in r.matches] == [
        ("i0",),
        ("i0",),
        ("i1",),
        ("i1",),
        ("i2",),
        ("i2",),
    ]
    assert [m.rule for m in res[2].matches] == ["t/flag", "t/dated"]


def test_kept_answers_give_every_scenario_s_engine_run() -> None:
    from armscheck.api import load_checker, load_transfer

    checker = load_checker()
    rules = list(checker.rulebook.rules)
    kept = Engine(rules)
    assert kept._days, "the shipped rules judge some kinds fact by fact"
    root = Path(__file__).resolve().parents[1] / "scenarios"
    for path in sorted(root.rglob("*.yaml")):
        try:
            transfer = load_transfer(path)
        except Exception:  # noqa: BLE001 - a scenario of a bad file
            continue
        facts = checker.facts(transfer, transfer.date)
        for day in (transfer.date, transfer.date.replace(year=2017, month=8, day=2), DAY):
            date = day if isinstance(day, int) else day.toordinal()
            for _ in range(2):  # sent, then answered from what was kept
                assert kept.run(facts, date) == _plain(rules).run(facts, date), path


def test_a_run_whose_every_answer_was_kept_does_not_reach_the_engine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import armscheck.engine as engine_module

    eng = Engine([FLAG, BIG])
    facts = [fact("item", "a", flagged=True, value=20_000_000), fact("item", "b", flagged=False)]
    first, plain = eng.run(facts, DAY), _plain([FLAG, BIG])
    real = engine_module._dre

    class Absent:
        def __getattr__(self, name: str) -> object:
            raise AssertionError(f"the engine was called: {name}")

    monkeypatch.setattr(engine_module, "_dre", Absent())
    later = [fact("item", "c", flagged=False), fact("item", "d", flagged=True, value=20_000_000)]
    again = eng.run(later, DAY)
    assert eng.run(facts, DAY) == first
    assert [(m.rule, m.keys) for m in again.matches] == [("t/flag", ("d",)), ("t/big", ("d",))]
    assert again.evaluated and again.unmatched == ["c"]
    assert eng.run([], DAY) == RunResult(evaluated=True)
    monkeypatch.setattr(engine_module, "_dre", real)
    assert first == plain.run(facts, DAY)
