"""Exceptions for items of a stated purpose, in a 126.1 paragraph or a statutory bar.

Some country paragraphs and acts except equipment for a purpose: Sri Lanka's, from 2008, kept
"technical data or equipment made available for the limited purposes of maritime and air
surveillance and communications" out of the policy of denial (reviewed case by case) and out of
the appropriations-act bar. The list entry's ``excepted_purpose`` gives the purpose (``label``),
the words an item's description must hold to be read as serving it (``words``), and the
categories such an item may have (``categories``: not a weapon). An item is only *read* as
serving the purpose, from its description: the assumption says so.
"""

from __future__ import annotations

from typing import Any

from ...screening.normalise import text_key
from ...transfer.model import Item


def serves(purpose: dict[str, Any] | None, item: Item) -> bool:
    """Whether ``item``'s category and description fit the excepted purpose."""
    if not purpose:
        return False
    if item.category not in (purpose.get("categories") or ()):
        return False
    text = f" {text_key(item.description)} "
    return any(f" {text_key(str(w))} " in text for w in purpose.get("words") or ())


def assumption(purpose: dict[str, Any], item: Item, treated: str) -> str:
    """What reading ``item`` as serving the excepted purpose assumes.

    ``treated`` says how the law treats such items ("which the act excepts").
    """
    return (
        f"'{item.description}' (items[{item.index}]) is read, from its description, as "
        f"{purpose.get('label')}, {treated}; confirm what it is for (an item for another "
        "purpose is not excepted)."
    )
