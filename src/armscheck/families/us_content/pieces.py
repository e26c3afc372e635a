"""US-controlled pieces of a transfer, for the us-content family.

A *piece* is an item or a component under US jurisdiction: US-origin (or, with no origin given,
marked with a US control), or explicitly marked ``itar``/``ear-600``/``ear`` although made
abroad (e.g. licence-built). Its effective control is the stated one, ``itar`` when none is
stated, and ``itar`` for 600-series content before the 600 series existed. The EAR de minimis
share of the pieces is in ``shares.py``.
"""

from __future__ import annotations

import datetime as dt

from ...facts import Context, Fact
from ...newfact import new_fact
from ...records import record
from ...transfer.model import Component, Item, Loc
from . import groups, lists
from .kinds import CATALOGUE

EAR_CLASSES = ("ear-600", "ear", "ear99")
US_CONTROLS = ("itar", *EAR_CLASSES)
_ESTIMATED = {"unit_value_usd", "components"}
_SIGNIFICANT = ("itar", "ear-600", "ear")


@record(frozen=True)
class Piece:
    """A US-controlled item or component."""

    item: Item
    comp: Component | None
    control: str
    control_given: bool
    loc: Loc
    value: float | None
    assumptions: tuple[str, ...]

    @property
    def path(self) -> str:
        """The report path, e.g. ``items[0].components[0]``."""
        return self.loc.path

    @property
    def description(self) -> str:
        """What the piece is."""
        return self.comp.description if self.comp else self.item.description

    @property
    def what(self) -> str:
        """A phrase naming the piece and where it sits."""
        if self.comp is None:
            return f"{self.item.description} ({self.path}, a US-origin item)"
        return f"{self.comp.description} ({self.path}, in {self.item.description})"

    @property
    def share_text(self) -> str:
        """The piece's share of its item's value."""
        if self.comp is None:
            return "the whole item"
        if self.value is None:
            return "value not given"
        return f"{percent(100 * self.value / self.item.value)} of the item's value"


def percent(value: float) -> str:
    """``12.5%``; small shares keep two decimals."""
    if value == 0:
        return "0%"
    if value < 1:
        return f"{value:.2f}%"
    return f"{value:.1f}%".replace(".0%", "%")


def catalogue_sentences(ctx: Context, item: Item) -> tuple[str, ...]:
    """One assumption per value the systems catalogue filled in for ``item``."""
    if not item.system:
        return ()  # (most items) no catalogue entry: nothing filled from one
    entry = lists.system_entry(ctx.reference, item.system)
    if not entry:
        return ()
    name = str(entry.get("name") or item.system)
    estimate = bool(entry.get("value_is_estimate", True))
    out: list[str] = []
    for key in item.filled:
        if key == "catalogue components":
            out.extend(
                f"catalogue component {c.description} added to items[{item.index}] "
                f"(from {name}) because the file does not list it; list it with your own "
                "figures to override" + (" (catalogue values are estimates)." if estimate else ".")
                for c in item.components
                if c.from_catalogue
            )
            continue
        out.append(
            f"{key} of items[{item.index}] taken from the systems catalogue entry {name}"
            + (" (estimates)" if estimate and key in _ESTIMATED else "")
        )
    known = [c for c in entry.get("components") or [] if isinstance(c, dict)]
    if (
        item.origin != "US"
        and not any(c.get("origin") == "US" or c.get("control") in _SIGNIFICANT for c in known)
        and not any(c.origin == "US" for c in item.components)
    ):
        out.append(
            f"the catalogue knows no significant US components for {name} (not confirmed); "
            f"list any US-origin parts of items[{item.index}] under components."
        )
    return tuple(out)


def catalogue_fact(ctx: Context, item: Item) -> Fact:
    """The fact that ``item``'s values were filled from the systems catalogue."""
    return new_fact(
        kind=CATALOGUE.kind,
        key=f"us:catalogue:{item.index}",
        fields={
            "item": f"items[{item.index}]",
            "system": str(item.system),
            "filled": ", ".join(item.filled),
        },
        evidence=(ctx.loc("items", item.index, "system"),),
        assumptions=catalogue_sentences(ctx, item),
    )


def itar_note(description: str) -> str:
    """The assumption for US-origin content whose control is not given."""
    return (
        f"control not given for US-origin '{description}'; treated as ITAR "
        "(a USML defense article)."
    )


def _loc(ctx: Context, item: Item, comp: Component | None) -> Loc:
    if comp is None:
        return item.loc
    if comp.from_catalogue:
        return Loc(comp.loc.path, ctx.transfer.doc.where(("items", item.index, "system"))[0])
    return comp.loc


