"""A cache of the validated rulebook, so each new process need not parse it again.

The cache is plain data: the rulebook as JSON, and after it each screening index (see
:mod:`..screening.saved`) as a ``marshal`` image of tuples, mappings, text, numbers and
bytes, which reads faster. Reading it runs nothing from the file (no pickle; code objects
are refused where Python can refuse them, and every value read is checked to be of a plain
type), but ``marshal`` is not made for hostile input: the cache is only as trustworthy as
the user's own cache folder, whose files someone able to write there could forge. Its key is a
SHA-256 over the package version, the path of the rules folder and the *content*
of every rule and list file under ``rules/`` and every module of the package: any
edit makes a new key, and a copy of the rules elsewhere gets a cache of its own.
Each cache file starts with a header line carrying the key and a CRC-32 of the
payload that follows (and the sizes of its parts), so a file that was truncated,
overwritten or edited (even one byte) is noticed, removed and rebuilt. Anything at the cache
path that is not a regular file (a FIFO, a device, a folder, a symbolic link)
is never opened: it is checked with ``lstat`` first and left alone.

The cache lives in ``$XDG_CACHE_HOME/armscheck`` (``~/.cache/armscheck``); set
``ARMSCHECK_NO_CACHE=1`` to bypass it. A cache that cannot be read or written is
ignored, and every doubt about a cached rulebook means "build it again".
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import marshal
import os
import stat
import sys
from pathlib import Path
from typing import Any

from ..records import fields, is_record
from . import caching_off
from . import fingerprint as stamps

_PACKAGE = Path(__file__).resolve().parents[1]  # the armscheck package
FORMAT = "armscheck-rulebook-cache/9"
MAX_CACHE_BYTES = 64_000_000  # far above a real rulebook; anything bigger is not ours
_KEEP = 3  # cached rulebooks kept, so checkouts sharing the cache do not thrash
# marshal refuses code objects when asked (Python 3.13 and later)
_NO_CODE: dict[str, bool] = {"allow_code": False} if sys.version_info >= (3, 13) else {}


class _Doubt(Exception):
    """The cached data is not what this version writes; rebuild it."""


def _folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "armscheck"


def key(root: Path) -> str | None:
    """The cache key for the rulebook under ``root``, or ``None`` when caching is off.

    It hashes the content of every rule and list file and every package module, so a
    rulebook is never taken from a cache built from other files. A file that is not a
    regular file (or cannot be read) turns caching off for this run.
    """
    found = fingerprint(root)
    return found[0] if found else None


def fingerprint(root: Path) -> tuple[str, tuple[str, int]] | None:
    """(cache key, (sha256, number) of the rule files), or ``None`` when caching is off.

    See :mod:`.fingerprint`: the files are hashed unless the stat record still fits them.
    """
    if caching_off():
        return None
    from ..version import __version__

    # the rules' folder is part of the key: a rulebook names its files by their paths, so
    # another copy of the same rules must not be read from this copy's cache
    head = f"{FORMAT}\0{__version__}\0{root}\0".encode()
    return stamps.fingerprint(root, _PACKAGE, head, MAX_CACHE_BYTES, _folder())


def _path(k: str) -> Path:
    return _folder() / f"rulebook-{k}.json"


def read(k: str, classes: dict[str, type]) -> tuple[Any, dict[str, memoryview]] | None:
    """The cached value for ``k`` and its parts (see :func:`write`), or ``None``.

    ``classes`` names the dataclasses the value may hold; nothing else is built. The
    parts are returned undecoded, each to be read with :func:`part` when first needed.
    A doubtful file is removed. The payload and the parts are read where the file's bytes
    lie, not copied out of them (a copy of a large file costs the memory it fills).
    """
    path = _path(k)
    raw = stamps.regular_bytes(path, MAX_CACHE_BYTES)
    if raw is None:
        return None
    try:
        view, end = memoryview(raw), raw.find(b"\n")
        meta = json.loads(raw[:end]) if end >= 0 else None
        payload = view[end + 1 :]
        if (
            not isinstance(meta, dict)
            or meta.get("format") != FORMAT
            or meta.get("key") != k
            or meta.get("crc32") != stamps.check_digest(payload)
        ):
            raise _Doubt("header")
        split = raw.find(b"\n", end + 1)
        split = len(raw) if split < 0 else split
        book = str(view[end + 1 : split], "utf-8", "surrogatepass")  # as json.loads decodes
        return decode(json.loads(book), classes), _parts(meta.get("parts"), view[split + 1 :])
    except (ValueError, TypeError, _Doubt, RecursionError):  # json's errors are ValueErrors
        _remove(path)
        return None


def _parts(sizes: Any, rest: memoryview) -> dict[str, memoryview]:
    """The parts after the rulebook, by name, as the header's (name, size) pairs cut them."""
    if not isinstance(sizes, list) or not all(
        isinstance(p, list) and len(p) == 2 and type(p[0]) is str and type(p[1]) is int
        for p in sizes
    ):
        raise _Doubt("parts")
    parts: dict[str, memoryview] = {}
    at = 0
    for name, size in sizes:
        if size < 0 or name in parts:
            raise _Doubt("parts")
        parts[name] = rest[at : at + size]
        at += size
    if at != len(rest):
        raise _Doubt("part sizes")
    return parts


