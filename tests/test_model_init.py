"""Items, parts and batch results are built by initialisers that set every field, as dataclasses."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from armscheck.batch import BatchResult
from armscheck.transfer.model import Component, Item, Party, Transfer


@pytest.mark.parametrize("cls", [Item, Component, Party, Transfer, BatchResult])
def test_an_initialiser_takes_and_sets_every_field_as_the_dataclass_would(cls: type) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]
    given = {f.name: object() for f in fields}
    built = cls(**given)
    assert {f.name: getattr(built, f.name) for f in fields} == given
    assert built == cls(*given.values()) and hash(built) == hash(cls(*given.values()))
    assert dataclasses.replace(built) == built
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.loc = None
    required = [f for f in fields if f.default is dataclasses.MISSING]
    shortest = cls(**{f.name: given[f.name] for f in required})
    assert all(getattr(shortest, f.name) is f.default for f in fields if f not in required)
