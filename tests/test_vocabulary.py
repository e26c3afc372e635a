"""The optional transfer vocabulary: lethality, finer end users, calibre, SME, ECCN, sales
territory and the drawdown channel. Each is read with located errors and a "did you mean",
and an absent value is read the stricter way."""

from __future__ import annotations

import pytest

from armscheck.api import read_transfer
from armscheck.errors import InputError
from armscheck.rulebook.reference import Reference
from armscheck.transfer.model import Transfer

BASE = """\
name: Test transfer
date: 2021-08-27
supplier:
  country: TR
recipient:
  country: IQ
  end_user_type: {eut}
{top}items:
  - description: Helicopter
    category: attack-helicopter
    unit_value_usd: 60m
{item}    components:
      - description: engine
        origin: US
        unit_value_usd: 1m
{comp}"""


def load(
    reference: Reference, eut: str = "government", top: str = "", item: str = "", comp: str = ""
) -> Transfer:
    text = BASE.format(eut=eut, top=top, item=item, comp=comp)
    return read_transfer(text, "t.yaml", reference)


def test_every_new_field_is_read(reference: Reference) -> None:
    t = load(
        reference,
        eut="multinational-force",
        top="sales_territory: [DE, France]\n",
        item="    lethal: false\n    calibre_mm: 30 mm\n    for_system: t129-atak\n"
        "    serves_category: attack-helicopter\n    significant_military_equipment: true\n",
        comp="        eccn: 9A619.a\n        significant_military_equipment: false\n",
    )
    item = t.items[0]
    assert (item.lethal, item.extras.calibre_mm, item.extras.for_system) == (
        False,
        30.0,
        "t129-atak",
    )
    assert item.extras.serves_category == "attack-helicopter" and item.extras.sme is True
    comp = item.components[0]
    assert comp.extras.eccn == "9A619.A" and comp.control == "ear-600" and comp.extras.sme is False
    assert t.sales_territory == ("DE", "FR")
    assert t.recipient.end_user_type == "multinational-force"
    assert t.recipient.end_user_class == "non-state"


def test_absent_fields_stay_unknown(reference: Reference) -> None:
    t = load(reference)
    assert t.sales_territory is None
    assert t.items[0].lethal is None and t.items[0].extras.sme is None
    assert t.items[0].components[0].extras.eccn is None


@pytest.mark.parametrize(
    ("kw", "line", "fragment", "hint"),
    [
        ({"eut": "armed group"}, 7, "unknown end_user_type 'armed group'", "armed-group"),
        ({"item": "    lethal: yes please\n"}, 12, "expected true or false", "true or false"),
        ({"item": "    calibre_mm: -5\n"}, 12, "calibre", "millimetres"),
        ({"item": "    serves_category: tank\n"}, 12, "unknown serves_category", "battle-tank"),
        ({"comp": "        eccn: 5X002\n"}, 16, "not an ECCN", "5A002"),
        (
            {"comp": "        control: ear\n        eccn: 0A606.a\n"},
            16,
            "does not match ECCN 0A606.A",
            "ear-600",
        ),
        ({"comp": "        control: itar\n        eccn: 5A002\n"}, 17, "control is 'itar'", "eccn"),
        ({"top": "sales_territory: Germany\n"}, 8, "expected a list of countries", "[]"),
        ({"top": "sales_territory: [Narnia]\n"}, 8, "unknown country 'Narnia'", ""),
        ({"top": "sale_territory: []\n"}, 8, "sale_territory", "sales_territory"),
        ({"item": "    ecn: 5A002\n"}, 12, "ecn", "eccn"),
    ],
)
def test_located_errors(
    reference: Reference, kw: dict[str, str], line: int, fragment: str, hint: str
) -> None:
    with pytest.raises(InputError) as info:
        load(reference, **kw)
    err = info.value
    assert fragment in str(err), str(err)
    assert err.file == "t.yaml" and err.line == line, str(err)
    assert hint in (err.hint or ""), err.hint


def test_drawdown_is_a_us_channel_only(reference: Reference) -> None:
    with pytest.raises(InputError, match="applies only to a US supplier"):
        load(reference, top="channel: drawdown\n")
    text = BASE.format(eut="government", top="channel: drawdown\n", item="", comp="")
    t = read_transfer(text.replace("country: TR", "country: US"), "t.yaml", reference)
    assert t.channel == "drawdown"
