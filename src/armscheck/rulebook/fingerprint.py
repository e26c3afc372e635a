"""What a cached rulebook was built from: a SHA-256 over the content of its source files.

The fingerprint covers every ``*.yaml`` file under the rules folder and every ``*.py``
module of the package (the files ``Path.rglob`` finds, symbolic links to folders not
followed). Hashing them all costs a few milliseconds on every run, so the fingerprint is
also kept in a small *stat record* beside the cache: each file's size, modification and
change times (in nanoseconds), inode and device. When every file still has exactly the
recorded status, the recorded fingerprint is used without reading the files; on any
difference, or any doubt about the record, the files are read and hashed again.

A file's change time (``st_ctime``) is set by the kernel on every write, rename or change
of its times, and cannot be set back by a program, so an edit that keeps the size and the
modification time (``os.utime``) is still seen. A record is only written when every file
was last changed at least :data:`SETTLED_NS` before the files were looked at, so an edit
made within the clock's resolution of that moment cannot go unseen.
"""

from __future__ import annotations

import json
import os
import stat
import time
from binascii import crc32
from pathlib import Path
from typing import Any

try:  # the BLAKE2 module Python always builds, without loading OpenSSL as hashlib does
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another interpreter
    from hashlib import blake2b

FORMAT = "armscheck-stat-record/3"
SETTLED_NS = 2_000_000_000  # a file changed more recently than this is not recorded
MAX_RECORD_BYTES = 1_000_000
_KEEP = 8  # stat records kept (one per rules folder and package)

Status = tuple[str, int, int, int, int, int]  # relative path, size, mtime, ctime, inode, device


def files(base: Path, suffix: str) -> list[tuple[str, os.stat_result]] | None:
    """(relative path, ``lstat``) of every file named ``*suffix`` under ``base``.

    The files ``base.rglob("*" + suffix)`` finds; ``None`` when one of them is not a
    regular file (a link, a FIFO, a folder so named), which turns caching off.
    """
    out: list[tuple[str, os.stat_result]] = []
    todo = [("", str(base))]
    while todo:
        prefix, folder = todo.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except PermissionError:
            continue  # rglob skips what it may not list
        except OSError:
            if not prefix:
                return out  # no such folder: nothing to hash
            return None
        for entry in entries:
            rel = prefix + entry.name
            try:
                if entry.name.endswith(suffix):
                    if not entry.is_file(follow_symlinks=False):
                        return None
                    out.append((rel, entry.stat(follow_symlinks=False)))
                elif entry.is_dir(follow_symlinks=False):
                    todo.append((rel + "/", entry.path))
            except OSError:
                return None
    return out


