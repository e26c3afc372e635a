"""Alias numbers packed in bytes (``array`` typecode ``I``), checked without a loop in Python.

A cached screening index holds tens of thousands of alias numbers, and each must be below
the number of aliases. Comparing them one by one in Python took about a millisecond; when
the bound fits in two bytes, :func:`below` asks the same of whole strings of bytes: the
two high bytes of every number must be zero and its two low bytes at most ``bound - 1``,
which :meth:`bytes.translate`, :meth:`bytes.count` and one AND of two integers tell for
all the numbers at once.
"""

from __future__ import annotations

import sys
from array import array
from typing import Final

IDS: Final = "I"  # how alias numbers and where they end are packed (array typecode)
WIDTH = array(IDS).itemsize
# where the lowest byte, the second byte and the two highest bytes of a number sit
_LOW, _SECOND, _HIGH = (0, 1, (2, 3)) if sys.byteorder == "little" else (3, 2, (0, 1))


def _over(top: int) -> bytes:
    """A table for :meth:`bytes.translate`: 0xFF for a byte above ``top``, else 0."""
    return bytes(top + 1) + b"\xff" * (255 - top)


def below(ids: bytes, bound: int) -> bool:
    """Whether every number packed in ``ids`` (whole numbers as ``IDS``) is below ``bound``."""
    count = len(ids) // WIDTH
    if not count:
        return True
    if WIDTH != 4 or not 0 < bound <= 1 << 16:
        return max(memoryview(ids).cast(IDS)) < bound
    if any(ids[at::4].count(0) != count for at in _HIGH):
        return False  # a number of 65,536 or more
    second, low = divmod(bound - 1, 256)
    seconds = ids[_SECOND::4]
    if b"\xff" in seconds.translate(_over(second)):
        return False
    at_edge = seconds.translate(bytes(second) + b"\xff" + bytes(255 - second))
    too_low = ids[_LOW::4].translate(_over(low))
    return not int.from_bytes(at_edge, "little") & int.from_bytes(too_low, "little")
