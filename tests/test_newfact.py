"""new_fact makes the same fact as calling Fact, for every field, given or left to its default."""

from __future__ import annotations

import inspect

import pytest

from armscheck.facts import Fact
from armscheck.newfact import new_fact


def test_new_fact_takes_the_fields_of_fact_in_its_order_with_its_defaults() -> None:
    made = list(inspect.signature(new_fact).parameters.values())
    init = list(inspect.signature(Fact.__init__).parameters.values())[1:]
    assert [(p.name, p.default) for p in made] == [(p.name, p.default) for p in init]


def test_new_fact_gives_the_same_fact_as_the_class() -> None:
    names = list(inspect.signature(new_fact).parameters)
    given = {name: (name,) for name in names}
    given["context"] = {"a": 1}
    made, built = new_fact(**given), Fact(**given)
    assert vars(made) == vars(built) and made == built
    assert vars(new_fact("k", "x", {})) == vars(Fact("k", "x", {}))
    with pytest.raises(AttributeError):
        made.kind = "other"  # type: ignore[misc]
