"""Reading a transfer file: bytes from a path or standard input, then YAML validated into a model.

The ``expect`` block's vocabulary (verdicts and family outcomes) belongs to the verdict; a
caller passes its check as ``expect_check`` (see :func:`armscheck.api.load_transfer`), so
this package never imports the verdict.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .decoding import MAX_BYTES, read_at_most
from .items import read_items, read_sales
from .model import (
    CHANNELS,
    END_USER_TYPES,
    EXPECT_KEYS,
    RECIPIENT_KEYS,
    SUPPLIER_KEYS,
    TOP_KEYS,
    Party,
    Transfer,
)
from .reader import Reader
from .vocab import read_sales_territory
from .yamldoc import Doc, parse

if TYPE_CHECKING:
    from ..rulebook.reference import Reference

ExpectCheck = Callable[[Reader, Any], None]


def load_transfer(
    path: str | Path,
    ref: Reference,
    *,
    name: str | None = None,
    expect_check: ExpectCheck | None = None,
) -> Transfer:
    """Read and validate the transfer file at ``path`` (``-`` is standard input)."""
    data, label = read_input(path, name)
    return read_transfer(data, label, ref, expect_check)


def read_input(path: str | Path, name: str | None = None) -> tuple[bytes, str]:
    """The bytes of the transfer file at ``path`` (``-`` is standard input) and its label."""
    label = name or str(path)
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        label = name or "<stdin>"
    else:
        size = _check_path(str(path), label)
        try:
            data = read_at_most(path, size)  # enough to tell that a file is too large
        except OSError as exc:
            raise InputError(
                f"cannot read the file ({exc.strerror})", file=label, hint="check the path"
            ) from None
    return data, label


def _check_path(path: str, label: str) -> int:
    """The size of the regular file at ``path``; refuse, with a reason and a remedy, any other.

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
    return st.st_size


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


def read_transfer(
    data: bytes | str, label: str, ref: Reference, expect_check: ExpectCheck | None = None
) -> Transfer:
    """Validate transfer YAML given as bytes or text."""
    return read_doc(parse(data, label), ref, expect_check)


def read_doc(doc: Doc, ref: Reference, expect_check: ExpectCheck | None = None) -> Transfer:
    """Validate an already parsed transfer document; ``expect_check`` checks an expect block."""
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
    # (an optional key left out is read as absent without a call: absent, none is wrong)
    names = sup.get("entities")
    supplier = Party(
        s_code,
        s_name,
        () if names is None else r.names(names, ("supplier", "entities")),
        r.loc(("supplier",)),
    )
    names, user, region = rec.get("entities"), rec.get("end_user"), rec.get("region")
    unit = rec.get("end_user_unit")
    # (the fields by position: a class called with keywords packs them in a dictionary first)
    recipient = Party(
        r_code,
        r_name,
        () if names is None else r.names(names, ("recipient", "entities")),
        r.loc(("recipient",)),
        None if user is None else r.party(user, ("recipient", "end_user")),  # end_user
        eut,
        eut_given,
        None if region is None else r.plain_name(region, ("recipient", "region")),
        None if unit is None else r.party(unit, ("recipient", "end_user_unit")),
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
        (expect_check or _expect_keys)(r, expect)
    date = r.date(top["date"], ("date",))
    for side, code in (("supplier", s_code), ("recipient", r_code)):
        state = ref.countries[code]
        if not state.exists_on(date):
            raise r.fail(
                (side, "country"),
                f"{state.name} existed {state.lifetime()}, not on {date}",
                f"write the state that existed on {date}, or a date inside {state.name}'s years",
            )
    sales = () if top.get("related_sales") is None else read_sales(r, top["related_sales"])
    for i, sale in enumerate(sales):
        if sale.date > date:
            raise r.fail(
                ("related_sales", i, "date"),
                f"the related sale of {sale.date} is later than the transfer ({date})",
                "list only earlier sales to the same recipient",
            )
    return Transfer(
        label,
        r.text(top["name"], ("name",)) or "",
        date,
        None if top.get("source") is None else r.text(top["source"], ("source",)),
        supplier,
        recipient,
        channel,
        read_items(r, top["items"], s_code),
        sales,
        expect,
        None if top.get("known_gap") is None else r.text(top["known_gap"], ("known_gap",)),
        doc,
        None
        if top.get("sales_territory") is None
        else read_sales_territory(r, top["sales_territory"]),
    )


def _expect_keys(r: Reader, expect: Any) -> None:
    """Check only an ``expect`` block's keys (the vocabulary check is the caller's)."""
    r.mapping(expect, ("expect",), EXPECT_KEYS)
