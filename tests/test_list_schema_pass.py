"""A list's compiled pass test says yes exactly when the located checker finds no error.

The pass test is what a load runs; the checker that names the file, line and column runs
only when the test says no. Each list file is mutated many ways (a value of another type,
a blank, an impossible date, a key added or removed) and both must agree on each copy.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest

from armscheck.errors import RuleError
from armscheck.rulebook.aliases import parse_list
from armscheck.rulebook.schema import COMMON, Map, _check, _passes, check_list, load_schemas
from armscheck.transfer.yamldoc import Doc

ROOT = Path(__file__).resolve().parents[1]
LISTS = sorted((ROOT / "rules" / "lists").glob("*.yaml"))
SCHEMAS = load_schemas(ROOT / "rules" / "lists" / "schema" / "lists.yaml")
ODD: list[Any] = [
    None, "", "  ", "x", "2021-02-30", "2021-02-28", "https://example.org", 0, 1.5, True,
    [], ["x"], [None], {}, {"zz": 1}, {"title": "t"},
]  # fmt: skip


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*path, i))
    return out


def _mutated(data: Any, rng: random.Random, paths: list[tuple[Any, ...]]) -> Any:
    data = copy.deepcopy(data)
    path = rng.choice(paths[1:])
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    how = rng.random()
    if how < 0.15 and isinstance(parent, dict):
        del parent[last]
    elif how < 0.3 and isinstance(parent, dict):
        parent[rng.choice(["zz", "note", "name", "id", "citations", "url"])] = rng.choice(ODD)
    else:
        parent[last] = copy.deepcopy(rng.choice(ODD))
    return data


def _checked(name: str, data: Any) -> bool:
    try:
        check_list(name, Doc(data, f"{name}.yaml"), SCHEMAS)
    except RuleError:
        return False
    return True


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.stem)
def test_the_pass_test_agrees_with_the_located_checker(path: Path) -> None:
    data = parse_list(path.read_bytes(), str(path)).data
    spec = SCHEMAS[path.stem]
    top = Map({**COMMON, **spec.fields}, required={*COMMON, *spec.required})
    test = _passes(top)

    def located(value: Any) -> bool:
        try:
            _check(value, top, (), lambda *a, **k: RuleError("bad"))
        except RuleError:
            return False
        return True

    assert test(data) and located(data) and _checked(path.stem, data)
    rng = random.Random(path.stem)
    paths = _paths(data)
    seen = {True: 0, False: 0}
    for _ in range(150):
        bad = _mutated(data, rng, paths)
        verdict = test(bad)
        assert verdict == located(bad), path.stem
        seen[verdict] += 1
    assert seen[False] > 0