def part(raw: bytes | memoryview) -> Any:
    """A part :func:`read` returned, as the plain data :func:`write` was given.

    :class:`ValueError` if it is not a ``marshal`` image; one holding code is refused where
    Python can refuse it (3.13 and later), and :mod:`..screening.saved` checks every value
    it reads to be of a plain type.
    """
    try:
        return marshal.loads(raw, **_NO_CODE)
    except (EOFError, TypeError) as exc:
        raise ValueError(f"not a cached part: {exc}") from None


def _remove(path: Path) -> None:
    try:
        if stat.S_ISREG(os.lstat(path).st_mode):
            path.unlink()
    except OSError:
        return


def write(k: str, value: Any, parts: dict[str, Any] | None = None) -> None:
    """Store ``value`` under ``k``, atomically; failures are ignored.

    Each of ``parts`` (lists, tuples, text-keyed mappings, text, numbers, bytes) follows the
    value as a ``marshal`` image, so that a reader decodes only the parts it needs and
    each one quickly (see :func:`read`).
    """
    folder = _folder()
    images = {name: marshal.dumps(data) for name, data in (parts or {}).items()}
    book = json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")).encode()
    payload = b"\n".join([book, b"".join(images.values())])
    meta = {
        "format": FORMAT,
        "key": k,
        "crc32": stamps.check_digest(payload),
        "parts": [[name, len(image)] for name, image in images.items()],
    }
    stamps.store(folder, "rulebook-*", _KEEP, _path(k), json.dumps(meta).encode() + b"\n" + payload)


# The payload: every value is a JSON scalar or a list whose first element says what it is,
# so no text from a rule file can ever be mistaken for structure. A list or mapping made only
# of JSON's own types (mappings with text keys, lists, scalars: most of a list file) is kept
# whole under "J", so that the C decoder of ``json`` builds it with no Python step per value.


def encode(value: Any) -> Any:
    """``value`` as JSON-ready plain data (see :func:`decode`)."""
    return _encode(value)[0]


def _encode(value: Any) -> tuple[Any, bool]:
    """(``value`` encoded, whether it is plain JSON: lists, text-keyed mappings, scalars)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value, True
    if isinstance(value, list):
        items = [_encode(v) for v in value]
        if all(plain for _, plain in items):
            return ["J", value], True
        return ["L", *(e for e, _ in items)], False
    if isinstance(value, tuple):
        return ["T", *(encode(v) for v in value)], False
    if isinstance(value, dict):
        pairs = [(_encode(k), _encode(v)) for k, v in value.items()]
        if all(type(k) is str and kp and vp for (k, kp), (_, vp) in pairs):
            return ["J", value], True
        out: list[Any] = ["D"]
        for (k, _), (v, _) in pairs:
            out += [k, v]
        return out, False
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return ["d", value.isoformat()], False
    if is_record(value) and not isinstance(value, type):
        out = ["C", type(value).__name__]
        for f in fields(value):
            if f.init and not f.name.startswith("_memo"):
                out += [f.name, encode(getattr(value, f.name))]
        return out, False
    raise TypeError(f"cannot cache a {type(value).__name__}")


_SCALARS = frozenset({type(None), bool, int, float, str})  # what json gives as it is


def decode(data: Any, classes: dict[str, type]) -> Any:
    """The value :func:`encode` wrote; :class:`_Doubt` for anything else."""
    if type(data) in _SCALARS:
        return data
    if type(data) is not list or not data:
        if isinstance(data, (bool, int, float, str)):
            return data
        raise _Doubt("shape")
    tag, size = data[0], len(data)
    if tag == "J" and size == 2:
        return data[1]  # built by json: plain data only
    if tag == "T" or tag == "L":
        items = [v if type(v) in _SCALARS else decode(v, classes) for v in data[1:]]
        return tuple(items) if tag == "T" else items
    if tag == "C" and size % 2 == 0 and data[1] in classes:
        return _record(classes[data[1]], data, classes)
    if tag == "D" and size % 2 == 1:
        pairs = zip(data[1::2], data[2::2], strict=True)
        return {decode(k, classes): decode(v, classes) for k, v in pairs}
    if tag == "d" and size == 2 and isinstance(data[1], str):
        return dt.date.fromisoformat(data[1])
    raise _Doubt(f"tag {tag!r}")


def _record(cls: type, data: list[Any], classes: dict[str, type]) -> Any:
    """The record ``["C", name, field, value, ...]`` of class ``cls``."""
    names = _init_fields(cls)
    kwargs = {}
    for at in range(2, len(data), 2):
        name, value = data[at], data[at + 1]
        if name not in names:
            raise _Doubt(f"field {name!r}")
        kwargs[name] = value if type(value) in _SCALARS else decode(value, classes)
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise _Doubt(str(exc)) from None


@functools.lru_cache(maxsize=64)
def _init_fields(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls) if f.init)
