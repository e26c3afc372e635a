"""The records' ``__init__`` functions written out in ``recordinits.py`` (compiled with the
package) are the ones ``records`` would compile from their text.

Run this file (``python tests/test_recordinits.py``) to write ``recordinits.py`` again after
changing a record's fields.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from pathlib import Path
from typing import Any

import armscheck
from armscheck import records, recordtext

WRITTEN = Path(armscheck.__file__).parent / "recordinits.py"
_HEAD = '''"""Each record class's ``__init__``, as :mod:`.records` writes it, compiled with the
package.

Written by ``python tests/test_recordinits.py`` from the package's record classes; do not
edit. :mod:`.records` looks a class's ``__init__`` text up in :data:`CODE` and compiles it
only when it is not here (a test checks that this module is current and that each code is
that of its text).
"""
# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

from types import CodeType

CODE: dict[str, CodeType] = {}
'''


def _ours(cls: type) -> bool:
    init = cls.__dict__.get("__init__")
    if isinstance(init, records._LaterInit):
        return True
    return getattr(init, "__qualname__", None) == f"{cls.__qualname__}.__init__" and getattr(
        getattr(init, "__code__", None), "co_filename", ""
    ) in ("<string>", str(WRITTEN))


def texts() -> list[str]:
    """The ``__init__`` text of every record class defined at the top of a package module."""
    found: set[str] = set()
    for info in pkgutil.walk_packages(armscheck.__path__, "armscheck."):
        if info.name.endswith((".__main__", ".recordinits")):
            continue
        module = importlib.import_module(info.name)
        for value in list(vars(module).values()):
            if not isinstance(value, type) or "__record_fields__" not in value.__dict__:
                continue
            if not value.__record_options__[0] or not _ours(value):
                continue
            frozen = value.__record_options__[3]
            slots = "__slots__" in value.__dict__
            post = hasattr(value, "__post_init__")
            found.add(recordtext.init_text(value.__record_fields__, frozen, slots, post)[0])
    return sorted(found)


def written() -> str:
    parts = [_HEAD]
    for text in texts():
        head = text.partition("\n")[0]
        # the defaults are the class's: here any value will do, as only the code is kept
        names = "".join(f"{n} = " for n in sorted(set(re.findall(r"=(__record_\w+)", head))))
        parts.append(f"\n{names}None\n" if names else "\n")
        parts.append(f"\n{text}\n\n\nCODE[{text!r}] = __init__.__code__\n")
    parts.append("\ndel __init__\n")
    return "".join(parts)


def _code(text: str) -> Any:
    defined: dict[str, Any] = {}
    head = text.partition("\n")[0]
    exec(text, dict.fromkeys(re.findall(r"=(__record_\w+)", head)), defined)  # noqa: S102 - the texts records writes
    return defined["__init__"].__code__


def test_recordinits_is_current() -> None:
    assert WRITTEN.read_text(encoding="utf-8") == written(), "run python tests/test_recordinits.py"


def test_each_written_init_is_its_text_compiled() -> None:
    from armscheck.recordinits import CODE

    assert len(CODE) > 20
    for text, code in CODE.items():
        compiled = _code(text)
        for attribute in (
            "co_code",
            "co_consts",
            "co_names",
            "co_varnames",
            "co_argcount",
            "co_kwonlyargcount",
            "co_flags",
            "co_name",
            "co_qualname",
        ):
            assert getattr(code, attribute) == getattr(compiled, attribute), (text, attribute)


def test_a_package_record_takes_its_written_init() -> None:
    import datetime as dt

    from armscheck.rulebook.reference import Country

    made = Country("YU", "Yugoslavia", True, existed_to=dt.date(1992, 4, 27))
    init = Country.__dict__["__init__"]
    assert init.__code__.co_filename == str(WRITTEN)
    assert init.__qualname__ == "Country.__init__"
    assert init.__defaults__ == (False, None, None)
    assert (made.code, made.name, made.historic, made.existed_from) == (
        "YU",
        "Yugoslavia",
        True,
        None,
    )
    assert made.existed_to == dt.date(1992, 4, 27)
    assert Country("IQ", "Iraq") == Country("IQ", "Iraq", False, None, None)


if __name__ == "__main__":
    WRITTEN.write_text(written(), encoding="utf-8")
    sys.exit(0)