def _us_controlled(origin: str | None, control: str | None, component: bool) -> bool:
    """Whether content of ``origin`` (None: not given) marked ``control`` is a piece.

    US-made content; content of no stated origin with a US control (or, for a component,
    with no control either); content made abroad marked ``itar``, ``ear-600`` or ``ear``.
    """
    if control == "none":
        return False
    if origin == "US":
        return True
    if origin is None:
        return control in US_CONTROLS or (control is None and component)
    return control in _SIGNIFICANT


def as_piece(ctx: Context, item: Item, comp: Component | None) -> Piece | None:
    """The piece for an item (``comp`` None) or component, or None if not US-controlled."""
    origin = comp.origin if comp else item.origin
    control = comp.control if comp else item.control
    if not _us_controlled(origin, control, comp is not None):
        return None
    loc = _loc(ctx, item, comp)
    notes: list[str] = []
    if origin == "US":
        pass
    elif origin is None and control in US_CONTROLS:
        notes.append(f"{loc.path}: origin not given; taken as US content (control {control}).")
    elif origin is not None:
        notes.append(
            f"{loc.path} is not US-made but is marked control {control}; "
            "it is treated as US-controlled content."
        )
    else:  # a component with neither origin nor control
        notes.append(
            f"{loc.path}: neither origin nor control given for '{(comp or item).description}'; "
            "it may be US content, so it is checked as a US-origin ITAR defense article. Give its "
            "origin (and control) to settle this."
        )
    effective = control or "itar"
    if control is None and origin is not None:
        notes.append(itar_note((comp or item).description))
    if effective == "ear-600":
        usml = (comp.usml_category if comp else None) or item.usml_category
        moved = ecr_move_date(ctx, usml)
        flag = ecr_unconfirmed(ctx, usml)
        if flag:
            notes.append(flag)
        if moved is not None and ctx.date < moved:
            effective = "itar"
            which = f"USML Category {usml}" if usml else "its USML category (not given)"
            notes.append(
                f"{loc.path}: {which} moved to the EAR only on {moved.isoformat()} (Export "
                "Control Reform); before then the part was an ITAR defense article, and it is "
                "checked as one."
            )
    # (by position, in the order of Piece's fields: a class called with keywords packs them
    # in a dictionary for its initialiser first)
    return Piece(
        item,
        comp,
        effective,
        control is not None,
        loc,
        comp.value if comp else item.value,
        (*notes, *catalogue_sentences(ctx, item)),
    )


def ecr_move_date(ctx: Context, usml: str | None) -> dt.date | None:
    """The day ``usml``'s items left the USML for the EAR (the latest move when not given)."""
    kept: dict[str | None, dt.date | None] = groups.kept_table(
        ctx.reference, "us-content:ecr-moves"
    )
    if usml not in kept:
        kept[usml] = _ecr_move_date(ctx, usml)
    return kept[usml]


def _ecr_move_date(ctx: Context, usml: str | None) -> dt.date | None:
    lst = ctx.reference.lists.get("ecr-transition")
    if lst is None:
        return groups.first_row_date(ctx.reference, "ear-600")
    for i, move in enumerate(lst.data.get("moves") or []):
        if usml and usml in (move.get("usml") or []):
            return lst.date(move.get("from"), ("moves", i, "from"))
    return lst.date(lst.data.get("latest_without_category"), ("latest_without_category",))


def ecr_unconfirmed(ctx: Context, usml: str | None) -> str | None:
    """The flag for an Export Control Reform move date marked unconfirmed."""
    kept: dict[str | None, str | None] = groups.kept_table(ctx.reference, "us-content:ecr-flags")
    if usml not in kept:
        kept[usml] = _ecr_unconfirmed(ctx, usml)
    return kept[usml]


def _ecr_unconfirmed(ctx: Context, usml: str | None) -> str | None:
    lst = ctx.reference.lists.get("ecr-transition")
    for move in lst.data.get("moves") or [] if lst else []:
        if usml and usml in (move.get("usml") or []) and move.get("unconfirmed"):
            return (
                f"this rests on an unconfirmed entry (USML Category {usml} move date in "
                f"lists/ecr-transition.yaml): {' '.join(str(move.get('note') or '').split())}"
            )
    return None


def pieces(ctx: Context) -> list[Piece]:
    """US-controlled pieces moved by a non-US supplier (a US-origin item hides its parts).

    Several parts of the family ask in a check; the pieces are made once (the same for
    every recipient but the United States).
    """
    t = ctx.transfer
    if t.supplier.country == "US" or t.recipient.country == "US":
        return []
    return ctx.once_for_transfer("us-content:pieces", lambda: _pieces(ctx))


def _pieces(ctx: Context) -> list[Piece]:
    out: list[Piece] = []
    t = ctx.transfer
    for item in t.items:
        whole = as_piece(ctx, item, None)
        if whole is not None:
            out.append(whole)
            continue
        out.extend(p for c in item.components if (p := as_piece(ctx, item, c)) is not None)
    return out
