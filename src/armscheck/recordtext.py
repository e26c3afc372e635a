"""The text of a record's ``__init__``, as the standard decorator writes it (:mod:`.records`)."""

from __future__ import annotations

from typing import Any

from .recordfields import MISSING, Field


class _Factory:
    """The default of a parameter whose field has a ``default_factory``."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def init_text(
    every: tuple[Field, ...], frozen: bool, slots: bool, post_init: bool
) -> tuple[str, dict[str, Any], tuple[Any, ...]]:
    """The text of ``__init__``, the globals it reads, and its parameters' defaults."""
    prefix = "__record_"
    scope: dict[str, Any] = {f"{prefix}object": object, f"{prefix}factory": _FACTORY}
    params: list[str] = []
    defaults: list[Any] = []
    body: list[str] = []
    for f in every:
        default = f.default is not MISSING
        factory = f.default_factory is not MISSING
        if factory:
            scope[f"{prefix}make_{f.name}"] = f.default_factory
        if f.init:
            if factory:
                params.append(f"{f.name}={prefix}factory")
                defaults.append(_FACTORY)
                value = f"{prefix}make_{f.name}() if {f.name} is {prefix}factory else {f.name}"
            else:
                if default:
                    scope[f"{prefix}default_{f.name}"] = f.default
                    defaults.append(f.default)
                params.append(f"{f.name}={prefix}default_{f.name}" if default else f.name)
                value = f.name
        elif factory:
            value = f"{prefix}make_{f.name}()"
        elif slots and default:  # no class attribute holds it
            scope[f"{prefix}default_{f.name}"] = f.default
            value = f"{prefix}default_{f.name}"
        else:
            continue  # no value given: the class attribute (its default) stands
        if frozen:
            body.append(f"  {prefix}object.__setattr__(self, {f.name!r}, {value})")
        else:
            body.append(f"  self.{f.name} = {value}")
    if post_init:
        body.append("  self.__post_init__()")
    text = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "  pass")
    if not params:
        text = text.replace("(self, )", "(self)")
    return text, scope, tuple(defaults)
