"""Text in ASCII exactly as ``anyascii`` writes it, read from its tables without importing it.

``anyascii`` keeps one table for every 256 code points in its package's ``_data`` folder
(the ASCII forms joined by tabs, compressed with raw deflate) and reads a table through
``importlib.resources``, whose import brings ``zipfile``, ``tempfile``, ``shutil`` and
``threading`` with it: more work than transliterating every name of the lists. Here the
same tables are read from their files, the same way, when the installed ``anyascii`` shows
(in its own source) that it reads them that way; otherwise, and for a table that cannot be
read, ``anyascii`` itself does the work. Tests compare both on every code point it covers.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib.util import find_spec

# the lines of anyascii's own reader that this module's reader repeats
_ITS_WAY = (
    "blocknum = codepoint >> 8",
    "lo = codepoint & 0xFF",
    'b = read_binary("anyascii._data", "%03x" % blocknum)',
    's = decompress(b, -MAX_WBITS).decode("ascii")',
    'block = tuple(map(intern, s.split("\\t")))',
    "except FileNotFoundError:",
    "block = ()",
    "if len(block) > lo:",
)
_BINARY = getattr(os, "O_BINARY", 0)  # (Windows: no line ends translated)
_tables: dict[int, tuple[str, ...]] = {}
_folder: list[str | None] = []  # the tables' folder once looked for (None: use anyascii)
# each character met so far, by code point, as anyascii writes it (for str.translate); the
# characters in it, and the ASCII ones, which stay as they are
# (ASCII characters are in it as themselves: a character str.translate finds no value for
# costs it a KeyError raised and caught, in a name written partly in ASCII)
_ascii: dict[int, str] = dict(zip(range(0x80), map(chr, range(0x80)), strict=True))
_done: set[str] = {chr(point) for point in range(0x80)}


def anyascii(text: str) -> str:
    """``text`` in ASCII, as ``anyascii.anyascii(text)`` gives it."""
    if text.isascii():
        return text
    folder = _folder[0] if _folder else _find()
    if folder is None:
        return _theirs()(text)
    out = text.translate(_ascii)
    if out.isascii():  # every character already met (the values are ASCII)
        return out
    if not _learn(folder, set(text).difference(_done)):
        return _theirs()(text)
    return text.translate(_ascii)


def _learn(folder: str, chars: set[str]) -> bool:
    """Add the ASCII form of each of ``chars`` to :data:`_ascii`; False if a table is unreadable."""
    for ch in chars:
        point = ord(ch)
        table = _tables.get(point >> 8)
        if table is None:
            table = _read(folder, point >> 8)
            if table is None:
                return False
            _tables[point >> 8] = table
        low = point & 0xFF
        _ascii[point] = table[low] if len(table) > low else ""  # "" drops the character
        _done.add(ch)
    return True


def _find() -> str | None:
    """The folder of anyascii's tables, if the installed anyascii reads them as we do."""
    folder = None
    try:
        spec = find_spec("anyascii")
        if spec is not None and spec.origin and spec.submodule_search_locations:
            with open(spec.origin, encoding="utf-8") as f:
                source = f.read()
            data = os.path.join(spec.submodule_search_locations[0], "_data")
            if all(line in source for line in _ITS_WAY) and os.path.isdir(data):
                folder = data
    except (OSError, ValueError, ImportError):
        folder = None
    _folder[:] = [folder]
    return folder


def _read(folder: str, block: int) -> tuple[str, ...] | None:
    """Table ``block`` (empty when anyascii has none), or None if it cannot be read.

    Read with ``os.read`` (a table is a few hundred bytes; ``open`` makes a buffered file
    object around it), its texts not interned: they are only looked up.
    """
    import zlib

    try:
        fd = os.open(os.path.join(folder, f"{block:03x}"), os.O_RDONLY | _BINARY)
    except FileNotFoundError:
        return ()
    except OSError:
        return None
    try:
        raw = b""
        while chunk := os.read(fd, 1 << 16):
            raw += chunk
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        text = zlib.decompress(raw, -zlib.MAX_WBITS).decode("ascii")
    except (zlib.error, UnicodeDecodeError):
        return None
    return tuple(text.split("\t"))


def _theirs() -> Callable[[str], str]:
    from anyascii import anyascii as theirs

    return theirs
