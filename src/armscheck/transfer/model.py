"""A proposed transfer: the YAML file validated into frozen dataclasses."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..rulebook.reference import Reference
from .vocab import END_USER_TYPES, Extras, end_user_class
from .yamldoc import MAX_BYTES, Doc, parse, path_text

__all__ = ["END_USER_TYPES", "Extras"]
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


@dataclass(frozen=True)
class Loc:
    """Where a value sits in the YAML file."""

    path: str
    line: int | None
    value: str | None = None  # the value written there, when it is a plain value


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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
    extras: Extras = Extras()


@dataclass(frozen=True)
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
    extras: Extras = Extras()

    @property
    def lethal(self) -> bool | None:
        """``items[].lethal`` (``None``: not stated, read as possibly lethal)."""
        return self.extras.lethal


@dataclass(frozen=True)
class RelatedSale:
    """An earlier sale to the same recipient, for split-sale warnings."""

    date: dt.date
    value: float
    mde_value: float | None
    description: str
    loc: Loc


@dataclass(frozen=True)
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
        return Loc(path_text(path), self.doc.where(path)[0], self.doc.value_text(path))


def load_transfer(path: str | Path, ref: Reference, *, name: str | None = None) -> Transfer:
    """Read and validate the transfer file at ``path`` (``-`` is standard input)."""
    data, label = read_input(path, name)
    return read_transfer(data, label, ref)


def read_input(path: str | Path, name: str | None = None) -> tuple[bytes, str]:
    """The bytes of the transfer file at ``path`` (``-`` is standard input) and its label."""
    import sys

    label = name or str(path)
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        label = name or "<stdin>"
    else:
        _check_path(str(path), label)
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)  # enough to tell that a file is too large
        except OSError as exc:
            raise InputError(
                f"cannot read the file ({exc.strerror})", file=label, hint="check the path"
            ) from None
    return data, label


def _check_path(path: str, label: str) -> None:
    """Refuse, with a reason and a remedy, a path that is not a readable regular file.

    Checked with ``stat`` before anything is opened, so a pipe is never waited on.
    """
    try:
        st = os.stat(path)
    except ValueError:  # a NUL byte in the name
        raise InputError("the path holds a NUL byte", file=label, hint="check the path") from None
    except OSError as exc:
        message, hint = _path_problem(path, exc)
        raise InputError(message, file=label, hint=hint) from None
    if stat.S_ISDIR(st.st_mode):
        try:
            os.listdir(path)
        except OSError as exc:
            raise InputError(
                f"cannot list the folder ({exc.strerror})",
                file=label,
                hint="give it read and search permission (chmod u+rx) or leave it out",
            ) from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(
            "not a regular file",
            file=label,
            hint="give the path of a YAML file (not a folder, pipe or device)",
        )


def _path_problem(path: str, exc: OSError) -> tuple[str, str]:
    """(message, hint) for a path that cannot be reached."""
    if exc.errno == errno.ENAMETOOLONG:
        longest = max(len(os.fsencode(p)) for p in path.split(os.sep))
        return (
            f"a file or folder name on this path is {longest:,} bytes long, over the limit",
            "shorten the name to at most 255 bytes",
        )
    if exc.errno == errno.EACCES:
        return (
            "permission denied: a folder on the path cannot be searched, or the file read",
            "give the folders search permission (chmod u+x) and the file read permission",
        )
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return (
            f"a symbolic link to {os.readlink(path)!r}, which does not exist",
            "fix the link or remove it",
        )
    if exc.errno == errno.ELOOP:
        return ("the symbolic links on this path form a loop", "fix the links")
    return (f"cannot read the file ({exc.strerror})", "check the path")


def read_transfer(data: bytes | str, label: str, ref: Reference) -> Transfer:
    """Validate transfer YAML given as bytes or text."""
    return read_doc(parse(data, label), ref)


def read_doc(doc: Doc, ref: Reference) -> Transfer:
    """Validate an already parsed transfer document."""
    from .items import read_items, read_sales
    from .reader import Reader
    from .vocab import read_sales_territory

    label = doc.file
    r = Reader(doc, ref)
    if doc.data is None:
        raise InputError(
            "the file is empty",
            file=label,
            hint="write a transfer: name, date, supplier, recipient, items",
        )
    top = r.mapping(doc.data, (), TOP_KEYS, ("name", "date", "supplier", "recipient", "items"))
    sup = r.mapping(top["supplier"], ("supplier",), SUPPLIER_KEYS, ("country",))
    rec = r.mapping(top["recipient"], ("recipient",), RECIPIENT_KEYS, ("country",))
    s_code, s_name = r.country(sup["country"], ("supplier", "country"))
    r_code, r_name = r.country(rec["country"], ("recipient", "country"))
    eut_given = rec.get("end_user_type") is not None
    eut = (
        r.choice(
            rec["end_user_type"], ("recipient", "end_user_type"), END_USER_TYPES, "end_user_type"
        )
        if eut_given
        else "government"
    )
    supplier = Party(
        s_code, s_name, r.names(sup.get("entities"), ("supplier", "entities")), r.loc(("supplier",))
    )
    recipient = Party(
        r_code,
        r_name,
        r.names(rec.get("entities"), ("recipient", "entities")),
        r.loc(("recipient",)),
        end_user=r.party(rec.get("end_user"), ("recipient", "end_user"), optional=True),
        end_user_type=eut,
        end_user_type_given=eut_given,
        region=r.plain_name(rec.get("region"), ("recipient", "region"), optional=True),
        end_user_unit=r.party(
            rec.get("end_user_unit"), ("recipient", "end_user_unit"), optional=True
        ),
    )
    channel = None
    if top.get("channel") is not None:
        channel = r.choice(top["channel"], ("channel",), CHANNELS, "channel")
    if s_code == "US" and channel is None:
        raise r.fail(
            ("supplier", "country"),
            "a US supplier needs a 'channel'",
            "add 'channel: fms' (Foreign Military Sale), 'channel: dcs' (direct commercial sale) "
            "or 'channel: drawdown' (Presidential drawdown from US stocks, FAA §506)",
        )
    if s_code != "US" and channel is not None:
        raise r.fail(
            ("channel",),
            f"'channel' applies only to a US supplier, not {s_name}",
            "remove 'channel:'; a foreign supplier's US content is checked as a retransfer",
        )
    expect = top.get("expect")
    if expect is not None:
        _read_expect(r, expect)
    date = r.date(top["date"], ("date",))
    for side, code in (("supplier", s_code), ("recipient", r_code)):
        state = ref.countries[code]
        if not state.exists_on(date):
            raise r.fail(
                (side, "country"),
                f"{state.name} existed {state.lifetime()}, not on {date}",
                f"write the state that existed on {date}, or a date inside {state.name}'s years",
            )
    sales = read_sales(r, top.get("related_sales"))
    for i, sale in enumerate(sales):
        if sale.date > date:
            raise r.fail(
                ("related_sales", i, "date"),
                f"the related sale of {sale.date} is later than the transfer ({date})",
                "list only earlier sales to the same recipient",
            )
    return Transfer(
        file=label,
        name=r.text(top["name"], ("name",)) or "",
        date=date,
        source=r.text(top.get("source"), ("source",), optional=True),
        supplier=supplier,
        recipient=recipient,
        channel=channel,
        items=read_items(r, top["items"], s_code),
        related_sales=sales,
        expect=expect,
        known_gap=r.text(top.get("known_gap"), ("known_gap",), optional=True),
        doc=doc,
        sales_territory=read_sales_territory(r, top.get("sales_territory")),
    )


def _read_expect(r: Any, expect: Any) -> None:
    """Check an ``expect`` block's keys and vocabulary (contract §3)."""
    from ..verdict import FAMILY_OUTCOMES, NOT_EVALUATED, VERDICTS

    block = r.mapping(expect, ("expect",), EXPECT_KEYS)
    if block.get("verdict") is not None:
        r.choice(block["verdict"], ("expect", "verdict"), VERDICTS, "verdict")
    families = block.get("families") or {}
    if not isinstance(families, dict):
        raise r.fail(
            ("expect", "families"),
            "expected a mapping of family: outcome",
            "e.g. families: {un-embargo: clear}",
        )
    for fam, outcome in families.items():
        r.choice(fam, ("expect", "families", fam), list(FAMILY_OUTCOMES), "family")
        allowed = (*FAMILY_OUTCOMES[fam], NOT_EVALUATED)  # a scenario may pin a gap in the law data
        r.choice(outcome, ("expect", "families", fam), allowed, f"{fam} outcome")
    for key in ("rules", "not_rules"):
        ids = block.get(key)
        if ids is not None and not (isinstance(ids, list) and all(isinstance(i, str) for i in ids)):
            raise r.fail(
                ("expect", key),
                "expected a list of rule ids",
                "e.g. [un-embargo/supplier-export-ban]",
            )
    lists = block.get("official_lists")
    if lists is not None and not (isinstance(lists, str) and lists.strip()):
        raise r.fail(
            ("expect", "official_lists"),
            "expected the path of a folder of official list files, relative to the scenario",
            "e.g. official_lists: ../../tests/fixtures/official",
        )
