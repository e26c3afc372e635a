"""A cache of the validated rulebook, so each new process need not parse it again.

The key hashes the package version and the path, size and modification time of
every file under ``rules/`` and every module of the package: any edit makes a
new key. The cache lives in ``$XDG_CACHE_HOME/armscheck`` (``~/.cache/armscheck``);
set ``ARMSCHECK_NO_CACHE=1`` to bypass it. A cache that cannot be read or written
is ignored.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import zlib
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


def _folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "armscheck"


def key(root: Path) -> str | None:
    """The cache key for the rulebook under ``root``, or ``None`` when caching is off."""
    if os.environ.get("ARMSCHECK_NO_CACHE"):
        return None
    from . import __version__

    parts = [__version__, str(root.resolve())]
    for f in sorted([*root.rglob("*.yaml"), *_PACKAGE.rglob("*.py")]):
        st = f.stat()
        parts.append(f"{f}|{st.st_size}|{st.st_mtime_ns}")
    text = "\n".join(parts).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text):x}"


def read(k: str) -> Any:
    """The cached value for ``k``, or ``None``."""
    try:
        with open(_folder() / f"rulebook-{k}.pickle", "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def write(k: str, value: Any) -> None:
    """Store ``value`` under ``k``, atomically; failures are ignored."""
    folder = _folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        old = sorted(folder.glob("rulebook-*.pickle"), key=lambda f: f.stat().st_mtime)
        for stale in old[:-3]:  # keep a few, so checkouts sharing the cache do not thrash
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"rulebook-{k}.pickle")
    except OSError:
        return
