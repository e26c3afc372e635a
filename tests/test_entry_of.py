"""An entry made by :func:`entry_of` is the one ``Entry(...)`` makes of the same fields."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
from typing import Any

import pytest

from armscheck.records import fields, replace
from armscheck.screening.model import Entry, entry_of

ROWS: list[tuple[Any, ...]] = [
    ("un-sc", "CDe.1", ("ADF", "NALU"), "entity", ("CD",), dt.date(2014, 6, 30), None, (), "f", {}),
    ("us/barred", "7", (), "unknown", (), None, dt.date(2020, 1, 1), ("X",), "", {"a": "b"}),
]  # fmt: skip


@pytest.mark.parametrize("row", ROWS)
def test_an_entry_made_field_by_field_is_the_records_own(row: tuple[Any, ...]) -> None:
    made, own = entry_of(*row), Entry(*row)
    assert type(made) is Entry
    assert made == own and hash(made) == hash(own) and repr(made) == repr(own)
    assert all(getattr(made, f.name) is getattr(own, f.name) for f in fields(Entry))
    assert pickle.loads(pickle.dumps(made)) == own and copy.deepcopy(made) == own
    assert replace(made, ref="other") == replace(own, ref="other")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.ref = "other"  # type: ignore[misc]
    assert made.name == own.name and made.in_force(dt.date(2021, 1, 1)) == own.in_force(
        dt.date(2021, 1, 1)
    )
