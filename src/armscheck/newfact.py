"""A fact made by a plain function: what the family builders call instead of ``Fact(...)``.

A class called with keywords packs them in a dictionary for its initialiser, which unpacks it
again; a function called with keywords takes them as they are. Every check makes several
facts, each with keywords, so the builders make them here: the same :class:`~.facts.Fact`,
its dictionary written whole as :meth:`Fact.__init__ <.facts.Fact>` writes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .facts import Change, Citation, Fact, Match, Scalar
from .transfer.model import Loc

_NEW = object.__new__
_SET = object.__setattr__


def new_fact(
    kind: str,
    key: str,
    fields: Mapping[str, Scalar],
    evidence: tuple[Loc, ...] = (),
    citations: tuple[Citation, ...] = (),
    assumptions: tuple[str, ...] = (),
    contested: bool = False,
    context: Mapping[str, Any] | None = None,
    changes: tuple[Change, ...] | Callable[[], tuple[Change, ...]] = (),
    matches: tuple[Match, ...] = (),
) -> Fact:
    """``Fact(kind, key, fields, ...)``, the same fact (see the module's note)."""
    fact: Fact = _NEW(Fact)
    _SET(
        fact,
        "__dict__",
        {
            "kind": kind,
            "key": key,
            "fields": fields,
            "evidence": evidence,
            "citations": citations,
            "assumptions": assumptions,
            "contested": contested,
            "context": {} if context is None else context,
            "changes": changes,
            "matches": matches,
        },
    )
    return fact
