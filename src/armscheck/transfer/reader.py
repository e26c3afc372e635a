"""Validation helpers that read one transfer document, value by value, with locations."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from typing import Any

from ..errors import InputError
from ..lazyre import deferred
from ..rulebook.reference import Reference
from .characters import (
    bidi_control,
    describe,
    latin_look_alike,
    mixed_script,
    without_invisible,
)
from .loc import Loc
from .values import (
    MAX_NAME_CHARS,
    MAX_NAME_WORDS,
    MAX_NAMES,
    MAX_QUANTITY,
    ValueProblem,
    parse_date,
    parse_money,
    shown,
    suggest,
)
from .yamldoc import Doc, steps_text

MAX_KNOWN = 10_000  # country names, as written, whose answer is kept for the next file
_WHITESPACE = deferred(r"[\t\n\r\u2028\u2029\x85]+")  # line breaks and tabs: one space


class Reader:
    """Validation helpers bound to one document."""

    def __init__(self, doc: Doc, ref: Reference) -> None:
        self.doc = doc
        self.ref = ref

    def fail(
        self, path: tuple[str | int, ...], message: str, hint: str, *, at_key: bool = False
    ) -> InputError:
        """A located :class:`InputError` at ``path``."""
        return self.doc.error(InputError, path, message, hint, at_key=at_key)

    def loc(self, path: tuple[str | int, ...]) -> Loc:
        """The :class:`Loc` of ``path``."""
        return Loc.at(self.doc, path, steps_text(path))

    def mapping(
        self,
        value: Any,
        path: tuple[str | int, ...],
        keys: set[str],
        required: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        """``value`` as a mapping with only ``keys`` and every ``required`` key."""
        if not isinstance(value, dict):
            raise self.fail(
                path,
                f"expected a mapping, found {_kind(value)}",
                "write 'key: value' lines indented under it",
            )
        for key in () if keys.issuperset(value) else value:
            if key not in keys:
                tip = suggest(key, keys) or f"allowed keys: {', '.join(sorted(keys))}"
                if key == "<<":
                    tip = "YAML merge keys are not supported; write the keys out in full"
                mixed = mixed_script(key)
                if mixed:
                    tip += f" ({describe(mixed[1])} in it is not a Latin letter)"
                raise self.fail(path + (key,), f"unknown key {shown(key)}", tip, at_key=True)
        for key in required:
            if value.get(key) is not None:
                continue
            if key in value:
                raise self.fail(
                    path + (key,), f"{key!r} is empty", f"give a value after '{key}:'", at_key=True
                )
            raise self.fail(path, f"missing required key {key!r}", f"add '{key}:' here")
        return value

    def text(self, value: Any, path: tuple[str | int, ...], optional: bool = False) -> str | None:
        """``value`` as non-empty text (``None`` allowed when ``optional``)."""
        if type(value) is str:  # the commonest case first
            out = value.strip()
            if out:
                return out
        elif value is None and optional:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            out = str(value).strip()
            if out:
                return out
        raise self.fail(path, f"expected text, found {_kind(value)}", "write a plain string")

    def plain_name(
        self, value: Any, path: tuple[str | int, ...], optional: bool = False
    ) -> str | None:
        """``value`` as a name that reads as it looks.

        Invisible format characters (soft hyphen, zero-width joiner...) are removed;
        a bidi control (which reorders the display) or a word mixing Latin with
        Cyrillic or Greek look-alikes is refused, naming the character.
        """
        name = self.text(value, path, optional)
        if name is not None and len(name) > MAX_NAME_CHARS:
            raise self.fail(
                path,
                f"a name of {len(name):,} characters, over the limit of {MAX_NAME_CHARS}",
                "write the name only; put any description in 'source' or a comment",
            )
        if name is None or (name.isascii() and name.isprintable()):
            return name
        name = _WHITESPACE.sub(" ", name).strip()
        control = next((ch for ch in name if unicodedata.category(ch) == "Cc"), None)
        if control:
            raise self.fail(
                path,
                f"the name holds the control character {describe(control)}",
                "delete it; a name is plain text on one line",
            )
        ch = bidi_control(name)
        if ch:
            raise self.fail(
                path,
                f"the name holds {describe(ch)}, which changes the order it is displayed in",
                "delete it and type the name plainly, left to right",
            )
        name = without_invisible(name).strip()
        if not name:
            raise self.fail(path, "the name holds only invisible characters", "write the name")
        mixed = mixed_script(name)
        if mixed:
            word, foreign, main = mixed
            latin = latin_look_alike(word) if main == "LATIN" else None
            tip = f"retype it as {latin!r}" if latin else f"write {word!r} in {main.title()} only"
            raise self.fail(
                path,
                f"{word!r} mixes scripts: {describe(foreign)} among {main.title()} letters",
                tip + " (a look-alike letter from another alphabet defeats screening)",
            )
        return name

    def choice(
        self,
        value: Any,
        path: tuple[str | int, ...],
        choices: tuple[str, ...] | list[str],
        what: str,
    ) -> str:
        """``value`` as one of ``choices`` (any case), with a suggestion when it is not."""
        if isinstance(value, str):
            chosen = value.strip().lower()
            if chosen in choices:
                return chosen
        if not isinstance(value, str) or value not in choices:
            tip = (suggest(value, list(choices)) if isinstance(value, str) else "") or (
                f"use one of: {', '.join(choices)}"
            )
            raise self.fail(path, f"unknown {what} {shown(value)}", tip)
        return value

    def flag(self, value: Any, path: tuple[str | int, ...]) -> bool | None:
        """``value`` as true, false or absent."""
        if value is None or isinstance(value, bool):
            return value
        raise self.fail(
            path, f"expected true or false, found {shown(value)}", "write true or false"
        )

    def count(self, value: Any, path: tuple[str | int, ...], default: int) -> int:
        """``value`` as a whole number in range (``default`` when absent)."""
        if type(value) is int and 0 < value <= MAX_QUANTITY:  # the commonest case first
            return value
        if value is None:
            return default
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(
                path,
                f"expected a whole number, found {shown(value)}",
                "write a positive integer such as 12",
            )
        if value <= 0 or value > MAX_QUANTITY:
            raise self.fail(
                path,
                f"the number {shown(value)} is out of range",
                f"write a whole number from 1 to {MAX_QUANTITY:,}",
            )
        return value

    def money(self, value: Any, path: tuple[str | int, ...]) -> float | None:
        """``value`` as dollars (``None`` when absent)."""
        if value is None:
            return None
        try:
            return parse_money(value)
        except ValueProblem as exc:
            raise self.fail(path, str(exc), exc.hint) from None

    def date(self, value: Any, path: tuple[str | int, ...]) -> dt.date:
        """``value`` as a real ISO date."""
        try:
            return parse_date(value)
        except ValueProblem as exc:
            raise self.fail(path, str(exc), exc.hint) from None

    def country(self, value: Any, path: tuple[str | int, ...]) -> tuple[str, str]:
        """``value`` as (ISO code, name) from the country table."""
        known: dict[str, tuple[str, str]] = self.ref.memo("transfer.countries", dict)
        if type(value) is str and value in known:  # found before: the same answer
            return known[value]
        raw = self.plain_name(value, path) or ""
        found = self.ref.country(raw)
        could = self.ref.ambiguous(raw) if found is None else ()
        if could:
            options = " or ".join(f"{c.name} ({c.code})" for c in could)
            raise self.fail(
                path,
                f"{shown(raw)} could mean {options}",
                f"write the one you mean: {' or '.join(c.code for c in could)}",
            )
        if found is None:
            raise self.fail(path, f"unknown country {shown(raw)}", self.ref.country_hint(raw))
        if type(value) is str and len(known) < MAX_KNOWN:
            known[value] = (found.code, found.name)
        return found.code, found.name

    def names(self, value: Any, path: tuple[str | int, ...]) -> tuple[str, ...]:
        """``value`` as a list of names."""
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(
                path,
                f"expected a list of names, found {_kind(value)}",
                "write [Name One, Name Two]",
            )
        if len(value) > MAX_NAMES:
            raise self.fail(
                path,
                f"{len(value):,} names, over the limit of {MAX_NAMES}",
                "list only the organisations that take part in the deal",
            )
        return tuple(self.party(v, path + (i,)) or "" for i, v in enumerate(value))

    def party(self, value: Any, path: tuple[str | int, ...], optional: bool = False) -> str | None:
        """``value`` as the name of an organisation, short enough to screen."""
        name = self.plain_name(value, path, optional)
        if name is not None and len(name) > MAX_NAME_WORDS and len(name.split()) > MAX_NAME_WORDS:
            raise self.fail(
                path,
                f"a name of {len(name.split()):,} words, over the limit of {MAX_NAME_WORDS}",
                "write the organisation's name only; put any description in 'source' or a comment",
            )
        return name


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {
        dict: "a mapping",
        list: "a list",
        str: f"the text {shown(value)}",
        bool: f"{value}",
    }.get(type(value), f"the value {shown(value)}")