def regular_bytes(path: Path | str, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes, else ``None``.

    ``lstat`` comes first so that a FIFO or device is never opened; the file is then
    opened without following links and without blocking, and checked again.
    """
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


Sources = list[tuple[Path, str, os.stat_result]]


def sources(root: Path, package: Path) -> Sources | None:
    """Every source file in fingerprint order (by folder, then path), ``None`` if not regular."""
    rules = files(root, ".yaml")
    code = files(package, ".py")
    if rules is None or code is None:
        return None
    both = [(root, rel, st) for rel, st in rules] + [(package, rel, st) for rel, st in code]
    return sorted(both, key=lambda s: (str(s[0]), s[1]))


def statuses(found: Sources, root: Path) -> list[Status]:
    """What the stat record keeps of each file."""
    return [
        (
            ("r:" if base == root else "p:") + rel,
            st.st_size,
            st.st_mtime_ns,
            st.st_ctime_ns,
            st.st_ino,
            st.st_dev,
        )
        for base, rel, st in found
    ]


def check_digest(data: bytes | memoryview) -> str:
    """The check a cache file or stat record carries of its own bytes, to tell damage (CRC-32).

    Not a fingerprint (those are SHA-256, see :func:`compute`), nor a defence against whoever
    can write the cache folder (no unkeyed digest is: they can write its digest too). A
    CRC-32 tells every change within 32 consecutive bits (any edited byte) and misses other
    damage one time in 2**32; the parts' sizes tell a truncated file. It costs a quarter of
    a BLAKE2b digest of the 1.4 MB cache file, which took about 19 M instructions of every
    cold check.
    """
    return f"{crc32(data):08x}"


def compute(
    found: Sources, root: Path, head: bytes, limit: int
) -> tuple[str, tuple[str, int]] | None:
    """(fingerprint, (rules digest, rule files)) of the files' content; ``None`` if unreadable.

    The rules digest is :func:`rules_hash` of the same bytes.
    """
    digest = _sha256(head)
    rules: list[tuple[list[str], str, bytes]] = []
    for base, rel, _ in found:
        data = regular_bytes(base / rel, limit)
        if data is None:
            return None
        digest.update(b"%d\0%s\0%d\0%s" % (base == root, rel.encode(), len(data), data))
        if base == root:
            rules.append((rel.split("/"), rel, data))
    return digest.hexdigest(), _rules_digest((rel, data) for _, rel, data in sorted(rules))


def _sha256(data: bytes = b"") -> Any:  # hashlib.sha256(data), without importing hashlib
    try:  # (whose import asks OpenSSL for every algorithm it names)
        return __import__("_hashlib").openssl_sha256(data)  # (hashlib.sha256, where it works)
    except (ImportError, AttributeError, ValueError):  # OpenSSL makes none: hashlib's own
        return __import__("hashlib").sha256(data)


def _rules_digest(files: Any) -> tuple[str, int]:
    digest, count = _sha256(), 0
    for rel, data in files:
        digest.update(b"%s\0%s\0" % (rel.encode("utf-8"), data))
        count += 1
    return digest.hexdigest(), count


def rules_hash(root: Path) -> tuple[str, int]:
    """(sha256, number of files) over every rule and list file under ``root``.

    The files are those ``root.rglob("*.yaml")`` finds that are files, in the order of their
    paths' parts; where all are regular files, :func:`files` finds them at less cost.
    """
    regular = files(root, ".yaml")
    if regular is None:
        found = sorted(p for p in root.rglob("*.yaml") if p.is_file())
        return _rules_digest((p.relative_to(root).as_posix(), p.read_bytes()) for p in found)
    base = str(root)
    return _rules_digest(
        (rel, _bytes(os.path.join(base, rel)))
        for _, rel in sorted((rel.split("/"), rel) for rel, _ in regular)
    )


def _bytes(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


# --- the stat record -------------------------------------------------------------------


def _record_path(folder: Path, root: Path, package: Path) -> Path:
    name = blake2b(f"{root}\0{package}".encode(), digest_size=32).hexdigest()[:32]
    return folder / f"stat-{name}.json"


def recorded(
    folder: Path, root: Path, package: Path, head: bytes, now: list[Status]
) -> tuple[str, tuple[str, int]] | None:
    """The fingerprint recorded for exactly these file statuses, else ``None``."""
    raw = regular_bytes(_record_path(folder, root, package), MAX_RECORD_BYTES)
    if raw is None:
        return None
    try:
        top, _, body = raw.partition(b"\n")
        if json.loads(top) != {"format": FORMAT, "crc32": check_digest(body)}:
            return None
        doc = json.loads(body)
        if (doc["root"], doc["package"], doc["head"]) != (str(root), str(package), head.hex()):
            return None
        if [tuple(s) for s in doc["files"]] != now:
            return None
        key, digest, count = doc["key"], doc["rules"][0], doc["rules"][1]
        if not (isinstance(key, str) and isinstance(digest, str) and type(count) is int):
            return None
        return key, (digest, count)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None


def record(
    folder: Path,
    root: Path,
    package: Path,
    head: bytes,
    now: list[Status],
    found: tuple[str, tuple[str, int]],
    since_ns: int,
) -> None:
    """Keep ``found`` for these statuses, if every file had settled by ``since_ns``."""
    if os.name != "posix" or any(s[3] >= since_ns - SETTLED_NS for s in now):
        return  # elsewhere st_ctime is the creation time, which an edit leaves alone
    key, (digest, count) = found
    doc = {"root": str(root), "package": str(package), "head": head.hex(), "files": now}
    doc["key"] = key
    body = json.dumps({**doc, "rules": [digest, count]}, separators=(",", ":")).encode()
    top = json.dumps({"format": FORMAT, "crc32": check_digest(body)})
    store(
        folder,
        "stat-*.json",
        _KEEP,
        _record_path(folder, root, package),
        top.encode() + b"\n" + body,
    )


def fingerprint(
    root: Path, package: Path, head: bytes, limit: int, folder: Path
) -> tuple[str, tuple[str, int]] | None:
    """(fingerprint, rules digest) of the sources, from the stat record when it still fits."""
    since = time.time_ns()
    found = sources(root, package)
    if found is None:
        return None
    now = statuses(found, root)
    known = recorded(folder, root, package, head, now)
    if known is not None:
        return known
    computed = compute(found, root, head, limit)
    if computed is not None:
        record(folder, root, package, head, now, computed, since)
    return computed


def store(folder: Path, pattern: str, keep: int, target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` in ``folder`` atomically; failures are ignored.

    At most ``keep`` files matching ``pattern`` stay (the oldest go first).
    """
    try:
        import tempfile  # only to write a cache

        folder.mkdir(parents=True, exist_ok=True)
        old = sorted(
            (f for f in folder.glob(pattern) if f.is_file() and not f.is_symlink()),
            key=lambda f: f.stat().st_mtime,
        )
        for stale in old[: max(0, len(old) - keep + 1)]:
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + pattern.split("*")[0], suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if os.path.lexists(target) and not stat.S_ISREG(os.lstat(target).st_mode):
                return  # something that is not ours sits there: leave it, do not cache
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        return
