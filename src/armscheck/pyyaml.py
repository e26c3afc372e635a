"""PyYAML, imported without compiling a pattern that only its pure-Python reader uses.

Importing ``yaml`` compiles ``yaml.reader.Reader.NON_PRINTABLE``, a character class over
the whole of Unicode that Python's regular expression compiler lays out one code point at a
time: about 58 M instructions, a tenth of a cold ``armscheck check``. armscheck reads YAML
with libyaml (``yaml._yaml.CParser``), which finds non-printable characters itself; the
pattern serves only PyYAML's pure-Python reader (``yaml.safe_load``, or everything when
PyYAML is built without libyaml). So while ``yaml`` is first imported here, that one pattern
is made a :class:`Deferred`, compiled when it is first used. Every module of armscheck
imports ``yaml`` from here (``from ..pyyaml import yaml``).
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

from .lazyre import Deferred, _compile

__all__ = ["NON_PRINTABLE", "Deferred", "yaml"]

# yaml/reader.py's ``Reader.NON_PRINTABLE`` (were PyYAML to change it, it is compiled on import)
NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


def _import() -> Any:
    """``import yaml``, with :data:`NON_PRINTABLE` deferred if this is the first import."""
    if "yaml" in sys.modules:
        return sys.modules["yaml"]

    def compile_(pattern: Any, flags: Any = 0) -> Any:
        if flags == 0 and type(pattern) is str and pattern == NON_PRINTABLE:
            return Deferred(pattern)
        return _compile(pattern, flags)

    re.compile = compile_
    try:
        import yaml
    finally:
        re.compile = _compile
    return yaml


if TYPE_CHECKING:
    import yaml
else:
    yaml = _import()
