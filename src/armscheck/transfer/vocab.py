"""The transfer vocabulary the law turns on, beyond the basic item.

Lethality, finer end users, calibre and the system a part serves, significant military
equipment, ECCNs and sales territory. Every field is optional; an absent one is read the
stricter way by the rules, which say so.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from ..lazyre import deferred
from ..records import record
from .values import shown

if TYPE_CHECKING:
    from .reader import Reader

Path = tuple[str | int, ...]

END_USER_TYPES = (
    "government",
    "non-state",
    "un-mission",
    "armed-group",
    "private-security-company",
    "sub-national-forces",
    "transitional-authority",
    "multinational-force",
)
# The three classes lists written before the finer types know. A finer type counts as its
# class only where that is the stricter reading: an armed group or a private security company
# is non-state; sub-national forces, a transitional authority and a multinational force are
# neither "the government" nor "a UN mission" for an exception that names only those.
END_USER_CLASS = {
    "government": "government",
    "non-state": "non-state",
    "un-mission": "un-mission",
    "armed-group": "non-state",
    "private-security-company": "non-state",
    "sub-national-forces": "non-state",
    "transitional-authority": "non-state",
    "multinational-force": "non-state",
}
# End users that are part of a state's own forces: a policy of denial aimed at a country's
# armed forces, police or security forces reaches them too.
STATE_FORCES = ("government", "sub-national-forces", "transitional-authority")

MAX_CALIBRE_MM = 1000.0
_ECCN = deferred(r"^[0-9][A-E][0-9]{3}(\.[A-Z0-9]+)*$")
_SIX_HUNDRED = deferred(r"^[0-9][A-E](6[0-9]{2}|515)(\.|$)")
_DOT_Y = deferred(r"^[0-9][A-E](6[0-9]{2}|515)\.?Y")


def end_user_class(end_user_type: str) -> str:
    """``government``, ``non-state`` or ``un-mission`` for any end-user type."""
    return END_USER_CLASS.get(end_user_type, "non-state")


def end_user_matches(end_user_type: str, listed: list[str] | tuple[str, ...]) -> bool:
    """Whether an exception written for ``listed`` end-user types covers this one."""
    return end_user_type in listed or end_user_class(end_user_type) in listed


def denial_reaches(end_user_type: str, listed: list[str] | tuple[str, ...]) -> bool:
    """Whether a policy of denial aimed at ``listed`` end users reaches this one (strictly)."""
    if end_user_type in listed:
        return True
    if "government" in listed and end_user_type in STATE_FORCES:
        return True
    return "non-state" in listed and end_user_class(end_user_type) == "non-state"


def normal_eccn(text: str) -> str:
    """An ECCN in one spelling: upper case, no spaces (``9a515.y.1`` -> ``9A515.Y.1``)."""
    return re.sub(r"\s+", "", text).upper()


def eccn_control(eccn: str) -> str:
    """The content class an ECCN gives: ``ear99``, ``ear-600`` or ``ear``."""
    if eccn == "EAR99":
        return "ear99"
    if _SIX_HUNDRED.match(eccn) and not _DOT_Y.match(eccn):
        return "ear-600"
    return "ear"


def is_dot_y(eccn: str | None) -> bool:
    """Whether an ECCN is a 600-series or 9x515 ``.y`` entry."""
    return bool(eccn and _DOT_Y.match(eccn))


@record(frozen=True)
class Extras:
    """The optional vocabulary of one item or component."""

    lethal: bool | None = None
    calibre_mm: float | None = None
    for_system: str | None = None
    serves_category: str | None = None
    sme: bool | None = None
    eccn: str | None = None


def read_eccn(
    r: Reader, raw: Any, path: Path, control: str | None, derive: bool = True
) -> tuple[str | None, str | None]:
    """(ECCN, control) for an item or component: the ECCN checked, the control it implies.

    A stated control must agree with the ECCN's class; with no control stated, the ECCN's class
    is the control (``ear99``, ``ear-600`` for 600-series and 9x515 entries, ``ear`` otherwise)
    when ``derive`` (US-origin content). A foreign-made item's ECCN only classifies it.
    """
    text = r.text(raw, path + ("eccn",), optional=True)
    if not text:
        return None, control
    eccn = normal_eccn(text)
    if eccn != "EAR99" and not _ECCN.match(eccn):
        raise r.fail(
            path + ("eccn",),
            f"not an ECCN: {shown(text)}",
            "write an Export Control Classification Number such as 5A002, 0A606.a, 9A515.y.1 "
            "or EAR99",
        )
    implied = eccn_control(eccn)
    if control is None:
        return eccn, implied if derive else None
    if control in ("itar", "none"):
        raise r.fail(
            path + ("eccn",),
            f"an ECCN is given but control is {control!r}",
            f"an ECCN names an item subject to the EAR: remove 'eccn', or set 'control: {implied}'",
        )
    if control != implied:
        raise r.fail(
            path + ("control",),
            f"control {control!r} does not match ECCN {eccn}, which is {implied!r} content",
            f"write 'control: {implied}' or correct the ECCN",
        )
    return eccn, control


def read_calibre(r: Reader, raw: Any, path: Path) -> float | None:
    """``calibre_mm`` as a positive number of millimetres (``12.7`` or ``"12.7 mm"``)."""
    if raw is None:
        return None
    value: Any = raw
    if isinstance(raw, str):
        m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(?:mm)?\s*", raw, flags=re.I)
        value = float(m.group(1)) if m else None
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or not 0 < value <= MAX_CALIBRE_MM
    ):
        raise r.fail(
            path + ("calibre_mm",),
            f"expected a calibre in millimetres, found {shown(raw)}",
            "write the calibre as a number of millimetres, e.g. calibre_mm: 12.7 (a .50 BMG "
            "round) or 155",
        )
    return float(value)


# the keys read_extras reads: with none of them written, every extra is None
_EXTRA_KEYS = frozenset(
    "eccn significant_military_equipment serves_category lethal calibre_mm for_system".split()
)
_NO_EXTRAS = Extras()


def category_names(r: Reader) -> list[str]:
    """The item categories, in the rulebook's order (listed once per process)."""
    return r.ref.memo("transfer.categories", lambda: list(r.ref.categories))


