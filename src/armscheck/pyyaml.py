"""PyYAML, imported without compiling the patterns only its pure-Python classes use.

Importing ``yaml`` compiles ``yaml.reader.Reader.NON_PRINTABLE``, a character class over
the whole of Unicode that Python's regular expression compiler lays out one code point at a
time: about 58 M instructions, a tenth of a cold ``armscheck check``. armscheck reads YAML
with libyaml (``yaml._yaml.CParser``), which finds non-printable characters itself; the
pattern serves only PyYAML's pure-Python reader (``yaml.safe_load``, or everything when
PyYAML is built without libyaml). Likewise ``SafeConstructor.timestamp_regexp`` (about 2.5 M)
serves only PyYAML's constructor of timestamps, which armscheck's readers never call (a
timestamp stays text). So while ``yaml`` is first imported here, those two patterns are made
:class:`Deferred`, compiled when first used. Every module of armscheck imports ``yaml`` from
here (``from ..pyyaml import yaml``).
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

from .lazyre import Deferred, _compile

__all__ = ["NON_PRINTABLE", "TIMESTAMP", "Deferred", "yaml"]

# yaml/reader.py's ``Reader.NON_PRINTABLE`` (were PyYAML to change it, it is compiled on import)
NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
# yaml/constructor.py's ``SafeConstructor.timestamp_regexp`` (compiled with re.X)
TIMESTAMP = r"""^(?P<year>[0-9][0-9][0-9][0-9])
                -(?P<month>[0-9][0-9]?)
                -(?P<day>[0-9][0-9]?)
                (?:(?:[Tt]|[ \t]+)
                (?P<hour>[0-9][0-9]?)
                :(?P<minute>[0-9][0-9])
                :(?P<second>[0-9][0-9])
                (?:\.(?P<fraction>[0-9]*))?
                (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)
                (?::(?P<tz_minute>[0-9][0-9]))?))?)?$"""
_DEFERRED = {(NON_PRINTABLE, 0), (TIMESTAMP, re.X)}


def _import() -> Any:
    """``import yaml``, with the patterns above deferred if this is the first import."""
    if "yaml" in sys.modules:
        return sys.modules["yaml"]

    def compile_(pattern: Any, flags: Any = 0) -> Any:
        if type(pattern) is str and (pattern, flags) in _DEFERRED:
            return Deferred(pattern, flags)
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
