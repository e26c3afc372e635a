"""A place in the file made by ``Loc.at``: its line and value, looked up when first read."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from armscheck.transfer.loc import Loc
from armscheck.transfer.yamldoc import parse, path_text

TEXT = """\
name: Places
date: '2021-10-08'
supplier:
  country: UA
recipient:
  country: MX
  end_user: armed opposition group
items:
- description: item 1
  category: battle-tank
  quantity: 18
  components:
  - description: engine
    origin: US
- {description: item 2, category: small-arms, quantity: 3}
"""
STEPS = [
    (),
    ("name",),
    ("supplier",),
    ("supplier", "country"),
    ("recipient", "end_user"),
    ("items",),
    ("items", 0),
    ("items", 0, "quantity"),
    ("items", 0, "components", 0),
    ("items", 0, "components", 0, "origin"),
    ("items", 1, "category"),
    ("items", 2),  # a gap: the nearest place written
    ("items", 0, "system"),
    ("nowhere", 3),
]


def _plain(doc: object, steps: tuple[str | int, ...]) -> Loc:
    return Loc(path_text(steps), doc.where(steps)[0], doc.value_text(steps))  # type: ignore[attr-defined]


@pytest.mark.parametrize("steps", STEPS, ids=path_text)
@pytest.mark.parametrize("first", ["line", "value", "pickle", "eq"])
def test_a_place_reads_as_one_made_with_its_line_and_value(
    steps: tuple[str | int, ...], first: str
) -> None:
    doc = parse(TEXT, "t.yaml")
    want = _plain(doc, steps)
    loc = Loc.at(doc, steps, path_text(steps))
    if first == "line":
        assert loc.line == want.line
    elif first == "value":
        assert loc.value == want.value
    elif first == "pickle":
        loc = pickle.loads(pickle.dumps(loc))
    else:
        assert loc == want
    assert (loc.path, loc.line, loc.value) == (want.path, want.line, want.value)
    assert loc == want and hash(loc) == hash(want)
    assert "_at" not in vars(loc)  # looked up once, then kept


def test_other_names_are_missing_as_on_any_record() -> None:
    loc = Loc.at(parse(TEXT, "t.yaml"), ("name",), "name")
    with pytest.raises(AttributeError):
        loc.column  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(loc, "column")
    assert loc.line == 1 and Loc("name", 1, "Places") == loc


def test_every_place_of_every_scenario_reads_as_written() -> None:
    root = Path(__file__).resolve().parents[1] / "scenarios"
    checked = 0
    for file in sorted(root.rglob("*.yaml")):
        doc = parse(file.read_bytes(), str(file))
        if doc.tree is None:
            continue
        for steps in doc.tree.marks()[0]:
            loc = Loc.at(doc, steps, path_text(steps))
            want = _plain(doc, steps)
            assert (loc.value, loc.line) == (want.value, want.line), (file, steps)
            checked += 1
    assert checked > 1000


def test_a_place_drawn_while_another_reader_draws_it_reads_the_same() -> None:
    """Two readers of an undrawn place (threads): the second finds it drawn, not a KeyError."""

    class Doc:
        def where(self, steps: tuple[str, ...]) -> tuple[int, int]:
            if not inner:  # a second reading while the first is drawing
                inner.append(None)
                inner[0] = place.value
            return (7, 1)

        def value_text(self, steps: tuple[str, ...]) -> str:
            return "v"

    inner: list[object] = []
    place = Loc.at(Doc(), ("a",), "a")  # type: ignore[arg-type]
    assert (place.line, place.value, inner) == (7, "v", ["v"])
