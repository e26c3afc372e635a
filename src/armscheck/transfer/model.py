"""A proposed transfer as frozen dataclasses, and the input vocabulary of transfer files."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from ..records import MISSING, field, fields, record
from .loc import Loc
from .vocab import END_USER_TYPES, Extras, end_user_class
from .yamldoc import Doc, steps_text

__all__ = ["END_USER_TYPES", "Extras", "Loc"]
NO_EXTRAS = Extras()  # what an item or a part without optional vocabulary has
T = TypeVar("T")
CONTROLS = ("itar", "ear-600", "ear", "ear99", "none")
CHANNELS = ("fms", "dcs", "drawdown")

TOP_KEYS = {
    "name",
    "date",
    "source",
    "supplier",
    "recipient",
    "channel",
    "items",
    "related_sales",
    "sales_territory",
    "expect",
    "known_gap",
}
SUPPLIER_KEYS = {"country", "entities"}
RECIPIENT_KEYS = {"country", "entities", "end_user", "end_user_type", "end_user_unit", "region"}
ITEM_KEYS = {
    "description",
    "category",
    "quantity",
    "unit_value_usd",
    "value_usd",
    "origin",
    "control",
    "major_defense_equipment",
    "usml_category",
    "system",
    "components",
    "lethal",
    "calibre_mm",
    "for_system",
    "serves_category",
    "significant_military_equipment",
    "eccn",
}
COMPONENT_KEYS = {
    "description",
    "origin",
    "control",
    "per_unit",
    "unit_value_usd",
    "value_usd",
    "usml_category",
    "major_defense_equipment",
    "significant_military_equipment",
    "eccn",
}
SALE_KEYS = {"date", "value_usd", "mde_value_usd", "description"}
EXPECT_KEYS = {"verdict", "families", "rules", "not_rules", "official_lists"}


def fields_at_once(cls: type[T]) -> type[T]:
    """The frozen dataclass ``cls`` with an initialiser that writes its fields at once.

    A frozen dataclass's own initialiser sets each field through ``object.__setattr__``;
    for the classes every check builds several of, this one (made from the fields as the
    dataclass's is: the same parameters and defaults) gives the instance its dictionary
    whole, made in one step. (Python 3.11 does not specialise reading an attribute from
    the dictionary an instance's shared-key values become when ``__dict__`` is asked for,
    as writing the fields into ``self.__dict__`` did: reads of the fields cost more.)
    """
    every = fields(cls)  # type: ignore[arg-type]
    if any(f.default_factory is not MISSING or not f.init for f in every):
        raise TypeError(f"{cls.__name__}: only plain fields, with or without a default")
    params = ", ".join(f.name if f.default is MISSING else f"{f.name}=_{f.name}" for f in every)
    body = ", ".join(f"{f.name!r}: {f.name}" for f in every)
    scope: dict[str, Any] = {f"_{f.name}": f.default for f in every if f.default is not MISSING}
    scope["_set"] = object.__setattr__
    exec(f"def __init__(self, {params}):\n    _set(self, '__dict__', {{{body}}})", scope)  # noqa: S102
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


@fields_at_once
@record(frozen=True)
class Party:
    """The supplier or the recipient side of a transfer."""

    country: str
    country_name: str
    entities: tuple[str, ...]
    loc: Loc
    end_user: str | None = None
    end_user_type: str = "government"
    end_user_type_given: bool = True
    region: str | None = None
    end_user_unit: str | None = None

    @property
    def end_user_class(self) -> str:
        """``government``, ``non-state`` or ``un-mission``: the class of the end-user type."""
        return end_user_class(self.end_user_type)


@fields_at_once
@record(frozen=True)
class Component:
    """A part inside an item; ``value`` is its total over the whole line."""

    description: str
    origin: str | None
    control: str | None
    per_unit: int
    unit_value: float | None
    value: float | None
    usml_category: str | None
    mde: bool | None
    loc: Loc
    from_catalogue: bool = False
    extras: Extras = NO_EXTRAS


@fields_at_once
@record(frozen=True)
class Item:
    """One line of the transfer; ``value`` is the line total."""

    index: int
    description: str
    category: str
    quantity: int
    unit_value: float
    value: float
    origin: str
    control: str | None
    mde: bool | None
    usml_category: str | None
    system: str | None
    components: tuple[Component, ...]
    loc: Loc
    filled: tuple[str, ...] = ()
    extras: Extras = NO_EXTRAS

    @property
    def lethal(self) -> bool | None:
        """``items[].lethal`` (``None``: not stated, read as possibly lethal)."""
        return self.extras.lethal


@record(frozen=True)
class RelatedSale:
    """An earlier sale to the same recipient, for split-sale warnings."""

    date: dt.date
    value: float
    mde_value: float | None
    description: str
    loc: Loc


@fields_at_once
@record(frozen=True)
class Transfer:
    """A validated transfer, ready to be turned into facts."""

    file: str
    name: str
    date: dt.date
    source: str | None
    supplier: Party
    recipient: Party
    channel: str | None
    items: tuple[Item, ...]
    related_sales: tuple[RelatedSale, ...]
    expect: dict[str, Any] | None
    known_gap: str | None
    doc: Doc = field(repr=False, compare=False)
    sales_territory: tuple[str, ...] | None = None

    def loc(self, *path: str | int) -> Loc:
        """The :class:`Loc` of a path in the file."""
        return Loc.at(self.doc, path, steps_text(path))  # (path: a tuple, as *path gives)
