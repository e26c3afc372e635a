"""UN Register of Conventional Arms categories of an item, MANPADS included.

The transfer format's categories carry a ``register`` value in
``categories.yaml`` (I-VII, or none). Since the 2003 review of the Register,
category VII (missiles and missile launchers) also covers man-portable air
defence systems (MANPADS, VII(b)); the format files them under
``light-weapons`` or ``air-defence-system``, whose own ``register`` is empty.
:func:`register_category` reads the category's value and, for those two
categories, recognises a MANPADS by its description.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from ..lazyre import deferred

MANPADS_CATEGORIES = frozenset({"light-weapons", "air-defence-system"})
MANPADS_REGISTER = "VII"
_MANPADS = deferred(
    r"\b(?:manpads|man[\s-]*portable|igla|verba|strela(?![\s-]*10?\b)|stinger|misagh|"
    r"qw[\s-]*(?:1|2|18)|fn[\s-]*6|anza|mistral|starstreak|rbs[\s-]*70|grom|piorun)\b",
    re.IGNORECASE,
)


class _Described(Protocol):
    @property
    def category(self) -> str: ...

    @property
    def description(self) -> str: ...


def is_manpads(text: str) -> bool:
    """Whether ``text`` names a man-portable air defence system."""
    return bool(_MANPADS.search(text))


def register_of(category: str, text: str, categories: dict[str, dict[str, Any]]) -> str | None:
    """The Register category of something in ``category`` described by ``text``."""
    info = categories.get(category) or {}
    if info.get("register"):
        return str(info["register"])
    if category in MANPADS_CATEGORIES and is_manpads(text):
        return MANPADS_REGISTER
    return None


def register_category(item: _Described, categories: dict[str, dict[str, Any]]) -> str | None:
    """The item's UN Register category ("I".."VII"), or None when it has none.

    The category's own ``register`` value, or "VII" for a MANPADS filed under
    ``light-weapons`` or ``air-defence-system`` (named in its description).
    """
    return register_of(item.category, item.description, categories)