def read_extras(
    r: Reader,
    raw: dict[str, Any],
    path: Path,
    control: str | None,
    *,
    item: bool,
    us_origin: bool = True,
) -> tuple[Extras, str | None]:
    """The optional vocabulary of an item (``item``) or a component, and its control."""
    if raw.keys().isdisjoint(_EXTRA_KEYS):  # none written: the commonest case
        return _NO_EXTRAS, control
    eccn, control = read_eccn(r, raw.get("eccn"), path, control, derive=us_origin)
    sme = r.flag(
        raw.get("significant_military_equipment"), path + ("significant_military_equipment",)
    )
    if not item:
        return Extras(sme=sme, eccn=eccn), control
    serves = None
    if raw.get("serves_category") is not None:
        serves = r.choice(
            raw["serves_category"],
            path + ("serves_category",),
            category_names(r),
            "serves_category (an item category)",
        )
    return (
        Extras(
            lethal=r.flag(raw.get("lethal"), path + ("lethal",)),
            calibre_mm=read_calibre(r, raw.get("calibre_mm"), path),
            for_system=r.text(raw.get("for_system"), path + ("for_system",), optional=True),
            serves_category=serves,
            sme=sme,
            eccn=eccn,
        ),
        control,
    )


def read_sales_territory(r: Reader, raw: Any) -> tuple[str, ...] | None:
    """``sales_territory``: the countries the sale authorizes re-export to ([] for none)."""
    if raw is None:
        return None
    if not isinstance(raw, (list, tuple)):  # a tuple only from a counterfactual edit
        raise r.fail(
            ("sales_territory",),
            "expected a list of countries",
            "write sales_territory: [] when the sale authorizes no re-export, or list the "
            "countries, e.g. [DE, FR]",
        )
    return tuple(dict.fromkeys(r.country(c, ("sales_territory", i))[0] for i, c in enumerate(raw)))
